package dgram

import (
	"net"
	"net/netip"
	"strings"
	"syscall"
)

// addMembership is the core of addMembership.
func (s *Socket) addMembership(multicastAddress string, multicastInterface string) error {
	return s.membership("addMembership", multicastAddress, multicastInterface, true)
}

// dropMembership is the core of dropMembership.
func (s *Socket) dropMembership(multicastAddress string, multicastInterface string) error {
	return s.membership("dropMembership", multicastAddress, multicastInterface, false)
}

// membership joins or leaves group on the interface whose address is
// iface (the kernel's choice when empty). A malformed group is EINVAL,
// whatever the socket's state (libuv parses it first), and a group of the
// other family ENOPROTOOPT, as libuv reports them; the kernel judges the
// rest (a unicast group: EINVAL to join, EADDRNOTAVAIL to leave). An
// interface address that no interface has is ENODEV, as the kernel
// reports for ip_mreq.
func (s *Socket) membership(call, group, iface string, join bool) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.state == closed {
		return notRunning()
	}
	ip, err := netip.ParseAddr(group)
	switch {
	case err != nil:
		return sysCodeError(call, EINVAL, "", 0)
	case s.conn == nil:
		return sysCodeError(call, EBADF, "", 0)
	case ip.Is4() != (s.p4 != nil):
		return sysCodeError(call, ENOPROTOOPT, "", 0)
	}
	var ifi *net.Interface
	if iface != "" {
		if ifi, err = interfaceOf(iface); err != nil {
			return sysError(call, err, "", 0)
		}
	}
	g := &net.UDPAddr{IP: ip.AsSlice()}
	switch {
	case s.p4 != nil && join:
		err = s.p4.JoinGroup(ifi, g)
	case s.p4 != nil:
		err = s.p4.LeaveGroup(ifi, g)
	case join:
		err = s.p6.JoinGroup(ifi, g)
	default:
		err = s.p6.LeaveGroup(ifi, g)
	}
	if err != nil {
		return optionError(call, err)
	}
	return nil
}

// addSourceSpecificMembership is the core of addSourceSpecificMembership.
func (s *Socket) addSourceSpecificMembership(sourceAddress string, groupAddress string, multicastInterface string) error {
	return s.sourceMembership("addSourceSpecificMembership", sourceAddress, groupAddress, multicastInterface, true)
}

// dropSourceSpecificMembership is the core of dropSourceSpecificMembership.
func (s *Socket) dropSourceSpecificMembership(sourceAddress string, groupAddress string, multicastInterface string) error {
	return s.sourceMembership("dropSourceSpecificMembership", sourceAddress, groupAddress, multicastInterface, false)
}

// sourceMembership joins or leaves the source-specific channel (source,
// group) on the interface whose address is iface (the kernel's choice
// when empty), through x/net (MCAST_JOIN_SOURCE_GROUP,
// MCAST_LEAVE_SOURCE_GROUP). As libuv: a group or source that is not an IP
// literal is EINVAL whatever the socket's state, and so is a source of the
// other family than the group's; a group of the other family than the
// socket's is ENOPROTOOPT, as membership's. The kernel judges the rest (a
// unicast group: EINVAL; on Linux joining a channel twice is
// EADDRNOTAVAIL, and leaving one not joined EINVAL).
func (s *Socket) sourceMembership(call, source, group, iface string, join bool) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.state == closed {
		return notRunning()
	}
	g, gerr := netip.ParseAddr(group)
	src, serr := netip.ParseAddr(source)
	switch {
	case gerr != nil || serr != nil || g.Zone() != "" || src.Zone() != "":
		return sysCodeError(call, EINVAL, "", 0)
	case s.conn == nil:
		return sysCodeError(call, EBADF, "", 0)
	case g.Is4() != (s.p4 != nil):
		return sysCodeError(call, ENOPROTOOPT, "", 0)
	case src.Is4() != g.Is4():
		return sysCodeError(call, EINVAL, "", 0)
	}
	var ifi *net.Interface
	if iface != "" {
		var err error
		if ifi, err = interfaceOf(iface); err != nil {
			return sysError(call, err, "", 0)
		}
	}
	ga, sa := &net.UDPAddr{IP: g.AsSlice()}, &net.UDPAddr{IP: src.AsSlice()}
	var err error
	switch {
	case s.p4 != nil && join:
		err = s.p4.JoinSourceSpecificGroup(ifi, ga, sa)
	case s.p4 != nil:
		err = s.p4.LeaveSourceSpecificGroup(ifi, ga, sa)
	case join:
		err = s.p6.JoinSourceSpecificGroup(ifi, ga, sa)
	default:
		err = s.p6.LeaveSourceSpecificGroup(ifi, ga, sa)
	}
	if err != nil {
		return optionError(call, err)
	}
	return nil
}

// setMulticastInterface is the core of setMulticastInterface, read as
// libuv reads it (uv_udp_set_multicast_interface): an IPv4 literal sets
// IP_MULTICAST_IF to that address (0.0.0.0: the system's choice; the
// kernel finds the interface, EADDRNOTAVAIL when none has it); an IPv6
// literal sets IPV6_MULTICAST_IF to the index of the interface its scope
// names (::%eth0; 0, the system's choice, when it has none or names no
// interface); anything else is EINVAL, whatever the socket's state. The
// option of the other family than the socket's is the kernel's to refuse
// (ENOPROTOOPT on Linux for IPv6 on udp4).
func (s *Socket) setMulticastInterface(multicastInterface string) error {
	const call = "setMulticastInterface"
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.state == closed {
		return notRunning()
	}
	ip, err := netip.ParseAddr(multicastInterface)
	switch {
	case err != nil || (ip.Is4() && ip.Zone() != ""):
		return sysCodeError(call, EINVAL, "", 0)
	case s.conn == nil:
		return sysCodeError(call, EBADF, "", 0)
	}
	rc, err := s.conn.SyscallConn()
	if err != nil {
		return sysError(call, err, "", 0)
	}
	var operr error
	err = rc.Control(func(fd uintptr) {
		if ip.Is4() {
			operr = setsockoptInet4(fd, syscall.IPPROTO_IP, syscall.IP_MULTICAST_IF, ip.As4())
			return
		}
		index := 0
		if zone := ip.Zone(); zone != "" {
			if ifi, err := net.InterfaceByName(zone); err == nil {
				index = ifi.Index
			}
		}
		operr = setsockoptInt(fd, syscall.IPPROTO_IPV6, syscall.IPV6_MULTICAST_IF, index)
	})
	if err == nil {
		err = operr
	}
	if err != nil {
		return sysError(call, err, "", 0)
	}
	return nil
}

// interfaceOf finds the interface that has the address iface. An IPv6
// interface may also be named by its zone: "::%eth0" or "%eth0".
func interfaceOf(iface string) (*net.Interface, error) {
	if _, zone, ok := strings.Cut(iface, "%"); ok {
		if ifi, err := net.InterfaceByName(zone); err == nil {
			return ifi, nil
		}
		return nil, errnoOf(ENODEV)
	}
	want, err := netip.ParseAddr(iface)
	if err != nil {
		return nil, errnoOf(EINVAL)
	}
	ifs, err := net.Interfaces()
	if err != nil {
		return nil, err
	}
	for i := range ifs {
		addrs, err := ifs[i].Addrs()
		if err != nil {
			continue
		}
		for _, a := range addrs {
			if n, ok := a.(*net.IPNet); ok {
				if ip, ok := netip.AddrFromSlice(n.IP); ok && ip.Unmap() == want.Unmap() {
					return &ifs[i], nil
				}
			}
		}
	}
	return nil, errnoOf(ENODEV)
}
