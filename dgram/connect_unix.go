//go:build unix

package dgram

import (
	"net"
	"net/netip"
	"strconv"
	"syscall"
	"unsafe"

	"golang.org/x/sys/unix"
)

// connectSocket associates the bound socket with the peer to (connect(2)
// on a UDP socket: no packet is sent).
func connectSocket(rc syscall.RawConn, to netip.AddrPort) error {
	var sa unix.Sockaddr
	if to.Addr().Is4() {
		sa = &unix.SockaddrInet4{Port: int(to.Port()), Addr: to.Addr().As4()}
	} else {
		sa6 := &unix.SockaddrInet6{Port: int(to.Port()), Addr: to.Addr().As16()}
		if z := to.Addr().Zone(); z != "" {
			if ifi, err := net.InterfaceByName(z); err == nil {
				sa6.ZoneId = uint32(ifi.Index)
			}
		}
		sa = sa6
	}
	var cerr error
	if err := rc.Control(func(fd uintptr) { cerr = unix.Connect(int(fd), sa) }); err != nil {
		return err
	}
	return cerr
}

// disconnectSocket dissolves the association: connect(2) to an address of
// family AF_UNSPEC, as libuv does. The BSDs report EAFNOSUPPORT (or
// EINVAL) although they dissolve it, which is no error here either.
func disconnectSocket(rc syscall.RawConn, _ bool) error {
	var cerr error
	err := rc.Control(func(fd uintptr) {
		var sa unix.RawSockaddrInet6 // large enough for either family
		sa.Family = unix.AF_UNSPEC
		for {
			_, _, e := unix.Syscall(unix.SYS_CONNECT, fd, uintptr(unsafe.Pointer(&sa)), unsafe.Sizeof(sa))
			switch e {
			case 0, unix.EAFNOSUPPORT:
				return
			case unix.EINTR:
				continue
			case unix.EINVAL:
				if bsdDisconnect {
					return
				}
			}
			cerr = e
			return
		}
	})
	if err != nil {
		return err
	}
	return cerr
}

// sockName is the socket's local address now (getsockname(2)): after a
// disconnect Linux forgets a port the system chose, and the next send
// chooses another, so it is read each time, as Node does.
func sockName(rc syscall.RawConn) (netip.AddrPort, error) {
	var sa unix.Sockaddr
	var serr error
	if err := rc.Control(func(fd uintptr) { sa, serr = unix.Getsockname(int(fd)) }); err != nil {
		return netip.AddrPort{}, err
	}
	if serr != nil {
		return netip.AddrPort{}, serr
	}
	switch a := sa.(type) {
	case *unix.SockaddrInet4:
		return netip.AddrPortFrom(netip.AddrFrom4(a.Addr), uint16(a.Port)), nil
	case *unix.SockaddrInet6:
		ip := netip.AddrFrom16(a.Addr)
		if a.ZoneId != 0 { // a link-local address's interface, as Node appends it
			zone := strconv.Itoa(int(a.ZoneId))
			if ifi, err := net.InterfaceByIndex(int(a.ZoneId)); err == nil {
				zone = ifi.Name
			}
			ip = ip.WithZone(zone)
		}
		return netip.AddrPortFrom(ip, uint16(a.Port)), nil
	}
	return netip.AddrPort{}, unix.EAFNOSUPPORT
}
