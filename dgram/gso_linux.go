package dgram

import (
	"syscall"
	"unsafe"

	"golang.org/x/sys/unix"
)

// Limits of one GSO send: the segments the oldest kernels with UDP_SEGMENT
// take (UDP_MAX_SEGMENTS, 64 before Linux 6.10), and the payload of one
// IPv4 datagram (the kernel builds one skb of all the segments; 65,535
// bytes with the IP and UDP headers).
const (
	gsoMaxSegs  = 64
	gsoMaxBytes = 65507
)

// gsoSpace is the room of one UDP_SEGMENT control message (a uint16).
var gsoSpace = unix.CmsgSpace(2)

// gsoState is what a socket's batch writer knows of GSO.
type gsoState struct {
	on     bool // UDP_SEGMENT may be used
	worked bool // a GSO send has succeeded: the kernel and the route take it
	maxSeg int  // larger datagrams go plain (lowered when a route refuses one)
}

// gsoProbe reports whether the kernel knows UDP_SEGMENT (Linux 4.18+):
// older kernels ignore an unknown SOL_UDP control message and would send
// the whole buffer as one datagram, so it is asked first.
func gsoProbe(rc syscall.RawConn) gsoState {
	if !gsoEnabled.Load() || rc == nil {
		return gsoState{}
	}
	var err error
	if cerr := rc.Control(func(fd uintptr) {
		_, err = unix.GetsockoptInt(int(fd), unix.SOL_UDP, unix.UDP_SEGMENT)
	}); cerr != nil || err != nil {
		return gsoState{}
	}
	return gsoState{on: true, maxSeg: gsoMaxBytes}
}

// gsoGroup is how many of items, from the first, can leave as one GSO
// send: consecutive datagrams to the first one's destination, of its size
// (the last may be shorter, and ends the group), adjacent in the queue's
// data, within the kernel's limits. 1 means a plain send.
func (g *gsoState) group(items []outgoing) int {
	first := &items[0]
	if !g.on || first.n == 0 || first.n > g.maxSeg {
		return 1
	}
	j, total := 1, first.n
	for j < len(items) && j < gsoMaxSegs {
		it, prev := &items[j], &items[j-1]
		if it.to != first.to || it.n == 0 || it.n > first.n || it.off != prev.off+prev.n || total+it.n > gsoMaxBytes {
			break
		}
		total += it.n
		j++
		if it.n < first.n {
			break
		}
	}
	return j
}

// setSegment writes a UDP_SEGMENT control message of size seg into oob
// (gsoSpace bytes) and points h at it.
func setSegment(h *unix.Msghdr, oob []byte, seg int) {
	c := (*unix.Cmsghdr)(unsafe.Pointer(&oob[0]))
	c.Level = unix.SOL_UDP
	c.Type = unix.UDP_SEGMENT
	c.SetLen(unix.CmsgLen(2))
	*(*uint16)(unsafe.Pointer(&oob[unix.CmsgLen(0)])) = uint16(seg)
	h.Control = &oob[0]
	h.SetControllen(gsoSpace)
}

// failed learns from a GSO send the kernel refused with e, before its
// datagrams are sent again plain (which gives each its own outcome): a
// route whose MTU is below seg takes no segments that large; EIO (a device
// without checksum offload) or a refusal of the very first GSO send (the
// kernel or the socket does not do it) ends GSO on the socket for good.
func (g *gsoState) failed(e syscall.Errno, seg int) {
	switch e {
	case unix.EMSGSIZE:
		g.maxSeg = seg - 1
	case unix.EIO:
		g.on = false
	case unix.EINVAL, unix.ENOPROTOOPT, unix.EOPNOTSUPP:
		if !g.worked {
			g.on = false
		}
	}
}
