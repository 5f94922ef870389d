package dgram

import (
	"net"
	"os"
	"syscall"
	"unsafe"

	"golang.org/x/sys/unix"
)

// mmsghdr is struct mmsghdr: the layout follows unix.Msghdr's on every
// architecture (the padding after Len on 64-bit hosts is Go's too).
type mmsghdr struct {
	hdr unix.Msghdr
	len uint32
}

// batchWriter writes queued datagrams with sendmmsg(2), up to maxPerFlush
// messages per call; with GSO (gso_linux.go) one message carries a run of
// datagrams to one destination.
type batchWriter struct {
	conn   *net.UDPConn
	rc     syscall.RawConn
	hdrs   []mmsghdr
	iovs   []unix.Iovec
	names  []unix.RawSockaddrInet6 // large enough for either family
	oob    []byte                  // gsoSpace bytes per message
	counts []int                   // datagrams per message
	gso    gsoState
	vlen   int
	n      int
	errno  syscall.Errno
	send   func(fd uintptr) bool
}

func newBatchWriter(conn *net.UDPConn) *batchWriter {
	w := &batchWriter{conn: conn, hdrs: make([]mmsghdr, maxPerFlush), iovs: make([]unix.Iovec, maxPerFlush),
		names: make([]unix.RawSockaddrInet6, maxPerFlush), counts: make([]int, maxPerFlush)}
	w.rc, _ = conn.SyscallConn()
	w.gso = gsoProbe(w.rc)
	if w.gso.on {
		w.oob = make([]byte, maxPerFlush*gsoSpace)
	}
	for i := range w.hdrs {
		w.hdrs[i].hdr.Name = (*byte)(unsafe.Pointer(&w.names[i]))
		w.hdrs[i].hdr.Iov = &w.iovs[i]
		w.hdrs[i].hdr.SetIovlen(1)
	}
	w.send = func(fd uintptr) bool {
		n, _, e := unix.Syscall6(unix.SYS_SENDMMSG, fd, uintptr(unsafe.Pointer(&w.hdrs[0])), uintptr(w.vlen), 0, 0, 0)
		if e == unix.EAGAIN || e == unix.EWOULDBLOCK {
			return false // wait until the socket is writable
		}
		w.n, w.errno = int(n), e
		return true
	}
	return w
}

// write sends the first datagrams of items and returns how many went; a
// non-nil error is that of items[k]. An address with a zone is written
// alone, through net, which knows its interface.
func (w *batchWriter) write(items []outgoing, data []byte) (int, error) {
	if items[0].to.Addr().Zone() != "" {
		it := items[0]
		if _, err := writeDatagram(w.conn, data[it.off:it.off+it.n], it.to, it.port); err != nil {
			return 0, err
		}
		return 1, nil
	}
	return w.sendmmsg(items, data, w.gso.on)
}

// sendmmsg writes one sendmmsg(2) call of the first datagrams of items,
// with GSO where gso allows it. A GSO message the kernel refuses is sent
// again plain, so that every datagram gets the outcome a plain send gives
// it.
func (w *batchWriter) sendmmsg(items []outgoing, data []byte, gso bool) (int, error) {
	m, k := 0, 0
	for k < len(items) && m < maxPerFlush && items[k].to.Addr().Zone() == "" {
		c := 1
		if gso {
			c = w.gso.group(items[k:])
		}
		w.fill(m, items[k:k+c], data)
		w.counts[m] = c
		m++
		k += c
	}
	w.vlen = m
	if err := w.rc.Write(w.send); err != nil {
		return 0, err
	}
	if w.errno != 0 {
		if c := w.counts[0]; c > 1 {
			w.gso.failed(w.errno, items[0].n)
			return w.sendmmsg(items[:c], data, false)
		}
		return 0, os.NewSyscallError("sendmmsg", w.errno)
	}
	sent := 0
	for _, c := range w.counts[:w.n] {
		sent += c
		if c > 1 {
			w.gso.worked = true
		}
	}
	return sent, nil
}

// fill makes message m of the datagrams run (one, or a GSO run, which
// lies in one piece in data).
func (w *batchWriter) fill(m int, run []outgoing, data []byte) {
	first, last := &run[0], &run[len(run)-1]
	h := &w.hdrs[m].hdr
	if n := last.off + last.n - first.off; n > 0 {
		w.iovs[m].Base = &data[first.off]
		w.iovs[m].SetLen(n)
	} else {
		w.iovs[m].Base = nil
		w.iovs[m].SetLen(0)
	}
	if len(run) > 1 {
		setSegment(h, w.oob[m*gsoSpace:(m+1)*gsoSpace], first.n)
	} else {
		h.Control = nil
		h.SetControllen(0)
	}
	sa := &w.names[m]
	*sa = unix.RawSockaddrInet6{}
	ip, port := first.to.Addr(), first.to.Port()
	if ip.Is4() {
		in := (*unix.RawSockaddrInet4)(unsafe.Pointer(sa))
		in.Family = unix.AF_INET
		in.Port = htons(port)
		in.Addr = ip.As4()
		h.Namelen = unix.SizeofSockaddrInet4
	} else {
		sa.Family = unix.AF_INET6
		sa.Port = htons(port)
		sa.Addr = ip.As16()
		h.Namelen = unix.SizeofSockaddrInet6
	}
}

// htons writes a port in network byte order.
func htons(p uint16) uint16 {
	var b [2]byte
	b[0], b[1] = byte(p>>8), byte(p)
	return *(*uint16)(unsafe.Pointer(&b))
}
