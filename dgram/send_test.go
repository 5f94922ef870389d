package dgram

import (
	"bytes"
	"strings"
	"testing"
)

// A send before bind binds implicitly to the wildcard address and a random
// port; the datagrams wait for 'listening' and go out in order.
func TestImplicitBindQueuesSends(t *testing.T) {
	_, srv, port := boundSocket(t, "udp4", "127.0.0.1")
	cli := newSocket(t, SocketOptions{Type: "udp4"})
	r := record(cli)
	results := make(chan sendResult, 3)
	for _, m := range []string{"a", "bb", "ccc"} {
		if err := cli.Send(m, port, "127.0.0.1", func(err error, n int) { results <- sendResult{err, n} }); err != nil {
			t.Fatal(err)
		}
	}
	// Before 'listening' the socket has no address yet.
	r.expect(t, "listening")
	for _, want := range []int{1, 2, 3} {
		if res := recv(t, results); res.err != nil || res.n != want {
			t.Fatalf("send callback (%v, %d), want (nil, %d)", res.err, res.n, want)
		}
	}
	srv.expect(t, "message:a", "message:bb", "message:ccc")
	a, err := cli.Address()
	if err != nil {
		t.Fatal(err)
	}
	if a.Address.String() != "0.0.0.0" || a.Port == 0 {
		t.Fatalf("implicit bind to %s, want 0.0.0.0 and a port", fmtAddr(a))
	}
	// The implicit bind makes an explicit one fail.
	wantCode(t, "Bind after implicit bind", cli.Bind(0, "", nil), ErrSocketAlreadyBound)
}

// A close right after the sends that bound the socket implicitly comes
// after them: both datagrams go out and their callbacks come before
// 'close'; 'listening' comes first, or not at all when the close came
// before it was emitted (as Node).
func TestCloseAfterQueuedSends(t *testing.T) {
	_, srv, port := boundSocket(t, "udp4", "127.0.0.1")
	cli := newSocket(t, SocketOptions{Type: "udp4"})
	order := make(chan string, 8)
	cli.OnListening(func() { order <- "listening" })
	cli.OnClose(func() { order <- "close" })
	for _, m := range []string{"1", "2"} {
		if err := cli.Send(m, port, "127.0.0.1", func(err error, n int) { order <- "sent" }); err != nil {
			t.Fatal(err)
		}
	}
	if err := cli.Close(nil); err != nil {
		t.Fatal(err)
	}
	wantCode(t, "Send after Close", cli.Send("3", port, "127.0.0.1", nil), ErrSocketDgramNotRunning)
	// 'listening' first, or none when close came before it was emitted.
	got := recv(t, order)
	if got == "listening" {
		got = recv(t, order)
	}
	for _, want := range []string{"sent", "sent", "close"} {
		if got != want {
			t.Fatalf("got %q, want %q", got, want)
		}
		if want != "close" {
			got = recv(t, order)
		}
	}
	srv.expect(t, "message:1", "message:2")
	srv.quiet(t)
}

// Datagrams up to the family's maximum arrive whole; one byte more is
// EMSGSIZE to the send callback, worded as Node's.
func TestMessageSizes(t *testing.T) {
	for _, tc := range []struct {
		typ, addr string
		max       int
	}{{"udp4", "127.0.0.1", 65507}, {"udp6", "::1", 65527}} {
		t.Run(tc.typ, func(t *testing.T) {
			srv, _, port := boundSocket(t, tc.typ, tc.addr)
			got := make(chan []byte, 4)
			srv.OnMessage(func(msg []byte, rinfo RemoteInfo) {
				if rinfo.Size != len(msg) {
					t.Errorf("rinfo.Size %d, len(msg) %d", rinfo.Size, len(msg))
				}
				got <- msg
			})
			cli, _, _ := boundSocket(t, tc.typ, tc.addr)
			for _, size := range []int{0, 1, tc.max} {
				msg := bytes.Repeat([]byte{'z'}, size)
				if res := sendWait(t, cli, msg, port, tc.addr); res.err != nil || res.n != size {
					t.Fatalf("send %d bytes: (%v, %d)", size, res.err, res.n)
				}
				if m := recv(t, got); !bytes.Equal(m, msg) {
					t.Fatalf("sent %d bytes, received %d", size, len(m))
				}
			}
			res := sendWait(t, cli, make([]byte, tc.max+1), port, tc.addr)
			wantCode(t, "oversize send", res.err, EMSGSIZE)
			host := tc.addr
			if want := "send EMSGSIZE " + host + ":" + itoa(port); res.err.Error() != want {
				t.Fatalf("error %q, want %q", res.err, want)
			}
		})
	}
}

// msg may be bytes, a string or a list of either; offset and length cut
// bytes, not characters.
func TestMessageForms(t *testing.T) {
	_, srv, port := boundSocket(t, "udp4", "127.0.0.1")
	cli, _, _ := boundSocket(t, "udp4", "127.0.0.1")
	sends := []func(cb SendCallback) error{
		func(cb SendCallback) error { return cli.Send([]byte("bytes"), port, "", cb) },
		func(cb SendCallback) error { return cli.Send("string", port, "", cb) },
		func(cb SendCallback) error { return cli.Send([]string{"li", "st"}, port, "", cb) },
		func(cb SendCallback) error { return cli.Send([][]byte{[]byte("by"), []byte("tes")}, port, "", cb) },
		func(cb SendCallback) error { return cli.Send([]any{"mi", []byte("xed")}, port, "", cb) },
		func(cb SendCallback) error { return cli.Send([]any{}, port, "", cb) },
		func(cb SendCallback) error { return cli.SendSlice("héllo", 1, 3, port, "", cb) },
		func(cb SendCallback) error { return cli.SendTo([]byte("0123456789"), 7, 3, port, "127.0.0.1", cb) },
		func(cb SendCallback) error { return cli.SendSlice("end", 3, 0, port, "", cb) },
	}
	want := []string{"bytes", "string", "list", "bytes", "mixed", "", "él", "789", ""}
	for i, send := range sends {
		done := make(chan error, 1)
		if err := send(func(err error, _ int) { done <- err }); err != nil {
			t.Fatalf("send %d: %v", i, err)
		}
		if err := recv(t, done); err != nil {
			t.Fatalf("send %d callback: %v", i, err)
		}
		srv.expect(t, "message:"+want[i])
	}
}

// rinfo names the sender: address, family, port and size.
func TestRemoteInfo(t *testing.T) {
	for _, tc := range []struct{ typ, addr, family string }{{"udp4", "127.0.0.1", "IPv4"}, {"udp6", "::1", "IPv6"}} {
		t.Run(tc.typ, func(t *testing.T) {
			srv, _, port := boundSocket(t, tc.typ, tc.addr)
			rinfos := make(chan RemoteInfo, 1)
			srv.OnMessage(func(_ []byte, rinfo RemoteInfo) { rinfos <- rinfo })
			cli, _, cport := boundSocket(t, tc.typ, tc.addr)
			sendWait(t, cli, "hello", port, "")
			ri := recv(t, rinfos)
			if ri.Address.String() != tc.addr || ri.Family != tc.family || ri.Port != cport || ri.Size != 5 {
				t.Fatalf("rinfo %+v, want %s %s port %d size 5", ri, tc.addr, tc.family, cport)
			}
			a, err := srv.Address()
			if err != nil || a.Family != tc.family || a.Address.String() != tc.addr || a.Port != port {
				t.Fatalf("Address() = %+v, %v", a, err)
			}
		})
	}
}

// Send errors reach the callback: a wrong-family address is EINVAL, a
// malformed address ENOTFOUND.
func TestSendErrors(t *testing.T) {
	s4, _, _ := boundSocket(t, "udp4", "127.0.0.1")
	res := sendWait(t, s4, "x", 9, "::1")
	wantCode(t, "udp4 to ::1", res.err, EINVAL)
	s6, _, _ := boundSocket(t, "udp6", "::1")
	res = sendWait(t, s6, "x", 9, "127.0.0.1")
	wantCode(t, "udp6 to 127.0.0.1", res.err, EINVAL)
	// A malformed IP literal is not looked up: ENOTFOUND at once, as the
	// resolver would say.
	res = sendWait(t, s4, "x", 9, "256.1.1.1")
	wantCode(t, "malformed literal", res.err, ENOTFOUND)
	if !strings.Contains(res.err.Error(), "256.1.1.1") {
		t.Fatalf("error %q does not name the address", res.err)
	}
	// A name resolves (localhost, from /etc/hosts).
	_, srv, port := boundSocket(t, "udp4", "127.0.0.1")
	if res := sendWait(t, s4, "named", port, "localhost"); res.err != nil {
		t.Fatalf("send to localhost: %v", res.err)
	}
	srv.expect(t, "message:named")
}

// A close from a 'listening' listener does not cut short the datagrams
// sent by the implicit bind's sends: they went out within the calls, their
// callbacks run after 'listening', and 'close' comes last.
func TestCloseInListeningKeepsQueue(t *testing.T) {
	_, srv, port := boundSocket(t, "udp4", "127.0.0.1")
	cli := newSocket(t, SocketOptions{Type: "udp4"})
	order := make(chan string, 8)
	cli.OnListening(func() {
		order <- "listening"
		cli.Close(func() { order <- "close" })
	})
	// The bind waits behind this gate until both datagrams are queued:
	// otherwise a slow caller (under qemu-user) sends its second datagram
	// after the 'listening' listener has closed the socket.
	gate := make(chan struct{})
	open := true
	release := func() {
		if open {
			open = false
			close(gate)
		}
	}
	t.Cleanup(release) // a failed send must not leave the dispatcher waiting
	cli.dispatcher.post(func() { <-gate })
	for _, m := range []string{"q1", "q2"} {
		if err := cli.Send(m, port, "127.0.0.1", func(err error, n int) {
			if err != nil {
				t.Errorf("queued send: %v", err)
			}
			order <- "sent"
		}); err != nil {
			t.Fatal(err)
		}
	}
	release()
	for _, want := range []string{"listening", "sent", "sent", "close"} {
		if got := recv(t, order); got != want {
			t.Fatalf("got %q, want %q", got, want)
		}
	}
	srv.expect(t, "message:q1", "message:q2")
}
