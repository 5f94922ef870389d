package dgram

import (
	"net/netip"
	"testing"
)

// IPv4-mapped addresses on udp6, as Node: a udp6 socket binds
// ::ffff:127.0.0.1 and reports it (Go's net alone refuses it for udp6: "no
// suitable address found"); udp4 traffic to 127.0.0.1 reaches it, from
// ::ffff:127.0.0.1; a udp6 socket connected to a mapped address reports
// that address as its peer and as its own address.
func TestMappedAddresses(t *testing.T) {
	mappedLoopback := netip.MustParseAddr("::ffff:127.0.0.1")
	s, r, port := boundSocket(t, "udp6", "::ffff:127.0.0.1")
	a, err := s.Address()
	if err != nil || a.Address != mappedLoopback || a.Family != "IPv6" {
		t.Fatalf("Address of a udp6 socket bound to ::ffff:127.0.0.1: %+v, %v; want ::ffff:127.0.0.1, IPv6", a, err)
	}
	if got, want := s.String(), "udp6 [::ffff:127.0.0.1]:"+itoa(port); got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	v4, _, v4Port := boundSocket(t, "udp4", "127.0.0.1")
	from := make(chan RemoteInfo, 1)
	s.OnMessage(func(_ []byte, rinfo RemoteInfo) { from <- rinfo })
	if res := sendWait(t, v4, "to mapped", port, "127.0.0.1"); res.err != nil {
		t.Fatal(res.err)
	}
	r.expect(t, "message:to mapped")
	if rinfo := <-from; rinfo.Address != mappedLoopback || rinfo.Family != "IPv6" || rinfo.Port != v4Port {
		t.Errorf("rinfo of a udp4 sender: %+v; want ::ffff:127.0.0.1, IPv6, port %d", rinfo, v4Port)
	}

	c := newSocket(t, SocketOptions{Type: "udp6"})
	if err := c.Connect(v4Port, "::ffff:127.0.0.1", nil); err != nil {
		t.Fatal(err)
	}
	if ra, err := c.RemoteAddress(); err != nil || ra.Address != mappedLoopback || ra.Port != v4Port || ra.Family != "IPv6" {
		t.Errorf("RemoteAddress connected to ::ffff:127.0.0.1: %+v, %v; want ::ffff:127.0.0.1 port %d IPv6", ra, err, v4Port)
	}
	if la, err := c.Address(); err != nil || la.Address != mappedLoopback {
		t.Errorf("Address connected to ::ffff:127.0.0.1: %+v, %v; want ::ffff:127.0.0.1 (getsockname)", la, err)
	}
}

// address() after connect is what getsockname says, the address the
// socket sends from, as Node: a socket bound to the wildcard address
// reports the wildcard before connect and the loopback address after.
func TestAddressAfterConnect(t *testing.T) {
	for _, fam := range []struct{ typ, wildcard, addr string }{{"udp4", "0.0.0.0", "127.0.0.1"}, {"udp6", "::", "::1"}} {
		t.Run(fam.typ, func(t *testing.T) {
			_, _, peerPort := boundSocket(t, fam.typ, fam.addr)
			s, _, _ := boundSocket(t, fam.typ, "")
			if a, _ := s.Address(); a.Address.String() != fam.wildcard {
				t.Fatalf("Address before connect: %v; want %s", a.Address, fam.wildcard)
			}
			if err := s.Connect(peerPort, fam.addr, nil); err != nil {
				t.Fatal(err)
			}
			if a, err := s.Address(); err != nil || a.Address.String() != fam.addr {
				t.Errorf("Address after connect: %+v, %v; want %s", a, err, fam.addr)
			}
		})
	}
}
