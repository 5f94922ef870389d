package main

import (
	"encoding/binary"
	"math"
	"net"
	"net/netip"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/dgramkit/dgramkit/cshared/internal/hx"
)

// FuzzCEntryPoints drives the C entry points (dgram_* of exports_gen.c,
// through cshared/internal/hx) with a program decoded from the input: random
// handles (live, closed, 0, negative, never created), NULL and valid
// pointers with random lengths, random strings, ports, offsets, TTLs,
// options and delivery modes. It checks that
//
//   - no call panics into ERR_INTERNAL (the guard's last resort) or
//     returns a code the spec does not define;
//   - a handle that never was is ERR_INVALID_HANDLE, whatever the call;
//   - a negative return is also the thread's last error;
//   - no event comes after 'close';
//   - once every socket is closed, the live-handle count is back where it
//     was (no leaked handle).
//
// The fuzzer never sends to another host: every destination that is an IP
// literal other than loopback, and every host name (which would be a DNS
// lookup), is replaced with 127.0.0.1, and every valid destination port
// with the port of a sink socket the test owns; binds use port 0 and
// never SO_REUSEADDR; multicast groups are replaced with a unicast
// address (the kernel refuses the join with EINVAL before any IGMP).
// Valid pointers always hold the length given, except for lengths above
// 2^31-1, which the library refuses before reading: a pointer that does
// not hold its length is undefined behaviour by the ABI, as in any C API.
func FuzzCEntryPoints(f *testing.F) {
	for _, seed := range cFuzzSeeds() {
		f.Add(seed)
	}
	sink, err := net.ListenUDP("udp4", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	if err != nil {
		f.Fatal(err)
	}
	go func() { // drain
		buf := make([]byte, 1<<16)
		for {
			if _, _, err := sink.ReadFromUDP(buf); err != nil {
				return
			}
		}
	}()
	f.Cleanup(func() { sink.Close() })
	sinkPort := int32(sink.LocalAddr().(*net.UDPAddr).Port)
	iteration := 0
	f.Fuzz(func(t *testing.T, prog []byte) {
		iteration++
		runtime.LockOSThread() // the last error is per thread
		defer runtime.UnlockOSThread()
		r := &cfuzz{t: t, in: prog, sinkPort: sinkPort, base: (iteration % 8) * 8}
		r.run()
	})
}

// cKnownCodes are the codes a C call may return: every spec error.
var cKnownCodes = func() map[int32]bool {
	m := map[int32]bool{}
	for _, e := range cErrors {
		m[int32(e.number)] = true
	}
	return m
}()

const (
	cErrInvalidHandle = -22
	cErrInternal      = -25
)

type cfuzz struct {
	t        *testing.T
	in       []byte
	sinkPort int32
	base     int // the first of this run's 8 counter slots
	handles  []int32
	maxSeen  int32
}

func (r *cfuzz) byte() byte {
	if len(r.in) == 0 {
		return 0
	}
	b := r.in[0]
	r.in = r.in[1:]
	return b
}

// interesting are the integers a selector byte below 0x80 picks.
var interesting = []int64{0, 1, -1, 2, 3, 255, 256, 65535, 65536, 65507, 65508, 65527, 65528, 1 << 31, math.MaxInt32, math.MinInt32, 4294967295, 4294967296, math.MaxInt64, math.MinInt64, 1 << 53, 41234, 64, 128}

func (r *cfuzz) int64() int64 {
	sel := r.byte()
	if sel < 0x80 {
		return interesting[int(sel)%len(interesting)]
	}
	var b [8]byte
	for i := range b {
		b[i] = r.byte()
	}
	return int64(binary.LittleEndian.Uint64(b[:]))
}

func (r *cfuzz) int32() int32 { return int32(r.int64()) }

func (r *cfuzz) bool() bool { return r.byte()&1 == 1 }

// str is a string argument: nil (NULL), a word from the table, or raw
// bytes (cut at the first NUL, as C sees them).
var words = []string{"", "udp4", "udp6", "udp5", "UDP4", "127.0.0.1", "::1", "0.0.0.0", "::", "localhost", "1.2.3", "256.0.0.1", "::ffff:127.0.0.1", "fe80::1%lo", "%lo", "230.1.2.3", "ff02::1", "10.200.0.1", "127.255.255.255", "not an address", "[::1]", "127.0.0.1:80"}

func (r *cfuzz) str() *string {
	sel := r.byte()
	switch {
	case sel < 0x10:
		return nil
	case sel < 0xa0:
		w := words[int(sel)%len(words)]
		return &w
	}
	n := int(r.byte()) % 48
	b := make([]byte, 0, n)
	for i := 0; i < n; i++ {
		b = append(b, r.byte())
	}
	s, _, _ := strings.Cut(string(b), "\x00")
	return &s
}

// looksLiteral mirrors the core's rule: an address that can only be a
// malformed IP literal is ENOTFOUND without a lookup.
func looksLiteral(a string) bool {
	return strings.Contains(a, ":") || strings.Trim(a, "0123456789.") == ""
}

// safeDest keeps a destination only when sending there stays on this host
// and needs no DNS lookup.
func safeDest(a *string) *string {
	if a == nil || *a == "" {
		return a
	}
	if ip, err := netip.ParseAddr(*a); err == nil {
		if ip.Unmap().IsLoopback() {
			return a
		}
	} else if looksLiteral(*a) {
		return a
	}
	s := "127.0.0.1"
	return &s
}

// safeLocal keeps a bind address unless it needs a DNS lookup.
func safeLocal(a *string) *string {
	if a == nil || *a == "" {
		return a
	}
	if _, err := netip.ParseAddr(*a); err == nil || looksLiteral(*a) {
		return a
	}
	s := "127.0.0.1"
	return &s
}

// safeGroup replaces a multicast group with a unicast address.
func safeGroup(a *string) *string {
	if a == nil {
		return a
	}
	if ip, err := netip.ParseAddr(*a); err == nil && ip.Unmap().IsMulticast() {
		s := "127.0.0.1"
		return &s
	}
	return safeLocal(a)
}

// handle picks a live or closed handle of this run, or one that never was.
func (r *cfuzz) handle() (h int32, never bool) {
	sel := r.byte()
	if sel < 0xc0 && len(r.handles) > 0 {
		return r.handles[int(sel)%len(r.handles)], false
	}
	switch sel % 4 {
	case 0:
		return 0, true
	case 1:
		return -1 - int32(sel), true
	case 2:
		return math.MaxInt32, true
	}
	return r.maxSeen + 1_000_000, true
}

func (r *cfuzz) slot(h int32) int {
	for i, have := range r.handles {
		if have == h {
			return r.base + i%8
		}
	}
	return r.base
}

// check judges one call's return code.
func (r *cfuzz) check(call string, rc int32, never bool) {
	r.t.Helper()
	if rc >= 0 {
		if never {
			r.t.Fatalf("%s on a handle that never was returned %d, want ERR_INVALID_HANDLE", call, rc)
		}
		return
	}
	if rc == cErrInternal {
		r.t.Fatalf("%s: ERR_INTERNAL (a recovered panic)", call)
	}
	if !cKnownCodes[rc] {
		r.t.Fatalf("%s returned %d, not a spec code", call, rc)
	}
	if never && rc != cErrInvalidHandle {
		r.t.Fatalf("%s on a handle that never was returned %s, want ERR_INVALID_HANDLE", call, hx.Strerror(rc))
	}
	if last, _ := hx.LastError(); last != rc {
		r.t.Fatalf("%s returned %s but the last error is %s", call, hx.Strerror(rc), hx.Strerror(last))
	}
}

func (r *cfuzz) created(h int32) {
	if h > 0 {
		r.handles = append(r.handles, h)
		r.maxSeen = max(r.maxSeen, h)
	}
}

// port is a destination port: a valid one becomes the sink's.
func (r *cfuzz) port() int32 {
	p := r.int32()
	if p >= 1 && p <= 65535 {
		return r.sinkPort
	}
	return p
}

// localPort is a bind port: a valid one becomes 0.
func (r *cfuzz) localPort() int32 {
	p := r.int32()
	if p >= 0 && p <= 65535 {
		return 0
	}
	return p
}

// message is a message argument: NULL, or bytes that hold n, or a
// length beyond what the library reads.
func (r *cfuzz) message() ([]byte, uint64) {
	switch r.byte() % 4 {
	case 0: // NULL with a length
		return nil, uint64(r.int64())
	case 1: // empty
		return []byte{}, 0
	case 2: // a length the library must refuse before reading
		return []byte("x"), uint64(math.MaxInt32) + 1 + uint64(r.byte())
	}
	n := int(r.byte())
	if r.bool() {
		n = 65500 + int(r.byte())%64 // around the largest datagrams
	}
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i)
	}
	return b, uint64(n)
}

func (r *cfuzz) run() {
	t := r.t
	baseLive := hx.LiveHandles()
	for i := 0; i < 8; i++ {
		hx.Reset(r.base + i)
	}
	defer hx.SetDelivery(1)
	for steps := 0; len(r.in) > 0 && steps < 24; steps++ {
		op := r.byte() % 16
		if op <= 1 && len(r.handles) >= 8 {
			op = 6 // at most 8 sockets a run
		}
		switch op {
		case 0:
			typ := r.str()
			h := hx.CreateType(typ, r.bool(), r.base+len(r.handles)%8)
			r.check("dgram_create_socket_type", h, false)
			r.created(h)
		case 1:
			null := r.byte()%8 == 0
			typ := r.str()
			rbuf, sbuf := r.int64(), r.int64()
			if rbuf > 1<<20 || sbuf > 1<<20 { // keep kernel buffers small; the range check is still reached
				if rbuf <= 4294967295 && rbuf > 1<<20 {
					rbuf = 1 << 20
				}
				if sbuf <= 4294967295 && sbuf > 1<<20 {
					sbuf = 1 << 20
				}
			}
			platform := int32(int8(r.byte())) // around 0..4, and beyond
			delivery := int32(int8(r.byte())) % 4
			h := hx.Create(null, typ, false, rbuf, sbuf, platform, delivery, r.bool(), r.base+len(r.handles)%8)
			r.check("dgram_create_socket", h, false)
			r.created(h)
		case 2:
			h, never := r.handle()
			r.check("dgram_bind", hx.Bind(h, r.localPort(), safeLocal(r.str()), r.bool(), r.slot(h)), never)
		case 3:
			h, never := r.handle()
			r.check("dgram_bind_options", hx.BindOptions(h, r.byte()%8 == 0, r.localPort(), safeLocal(r.str()), r.bool(), r.slot(h)), never)
		case 4:
			h, never := r.handle()
			buf, n := r.message()
			r.check("dgram_send", hx.Send(h, buf, n, r.port(), safeDest(r.str()), r.bool(), r.slot(h)), never)
		case 5:
			h, never := r.handle()
			buf, n := r.message()
			sendto := r.bool()
			off, length := r.int32(), r.int32()
			r.check("dgram_send_slice", hx.SendSlice(sendto, h, buf, n, off, length, r.port(), safeDest(r.str()), r.bool(), r.slot(h)), never)
		case 6:
			h, never := r.handle()
			r.check("dgram_close", hx.Close(h, r.bool(), r.slot(h)), never)
		case 7:
			h, never := r.handle()
			rc, _ := hx.Address(h, r.byte()%4 == 0)
			r.check("dgram_address", rc, never)
		case 8:
			h, never := r.handle()
			add := r.bool()
			r.check("dgram_add_membership", hx.Membership(add, h, safeGroup(r.str()), safeLocal(r.str())), never)
		case 9:
			h, never := r.handle()
			r.check("dgram_set_broadcast", hx.SetBroadcast(h, r.bool()), never)
		case 10:
			h, never := r.handle()
			r.check("dgram_set_multicast_loopback", hx.SetMulticastLoopback(h, r.bool()), never)
		case 11:
			h, never := r.handle()
			r.check("dgram_set_ttl", hx.SetTTL(h, r.int32()), never)
		case 12:
			h, never := r.handle()
			r.check("dgram_set_multicast_ttl", hx.SetMulticastTTL(h, r.int32()), never)
		case 13:
			h, never := r.handle()
			r.check("dgram_on", hx.On(h, int(r.byte()%4), r.byte()%8 == 0, r.slot(h)), never)
		case 14:
			rc := hx.Poll(int32(r.byte() % 3))
			r.check("dgram_poll", rc, false)
		case 15:
			rc := hx.SetDelivery(int32(int8(r.byte())) % 4)
			r.check("dgram_set_delivery", rc, false)
		}
	}
	// Close everything; every handle must be released.
	for _, h := range r.handles {
		hx.Close(h, true, r.slot(h))
	}
	deadline := time.Now().Add(10 * time.Second)
	for hx.LiveHandles() != baseLive {
		hx.Poll(0)
		if time.Now().After(deadline) {
			t.Fatalf("%d handles still live 10s after closing every socket (baseline %d)", hx.LiveHandles(), baseLive)
		}
		time.Sleep(200 * time.Microsecond)
	}
	hx.Poll(0)
	for i := 0; i < 8; i++ {
		if n := hx.AfterClose(r.base + i); n != 0 {
			t.Fatalf("slot %d: %d events after 'close'", r.base+i, n)
		}
	}
}

// cFuzzSeeds are programs that reach each call with good and bad values.
func cFuzzSeeds() [][]byte {
	sel := func(v int64) byte {
		for i, x := range interesting {
			if x == v {
				return byte(i)
			}
		}
		panic(v)
	}
	word := func(w string) byte {
		for i, x := range words {
			if x == w {
				for b := 0x10; b < 0xa0; b++ {
					if b%len(words) == i {
						return byte(b)
					}
				}
			}
		}
		panic(w)
	}
	return [][]byte{
		// create udp4, bind 0, send 3 bytes to the sink with a callback, address, close
		{0, word("udp4"), 1, 2, 0, sel(0), word("127.0.0.1"), 1, 4, 0, 3, 3, sel(41234), word("127.0.0.1"), 1, 7, 0, 0, 6, 0, 1},
		// bad type, NULL type, options NULL, bad delivery and buffer size
		{0, word("udp5"), 0, 0, 0x00, 0, 1, 0, word("udp4"), sel(0), sel(0), 0, 0, 0, 1, 1, word("udp4"), sel(-1), sel(4294967296), 9, 7, 0},
		// handles that never were, on every call
		{2, 0xc0, sel(0), 0, 0, 4, 0xc1, 0, sel(1), 0, 0, 6, 0xc2, 0, 7, 0xc3, 0, 11, 0xc0, sel(64), 13, 0xc1, 0, 0},
		// send forms: NULL with a length, a huge length, offsets and lengths out of bounds, bad ports
		{0, word("udp4"), 0, 4, 0, 0, sel(3), sel(41234), 0, 0, 4, 0, 2, 0, sel(41234), 0, 0, 5, 0, 3, 10, 0, 1, sel(-1), sel(1), sel(41234), 0, 0, 5, 0, 3, 10, 0, 0, sel(2), sel(65535), sel(65536), 0, 1, 6, 0, 0},
		// TTLs and flags before bind, after bind, and after close
		{0, word("udp6"), 0, 11, 0, sel(64), 2, 0, sel(0), word("::1"), 0, 11, 0, sel(0), 11, 0, sel(256), 12, 0, sel(255), 9, 0, 1, 10, 0, 0, 6, 0, 0, 11, 0, sel(64)},
		// membership with bad groups and interfaces; poll-mode socket with poll
		{1, 1, word("udp4"), sel(0), sel(0), 0, 2, 1, 2, 0, sel(0), word("127.0.0.1"), 1, 8, 0, 1, word(""), 0x00, 8, 0, 1, word("230.1.2.3"), word("not an address"), 14, 1, 6, 0, 1, 14, 1},
		// an implicit bind by send, then close while it is pending
		{0, word("udp4"), 1, 4, 0, 3, 5, sel(41234), word("::1"), 1, 4, 0, 3, 5, sel(41234), word("localhost"), 1, 6, 0, 1},
	}
}
