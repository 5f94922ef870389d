package dgram

import (
	"net/netip"
	"syscall"
)

// connectSocket associates the bound socket with the peer to.
func connectSocket(rc syscall.RawConn, to netip.AddrPort) error {
	var sa syscall.Sockaddr
	if to.Addr().Is4() {
		sa = &syscall.SockaddrInet4{Port: int(to.Port()), Addr: to.Addr().As4()}
	} else {
		sa = &syscall.SockaddrInet6{Port: int(to.Port()), Addr: to.Addr().As16()}
	}
	var cerr error
	if err := rc.Control(func(fd uintptr) { cerr = syscall.Connect(syscall.Handle(fd), sa) }); err != nil {
		return err
	}
	return cerr
}

// disconnectSocket dissolves the association: WinSock disconnects a UDP
// socket connected to the any address with port 0 (libuv's
// uv__udp_disconnect on Windows).
func disconnectSocket(rc syscall.RawConn, v6 bool) error {
	var sa syscall.Sockaddr = &syscall.SockaddrInet4{}
	if v6 {
		sa = &syscall.SockaddrInet6{}
	}
	var cerr error
	if err := rc.Control(func(fd uintptr) { cerr = syscall.Connect(syscall.Handle(fd), sa) }); err != nil {
		return err
	}
	return cerr
}

// sockName is the socket's local address now (getsockname).
func sockName(rc syscall.RawConn) (netip.AddrPort, error) {
	var sa syscall.Sockaddr
	var serr error
	if err := rc.Control(func(fd uintptr) { sa, serr = syscall.Getsockname(syscall.Handle(fd)) }); err != nil {
		return netip.AddrPort{}, err
	}
	if serr != nil {
		return netip.AddrPort{}, serr
	}
	switch a := sa.(type) {
	case *syscall.SockaddrInet4:
		return netip.AddrPortFrom(netip.AddrFrom4(a.Addr), uint16(a.Port)), nil
	case *syscall.SockaddrInet6:
		return netip.AddrPortFrom(netip.AddrFrom16(a.Addr), uint16(a.Port)), nil
	}
	return netip.AddrPort{}, syscall.EAFNOSUPPORT
}
