package dgram

import (
	"errors"
	"net/netip"
	"testing"
)

// Node's connected sockets, extension calls: connect binds an unbound
// socket ('listening', then 'connect', the listener once), remoteAddress
// gives the peer, the connected forms of send go to it, a destination
// given to a connected socket and a second connect are
// ERR_SOCKET_DGRAM_IS_CONNECTED, the calls that need a connection are
// ERR_SOCKET_DGRAM_NOT_CONNECTED without one, the socket hears only its
// peer, disconnect undoes it all, and after close every one is
// ERR_SOCKET_DGRAM_NOT_RUNNING; for udp4 and udp6, over real sockets.
func TestConnect(t *testing.T) {
	for _, fam := range []struct{ typ, addr, family string }{{"udp4", "127.0.0.1", "IPv4"}, {"udp6", "::1", "IPv6"}} {
		t.Run(fam.typ, func(t *testing.T) {
			peerSock, peer, peerPort := boundSocket(t, fam.typ, fam.addr)
			other, _, _ := boundSocket(t, fam.typ, fam.addr)
			s := newSocket(t, SocketOptions{Type: fam.typ})
			r := record(s)
			connects := make(chan string, 8)
			s.OnConnect(func() { connects <- "connect" })

			err := s.Disconnect()
			if want := "Error [ERR_SOCKET_DGRAM_NOT_CONNECTED]: Not connected"; err == nil || err.Error() != want {
				t.Fatalf("Disconnect before connect: %v; want %s", err, want)
			}
			_, err = s.RemoteAddress()
			wantCode(t, "RemoteAddress before connect", err, ErrSocketDgramNotConnected)
			wantCode(t, "SendConnected before connect", s.SendConnected("x", nil), ErrSocketDgramNotConnected)
			wantCode(t, "SendSliceConnected before connect", s.SendSliceConnected("x", 0, 1, nil), ErrSocketDgramNotConnected)

			// connect binds the unbound socket within the call: 'listening',
			// then 'connect', then the listener (once).
			if err := s.Connect(peerPort, fam.addr, func() { connects <- "listener" }); err != nil {
				t.Fatal(err)
			}
			r.expect(t, "listening")
			if a, b := recv(t, connects), recv(t, connects); a != "connect" || b != "listener" {
				t.Fatalf("connect events %q, %q; want connect, listener", a, b)
			}
			ra, err := s.RemoteAddress()
			if err != nil || ra != (AddressInfo{Address: netip.MustParseAddr(fam.addr), Family: fam.family, Port: peerPort}) {
				t.Fatalf("RemoteAddress: %+v, %v", ra, err)
			}
			local, err := s.Address()
			if err != nil || local.Port == 0 {
				t.Fatalf("Address after the implicit bind: %+v, %v", local, err)
			}

			err = s.Connect(peerPort, fam.addr, nil)
			if want := "Error [ERR_SOCKET_DGRAM_IS_CONNECTED]: Already connected"; err == nil || err.Error() != want {
				t.Fatalf("second Connect: %v; want %s", err, want)
			}
			wantCode(t, "Send with a port, connected", s.Send("x", peerPort, fam.addr, nil), ErrSocketDgramIsConnected)
			wantCode(t, "SendTo, connected", s.SendTo("x", 0, 1, peerPort, fam.addr, nil), ErrSocketDgramIsConnected)

			// The connected forms go to the peer, with the outcome.
			sent := make(chan sendResult, 2)
			cb := func(err error, n int) { sent <- sendResult{err, n} }
			if err := s.SendConnected("whole", cb); err != nil {
				t.Fatal(err)
			}
			if err := s.SendSliceConnected("xpartx", 1, 4, cb); err != nil {
				t.Fatal(err)
			}
			peer.expect(t, "message:whole", "message:part")
			if a, b := recv(t, sent), recv(t, sent); a.err != nil || a.n != 5 || b.err != nil || b.n != 4 {
				t.Fatalf("send callbacks %+v, %+v; want 5 and 4 bytes", a, b)
			}

			// Connected, s hears its peer only: the other socket's datagram,
			// sent first, is dropped by the kernel, so the peer's comes next.
			if res := sendWait(t, other, "stranger", local.Port, fam.addr); res.err != nil {
				t.Fatal(res.err)
			}
			if res := sendWait(t, peerSock, "from peer", local.Port, fam.addr); res.err != nil {
				t.Fatal(res.err)
			}
			r.expect(t, "message:from peer")

			// disconnect: a destination again, and anyone is heard.
			if err := s.Disconnect(); err != nil {
				t.Fatal(err)
			}
			_, err = s.RemoteAddress()
			wantCode(t, "RemoteAddress after disconnect", err, ErrSocketDgramNotConnected)
			wantCode(t, "SendConnected after disconnect", s.SendConnected("x", nil), ErrSocketDgramNotConnected)
			if res := sendWait(t, s, "unconnected", peerPort, fam.addr); res.err != nil {
				t.Fatal(res.err)
			}
			peer.expect(t, "message:unconnected")
			// (Linux forgot the port the system chose at disconnect, and the
			// send chose another: address() reads it anew.)
			if local, err = s.Address(); err != nil || local.Port == 0 {
				t.Fatalf("Address after disconnect and send: %+v, %v", local, err)
			}
			if res := sendWait(t, other, "stranger again", local.Port, fam.addr); res.err != nil {
				t.Fatal(res.err)
			}
			r.expect(t, "message:stranger again")

			// Connect again: 'connect' again, the first listener not again.
			if err := s.Connect(peerPort, "", nil); err != nil { // the default address
				t.Fatal(err)
			}
			if ev := recv(t, connects); ev != "connect" {
				t.Fatalf("second connect: %q", ev)
			}
			if ra, err := s.RemoteAddress(); err != nil || ra.Address.String() != fam.addr {
				t.Fatalf("RemoteAddress with the default address: %+v, %v", ra, err)
			}

			s.Close(nil)
			r.expect(t, "close")
			select {
			case ev := <-connects:
				t.Fatalf("unexpected %q", ev)
			default:
			}
			wantCode(t, "Connect after close", s.Connect(peerPort, fam.addr, nil), ErrSocketDgramNotRunning)
			wantCode(t, "Disconnect after close", s.Disconnect(), ErrSocketDgramNotRunning)
			_, err = s.RemoteAddress()
			wantCode(t, "RemoteAddress after close", err, ErrSocketDgramNotRunning)
			wantCode(t, "SendConnected after close", s.SendConnected("x", nil), ErrSocketDgramNotRunning)
		})
	}
}

// connect's argument and system errors are its result in Go: a bad port
// (checked first), a name that does not resolve, an address of the other
// family, each with Node's message; a socket that connect bound stays
// bound when the connection then fails, and connects afterwards.
func TestConnectErrors(t *testing.T) {
	s := newSocket(t, SocketOptions{Type: "udp4"})
	r := record(s)
	for _, port := range []int{0, -1, 65536} {
		err := s.Connect(port, "127.0.0.1", nil)
		wantCode(t, "Connect(port "+itoa(port)+")", err, ErrSocketBadPort)
		if want := "RangeError [ERR_SOCKET_BAD_PORT]: Port should be > 0 and < 65536. Received type int (" + itoa(port) + ")."; err.Error() != want {
			t.Errorf("Connect(%d): %q; want %q", port, err, want)
		}
	}
	if _, err := s.Address(); !errors.Is(err, EBADF) {
		t.Fatalf("a refused argument bound the socket: Address() = %v", err)
	}
	err := s.Connect(1234, "256.1.1.1", nil)
	if want := "getaddrinfo ENOTFOUND 256.1.1.1"; err == nil || err.Error() != want {
		t.Fatalf("Connect to a malformed address: %v; want %s", err, want)
	}
	r.expect(t, "listening") // the implicit bind came first, and stays
	err = s.Connect(1234, "::1", nil)
	if want := "connect EINVAL ::1:1234"; err == nil || err.Error() != want {
		t.Fatalf("udp4 Connect to an IPv6 address: %v; want %s", err, want)
	}
	if _, err := s.RemoteAddress(); !errors.Is(err, ErrSocketDgramNotConnected) {
		t.Fatalf("RemoteAddress after failed connects: %v", err)
	}
	if err := s.Connect(1234, "127.0.0.1", nil); err != nil {
		t.Fatalf("Connect after failed ones: %v", err)
	}
	r.quiet(t) // no 'error' event: Go returns connect's errors
}

// An ICMP port unreachable reaching a connected socket is an 'error' event
// (recvmsg ECONNREFUSED, as in Node), and the socket still works; the send
// that caused it succeeded.
func TestConnectRefused(t *testing.T) {
	gone, _, port := boundSocket(t, "udp4", "127.0.0.1")
	gone.Close(nil) // nobody listens on port now
	s := newSocket(t, SocketOptions{Type: "udp4"})
	errs := make(chan error, 8)
	s.OnError(func(err error) { errs <- err })
	if err := s.Connect(port, "127.0.0.1", nil); err != nil {
		t.Fatal(err)
	}
	sent := make(chan error, 1)
	if err := s.SendConnected("anyone?", func(err error, _ int) { sent <- err }); err != nil {
		t.Fatal(err)
	}
	if err := recv(t, sent); err != nil {
		t.Fatalf("send callback: %v; want none (the refusal comes later)", err)
	}
	err := recv(t, errs)
	var de *Error
	if !errors.As(err, &de) || de.Code != "ECONNREFUSED" || de.Syscall != "recvmsg" || err.Error() != "recvmsg ECONNREFUSED" {
		t.Fatalf("'error' event %v (%+v); want recvmsg ECONNREFUSED", err, de)
	}
	// Still working: connected elsewhere, it sends and is heard.
	_, peer, peerPort := boundSocket(t, "udp4", "127.0.0.1")
	if err := s.Disconnect(); err != nil {
		t.Fatal(err)
	}
	if err := s.Connect(peerPort, "127.0.0.1", nil); err != nil {
		t.Fatal(err)
	}
	if err := s.SendConnected("after", nil); err != nil {
		t.Fatal(err)
	}
	peer.expect(t, "message:after")
}

// ref and unref do nothing in Go (no event loop holds a socket) and never
// fail, in any state.
func TestRefUnref(t *testing.T) {
	s := newSocket(t, SocketOptions{Type: "udp4"})
	r := record(s)
	check := func(state string) {
		t.Helper()
		if err := s.Unref(); err != nil {
			t.Errorf("Unref %s: %v", state, err)
		}
		if err := s.Ref(); err != nil {
			t.Errorf("Ref %s: %v", state, err)
		}
	}
	check("unbound")
	if err := s.Bind(0, "127.0.0.1", nil); err != nil {
		t.Fatal(err)
	}
	r.expect(t, "listening")
	check("bound")
	s.Close(nil)
	r.expect(t, "close")
	check("closed")
	var zero *Socket
	if err := zero.Ref(); !errors.Is(err, ErrInvalidThis) {
		t.Errorf("Ref on a nil socket: %v; want ERR_INVALID_THIS", err)
	}
}
