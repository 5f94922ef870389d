package main

import (
	"net/netip"
	"sync/atomic"
	"time"

	"github.com/dgramkit/dgramkit/dgram"
)

// dgramkitImpl is dgramkit's Go API: a 'message' listener per datagram,
// Send for every datagram. pooled sets SocketOptions.PooledReceive.
type dgramkitImpl struct{ pooled bool }

// socket creates a udp4 socket bound to 127.0.0.1:0 and waits for
// 'listening'.
func (im dgramkitImpl) socket(rcvbuf int, onMessage dgram.MessageListener) (*dgram.Socket, int) {
	s, err := dgram.CreateSocket(dgram.SocketOptions{Type: "udp4", RecvBufferSize: rcvbuf, PooledReceive: im.pooled}, onMessage)
	if err != nil {
		fail(err)
	}
	ready := make(chan error, 1)
	s.OnError(func(err error) { ready <- err })
	if err := s.Bind(0, "127.0.0.1", func() { ready <- nil }); err != nil {
		fail(err)
	}
	if err := <-ready; err != nil {
		fail(err)
	}
	a, err := s.Address()
	if err != nil {
		fail(err)
	}
	return s, a.Port
}

// closeWait closes s and waits for 'close'.
func closeWait(s *dgram.Socket) {
	closed := make(chan struct{})
	s.Close(func() { close(closed) })
	<-closed
}

// addrString keeps the text of the last sender address, as a server that
// answers a few peers would: Send takes the address as a string.
type addrString struct {
	ip  netip.Addr
	str string
}

func (a *addrString) of(ip netip.Addr) string {
	if ip != a.ip || a.str == "" {
		a.ip, a.str = ip, ip.String()
	}
	return a.str
}

func (im dgramkitImpl) echoServer(stop <-chan struct{}) {
	var s *dgram.Socket
	var from addrString
	s, port := im.socket(0, func(msg []byte, rinfo dgram.RemoteInfo) {
		s.Send(msg, rinfo.Port, from.of(rinfo.Address), nil)
	})
	printPort(port)
	<-stop
	closeWait(s)
}

func (im dgramkitImpl) sink(rcvbuf, count int, idle time.Duration) {
	sc := newSinkCounter()
	done := make(chan struct{})
	s, port := im.socket(rcvbuf, func([]byte, dgram.RemoteInfo) {
		if sc.add(1) == int64(count) {
			close(done)
		}
	})
	printPort(port)
	sc.wait(count, idle, done)
	closeWait(s)
}

func (im dgramkitImpl) echoClient(port, size, inflight int, warm, measure time.Duration) {
	msg := make([]byte, size)
	var count atomic.Int64
	var s *dgram.Socket
	s, _ = im.socket(0, func([]byte, dgram.RemoteInfo) {
		count.Add(1)
		s.Send(msg, port, "127.0.0.1", nil)
	})
	prime := func() {
		for i := 0; i < inflight; i++ {
			s.Send(msg, port, "127.0.0.1", nil)
		}
	}
	prime()
	stop := make(chan struct{})
	go func() { // lost datagrams: top up when nothing came back for 200 ms
		seen := int64(-1)
		for {
			select {
			case <-stop:
				return
			case <-time.After(200 * time.Millisecond):
				if n := count.Load(); n == seen {
					prime()
				} else {
					seen = n
				}
			}
		}
	}()
	window(&count, warm, measure)
	close(stop)
	closeWait(s)
}

// pingClient sends the next ping from the 'message' listener, as a
// Node program does; a lost one is sent again after 100 ms.
func (im dgramkitImpl) pingClient(port, size, n, warm int) {
	msg := make([]byte, size)
	rtts := make([]time.Duration, 0, n)
	done := make(chan struct{})
	var i, lost int
	var sent atomic.Int64 // ns since base of the ping in flight
	base := time.Now()
	var start time.Time
	var s *dgram.Socket
	s, _ = im.socket(0, func([]byte, dgram.RemoteInfo) {
		t := time.Since(base)
		if i == warm {
			start = base.Add(time.Duration(sent.Load()))
		}
		if i++; i > warm {
			rtts = append(rtts, t-time.Duration(sent.Load()))
		}
		if i == warm+n {
			close(done)
			return
		}
		sent.Store(int64(time.Since(base)))
		s.Send(msg, port, "127.0.0.1", nil)
	})
	sent.Store(int64(time.Since(base)))
	s.Send(msg, port, "127.0.0.1", nil)
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
wait:
	for {
		select {
		case <-done:
			break wait
		case <-tick.C:
			if t := sent.Load(); time.Since(base)-time.Duration(t) > 100*time.Millisecond && sent.CompareAndSwap(t, int64(time.Since(base))) {
				lost++
				s.Send(msg, port, "127.0.0.1", nil)
			}
		}
	}
	pingStats(rtts, lost, time.Since(start))
	closeWait(s)
}

func (im dgramkitImpl) blast(port, size, n int) {
	msg := make([]byte, size)
	s, _ := im.socket(0, nil)
	t0 := time.Now()
	for i := 0; i < n; i++ {
		s.Send(msg, port, "127.0.0.1", nil)
	}
	result(map[string]any{"sent": n, "secs": time.Since(t0).Seconds()})
	closeWait(s)
}
