package dgram

import (
	"errors"
	"syscall"
	"testing"
)

// At the descriptor limit a bind fails with EMFILE, named as such (not
// EUNKNOWN), from Bind itself, and so does send's implicit bind.
func TestBindEMFILE(t *testing.T) {
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		t.Skip("no RLIMIT_NOFILE:", err)
	}
	s := newSocket(t, SocketOptions{Type: "udp4"})
	s2 := newSocket(t, SocketOptions{Type: "udp4"})
	low := lim
	low.Cur = 3 // no descriptor past stdin, stdout and stderr
	if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &low); err != nil {
		t.Skip("cannot lower RLIMIT_NOFILE:", err)
	}
	bindErr := s.Bind(0, "127.0.0.1", nil)
	sendErr := s2.Send("x", 9, "127.0.0.1", nil)
	if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		err  error
		want string
	}{{"Bind", bindErr, "bind EMFILE 127.0.0.1"}, {"Send's implicit bind", sendErr, "bind EMFILE 0.0.0.0"}} {
		wantCode(t, c.name, c.err, EMFILE)
		if !errors.Is(c.err, syscall.EMFILE) || c.err.Error() != c.want {
			t.Fatalf("%s: %v, want %q matching syscall.EMFILE", c.name, c.err, c.want)
		}
	}
	if err := s.Bind(0, "127.0.0.1", nil); err != nil { // and it binds once a descriptor is free
		t.Fatal(err)
	}
}
