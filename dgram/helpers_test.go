package dgram

import (
	"errors"
	"fmt"
	"testing"
	"time"
)

// waitLimit bounds every positive wait; quietWindow is how long a test
// watches for something that must not happen.
const (
	waitLimit   = 5 * time.Second
	quietWindow = 300 * time.Millisecond
)

// events records a socket's events, in the order its listeners ran, as
// strings: "listening", "message:<text>", "error:<code>", "close".
type events struct {
	ch chan string
}

// record attaches a recorder to every event of s.
func record(s *Socket) *events {
	r := &events{ch: make(chan string, 4096)}
	s.OnListening(func() { r.ch <- "listening" })
	s.OnMessage(func(msg []byte, _ RemoteInfo) { r.ch <- "message:" + string(msg) })
	s.OnError(func(err error) { r.ch <- "error:" + string(errCode(err)) })
	s.OnClose(func() { r.ch <- "close" })
	return r
}

// errCode is the Code an error carries, or "?".
func errCode(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return "?"
}

// next returns the next event, failing the test after waitLimit.
func (r *events) next(t *testing.T) string {
	t.Helper()
	select {
	case ev := <-r.ch:
		return ev
	case <-time.After(waitLimit):
		t.Fatalf("no event within %v", waitLimit)
		return ""
	}
}

// expect asserts that the next events are want, in order.
func (r *events) expect(t *testing.T, want ...string) {
	t.Helper()
	for i, w := range want {
		if got := r.next(t); got != w {
			t.Fatalf("event %d = %q, want %q (sequence %q)", i, got, w, want)
		}
	}
}

// quiet asserts that no event arrives within quietWindow.
func (r *events) quiet(t *testing.T) {
	t.Helper()
	select {
	case ev := <-r.ch:
		t.Fatalf("unexpected event %q", ev)
	case <-time.After(quietWindow):
	}
}

// newSocket creates a socket of type typ, closed at the end of the test
// unless the test closed it.
func newSocket(t *testing.T, opts SocketOptions) *Socket {
	t.Helper()
	s, err := CreateSocket(opts, nil)
	if err != nil {
		t.Fatalf("CreateSocket(%+v): %v", opts, err)
	}
	t.Cleanup(func() { s.Close(nil) })
	return s
}

// boundSocket returns a socket bound to address:0 that has emitted
// 'listening', and its recorder (already past 'listening').
func boundSocket(t *testing.T, typ, address string) (*Socket, *events, int) {
	t.Helper()
	s := newSocket(t, SocketOptions{Type: typ})
	r := record(s)
	if err := s.Bind(0, address, nil); err != nil {
		t.Fatalf("Bind: %v", err)
	}
	r.expect(t, "listening")
	a, err := s.Address()
	if err != nil {
		t.Fatalf("Address: %v", err)
	}
	return s, r, a.Port
}

// sendResult is what a send callback got.
type sendResult struct {
	err error
	n   int
}

// sendWait sends and waits for the callback's outcome.
func sendWait(t *testing.T, s *Socket, msg any, port int, address string) sendResult {
	t.Helper()
	ch := make(chan sendResult, 1)
	if err := s.Send(msg, port, address, func(err error, n int) { ch <- sendResult{err, n} }); err != nil {
		t.Fatalf("Send: %v", err)
	}
	select {
	case r := <-ch:
		return r
	case <-time.After(waitLimit):
		t.Fatalf("no send callback within %v", waitLimit)
		return sendResult{}
	}
}

// wantCode asserts that err carries code.
func wantCode(t *testing.T, what string, err error, code Code) {
	t.Helper()
	if !errors.Is(err, code) {
		t.Fatalf("%s: err = %v, want code %s", what, err, code)
	}
}

func fmtAddr(a AddressInfo) string { return fmt.Sprintf("%v:%d", a.Address, a.Port) }

func itoa(i int) string { return fmt.Sprint(i) }

// recv receives from ch, failing the test after waitLimit.
func recv[T any](t *testing.T, ch <-chan T) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(waitLimit):
		t.Fatalf("nothing received within %v", waitLimit)
		panic("unreachable")
	}
}
