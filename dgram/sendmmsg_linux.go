package dgram

import (
	"net"
	"os"
	"syscall"
	"unsafe"

	"golang.org/x/sys/unix"
)

// batchWriter writes queued datagrams with sendmmsg(2).
type batchWriter struct {
	conn  *net.UDPConn
	rc    syscall.RawConn
	hdrs  []mmsghdr
	iovs  []unix.Iovec
	names []unix.RawSockaddrInet6 // large enough for either family
	vlen  int
	n     int
	errno syscall.Errno
	send  func(fd uintptr) bool
}

func newBatchWriter(conn *net.UDPConn) *batchWriter {
	w := &batchWriter{conn: conn, hdrs: make([]mmsghdr, maxPerFlush), iovs: make([]unix.Iovec, maxPerFlush),
		names: make([]unix.RawSockaddrInet6, maxPerFlush)}
	w.rc, _ = conn.SyscallConn()
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

// write sends the first datagrams of items (at most maxPerFlush) and
// returns how many went; a non-nil error is that of items[k]. An address
// with a zone is written alone, through net, which knows its interface.
func (w *batchWriter) write(items []outgoing, data []byte) (int, error) {
	if items[0].to.Addr().Zone() != "" {
		it := items[0]
		if _, err := w.conn.WriteToUDPAddrPort(data[it.off:it.off+it.n], it.to); err != nil {
			return 0, err
		}
		return 1, nil
	}
	k := 0
	for ; k < len(items) && items[k].to.Addr().Zone() == ""; k++ {
		it := &items[k]
		h := &w.hdrs[k].hdr
		if it.n > 0 {
			w.iovs[k].Base = &data[it.off]
		} else {
			w.iovs[k].Base = nil
		}
		w.iovs[k].SetLen(it.n)
		sa := &w.names[k]
		*sa = unix.RawSockaddrInet6{}
		ip, port := it.to.Addr(), it.to.Port()
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
	w.vlen = k
	if err := w.rc.Write(w.send); err != nil {
		return 0, err
	}
	if w.errno != 0 {
		return 0, os.NewSyscallError("sendmmsg", w.errno)
	}
	return w.n, nil
}

// htons writes a port in network byte order.
func htons(p uint16) uint16 {
	var b [2]byte
	b[0], b[1] = byte(p>>8), byte(p)
	return *(*uint16)(unsafe.Pointer(&b))
}
