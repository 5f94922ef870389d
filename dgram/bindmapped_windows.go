package dgram

import (
	"net"
	"net/netip"
	"os"
	"syscall"
)

// listenMapped refuses an IPv4-mapped address on Windows, whose udp6
// sockets take IPv4 traffic on the wildcard address only.
func listenMapped(netip.AddrPort, func(syscall.RawConn) error) (*net.UDPConn, error) {
	return nil, os.NewSyscallError("bind", syscall.EAFNOSUPPORT)
}
