package dgram

import "golang.org/x/sys/unix"

// setReusePort sets reusePort's option on socket fd before bind:
// SO_REUSEPORT, which on Linux spreads the datagrams among the sockets
// bound to one port (libuv's UV_UDP_REUSEPORT).
func setReusePort(fd int) error {
	return unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_REUSEPORT, 1)
}
