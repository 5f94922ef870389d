package dgram

import "golang.org/x/sys/unix"

// setReusePort sets reusePort's option on socket fd before bind:
// SO_REUSEPORT, which balances the load on DragonFly BSD.
func setReusePort(fd int) error {
	return unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_REUSEPORT, 1)
}
