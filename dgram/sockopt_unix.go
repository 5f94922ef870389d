//go:build unix

package dgram

import (
	"syscall"

	"golang.org/x/sys/unix"
)

// syscallConn is the raw socket handed to net.ListenConfig.Control.
type syscallConn = syscall.RawConn

// controlSocket runs before bind: reuseAddr's option when asked (soReuse,
// per OS), reusePort's (setReusePort, per OS), SO_BROADCAST cleared,
// because Go's net package sets it on every UDP socket and Node's sockets
// start without it, and on udp6 IPV6_V6ONLY set to ipv6Only, because Go
// sets it on every udp6 socket and Node's are dual-stack unless asked.
func controlSocket(rc syscall.RawConn, o bindOptions) error {
	var serr error
	err := rc.Control(func(fd uintptr) {
		if o.reuseAddr {
			if serr = unix.SetsockoptInt(int(fd), unix.SOL_SOCKET, soReuse, 1); serr != nil {
				return
			}
		}
		if o.reusePort {
			if serr = setReusePort(int(fd)); serr != nil {
				return
			}
		}
		if o.v6 {
			if serr = unix.SetsockoptInt(int(fd), unix.IPPROTO_IPV6, unix.IPV6_V6ONLY, boolInt(o.ipv6Only)); serr != nil {
				return
			}
		}
		serr = unix.SetsockoptInt(int(fd), unix.SOL_SOCKET, unix.SO_BROADCAST, 0)
	})
	if err != nil {
		return err
	}
	return serr
}

// boolInt is a flag as a socket option's value.
func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// errnoName is the errno's POSIX name ("EADDRINUSE"), or "" when it has
// none.
func errnoName(e syscall.Errno) string { return unix.ErrnoName(e) }

// errnoValue is the errno named name, and false when there is none.
func errnoValue(name string) (syscall.Errno, bool) {
	for e := syscall.Errno(1); e < 256; e++ {
		if unix.ErrnoName(e) == name {
			return e, true
		}
	}
	return 0, false
}
