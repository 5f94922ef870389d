package hostread

import (
	"net"
	"net/netip"
	"strconv"
	"sync"
	"unsafe"

	"golang.org/x/sys/unix"
)

// MaxBatch is the most datagrams one Read asks for.
const MaxBatch = 32

// BufSize holds the largest UDP payload of either family (65527 bytes on
// udp6), so nothing is ever truncated.
const BufSize = 1 << 16

// groSpace is the control buffer of each received message with UDP_GRO:
// room for its control message (an int) and then some, should another one
// come.
var groSpace = unix.CmsgSpace(4) * 4

// mmsghdr is struct mmsghdr: the layout follows unix.Msghdr's on every
// architecture (the padding after Len on 64-bit hosts is Go's too).
type mmsghdr struct {
	hdr unix.Msghdr
	len uint32
}

// Batch is the datagrams of one Read, in buffers borrowed from the pool
// until Release.
type Batch struct {
	hdrs  []mmsghdr
	iovs  []unix.Iovec
	names []unix.RawSockaddrAny
	bufs  [][]byte
	oob   []byte // groSpace bytes per buffer, with gro
	segs  []int  // per buffer, its segment size; 0 when it holds one datagram
	gro   bool
	class int // its pool: len(bufs) is 1<<class

	n     int // buffers the read filled
	count int // datagrams in them
	// The cursor of Datagram over the batch when some buffer holds several
	// datagrams (split): datagram cur is in buffer msg at off.
	split         bool
	cur, msg, off int
}

// pool holds the spare batches of one kind (gro, and a size class: 1, 2,
// 4 ... MaxBatch buffers): a few in a free list that is never emptied, so
// a steady reader neither allocates nor depends on the garbage collector (sync.Pool drops what it
// holds at each collection, and under the race detector at random); the
// rest in a sync.Pool that a collection empties, so memory shrinks back
// after a burst of concurrent reads. A batch in a pool is not zeroed again:
// its buffers stay only as resident as the datagrams that were read into
// them made them.
type pool struct {
	mu    sync.Mutex
	free  []*Batch
	spill sync.Pool
}

// keep is how many spare batches the free list of each size class holds:
// at most 4.25 MiB of buffers in all (per gro kind), a fixed bound, of
// which only what datagrams were read into is resident.
var keep = [...]int{4, 2, 1, 1, 1, 1}

var pools [2][6]pool

// getBatch takes a batch of 1<<class buffers from the pool, or makes one.
func getBatch(class int, gro bool) *Batch {
	p := &pools[boolIndex(gro)][class]
	p.mu.Lock()
	if n := len(p.free); n > 0 {
		b := p.free[n-1]
		p.free[n-1] = nil
		p.free = p.free[:n-1]
		p.mu.Unlock()
		return b
	}
	p.mu.Unlock()
	if b, ok := p.spill.Get().(*Batch); ok {
		return b
	}
	k := 1 << class
	b := &Batch{hdrs: make([]mmsghdr, k), iovs: make([]unix.Iovec, k), names: make([]unix.RawSockaddrAny, k),
		bufs: make([][]byte, k), segs: make([]int, k), gro: gro, class: class}
	if gro {
		b.oob = make([]byte, k*groSpace)
	}
	for i := range b.bufs {
		b.bufs[i] = make([]byte, BufSize)
		b.iovs[i].Base = &b.bufs[i][0]
		b.iovs[i].SetLen(BufSize)
		b.hdrs[i].hdr.Name = (*byte)(unsafe.Pointer(&b.names[i]))
		b.hdrs[i].hdr.Iov = &b.iovs[i]
		b.hdrs[i].hdr.SetIovlen(1)
		if gro {
			b.hdrs[i].hdr.Control = &b.oob[i*groSpace]
		}
	}
	return b
}

func boolIndex(v bool) int {
	if v {
		return 1
	}
	return 0
}

// Release gives the batch back to the pool: its datagrams are not to be
// used after it.
func (b *Batch) Release() {
	b.n, b.count, b.split = 0, 0, false
	p := &pools[boolIndex(b.gro)][b.class]
	p.mu.Lock()
	if len(p.free) < keep[b.class] {
		p.free = append(p.free, b)
		p.mu.Unlock()
		return
	}
	p.mu.Unlock()
	p.spill.Put(b)
}

// Len is the number of datagrams in the batch.
func (b *Batch) Len() int { return b.count }

// Split reports whether a buffer of the batch held several datagrams (a
// UDP_GRO read of one sender's burst).
func (b *Batch) Split() bool { return b.split }

// Datagram is the i-th datagram of the batch and its sender. Where a
// buffer holds several, each is its own slice of it, with no room beyond
// its end (an append must not reach the next one); asked for in order, the
// cursor only moves forward.
func (b *Batch) Datagram(i int) ([]byte, netip.AddrPort) {
	if !b.split {
		return b.bufs[i][:b.hdrs[i].len], sockaddrPort(&b.names[i])
	}
	if i < b.cur {
		b.cur, b.msg, b.off = 0, 0, 0
	}
	for ; b.cur < i; b.cur++ {
		if seg := b.segs[b.msg]; seg > 0 && b.off+seg < int(b.hdrs[b.msg].len) {
			b.off += seg
		} else {
			b.msg, b.off = b.msg+1, 0
		}
	}
	buf := b.bufs[b.msg][:b.hdrs[b.msg].len]
	if seg := b.segs[b.msg]; seg > 0 {
		end := min(b.off+seg, len(buf))
		buf = buf[b.off:end:end]
	}
	return buf, sockaddrPort(&b.names[b.msg])
}

// parse sets the batch's datagram count after a read of n buffers.
func (b *Batch) parse(n int) {
	b.n, b.count, b.split = n, n, false
	if !b.gro {
		return
	}
	b.count = 0
	for i := 0; i < n; i++ {
		h := &b.hdrs[i]
		oob := b.oob[i*groSpace : i*groSpace+min(int(h.hdr.Controllen), groSpace)]
		seg, size := groSegment(oob), int(h.len)
		if seg <= 0 || seg >= size {
			seg = 0
			b.count++
		} else {
			b.count += (size + seg - 1) / seg
			b.split = true
		}
		b.segs[i] = seg
	}
	b.cur, b.msg, b.off = 0, 0, 0
}

// Reader is one socket's receive state: its batch size and whether
// UDP_GRO is on. It owns no buffer.
type Reader struct {
	class uint8 // the next read's batch: 1<<class buffers
	gro   bool
}

// NewReader returns the receive state of a socket; gro says UDP_GRO is on.
func NewReader(gro bool) *Reader { return &Reader{gro: gro} }

// GRO reports whether the reader expects UDP_GRO reads.
func (r *Reader) GRO() bool { return r.gro }

// Read reads what fd holds, up to the reader's batch, without blocking,
// into a batch from the pool: the caller releases it. Nothing to read is
// (nil, unix.EAGAIN); another error is the socket's (an ICMP error a
// connected socket reports, for one), which the read consumed.
func (r *Reader) Read(fd int) (*Batch, error) {
	b := getBatch(int(r.class), r.gro)
	k := 1 << r.class
	for i := 0; i < k; i++ {
		b.hdrs[i].hdr.Namelen = uint32(unsafe.Sizeof(b.names[i]))
		b.hdrs[i].hdr.Flags = 0
		if r.gro {
			b.hdrs[i].hdr.SetControllen(groSpace)
		}
	}
	for {
		n, _, e := unix.Syscall6(unix.SYS_RECVMMSG, uintptr(fd), uintptr(unsafe.Pointer(&b.hdrs[0])), uintptr(k), unix.MSG_DONTWAIT, 0, 0)
		if e == unix.EINTR {
			continue
		}
		if e != 0 {
			b.Release()
			if e == unix.EWOULDBLOCK {
				e = unix.EAGAIN
			}
			return nil, e
		}
		b.parse(int(n))
		if int(n) == k && k < MaxBatch {
			r.class++
		}
		return b, nil
	}
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
