package dgram

import (
	"syscall"
	"unsafe"

	"golang.org/x/sys/unix"
)

// groSpace is the control buffer of each received message: room for the
// UDP_GRO control message (an int) and then some, should another one come.
var groSpace = unix.CmsgSpace(4) * 4

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

// groSegment is the segment size a UDP_GRO control message in oob gives,
// or 0 when there is none (the buffer is one datagram).
func groSegment(oob []byte) int {
	const align = int(unsafe.Sizeof(uintptr(0)))
	for len(oob) >= unix.SizeofCmsghdr {
		c := (*unix.Cmsghdr)(unsafe.Pointer(&oob[0]))
		l := int(c.Len)
		if l < unix.SizeofCmsghdr || l > len(oob) {
			return 0
		}
		if c.Level == unix.SOL_UDP && c.Type == unix.UDP_GRO && l >= unix.CmsgLen(4) {
			return int(*(*int32)(unsafe.Pointer(&oob[unix.CmsgLen(0)])))
		}
		l = (l + align - 1) &^ (align - 1)
		if l >= len(oob) {
			return 0
		}
		oob = oob[l:]
	}
	return 0
}
