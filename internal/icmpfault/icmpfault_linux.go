// Package icmpfault forges the ICMP and ICMPv6 errors a network sends
// about a UDP flow, for the tests that run in a private network namespace
// (shared/notes/netlab.md §8): a raw socket there needs no privilege
// outside it. The kernel matches the error to the socket whose flow it
// quotes and reports it on that socket's next receive (a connected
// socket, for the "hard" errors, without IP_RECVERR). Only the tests of
// the core and of the bindings import it.
package icmpfault

import (
	"encoding/binary"
	"fmt"
	"net/netip"

	"golang.org/x/sys/unix"
)

// A Fault is one ICMP error and the errno Linux turns it into on a
// connected UDP socket (net/ipv4/icmp.c icmp_err_convert, net/ipv6).
type Fault struct {
	Name       string // what it is, for test names
	V6         bool   // an ICMPv6 error, about a udp6 flow
	Type, Code byte
	Errno      string // the errno a connected socket's receive returns
}

// Faults are the hard errors whose errno no ECONNREFUSED-style rule
// covers, each on the family that has it.
var Faults = []Fault{
	{"protocol-unreachable", false, 3, 2, "ENOPROTOOPT"},
	{"host-unknown", false, 3, 7, "EHOSTDOWN"},
	{"host-isolated", false, 3, 8, "ENONET"},
	{"parameter-problem", false, 12, 0, "EPROTO"},
	{"port-unreachable", false, 3, 3, "ECONNREFUSED"},
	{"admin-prohibited", true, 1, 1, "EACCES"},
	{"port-unreachable-v6", true, 1, 4, "ECONNREFUSED"},
}

// Send forges f about a datagram from local to peer (both loopback
// addresses of f's family) and sends it to local's address, where the
// kernel takes it as the network's answer to that datagram.
func Send(f Fault, local, peer netip.AddrPort) error {
	udp := make([]byte, 8)
	binary.BigEndian.PutUint16(udp[0:], local.Port())
	binary.BigEndian.PutUint16(udp[2:], peer.Port())
	binary.BigEndian.PutUint16(udp[4:], 8)
	var (
		family, proto int
		quoted        []byte
		to            unix.Sockaddr
	)
	if f.V6 {
		family, proto = unix.AF_INET6, unix.IPPROTO_ICMPV6
		ip := make([]byte, 40)
		ip[0] = 6 << 4
		binary.BigEndian.PutUint16(ip[4:], 8) // payload length
		ip[6], ip[7] = unix.IPPROTO_UDP, 64
		s, d := local.Addr().As16(), peer.Addr().As16()
		copy(ip[8:], s[:])
		copy(ip[24:], d[:])
		quoted = ip
		to = &unix.SockaddrInet6{Addr: s}
	} else {
		family, proto = unix.AF_INET, unix.IPPROTO_ICMP
		ip := make([]byte, 20)
		ip[0] = 0x45
		binary.BigEndian.PutUint16(ip[2:], 28) // total length
		ip[8], ip[9] = 64, unix.IPPROTO_UDP
		s, d := local.Addr().As4(), peer.Addr().As4()
		copy(ip[12:], s[:])
		copy(ip[16:], d[:])
		binary.BigEndian.PutUint16(ip[10:], checksum(ip))
		quoted = ip
		to = &unix.SockaddrInet4{Addr: s}
	}
	msg := append([]byte{f.Type, f.Code, 0, 0, 0, 0, 0, 0}, append(quoted, udp...)...)
	if !f.V6 { // the kernel sums ICMPv6 itself
		binary.BigEndian.PutUint16(msg[2:], checksum(msg))
	}
	fd, err := unix.Socket(family, unix.SOCK_RAW|unix.SOCK_CLOEXEC, proto)
	if err != nil {
		return fmt.Errorf("raw socket (needs a private network namespace): %w", err)
	}
	defer unix.Close(fd)
	if err := unix.Sendto(fd, msg, 0, to); err != nil {
		return fmt.Errorf("sendto: %w", err)
	}
	return nil
}

// checksum is the Internet checksum (RFC 1071) of b.
func checksum(b []byte) uint16 {
	var sum uint32
	for i := 0; i+1 < len(b); i += 2 {
		sum += uint32(binary.BigEndian.Uint16(b[i:]))
	}
	if len(b)%2 == 1 {
		sum += uint32(b[len(b)-1]) << 8
	}
	for sum>>16 != 0 {
		sum = sum&0xffff + sum>>16
	}
	return ^uint16(sum)
}
