package dgram

import (
	"errors"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// 'listening' comes after Bind returns, then messages in order, and
// 'close' last; nothing after 'close'.
func TestEventOrder(t *testing.T) {
	srv := newSocket(t, SocketOptions{Type: "udp4"})
	r := record(srv)
	bindReturned := make(chan struct{})
	srv.OnListening(func() { afterReturn(t, bindReturned, "'listening'", "Bind") })
	if err := srv.Bind(0, "127.0.0.1", nil); err != nil {
		t.Fatal(err)
	}
	close(bindReturned)
	r.expect(t, "listening")
	a, err := srv.Address()
	if err != nil {
		t.Fatal(err)
	}

	cli, _, _ := boundSocket(t, "udp4", "127.0.0.1")
	for _, m := range []string{"one", "two", "three"} {
		if res := sendWait(t, cli, m, a.Port, "127.0.0.1"); res.err != nil || res.n != len(m) {
			t.Fatalf("send %q: %v, %d", m, res.err, res.n)
		}
	}
	r.expect(t, "message:one", "message:two", "message:three")

	closeReturned := make(chan struct{})
	if err := srv.Close(func() { afterReturn(t, closeReturned, "the close listener", "Close") }); err != nil {
		t.Fatal(err)
	}
	close(closeReturned)
	r.expect(t, "close")
	// A datagram sent after close is not delivered.
	sendWait(t, cli, "late", a.Port, "127.0.0.1")
	r.quiet(t)
}

// afterReturn, called from a listener, reports an error unless the call
// that caused the event returns (closing returned) within waitLimit: a
// listener running inside that call would keep it from returning.
func afterReturn(t *testing.T, returned <-chan struct{}, listener, call string) {
	select {
	case <-returned:
	case <-time.After(waitLimit):
		t.Errorf("%s ran inside %s", listener, call)
	}
}

// The send callback runs after Send returns, never inside it.
func TestSendCallbackIsAsync(t *testing.T) {
	s, _, port := boundSocket(t, "udp4", "127.0.0.1")
	sendReturned := make(chan struct{})
	done := make(chan struct{})
	if err := s.Send("x", port, "127.0.0.1", func(err error, n int) {
		afterReturn(t, sendReturned, "the send callback", "Send")
		close(done)
	}); err != nil {
		t.Fatal(err)
	}
	close(sendReturned)
	recv(t, done)
}

// Listeners of one socket never run at the same time: a flood of
// datagrams and send callbacks is delivered one at a time.
func TestListenersDoNotOverlap(t *testing.T) {
	s, _, port := boundSocket(t, "udp4", "127.0.0.1")
	var inside, overlaps atomic.Int32
	enter := func() {
		if inside.Add(1) != 1 {
			overlaps.Add(1)
		}
	}
	leave := func() { inside.Add(-1) }
	const n = 200
	got := make(chan struct{}, 2*n)
	s.OnMessage(func([]byte, RemoteInfo) { enter(); leave(); got <- struct{}{} })
	for i := 0; i < n; i++ {
		if err := s.Send("x", port, "127.0.0.1", func(error, int) { enter(); leave(); got <- struct{}{} }); err != nil {
			t.Fatal(err)
		}
	}
	// All n callbacks, and as many messages as loopback delivered (all, in
	// practice; at least one), each counted once.
	for i := 0; i < n+1; i++ {
		recv(t, got)
	}
	if overlaps.Load() != 0 {
		t.Fatalf("%d listeners overlapped", overlaps.Load())
	}
}

// A listener may close its own socket: no message after that.
func TestCloseFromMessageListener(t *testing.T) {
	srv, r, port := boundSocket(t, "udp4", "127.0.0.1")
	srv.OnMessage(func([]byte, RemoteInfo) { srv.Close(nil) })
	cli, _, _ := boundSocket(t, "udp4", "127.0.0.1")
	for i := 0; i < 5; i++ {
		sendWait(t, cli, "m", port, "127.0.0.1")
	}
	r.expect(t, "message:m", "close")
	r.quiet(t)
}

// Closing a socket that was never bound emits 'close' after Close returns.
func TestCloseUnbound(t *testing.T) {
	s := newSocket(t, SocketOptions{Type: "udp4"})
	r := record(s)
	if err := s.Close(nil); err != nil {
		t.Fatal(err)
	}
	r.expect(t, "close")
	// A second close fails, and its listener still runs with the first
	// while that one's 'close' is pending (Node's order). In Go the first
	// 'close' may come at any moment, so both closes are made from a task
	// of the socket's dispatcher, which 'close' comes after. (Holding the
	// dispatcher and closing from here would wait for the held task: a
	// close waits for a callback running on another goroutine.)
	s2 := newSocket(t, SocketOptions{Type: "udp4"})
	r2 := record(s2)
	closes := make(chan int, 2)
	second := make(chan error, 1)
	s2.dispatcher.post(func() {
		s2.Close(func() { closes <- 1 })
		second <- s2.Close(func() { closes <- 2 })
	})
	wantCode(t, "second Close", recv(t, second), ErrSocketDgramNotRunning)
	r2.expect(t, "close")
	if a, b := recv(t, closes), recv(t, closes); a != 1 || b != 2 {
		t.Fatalf("close listeners ran as %d, %d", a, b)
	}
}

// A close right after an explicit bind: 'close', preceded by 'listening'
// only when the dispatcher emitted it before Close (the JavaScript host,
// like Node, emits only 'close').
func TestCloseDuringBind(t *testing.T) {
	s := newSocket(t, SocketOptions{Type: "udp4"})
	r := record(s)
	if err := s.Bind(0, "127.0.0.1", nil); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(nil); err != nil {
		t.Fatal(err)
	}
	// 'listening' may come first when the dispatcher emitted it before
	// Close: never after 'close', and nothing else.
	if ev := r.next(t); ev == "listening" {
		r.expect(t, "close")
	} else if ev != "close" {
		t.Fatalf("event %q, want [listening,] close", ev)
	}
	r.quiet(t)
}

// A bind error is Bind's result, not an 'error' event; the bind listener
// is dropped and the socket can bind again.
func TestBindErrorThenRebind(t *testing.T) {
	_, _, port := boundSocket(t, "udp4", "127.0.0.1")
	s := newSocket(t, SocketOptions{Type: "udp4"})
	r := record(s)
	bindListenerRan := make(chan struct{}, 2)
	err := s.Bind(port, "127.0.0.1", func() { bindListenerRan <- struct{}{} })
	wantCode(t, "Bind to a port in use", err, EADDRINUSE)
	if want := "bind EADDRINUSE 127.0.0.1:" + itoa(port); err.Error() != want {
		t.Fatalf("error %q, want %q", err, want)
	}
	if !errors.Is(err, syscall.EADDRINUSE) {
		t.Fatalf("errors.Is(%v, syscall.EADDRINUSE) = false", err)
	}
	if err := s.Bind(0, "127.0.0.1", nil); err != nil {
		t.Fatal(err)
	}
	r.expect(t, "listening") // and no 'error' before it
	if len(bindListenerRan) != 0 {
		t.Fatal("the failed bind's listener ran")
	}
}
