package dgram

import "testing"

// reuseAddr lets several sockets bind one port; unicast then goes to the
// last one bound (Linux SO_REUSEADDR). A socket without it cannot join.
func TestReuseAddr(t *testing.T) {
	first := newSocket(t, SocketOptions{Type: "udp4", ReuseAddr: true})
	r1 := record(first)
	if err := first.Bind(0, "127.0.0.1", nil); err != nil {
		t.Fatal(err)
	}
	r1.expect(t, "listening")
	a, _ := first.Address()
	rs := []*events{r1}
	for i := 0; i < 2; i++ {
		s := newSocket(t, SocketOptions{Type: "udp4", ReuseAddr: true})
		r := record(s)
		if err := s.BindOptions(BindOptions{Port: a.Port, Address: "127.0.0.1"}, nil); err != nil {
			t.Fatal(err)
		}
		r.expect(t, "listening")
		rs = append(rs, r)
	}
	cli, _, _ := boundSocket(t, "udp4", "127.0.0.1")
	sendWait(t, cli, "hi", a.Port, "127.0.0.1")
	rs[2].expect(t, "message:hi")
	rs[0].quiet(t)

	plain := newSocket(t, SocketOptions{Type: "udp4"})
	rp := record(plain)
	wantCode(t, "Bind without reuseAddr", plain.Bind(a.Port, "127.0.0.1", nil), EADDRINUSE)
	rp.quiet(t) // the error is Bind's result, not an event
}
