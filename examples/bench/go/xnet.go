package main

import (
	"net"
	"net/netip"
	"sync/atomic"
	"time"

	"golang.org/x/net/ipv4"
)

// xnetImpl is golang.org/x/net/ipv4's ReadBatch and WriteBatch: up to
// batch datagrams per recvmmsg and sendmmsg.
type xnetImpl struct{}

const batch = 64

// messages are batch messages, each with a buffer of size bytes.
func messages(size int) []ipv4.Message {
	ms := make([]ipv4.Message, batch)
	for i := range ms {
		ms[i].Buffers = [][]byte{make([]byte, size)}
	}
	return ms
}

// echoBatch reads a batch and writes it back to where each came from (to
// nil) or to to; it returns the datagrams read.
func echoBatch(p *ipv4.PacketConn, in, out []ipv4.Message, to net.Addr) (int, error) {
	n, err := p.ReadBatch(in, 0)
	if err != nil {
		return 0, err
	}
	for i := 0; i < n; i++ {
		out[i].Buffers = [][]byte{in[i].Buffers[0][:in[i].N]}
		out[i].Addr = in[i].Addr
		if to != nil {
			out[i].Addr = to
		}
	}
	for sent := 0; sent < n; {
		k, err := p.WriteBatch(out[sent:n], 0)
		if err != nil {
			return n, err
		}
		sent += k
	}
	return n, nil
}

func (xnetImpl) echoServer(stop <-chan struct{}) {
	c := listen(0)
	printPort(localPort(c))
	go func() { <-stop; c.Close() }()
	p := ipv4.NewPacketConn(c)
	in, out := messages(65536), make([]ipv4.Message, batch)
	for {
		if _, err := echoBatch(p, in, out, nil); err != nil {
			return
		}
	}
}

func (xnetImpl) sink(rcvbuf, count int, idle time.Duration) {
	c := listen(rcvbuf)
	printPort(localPort(c))
	sc := newSinkCounter()
	done := make(chan struct{})
	go func() {
		defer close(done)
		p := ipv4.NewPacketConn(c)
		in := messages(65536)
		for {
			n, err := p.ReadBatch(in, 0)
			if err != nil {
				return
			}
			if sc.add(n) >= int64(count) {
				return
			}
		}
	}()
	sc.wait(count, idle, done)
	c.Close()
}

func (xnetImpl) echoClient(port, size, inflight int, warm, measure time.Duration) {
	c := listen(0)
	p := ipv4.NewPacketConn(c)
	to := net.UDPAddrFromAddrPort(netip.AddrPortFrom(loopback, uint16(port)))
	msg := make([]byte, size)
	prime := func() {
		ms := make([]ipv4.Message, inflight)
		for i := range ms {
			ms[i] = ipv4.Message{Buffers: [][]byte{msg}, Addr: to}
		}
		for sent := 0; sent < len(ms); {
			k, err := p.WriteBatch(ms[sent:], 0)
			if err != nil {
				return
			}
			sent += k
		}
	}
	prime()
	var count atomic.Int64
	go func() {
		in, out := messages(65536), make([]ipv4.Message, batch)
		for {
			c.SetReadDeadline(time.Now().Add(200 * time.Millisecond))
			n, err := echoBatch(p, in, out, to)
			if ne, ok := err.(net.Error); ok && ne.Timeout() {
				prime()
				continue
			}
			if err != nil {
				return
			}
			count.Add(int64(n))
		}
	}()
	window(&count, warm, measure)
	c.Close()
}

// pingClient has one datagram in flight: batching has nothing to gather,
// so this is one recvmmsg and one sendmmsg per round trip.
func (xnetImpl) pingClient(port, size, n, warm int) {
	c := listen(0)
	p := ipv4.NewPacketConn(c)
	to := net.UDPAddrFromAddrPort(netip.AddrPortFrom(loopback, uint16(port)))
	out := []ipv4.Message{{Buffers: [][]byte{make([]byte, size)}, Addr: to}}
	in := messages(65536)[:1]
	rtts := make([]time.Duration, 0, n)
	lost := 0
	var start time.Time
	for i := 0; i < warm+n; i++ {
		if i == warm {
			start = time.Now()
		}
		t0 := time.Now()
		p.WriteBatch(out, 0)
		for {
			c.SetReadDeadline(time.Now().Add(100 * time.Millisecond))
			if _, err := p.ReadBatch(in, 0); err == nil {
				break
			}
			lost++
			t0 = time.Now()
			p.WriteBatch(out, 0)
		}
		if i >= warm {
			rtts = append(rtts, time.Since(t0))
		}
	}
	pingStats(rtts, lost, time.Since(start))
	c.Close()
}

func (xnetImpl) blast(port, size, n int) {
	c := listen(0)
	p := ipv4.NewPacketConn(c)
	to := net.UDPAddrFromAddrPort(netip.AddrPortFrom(loopback, uint16(port)))
	msg := make([]byte, size)
	ms := make([]ipv4.Message, batch)
	for i := range ms {
		ms[i] = ipv4.Message{Buffers: [][]byte{msg}, Addr: to}
	}
	t0 := time.Now()
	for sent := 0; sent < n; {
		k, err := p.WriteBatch(ms[:min(batch, n-sent)], 0)
		if err != nil {
			fail(err)
		}
		sent += k
	}
	result(map[string]any{"sent": n, "secs": time.Since(t0).Seconds()})
	c.Close()
}
