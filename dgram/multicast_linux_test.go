//go:build linux

package dgram

// Multicast for real, in the private network namespace (netns_linux_test.go):
// the groups are joined and sent to on the interface the kernel chooses,
// which there is the veth dg0 and can never be a host interface.

import (
	"errors"
	"net/netip"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// TestMulticastMembership: a member receives what is sent to its group,
// nothing after dropMembership, and again after joining again. Both with
// the interface the kernel chooses and with dg0's address.
func TestMulticastMembership(t *testing.T) {
	needSandbox(t)
	for i, iface := range []string{"", netSandboxIP.String()} {
		name := "kernel's interface"
		if iface != "" {
			name = "interface " + iface
		}
		t.Run(name, func(t *testing.T) {
			const group = "230.255.255.251"
			port := 41301 + i
			member := netBound(t, SocketOptions{Type: "udp4"}, port, "")
			if err := member.AddMembership(group, iface); err != nil {
				t.Fatalf("AddMembership(%q, %q): %v", group, iface, err)
			}
			sender := netBound(t, SocketOptions{Type: "udp4"}, 0, "")
			msgs := netSeq("member", 3)

			sender.sendOK(t, msgs[0], port, group)
			got := netWait(t, "joined", msgs[:1], member)
			want := RemoteInfo{Address: netSandboxIP, Family: "IPv4", Port: sender.port(t), Size: len(msgs[0])}
			if r := got[0][0].rinfo; r != want {
				t.Errorf("rinfo = %+v, want %+v", r, want)
			}

			if err := member.DropMembership(group, iface); err != nil {
				t.Fatalf("DropMembership(%q, %q): %v", group, iface, err)
			}
			sender.sendOK(t, msgs[1], port, group)
			sender.sendOK(t, msgs[2], port, group)
			netNothing(t, "after dropMembership", member)

			// The path still works: joined again, the member receives.
			if err := member.AddMembership(group, iface); err != nil {
				t.Fatalf("AddMembership again: %v", err)
			}
			sender.sendOK(t, "rejoined", port, group)
			netWait(t, "joined again", []string{"rejoined"}, member)
		})
	}
}

// TestMulticastLoopback: IP_MULTICAST_LOOP is the sender's: with it off no
// socket on this host gets the group's datagrams (neither the joined
// sender nor another member), though they leave on dg0; with it on both
// get them. This needs the veth: lo ignores IP_MULTICAST_LOOP.
func TestMulticastLoopback(t *testing.T) {
	needSandbox(t)
	const group, port = "230.255.255.252", 41311
	opts := SocketOptions{Type: "udp4", ReuseAddr: true}
	sender := netBound(t, opts, port, "")
	member := netBound(t, opts, port, "")
	for _, s := range []*netSock{sender, member} {
		if err := s.AddMembership(group, ""); err != nil {
			t.Fatalf("AddMembership: %v", err)
		}
	}

	if err := sender.SetMulticastLoopback(false); err != nil {
		t.Fatalf("SetMulticastLoopback(false): %v", err)
	}
	tx := netDevCounter(t, "dg0", 9)
	for _, m := range netSeq("loop-off", 3) {
		sender.sendOK(t, m, port, group)
	}
	netNothing(t, "loopback off", sender, member)
	if sent := netDevCounter(t, "dg0", 9) - tx; sent < 3 {
		t.Errorf("loopback off: dg0 transmitted %d packets, want the 3 datagrams", sent)
	}

	if err := sender.SetMulticastLoopback(true); err != nil {
		t.Fatalf("SetMulticastLoopback(true): %v", err)
	}
	on := netSeq("loop-on", 3)
	for _, m := range on {
		sender.sendOK(t, m, port, group)
	}
	netWait(t, "loopback on", on, sender, member)
}

// TestMulticastSeedAddMembership is the seed's addMembership example:
//
//	var server = dgram.createSocket('udp4');
//	server.bind(12345, function() { server.addMembership(multicast_address); });
func TestMulticastSeedAddMembership(t *testing.T) {
	needSandbox(t)
	const multicastAddress, port = "230.255.255.250", 12345
	s, err := CreateSocketType("udp4", nil)
	if err != nil {
		t.Fatal(err)
	}
	server := netWrap(t, s)
	joined := make(chan error, 1)
	if err := server.Bind(port, "", func() { joined <- server.AddMembership(multicastAddress, "") }); err != nil {
		t.Fatalf("Bind: %v", err)
	}
	netJoined(t, joined, server)

	client := netBound(t, SocketOptions{Type: "udp4"}, 0, "")
	client.sendOK(t, "Hello IoT.js", port, multicastAddress)
	netWait(t, "member", []string{"Hello IoT.js"}, server)
}

// TestMulticastSeedDropMembership is the seed's dropMembership example:
// the server joins in the bind callback and leaves on the first message,
// so it gets that one only.
//
//	server.bind(12345, function() { server.addMembership(multicast_address); });
//	server.on('message', function(data, rinfo) { server.dropMembership(multicast_address); });
func TestMulticastSeedDropMembership(t *testing.T) {
	needSandbox(t)
	const multicastAddress, port = "230.255.255.250", 12345
	s, err := CreateSocketType("udp4", nil)
	if err != nil {
		t.Fatal(err)
	}
	server := netWrap(t, s)
	joined := make(chan error, 1)
	if err := server.Bind(port, "", func() { joined <- server.AddMembership(multicastAddress, "") }); err != nil {
		t.Fatalf("Bind: %v", err)
	}
	dropped := make(chan error, 16)
	server.OnMessage(func(data []byte, rinfo RemoteInfo) {
		dropped <- server.DropMembership(multicastAddress, "")
	})
	netJoined(t, joined, server)

	client := netBound(t, SocketOptions{Type: "udp4"}, 0, "")
	msgs := netSeq("Hello IoT.js", 3)
	client.sendOK(t, msgs[0], port, multicastAddress)
	netWait(t, "member", msgs[:1], server)
	select {
	case err := <-dropped:
		if err != nil {
			t.Fatalf("DropMembership in the 'message' listener: %v", err)
		}
	case <-time.After(netWaitMax):
		t.Fatal("the 'message' listener that drops the membership did not run")
	}
	client.sendOK(t, msgs[1], port, multicastAddress)
	client.sendOK(t, msgs[2], port, multicastAddress)
	netNothing(t, "after dropMembership", server)
}

// netJoined waits for the bind callback's addMembership result.
func netJoined(t *testing.T, joined chan error, s *netSock) {
	t.Helper()
	select {
	case err := <-joined:
		if err != nil {
			t.Fatalf("AddMembership in the bind callback: %v", err)
		}
	case err := <-s.errs:
		t.Fatalf("Bind: 'error' %v", err)
	case <-time.After(netWaitMax):
		t.Fatalf("no 'listening' within %v", netWaitMax)
	}
}

// TestMulticastMissingGroup: an empty group is ERR_MISSING_ARGS, checked
// before the socket is touched (so this runs anywhere).
func TestMulticastMissingGroup(t *testing.T) {
	s := netBound(t, SocketOptions{Type: "udp4"}, 0, "127.0.0.1")
	for name, call := range map[string]func(string, string) error{"AddMembership": s.AddMembership, "DropMembership": s.DropMembership} {
		err := call("", "")
		var e *Error
		if !errors.As(err, &e) || !errors.Is(err, ErrMissingArgs) || e.Kind != KindTypeError {
			t.Errorf(`%s(""): err = %v, want a TypeError with code %s`, name, err, ErrMissingArgs)
		}
	}
}

// TestMulticastErrors: each membership error is the code the kernel gives
// for the same request made as libuv makes it (setsockopt
// IP_ADD_MEMBERSHIP / IP_DROP_MEMBERSHIP with an ip_mreq), named after the
// call: "addMembership EADDRINUSE".
func TestMulticastErrors(t *testing.T) {
	needSandbox(t)
	const group = "230.255.255.253"
	cases := []struct {
		name      string
		join      bool   // addMembership, else dropMembership
		joinFirst bool   // join group, iface once before
		group     string // the group asked for
		iface     string
		code      Code
	}{
		{"drop a group never joined", false, false, group, "", EADDRNOTAVAIL},
		{"drop a group never joined on 10.200.0.1", false, false, group, "10.200.0.1", EADDRNOTAVAIL},
		{"join twice", true, true, group, "", EADDRINUSE},
		{"join twice on 10.200.0.1", true, true, group, "10.200.0.1", EADDRINUSE},
		{"not a multicast group", true, false, "1.2.3.4", "", EINVAL},
		{"an interface address no interface has", true, false, group, "10.9.9.9", ENODEV},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			// What the kernel says.
			fd, err := unix.Socket(unix.AF_INET, unix.SOCK_DGRAM|unix.SOCK_CLOEXEC, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer unix.Close(fd)
			if c.joinFirst {
				if err := netKernelMreq(fd, true, c.group, c.iface); err != nil {
					t.Fatalf("kernel: first IP_ADD_MEMBERSHIP: %v", err)
				}
			}
			kerr := netKernelMreq(fd, c.join, c.group, c.iface)
			if !errors.Is(kerr, errnoOf(c.code)) {
				t.Fatalf("kernel gives %v, the test expects %s", kerr, c.code)
			}

			// What we say.
			s := netBound(t, SocketOptions{Type: "udp4"}, 0, "")
			call, callName := s.AddMembership, "addMembership"
			if !c.join {
				call, callName = s.DropMembership, "dropMembership"
			}
			if c.joinFirst {
				if err := s.AddMembership(c.group, c.iface); err != nil {
					t.Fatalf("first AddMembership: %v", err)
				}
			}
			err = call(c.group, c.iface)
			netWantSysErr(t, callName+"("+c.group+", "+c.iface+")", err, c.code, callName+" "+string(c.code))
			var e *Error
			if errors.As(err, &e) && e.Syscall != callName {
				t.Errorf("Syscall = %q, want %q", e.Syscall, callName)
			}
		})
	}
}

// netKernelMreq joins (IP_ADD_MEMBERSHIP) or leaves (IP_DROP_MEMBERSHIP)
// group on the interface with address iface (INADDR_ANY when empty), as
// libuv does, and returns the errno.
func netKernelMreq(fd int, join bool, group, iface string) error {
	mreq := &unix.IPMreq{Multiaddr: netip.MustParseAddr(group).As4()}
	if iface != "" {
		mreq.Interface = netip.MustParseAddr(iface).As4()
	}
	opt := unix.IP_ADD_MEMBERSHIP
	if !join {
		opt = unix.IP_DROP_MEMBERSHIP
	}
	return unix.SetsockoptIPMreq(fd, unix.IPPROTO_IP, opt, mreq)
}

// TestMulticastIPv6: udp6 groups on the veth, joined on interface "%dg0":
// a site-scope group (ff15::abcd) and a link-scope one (ff02::1:3, sent to
// with the zone); dropMembership stops delivery; and IPV6_MULTICAST_LOOP
// off keeps the datagrams off this host. (IPv6 multicast does not deliver
// on lo here, netlab §1.2, hence the veth.)
func TestMulticastIPv6(t *testing.T) {
	needSandbox(t)
	netNeedIPv6(t)
	cases := []struct{ group, dest string }{
		{"ff15::abcd", "ff15::abcd"},
		{"ff02::1:3", "ff02::1:3%dg0"},
	}
	for i, c := range cases {
		t.Run(c.group, func(t *testing.T) {
			port := 41321 + i
			member := netBound(t, SocketOptions{Type: "udp6"}, port, "")
			if err := member.AddMembership(c.group, "%dg0"); err != nil {
				t.Fatalf("AddMembership(%q, %%dg0): %v", c.group, err)
			}
			sender := netBound(t, SocketOptions{Type: "udp6"}, 0, "")
			msgs := netSeq("v6", 3)
			for _, m := range msgs {
				sender.sendOK(t, m, port, c.dest)
			}
			got := netWait(t, "member", msgs, member)
			if r := got[0][0].rinfo; r.Family != "IPv6" || !r.Address.Is6() || !r.Address.IsLinkLocalUnicast() || r.Port != sender.port(t) {
				t.Errorf("rinfo = %+v, want IPv6 from dg0's link-local address, port %d", r, sender.port(t))
			}

			if err := member.DropMembership(c.group, "%dg0"); err != nil {
				t.Fatalf("DropMembership: %v", err)
			}
			sender.sendOK(t, "after-drop", port, c.dest)
			netNothing(t, "after dropMembership", member)

			if err := member.AddMembership(c.group, "%dg0"); err != nil {
				t.Fatalf("AddMembership again: %v", err)
			}
			if err := sender.SetMulticastLoopback(false); err != nil {
				t.Fatalf("SetMulticastLoopback(false): %v", err)
			}
			sender.sendOK(t, "loop-off", port, c.dest)
			netNothing(t, "loopback off", member)
			if err := sender.SetMulticastLoopback(true); err != nil {
				t.Fatalf("SetMulticastLoopback(true): %v", err)
			}
			sender.sendOK(t, "loop-on", port, c.dest)
			netWait(t, "loopback on", []string{"loop-on"}, member)
		})
	}
}

// netNeedIPv6 skips unless dg0 has a usable IPv6 link-local address,
// waiting for it (bounded) since it appears once the link has carrier.
func netNeedIPv6(t *testing.T) {
	t.Helper()
	if !netSandboxV6 {
		t.Skip("IPv6 multicast cannot work in the sandbox: the IPv6 sysctls of dg0/dg1 could not be set (IPv6 disabled?)")
	}
	deadline := time.Now().Add(netWaitMax)
	for {
		for _, a := range netIfAddrs("dg0") {
			if a.Is6() && a.IsLinkLocalUnicast() {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Skipf("IPv6 multicast cannot work in the sandbox: dg0 has no IPv6 link-local address after %v", netWaitMax)
		}
		time.Sleep(20 * time.Millisecond) // polling a kernel state change, bounded by deadline
	}
}

// TestMulticastSourceSpecific: a member of the source-specific channel
// (dg0's address, group) receives what that source sends to the group;
// a member of the same group from another source receives none of it;
// joining it twice is the kernel's EADDRNOTAVAIL (Linux's ip_mc_source);
// after dropSourceSpecificMembership the member receives nothing, and
// leaving again is the kernel's EINVAL. Both with the interface the
// kernel chooses and with dg0's address.
func TestMulticastSourceSpecific(t *testing.T) {
	needSandbox(t)
	for i, iface := range []string{"", netSandboxIP.String()} {
		name := "kernel's interface"
		if iface != "" {
			name = "interface " + iface
		}
		t.Run(name, func(t *testing.T) {
			const group = "232.255.255.250"
			port := 41321 + i
			opts := SocketOptions{Type: "udp4", ReuseAddr: true}
			member := netBound(t, opts, port, "")
			other := netBound(t, opts, port, "")
			src := netSandboxIP.String()
			if err := member.AddSourceSpecificMembership(src, group, iface); err != nil {
				t.Fatalf("AddSourceSpecificMembership(%s, %s, %q): %v", src, group, iface, err)
			}
			if err := other.AddSourceSpecificMembership("10.200.0.99", group, iface); err != nil {
				t.Fatalf("AddSourceSpecificMembership(10.200.0.99, %s, %q): %v", group, iface, err)
			}
			err := member.AddSourceSpecificMembership(src, group, iface)
			netWantSysErr(t, "joining the channel twice", err, EADDRNOTAVAIL, "addSourceSpecificMembership EADDRNOTAVAIL")

			sender := netBound(t, SocketOptions{Type: "udp4"}, 0, "")
			sender.sendOK(t, "ssm", port, group)
			got := netWait(t, "joined", []string{"ssm"}, member)
			if r := got[0][0].rinfo; r.Address != netSandboxIP {
				t.Errorf("rinfo = %+v, want from %v", r, netSandboxIP)
			}
			netNothing(t, "another source's member", other)

			if err := member.DropSourceSpecificMembership(src, group, iface); err != nil {
				t.Fatalf("DropSourceSpecificMembership: %v", err)
			}
			sender.sendOK(t, "after drop", port, group)
			netNothing(t, "after dropSourceSpecificMembership", member, other)
			err = member.DropSourceSpecificMembership(src, group, iface)
			netWantSysErr(t, "leaving a channel not joined", err, EINVAL, "dropSourceSpecificMembership EINVAL")
		})
	}
}

// TestMulticastInterfaceChosen: setMulticastInterface picks the interface
// a group's datagrams leave by: dg0's address on udp4, dg0's scope
// (::%dg0) on udp6, and a member joined on dg0 receives them.
func TestMulticastInterfaceChosen(t *testing.T) {
	needSandbox(t)
	t.Run("udp4", func(t *testing.T) {
		const group, port = "230.255.255.249", 41331
		member := netBound(t, SocketOptions{Type: "udp4"}, port, "")
		if err := member.AddMembership(group, netSandboxIP.String()); err != nil {
			t.Fatal(err)
		}
		sender := netBound(t, SocketOptions{Type: "udp4"}, 0, "")
		if err := sender.SetMulticastInterface(netSandboxIP.String()); err != nil {
			t.Fatalf("SetMulticastInterface(%v): %v", netSandboxIP, err)
		}
		sender.sendOK(t, "via dg0", port, group)
		netWait(t, "joined on dg0", []string{"via dg0"}, member)
	})
	t.Run("udp6", func(t *testing.T) {
		if !netSandboxV6 {
			t.Skip("no IPv6 on dg0 in this sandbox")
		}
		const group, port = "ff02::1:7", 41332
		member := netBound(t, SocketOptions{Type: "udp6"}, port, "")
		if err := member.AddMembership(group, "::%dg0"); err != nil {
			t.Fatal(err)
		}
		sender := netBound(t, SocketOptions{Type: "udp6"}, 0, "")
		if err := sender.SetMulticastInterface("::%dg0"); err != nil {
			t.Fatalf("SetMulticastInterface(::%%dg0): %v", err)
		}
		sender.sendOK(t, "via dg0", port, group)
		netWait(t, "joined on dg0", []string{"via dg0"}, member)
	})
}
