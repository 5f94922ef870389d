package dgram

import "golang.org/x/sys/unix"

// setReusePort sets reusePort's option on socket fd before bind:
// SO_REUSEPORT_LB, FreeBSD's load-balancing SO_REUSEPORT, as libuv sets it
// for UV_UDP_REUSEPORT.
func setReusePort(fd int) error {
	return unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_REUSEPORT_LB, 1)
}
