package dgram

import (
	"net"
	"net/netip"
	"os"
	"strconv"
	"sync"
	"syscall"
	"unsafe"

	"golang.org/x/sys/unix"
)

// The receive path on Linux reads up to maxBatch datagrams per recvmmsg(2)
// system call, each into a buffer that holds the largest datagram, so
// nothing is ever truncated. A socket starts with one buffer and doubles
// its batch when a call fills it, up to maxBatch: a socket that sees one
// datagram at a time keeps one buffer, a busy one spends at most
// maxBatch*64 KiB (of which the kernel touches only what it writes).
// With UDP_GRO (gro_linux.go) a buffer may hold several datagrams of one
// sender, which are split back by their segment size.
const maxBatch = 32

// recvBufSize holds the largest UDP payload of either family (65527 bytes
// on udp6).
const recvBufSize = 1 << 16

// mmsghdr is struct mmsghdr: the layout follows unix.Msghdr's on every
// architecture (the padding after Len on 64-bit hosts is Go's too).
type mmsghdr struct {
	hdr unix.Msghdr
	len uint32
}

// batchReader is a socket's recvmmsg state, owned by the reader goroutine.
type batchReader struct {
	rc    syscall.RawConn
	hdrs  []mmsghdr
	iovs  []unix.Iovec
	names []unix.RawSockaddrAny
	bufs  [][]byte
	vlen  int // the batch in use: len(bufs) grows to maxBatch

	gro  bool   // UDP_GRO is on
	oob  []byte // groSpace bytes of control messages per buffer, with gro
	segs []int  // the last batch's segment size per buffer: 0 when it is one datagram
	// The cursor of datagram over the last batch, when some buffer of it
	// holds several datagrams (split): datagram cur is in buffer msg at off.
	split         bool
	cur, msg, off int

	n      int           // buffers the last call read
	errno  syscall.Errno // the last call's error
	waited bool          // next waited for the poller (EAGAIN first)
	read   func(fd uintptr) bool
}

func newBatchReader(conn *net.UDPConn) (*batchReader, error) {
	rc, err := conn.SyscallConn()
	if err != nil {
		return nil, err
	}
	r := &batchReader{rc: rc, gro: groEnable(rc)}
	r.grow(1)
	// One closure for the socket's life: RawConn.Read with a fresh one
	// would allocate per call.
	r.read = func(fd uintptr) bool {
		for i := 0; i < r.vlen; i++ {
			r.hdrs[i].hdr.Namelen = uint32(unsafe.Sizeof(r.names[i]))
			r.hdrs[i].hdr.Flags = 0
			if r.gro {
				r.hdrs[i].hdr.SetControllen(groSpace)
			}
		}
		n, _, e := unix.Syscall6(unix.SYS_RECVMMSG, fd, uintptr(unsafe.Pointer(&r.hdrs[0])), uintptr(r.vlen), 0, 0, 0)
		if e == unix.EAGAIN || e == unix.EWOULDBLOCK {
			r.waited = true
			return false // wait for the poller
		}
		r.n, r.errno = int(n), e
		return true
	}
	return r, nil
}

// grow makes the batch k datagrams long.
func (r *batchReader) grow(k int) {
	old := len(r.bufs)
	if k <= old {
		r.vlen = k
		return
	}
	r.hdrs = append(r.hdrs, make([]mmsghdr, k-old)...)
	r.iovs = append(r.iovs, make([]unix.Iovec, k-old)...)
	r.names = append(r.names, make([]unix.RawSockaddrAny, k-old)...)
	r.segs = append(r.segs, make([]int, k-old)...)
	if r.gro {
		r.oob = append(r.oob, make([]byte, (k-old)*groSpace)...)
	}
	for i := old; i < k; i++ {
		r.bufs = append(r.bufs, make([]byte, recvBufSize))
	}
	// The slices may have moved: point every header at its parts again.
	for i := range r.hdrs {
		r.iovs[i].Base = &r.bufs[i][0]
		r.iovs[i].SetLen(len(r.bufs[i]))
		r.hdrs[i].hdr.Name = (*byte)(unsafe.Pointer(&r.names[i]))
		r.hdrs[i].hdr.Iov = &r.iovs[i]
		r.hdrs[i].hdr.SetIovlen(1)
		if r.gro {
			r.hdrs[i].hdr.Control = &r.oob[i*groSpace]
		}
	}
	r.vlen = k
}

// next reads the next batch, waiting for one: it returns how many
// datagrams came, or the error (net.ErrClosed once the socket is closed).
func (r *batchReader) next() (int, error) {
	r.waited = false
	if err := r.rc.Read(r.read); err != nil {
		return 0, err
	}
	if r.errno != 0 {
		return 0, os.NewSyscallError("recvmmsg", r.errno)
	}
	n := r.n
	count := n
	r.split = false
	if r.gro {
		count = 0
		for i := 0; i < n; i++ {
			h := &r.hdrs[i]
			oob := r.oob[i*groSpace : i*groSpace+min(int(h.hdr.Controllen), groSpace)]
			seg, size := groSegment(oob), int(h.len)
			if seg <= 0 || seg >= size {
				seg = 0
				count++
			} else {
				count += (size + seg - 1) / seg
				r.split = true
			}
			r.segs[i] = seg
		}
		r.cur, r.msg, r.off = 0, 0, 0
	}
	if n == r.vlen && r.vlen < maxBatch {
		r.grow(2 * r.vlen)
	}
	return count, nil
}

// fresh reports whether the last error of next came after a wait for
// the poller: news from the network (an ICMP error), not the same error
// returned again at once.
func (r *batchReader) fresh() bool { return r.waited }

// datagram is the i-th datagram of the last batch and its sender. Where a
// buffer holds several, each is its own slice of it, with no room beyond
// its end (an append must not reach the next one); they are asked for in
// order, so the cursor only moves forward.
func (r *batchReader) datagram(i int) ([]byte, netip.AddrPort) {
	if !r.split {
		return r.bufs[i][:r.hdrs[i].len], sockaddrPort(&r.names[i])
	}
	if i < r.cur {
		r.cur, r.msg, r.off = 0, 0, 0
	}
	for ; r.cur < i; r.cur++ {
		if seg := r.segs[r.msg]; seg > 0 && r.off+seg < int(r.hdrs[r.msg].len) {
			r.off += seg
		} else {
			r.msg, r.off = r.msg+1, 0
		}
	}
	buf := r.bufs[r.msg][:r.hdrs[r.msg].len]
	if seg := r.segs[r.msg]; seg > 0 {
		end := min(r.off+seg, len(buf))
		buf = buf[r.off:end:end]
	}
	return buf, sockaddrPort(&r.names[r.msg])
}

// sockaddrPort decodes a sender address as net's ReadFromUDPAddrPort
// does: an IPv4 address, or an IPv6 one (v4-mapped as it came) with the
// zone of its scope.
func sockaddrPort(sa *unix.RawSockaddrAny) netip.AddrPort {
	switch sa.Addr.Family {
	case unix.AF_INET:
		in := (*unix.RawSockaddrInet4)(unsafe.Pointer(sa))
		return netip.AddrPortFrom(netip.AddrFrom4(in.Addr), ntohs(in.Port))
	case unix.AF_INET6:
		in := (*unix.RawSockaddrInet6)(unsafe.Pointer(sa))
		ip := netip.AddrFrom16(in.Addr)
		if in.Scope_id != 0 {
			ip = ip.WithZone(zoneName(in.Scope_id))
		}
		return netip.AddrPortFrom(ip, ntohs(in.Port))
	}
	return netip.AddrPort{}
}

// ntohs reads a port in network byte order.
func ntohs(p uint16) uint16 {
	b := (*[2]byte)(unsafe.Pointer(&p))
	return uint16(b[0])<<8 | uint16(b[1])
}

// zones caches interface names by index for IPv6 scopes.
var zones sync.Map // uint32 -> string

// zoneName is the zone of scope id: the interface's name, or the number
// when no interface has it (as net does).
func zoneName(id uint32) string {
	if z, ok := zones.Load(id); ok {
		return z.(string)
	}
	z := strconv.FormatUint(uint64(id), 10)
	if ifi, err := net.InterfaceByIndex(int(id)); err == nil {
		z = ifi.Name
	}
	zones.Store(id, z)
	return z
}
