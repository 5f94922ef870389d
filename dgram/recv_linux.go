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

	n     int           // datagrams the last call read
	errno syscall.Errno // the last call's error
	read  func(fd uintptr) bool
}

func newBatchReader(conn *net.UDPConn) (*batchReader, error) {
	rc, err := conn.SyscallConn()
	if err != nil {
		return nil, err
	}
	r := &batchReader{rc: rc}
	r.grow(1)
	// One closure for the socket's life: RawConn.Read with a fresh one
	// would allocate per call.
	r.read = func(fd uintptr) bool {
		for i := 0; i < r.vlen; i++ {
			r.hdrs[i].hdr.Namelen = uint32(unsafe.Sizeof(r.names[i]))
			r.hdrs[i].hdr.Flags = 0
		}
		n, _, e := unix.Syscall6(unix.SYS_RECVMMSG, fd, uintptr(unsafe.Pointer(&r.hdrs[0])), uintptr(r.vlen), 0, 0, 0)
		if e == unix.EAGAIN || e == unix.EWOULDBLOCK {
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
	}
	r.vlen = k
}

// next reads the next batch, waiting for one: it returns how many
// datagrams came, or the error (net.ErrClosed once the socket is closed).
func (r *batchReader) next() (int, error) {
	if err := r.rc.Read(r.read); err != nil {
		return 0, err
	}
	if r.errno != 0 {
		return 0, os.NewSyscallError("recvmmsg", r.errno)
	}
	n := r.n
	if n == r.vlen && r.vlen < maxBatch {
		r.grow(2 * r.vlen)
	}
	return n, nil
}

// datagram is the i-th datagram of the last batch and its sender.
func (r *batchReader) datagram(i int) ([]byte, netip.AddrPort) {
	return r.bufs[i][:r.hdrs[i].len], sockaddrPort(&r.names[i])
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
