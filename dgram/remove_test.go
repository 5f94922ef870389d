package dgram

import (
	"errors"
	"net"
	"testing"
)

// A listener removes itself from inside its first call; removing twice
// does nothing; the other listeners stay, in their order.
func TestAddListenerRemove(t *testing.T) {
	s, r, port := boundSocket(t, "udp4", "127.0.0.1")
	calls := make(chan string, 4)
	var remove func()
	remove = s.AddMessageListener(func(msg []byte, _ RemoteInfo) {
		calls <- "once:" + string(msg)
		remove()
		remove()
	})
	sendWait(t, s, "1", port, "127.0.0.1")
	r.expect(t, "message:1")
	if got := recv(t, calls); got != "once:1" {
		t.Fatalf("got %q", got)
	}
	sendWait(t, s, "2", port, "127.0.0.1")
	r.expect(t, "message:2")
	select {
	case got := <-calls:
		t.Fatalf("a removed listener was called: %q", got)
	default:
	}

	closed := make(chan struct{})
	removeClose := s.AddCloseListener(func() { t.Error("a removed 'close' listener was called") })
	s.AddCloseListener(func() { close(closed) })
	removeClose()
	s.AddErrorListener(func(error) {})()
	s.AddListeningListener(func() {})()
	if err := s.Close(nil); err != nil {
		t.Fatal(err)
	}
	recv(t, closed)
}

// A call on a closed socket is net.ErrClosed, and still its code.
func TestNotRunningIsErrClosed(t *testing.T) {
	s := newSocket(t, SocketOptions{Type: "udp4"})
	s.Close(nil)
	for what, err := range map[string]error{
		"send":  s.Send("x", 9, "127.0.0.1", nil),
		"bind":  s.Bind(0, "", nil),
		"close": s.Close(nil),
		"ttl":   s.SetTTL(8),
	} {
		if !errors.Is(err, net.ErrClosed) || !errors.Is(err, ErrSocketDgramNotRunning) || err.Error() != "Error [ERR_SOCKET_DGRAM_NOT_RUNNING]: Not running" {
			t.Errorf("%s after close: %v", what, err)
		}
	}
	if err := sysCodeError("bind", EADDRINUSE, "", 0); errors.Is(err, net.ErrClosed) {
		t.Errorf("%v is net.ErrClosed", err)
	}
}
