package dgram

import (
	"syscall"

	"golang.org/x/sys/unix"
)

// syscallConn is the raw socket handed to net.ListenConfig.Control.
type syscallConn = syscall.RawConn

// controlSocket runs before bind: SO_REUSEADDR when asked (Node's
// reuseAddr is SO_REUSEADDR on Linux), and SO_BROADCAST cleared, because
// Go's net package sets it on every UDP socket and Node's sockets start
// without it.
func controlSocket(rc syscall.RawConn, reuseAddr bool) error {
	var serr error
	err := rc.Control(func(fd uintptr) {
		if reuseAddr {
			if serr = unix.SetsockoptInt(int(fd), unix.SOL_SOCKET, unix.SO_REUSEADDR, 1); serr != nil {
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
