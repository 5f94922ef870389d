//go:build linux

// The errnos these tests expect are Linux's (the kernel judges the
// options; lo is named lo).

package dgram

import (
	"errors"
	"strconv"
	"syscall"
	"testing"
)

// Node's setMulticastInterface, checked as libuv reads its argument: an IP
// literal is checked before the socket's state (EINVAL), then EBADF before
// bind; on a bound udp4 socket an IPv4 address no interface has (or a
// group) is the kernel's EADDRNOTAVAIL, and an IPv6 one ENOPROTOOPT; on
// udp6 the scope names the interface and :: is the system's choice.
func TestSetMulticastInterface(t *testing.T) {
	s4 := newSocket(t, SocketOptions{Type: "udp4"})
	for _, bad := range []string{"", "undefined", "256.1.1.1", "eth0"} {
		err := s4.SetMulticastInterface(bad)
		netWantSysErr(t, "unbound SetMulticastInterface("+bad+")", err, EINVAL, "setMulticastInterface EINVAL")
	}
	netWantSysErr(t, "unbound SetMulticastInterface(0.0.0.0)", s4.SetMulticastInterface("0.0.0.0"), EBADF, "setMulticastInterface EBADF")
	if err := s4.Bind(0, "127.0.0.1", nil); err != nil {
		t.Fatal(err)
	}
	for _, ok := range []string{"0.0.0.0", "127.0.0.1"} {
		if err := s4.SetMulticastInterface(ok); err != nil {
			t.Errorf("udp4 SetMulticastInterface(%q): %v", ok, err)
		}
	}
	for _, bad := range []string{"224.0.0.2", "192.0.2.123"} {
		netWantSysErr(t, "udp4 SetMulticastInterface("+bad+")", s4.SetMulticastInterface(bad), EADDRNOTAVAIL, "setMulticastInterface EADDRNOTAVAIL")
	}
	if err := s4.SetMulticastInterface("::"); !errors.Is(err, ENOPROTOOPT) && !errors.Is(err, EINVAL) {
		t.Errorf("udp4 SetMulticastInterface(::): %v; want ENOPROTOOPT or EINVAL, as Node's test allows", err)
	}
	netWantSysErr(t, "udp4 SetMulticastInterface('')", s4.SetMulticastInterface(""), EINVAL, "setMulticastInterface EINVAL")
	s4.Close(nil)
	wantCode(t, "SetMulticastInterface after close", s4.SetMulticastInterface("0.0.0.0"), ErrSocketDgramNotRunning)

	s6 := newSocket(t, SocketOptions{Type: "udp6"})
	if err := s6.Bind(0, "::1", nil); err != nil {
		t.Fatal(err)
	}
	for _, ok := range []string{"::", "::%lo", "::%lo0"} { // an unknown scope is 0, the system's choice
		if err := s6.SetMulticastInterface(ok); err != nil {
			t.Errorf("udp6 SetMulticastInterface(%q): %v", ok, err)
		}
	}
	for _, bad := range []string{"", "undefined", "::g"} {
		netWantSysErr(t, "udp6 SetMulticastInterface("+bad+")", s6.SetMulticastInterface(bad), EINVAL, "setMulticastInterface EINVAL")
	}
}

// addSourceSpecificMembership and dropSourceSpecificMembership's checks,
// none of which joins: addresses that are not IP literals are EINVAL
// whatever the state, then EBADF before bind; a group of the other family
// is ENOPROTOOPT, a source of another family than the group's EINVAL, an
// interface address no interface has ENODEV; after close
// ERR_SOCKET_DGRAM_NOT_RUNNING. (The joins are in multicast_linux_test.go.)
func TestSourceSpecificMembershipChecks(t *testing.T) {
	s := newSocket(t, SocketOptions{Type: "udp4"})
	calls := []struct {
		name string
		f    func(src, group, iface string) error
	}{
		{"addSourceSpecificMembership", s.AddSourceSpecificMembership},
		{"dropSourceSpecificMembership", s.DropSourceSpecificMembership},
	}
	for _, c := range calls {
		for _, bad := range [][2]string{{"256.1.1.1", "232.1.1.1"}, {"127.0.0.1", "256.256.256.256"}, {"", "232.1.1.1"}, {"127.0.0.1", ""}} {
			netWantSysErr(t, c.name+" unbound "+bad[0]+" "+bad[1], c.f(bad[0], bad[1], ""), EINVAL, ""+c.name+" EINVAL")
		}
		netWantSysErr(t, c.name+" unbound", c.f("127.0.0.1", "232.1.1.1", ""), EBADF, ""+c.name+" EBADF")
	}
	if err := s.Bind(0, "127.0.0.1", nil); err != nil {
		t.Fatal(err)
	}
	for _, c := range calls {
		netWantSysErr(t, c.name+" IPv6 group", c.f("::1", "ff3e::1", ""), ENOPROTOOPT, ""+c.name+" ENOPROTOOPT")
		netWantSysErr(t, c.name+" IPv6 source", c.f("::1", "232.1.1.1", ""), EINVAL, ""+c.name+" EINVAL")
		netWantSysErr(t, c.name+" unassigned interface", c.f("127.0.0.1", "232.1.1.1", "192.0.2.123"), ENODEV, ""+c.name+" ENODEV")
	}
	s.Close(nil)
	for _, c := range calls {
		wantCode(t, c.name+" after close", c.f("127.0.0.1", "232.1.1.1", ""), ErrSocketDgramNotRunning)
	}
}

// Node's check order: a malformed group is addMembership's EINVAL on an
// unbound socket too (libuv parses it first), and a valid one EBADF.
func TestMembershipMalformedUnbound(t *testing.T) {
	s := newSocket(t, SocketOptions{Type: "udp4"})
	netWantSysErr(t, "unbound addMembership(256.256.256.256)", s.AddMembership("256.256.256.256", ""), EINVAL, "addMembership EINVAL")
	netWantSysErr(t, "unbound dropMembership(256.256.256.256)", s.DropMembership("256.256.256.256", ""), EINVAL, "dropMembership EINVAL")
	netWantSysErr(t, "unbound addMembership(230.1.2.3)", s.AddMembership("230.1.2.3", ""), EBADF, "addMembership EBADF")
	s.Close(nil)
	wantCode(t, "addMembership after close", s.AddMembership("256.256.256.256", ""), ErrSocketDgramNotRunning)
}

// A udp6 socket bound to :: is dual-stack, as in Node: a udp4 peer's
// datagram to 127.0.0.1 reaches it, from ::ffff:127.0.0.1, family IPv6,
// and it holds the port for udp4 too. With ipv6Only it is IPv6 only: a
// udp4 socket binds the same port on 0.0.0.0 (Node's test-dgram-ipv6only).
func TestDualStack(t *testing.T) {
	s := newSocket(t, SocketOptions{Type: "udp6"})
	got := make(chan RemoteInfo, 1)
	s.OnMessage(func(msg []byte, rinfo RemoteInfo) { got <- rinfo })
	if err := s.Bind(0, "::", nil); err != nil {
		t.Fatal(err)
	}
	a, err := s.Address()
	if err != nil {
		t.Fatal(err)
	}
	if a.Address.String() != "::" || a.Family != "IPv6" {
		t.Errorf("Address() = %v %s, want :: IPv6", a.Address, a.Family)
	}
	c, _, cport := boundSocket(t, "udp4", "127.0.0.1")
	if err := c.Send("v4", a.Port, "127.0.0.1", nil); err != nil {
		t.Fatal(err)
	}
	r := recv(t, got)
	if r.Address.String() != "::ffff:127.0.0.1" || r.Family != "IPv6" || r.Port != cport || r.Size != 2 {
		t.Errorf("rinfo = %+v, want ::ffff:127.0.0.1 IPv6 port %d size 2", r, cport)
	}
	// It answers the IPv4 peer at its mapped address.
	cr := record(c)
	if err := s.Send("back", cport, "::ffff:127.0.0.1", nil); err != nil {
		t.Fatal(err)
	}
	cr.expect(t, "message:back")

	v4 := newSocket(t, SocketOptions{Type: "udp4"})
	netWantSysErr(t, "udp4 bind on a dual-stack udp6 socket's port", v4.Bind(a.Port, "0.0.0.0", nil), EADDRINUSE, "")

	only := newSocket(t, SocketOptions{Type: "udp6", IPv6Only: true})
	if err := only.Bind(0, "::", nil); err != nil {
		t.Fatal(err)
	}
	oa, err := only.Address()
	if err != nil {
		t.Fatal(err)
	}
	v4b := newSocket(t, SocketOptions{Type: "udp4"})
	if err := v4b.Bind(oa.Port, "0.0.0.0", nil); err != nil {
		t.Errorf("udp4 bind on an ipv6Only socket's port %d: %v", oa.Port, err)
	}
}

// reusePort: several sockets that all ask for it bind one port (Linux's
// SO_REUSEPORT); one that does not is refused it, EADDRINUSE, and so is
// any socket on a port bound without it.
func TestReusePort(t *testing.T) {
	opts := SocketOptions{Type: "udp4", ReusePort: true}
	a := newSocket(t, opts)
	if err := a.Bind(0, "127.0.0.1", nil); err != nil {
		t.Fatal(err)
	}
	ad, err := a.Address()
	if err != nil {
		t.Fatal(err)
	}
	b := newSocket(t, opts)
	r := record(b)
	if err := b.Bind(ad.Port, "127.0.0.1", nil); err != nil {
		t.Fatalf("second reusePort bind of port %d: %v", ad.Port, err)
	}
	r.expect(t, "listening")
	c := newSocket(t, SocketOptions{Type: "udp4"})
	netWantSysErr(t, "bind without reusePort", c.Bind(ad.Port, "127.0.0.1", nil), EADDRINUSE, "")

	d := newSocket(t, SocketOptions{Type: "udp4"})
	if err := d.Bind(0, "127.0.0.1", nil); err != nil {
		t.Fatal(err)
	}
	dd, _ := d.Address()
	e := newSocket(t, opts)
	netWantSysErr(t, "reusePort bind of a port bound without it", e.Bind(dd.Port, "127.0.0.1", nil), EADDRINUSE, "")
}

// A buffer size beyond a C int is EINVAL, as libuv reports it to Node
// (test-dgram-socket-buffer-size): ERR_SOCKET_BUFFER_SIZE from the setter,
// and from bind for createSocket's option, which is applied there.
func TestBufferSizeBeyondCInt(t *testing.T) {
	if strconv.IntSize < 64 {
		t.Skip("2^31 is beyond a 32-bit Go int")
	}
	shift := 31 // a variable: the constant 1<<31 does not compile for a 32-bit int
	big := 1 << shift
	s := newSocket(t, SocketOptions{Type: "udp4"})
	if err := s.Bind(0, "127.0.0.1", nil); err != nil {
		t.Fatal(err)
	}
	want := "SystemError [ERR_SOCKET_BUFFER_SIZE]: Could not get or set buffer size: uv_recv_buffer_size returned EINVAL (invalid argument)"
	if err := s.SetRecvBufferSize(big); err == nil || err.Error() != want || !errors.Is(err, syscall.EINVAL) {
		t.Errorf("SetRecvBufferSize(2^31): %v; want %s", err, want)
	}
	if err := s.SetSendBufferSize(big); !errors.Is(err, ErrSocketBufferSize) {
		t.Errorf("SetSendBufferSize(2^31): %v; want ERR_SOCKET_BUFFER_SIZE", err)
	}
	o := newSocket(t, SocketOptions{Type: "udp6", SendBufferSize: big})
	want = "SystemError [ERR_SOCKET_BUFFER_SIZE]: Could not get or set buffer size: uv_send_buffer_size returned EINVAL (invalid argument)"
	if err := o.Bind(0, "::1", nil); err == nil || err.Error() != want {
		t.Errorf("Bind with sendBufferSize 2^31: %v; want %s", err, want)
	}
	ok := newSocket(t, SocketOptions{Type: "udp6", RecvBufferSize: 10000, SendBufferSize: 15000})
	if err := ok.Bind(0, "::1", nil); err != nil {
		t.Fatal(err)
	}
	if n, err := ok.GetRecvBufferSize(); err != nil || (n != 10000 && n != 20000) {
		t.Errorf("recvBufferSize 10000 applied at bind: %d, %v", n, err)
	}
	if n, err := ok.GetSendBufferSize(); err != nil || (n != 15000 && n != 30000) {
		t.Errorf("sendBufferSize 15000 applied at bind: %d, %v", n, err)
	}
}
