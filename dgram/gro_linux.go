package dgram

import (
	"syscall"

	"golang.org/x/sys/unix"
)

// groEnable turns UDP_GRO on (Linux 5.0+): datagrams of one sender that
// come as one GSO send (or that a device coalesced) are then read as one
// buffer with their segment size in a control message. It reports whether
// the kernel took it.
func groEnable(rc syscall.RawConn) bool {
	if !groEnabled.Load() {
		return false
	}
	var err error
	if cerr := rc.Control(func(fd uintptr) {
		err = unix.SetsockoptInt(int(fd), unix.SOL_UDP, unix.UDP_GRO, 1)
	}); cerr != nil || err != nil {
		return false
	}
	return true
}
