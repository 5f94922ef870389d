package dgram

import (
	"net"
	"net/netip"
	"strings"
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
// iface (the kernel's choice when empty). A malformed group is EINVAL and
// a group of the other family ENOPROTOOPT, as libuv reports them; the
// kernel judges the rest (a unicast group: EINVAL to join, EADDRNOTAVAIL
// to leave). An interface address that no interface has is ENODEV, as the
// kernel reports for ip_mreq.
func (s *Socket) membership(call, group, iface string, join bool) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.checkBound(call); err != nil {
		return err
	}
	ip, err := netip.ParseAddr(group)
	switch {
	case err != nil:
		return sysCodeError(call, EINVAL, "", 0)
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
