package main

import (
	"net"
	"net/netip"
	"sync/atomic"
	"time"
)

// rawImpl is net.UDPConn with the allocation-free AddrPort calls, one
// datagram per system call.
type rawImpl struct{}

func (rawImpl) echoServer(stop <-chan struct{}) {
	c := listen(0)
	printPort(localPort(c))
	go func() { <-stop; c.Close() }()
	buf := make([]byte, 65536)
	for {
		n, from, err := c.ReadFromUDPAddrPort(buf)
		if err != nil {
			return
		}
		c.WriteToUDPAddrPort(buf[:n], from)
	}
}

func (rawImpl) sink(rcvbuf, count int, idle time.Duration) {
	c := listen(rcvbuf)
	printPort(localPort(c))
	sc := newSinkCounter()
	done := make(chan struct{})
	go func() {
		defer close(done)
		buf := make([]byte, 65536)
		for {
			if _, _, err := c.ReadFromUDPAddrPort(buf); err != nil {
				return
			}
			if sc.add(1) == int64(count) {
				return
			}
		}
	}()
	sc.wait(count, idle, done)
	c.Close()
}

func (rawImpl) echoClient(port, size, inflight int, warm, measure time.Duration) {
	c := listen(0)
	to := netip.AddrPortFrom(loopback, uint16(port))
	msg := make([]byte, size)
	var count atomic.Int64
	prime := func() {
		for i := 0; i < inflight; i++ {
			c.WriteToUDPAddrPort(msg, to)
		}
	}
	prime()
	go func() {
		buf := make([]byte, 65536)
		for {
			c.SetReadDeadline(time.Now().Add(200 * time.Millisecond))
			n, _, err := c.ReadFromUDPAddrPort(buf)
			if ne, ok := err.(net.Error); ok && ne.Timeout() {
				prime() // lost datagrams: top up
				continue
			}
			if err != nil {
				return
			}
			count.Add(1)
			c.WriteToUDPAddrPort(buf[:n], to)
		}
	}()
	window(&count, warm, measure)
	c.Close()
}

func (rawImpl) pingClient(port, size, n, warm int) {
	c := listen(0)
	to := netip.AddrPortFrom(loopback, uint16(port))
	msg := make([]byte, size)
	buf := make([]byte, 65536)
	rtts := make([]time.Duration, 0, n)
	lost := 0
	var start time.Time
	for i := 0; i < warm+n; i++ {
		if i == warm {
			start = time.Now()
		}
		t0 := time.Now()
		c.WriteToUDPAddrPort(msg, to)
		for {
			c.SetReadDeadline(time.Now().Add(100 * time.Millisecond))
			if _, _, err := c.ReadFromUDPAddrPort(buf); err == nil {
				break
			}
			lost++
			t0 = time.Now()
			c.WriteToUDPAddrPort(msg, to)
		}
		if i >= warm {
			rtts = append(rtts, time.Since(t0))
		}
	}
	pingStats(rtts, lost, time.Since(start))
	c.Close()
}

func (rawImpl) blast(port, size, n int) {
	c := listen(0)
	to := netip.AddrPortFrom(loopback, uint16(port))
	msg := make([]byte, size)
	t0 := time.Now()
	for i := 0; i < n; i++ {
		c.WriteToUDPAddrPort(msg, to)
	}
	result(map[string]any{"sent": n, "secs": time.Since(t0).Seconds()})
	c.Close()
}
