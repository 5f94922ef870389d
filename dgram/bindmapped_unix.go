//go:build unix

package dgram

import (
	"net"
	"net/netip"
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// listenMapped binds a udp6 socket to an IPv4-mapped address
// (::ffff:127.0.0.1), as Node does: Go's net refuses one for "udp6" ("no
// suitable address found", it takes it for IPv4), so the socket is made
// here, handed to net as a file, given the options of a bind (control)
// and bound. It then takes the IPv4 traffic for that address.
func listenMapped(ap netip.AddrPort, control func(syscall.RawConn) error) (*net.UDPConn, error) {
	syscall.ForkLock.RLock() // as net's sockets: no child inherits it
	fd, err := unix.Socket(unix.AF_INET6, unix.SOCK_DGRAM, unix.IPPROTO_UDP)
	if err == nil {
		unix.CloseOnExec(fd)
	}
	syscall.ForkLock.RUnlock()
	if err != nil {
		return nil, os.NewSyscallError("socket", err)
	}
	if err := unix.SetNonblock(fd, true); err != nil {
		unix.Close(fd)
		return nil, os.NewSyscallError("setnonblock", err)
	}
	f := os.NewFile(uintptr(fd), "udp6")
	pc, err := net.FilePacketConn(f) // a duplicate of fd
	f.Close()
	if err != nil {
		return nil, err
	}
	conn := pc.(*net.UDPConn)
	rc, err := conn.SyscallConn()
	if err == nil {
		err = control(rc)
	}
	if err == nil {
		var berr error
		err = rc.Control(func(fd uintptr) {
			berr = unix.Bind(int(fd), &unix.SockaddrInet6{Port: int(ap.Port()), Addr: ap.Addr().As16()})
		})
		if err == nil && berr != nil {
			err = os.NewSyscallError("bind", berr)
		}
	}
	if err != nil {
		conn.Close()
		return nil, err
	}
	return conn, nil
}
