//go:build linux

package dgram

import (
	"bytes"
	"errors"
	"net"
	"net/netip"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// queueOf lays msgs out as the send queue does: one data slice, an item
// per datagram, each to the destination dsts gives it.
func queueOf(msgs [][]byte, dsts []netip.AddrPort) ([]outgoing, []byte) {
	var items []outgoing
	var data []byte
	for i, m := range msgs {
		items = append(items, outgoing{to: dsts[i%len(dsts)], off: len(data), n: len(m)})
		data = append(data, m...)
	}
	return items, data
}

// The runs GSO sends as one: one destination, one size, the last maybe
// shorter, at most 64 datagrams and 65,507 bytes; never an empty datagram
// or one above the size a route took.
func TestGSOGroup(t *testing.T) {
	a, b := netip.MustParseAddrPort("127.0.0.1:1"), netip.MustParseAddrPort("127.0.0.1:2")
	sized := func(sizes ...int) [][]byte {
		var msgs [][]byte
		for _, n := range sizes {
			msgs = append(msgs, make([]byte, n))
		}
		return msgs
	}
	rep := func(n, size int) []int {
		s := make([]int, n)
		for i := range s {
			s[i] = size
		}
		return s
	}
	g := gsoState{on: true, maxSeg: gsoMaxBytes}
	for _, tc := range []struct {
		name  string
		sizes []int
		dsts  []netip.AddrPort
		want  int
	}{
		{"one size", rep(10, 100), []netip.AddrPort{a}, 10},
		{"shorter last", []int{100, 100, 50, 100}, []netip.AddrPort{a}, 3},
		{"longer next", []int{100, 100, 150}, []netip.AddrPort{a}, 2},
		{"other destination", rep(4, 100), []netip.AddrPort{a, a, b}, 2},
		{"alternating", rep(4, 100), []netip.AddrPort{a, b}, 1},
		{"empty first", []int{0, 0, 0}, []netip.AddrPort{a}, 1},
		{"empty next", []int{10, 0, 10}, []netip.AddrPort{a}, 1},
		{"segments", rep(100, 10), []netip.AddrPort{a}, gsoMaxSegs},
		{"bytes", rep(20, 5000), []netip.AddrPort{a}, 13},
		{"largest", []int{65507, 65507}, []netip.AddrPort{a}, 1},
		{"too large", []int{65508, 65508}, []netip.AddrPort{a}, 1},
	} {
		items, _ := queueOf(sized(tc.sizes...), tc.dsts)
		if got := g.group(items); got != tc.want {
			t.Errorf("%s: group of %d, want %d", tc.name, got, tc.want)
		}
	}
	items, _ := queueOf(sized(rep(4, 1500)...), []netip.AddrPort{a})
	if got := (&gsoState{on: true, maxSeg: 1472}).group(items); got != 1 {
		t.Errorf("above a route's size: group of %d, want 1", got)
	}
	if got := (&gsoState{}).group(items); got != 1 {
		t.Errorf("GSO off: group of %d, want 1", got)
	}
}

// listenLoopback is a plain UDP socket on 127.0.0.1.
func listenLoopback(t *testing.T) *net.UDPConn {
	t.Helper()
	c, err := net.ListenUDP("udp4", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	c.SetReadBuffer(4 << 20)
	return c
}

// writeAll writes items as the flusher does, returning each one's outcome.
func writeAll(t *testing.T, w *batchWriter, items []outgoing, data []byte) []error {
	t.Helper()
	errs := make([]error, len(items))
	calls := 0
	for i := 0; i < len(items); calls++ {
		if calls > len(items) {
			t.Fatalf("%d calls for %d datagrams", calls, len(items))
		}
		k, err := w.write(items[i:], data)
		i += k
		if err != nil {
			errs[i] = err
			i++
		}
	}
	return errs
}

// expectDatagrams reads msgs, in order, from c.
func expectDatagrams(t *testing.T, c *net.UDPConn, msgs [][]byte) {
	t.Helper()
	buf := make([]byte, 1<<16)
	c.SetReadDeadline(time.Now().Add(waitLimit))
	for i, m := range msgs {
		n, _, err := c.ReadFromUDPAddrPort(buf)
		if err != nil {
			t.Fatalf("datagram %d: %v", i, err)
		}
		if !bytes.Equal(buf[:n], m) {
			t.Fatalf("datagram %d: %d bytes, want %d (or other bytes)", i, n, len(m))
		}
	}
}

// numbered are n datagrams of size bytes (the last one last), each
// telling its number in every byte.
func numbered(n, size, last int) [][]byte {
	msgs := make([][]byte, n)
	for i := range msgs {
		if i == n-1 {
			size = last
		}
		msgs[i] = bytes.Repeat([]byte{byte(i)}, size)
	}
	return msgs
}

// A kernel that refuses GSO (here because the socket sends without UDP
// checksums, SO_NO_CHECK, which GSO cannot do: EINVAL) gets the datagrams
// plain, each with its own outcome, and GSO stays off on that socket.
func TestGSOFallback(t *testing.T) {
	withOffload(t, true, false)
	dst, src := listenLoopback(t), listenLoopback(t)
	rc, _ := src.SyscallConn()
	rc.Control(func(fd uintptr) {
		if err := unix.SetsockoptInt(int(fd), unix.SOL_SOCKET, unix.SO_NO_CHECK, 1); err != nil {
			t.Skip("SO_NO_CHECK:", err)
		}
	})
	w := newBatchWriter(src)
	if !w.gso.on {
		t.Skip("the kernel has no UDP_SEGMENT")
	}
	msgs := numbered(20, 300, 100)
	items, data := queueOf(msgs, []netip.AddrPort{dst.LocalAddr().(*net.UDPAddr).AddrPort()})
	for i, err := range writeAll(t, w, items, data) {
		if err != nil {
			t.Fatalf("datagram %d: %v", i, err)
		}
	}
	if w.gso.on || w.gso.worked {
		t.Fatalf("GSO still on after the kernel refused it: %+v", w.gso)
	}
	expectDatagrams(t, dst, msgs)
}

// A GSO run reaches a plain receiver as its datagrams; a datagram too
// large amid the runs fails alone.
func TestGSOWrite(t *testing.T) {
	withOffload(t, true, false)
	dst, src := listenLoopback(t), listenLoopback(t)
	w := newBatchWriter(src)
	if !w.gso.on {
		t.Skip("the kernel has no UDP_SEGMENT")
	}
	msgs := append(numbered(30, 1000, 999), make([]byte, 65508))
	msgs = append(msgs, numbered(100, 64, 64)...)
	items, data := queueOf(msgs, []netip.AddrPort{dst.LocalAddr().(*net.UDPAddr).AddrPort()})
	for i, err := range writeAll(t, w, items, data) {
		if (err != nil) != (i == 30) {
			t.Fatalf("datagram %d: %v", i, err)
		}
		if i == 30 && !errors.Is(err, syscall.EMSGSIZE) {
			t.Fatalf("the huge datagram: %v, want EMSGSIZE", err)
		}
	}
	if !w.gso.worked {
		t.Fatal("no GSO send")
	}
	expectDatagrams(t, dst, append(msgs[:30:30], msgs[31:]...))
}

// gsoSend sends msgs (one size, the last maybe shorter) from c to to as
// one GSO send.
func gsoSend(t *testing.T, c *net.UDPConn, to *net.UDPAddr, msgs [][]byte) {
	t.Helper()
	oob := make([]byte, unix.CmsgSpace(2))
	var h unix.Msghdr
	setSegment(&h, oob, len(msgs[0]))
	sa := &unix.SockaddrInet4{Port: to.Port, Addr: [4]byte(to.IP.To4())}
	rc, _ := c.SyscallConn()
	var err error
	rc.Write(func(fd uintptr) bool {
		err = unix.Sendmsg(int(fd), bytes.Join(msgs, nil), oob, sa, 0)
		return true
	})
	if err != nil {
		t.Fatalf("GSO send: %v", err)
	}
}

// With UDP_GRO a GSO send arrives as one buffer, which the reader splits
// back into its datagrams, each with no room past its end; a plain
// datagram after it arrives as itself.
func TestGROSplit(t *testing.T) {
	withOffload(t, true, true)
	dst, src := listenLoopback(t), listenLoopback(t)
	r, err := newBatchReader(dst)
	if err != nil {
		t.Fatal(err)
	}
	if !r.gro {
		t.Skip("the kernel has no UDP_GRO")
	}
	if rc, _ := src.SyscallConn(); !gsoProbe(rc).on {
		t.Skip("the kernel has no UDP_SEGMENT")
	}
	to := dst.LocalAddr().(*net.UDPAddr)
	from := src.LocalAddr().(*net.UDPAddr).AddrPort()
	msgs := numbered(11, 100, 37)
	gsoSend(t, src, to, msgs)
	if _, err := src.WriteToUDP([]byte("plain"), to); err != nil {
		t.Fatal(err)
	}
	want := append(msgs, []byte("plain"))
	var got [][]byte
	for reads := 0; len(got) < len(want) && reads < len(want); reads++ {
		n, err := r.next()
		if err != nil {
			t.Fatal(err)
		}
		if reads == 0 && !r.b.Split() {
			t.Fatal("the GSO send did not come as one buffer")
		}
		for i := 0; i < n; i++ {
			msg, addr := r.Datagram(i)
			if addr != from {
				t.Fatalf("datagram %d from %v, want %v", len(got), addr, from)
			}
			if cap(msg) != len(msg) && r.b.Split() {
				t.Fatalf("datagram %d: capacity %d past its %d bytes", len(got), cap(msg), len(msg))
			}
			got = append(got, bytes.Clone(msg))
		}
		r.release()
	}
	if len(got) != len(want) {
		t.Fatalf("%d datagrams, want %d", len(got), len(want))
	}
	for i := range want {
		if !bytes.Equal(got[i], want[i]) {
			t.Fatalf("datagram %d: %d bytes, want %d (or other bytes)", i, len(got[i]), len(want[i]))
		}
	}
}

// A route whose MTU is below a GSO run's datagram size refuses the run
// (EMSGSIZE, or EINVAL on older kernels, which ends GSO): its datagrams
// go plain (the kernel fragments each), datagrams that large go plain
// from then on, and smaller runs still go as one. Sent from the
// sandbox's dg0 (MTU 1500) to an address nobody has.
func TestGSORouteMTU(t *testing.T) {
	needSandbox(t)
	withOffload(t, true, false)
	src, err := net.ListenUDP("udp4", net.UDPAddrFromAddrPort(netip.AddrPortFrom(netSandboxIP, 0)))
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	w := newBatchWriter(src)
	if !w.gso.on {
		t.Skip("the kernel has no UDP_SEGMENT")
	}
	msgs := append(numbered(8, 2000, 2000), numbered(8, 1000, 1000)...)
	msgs = append(msgs, numbered(8, 2000, 2000)...)
	items, data := queueOf(msgs, []netip.AddrPort{netip.MustParseAddrPort("10.200.0.2:9")})
	for i, err := range writeAll(t, w, items, data) {
		if err != nil {
			t.Fatalf("datagram %d: %v", i, err)
		}
	}
	if !w.gso.on {
		t.Skip("this kernel refuses such a run with EINVAL, which turns GSO off")
	}
	if w.gso.maxSeg != 1999 || !w.gso.worked {
		t.Fatalf("after the refused run: %+v, want GSO for datagrams up to 1999 bytes, and used", w.gso)
	}
}

// Splitting coalesced buffers keeps the pooled receive path free of
// allocations: rounds of 64 datagrams sent as one GSO run (by a batch
// writer, which allocates nothing either) to a PooledReceive socket.
func TestGROPooledAllocs(t *testing.T) {
	if testing.Short() {
		t.Skip("allocation counts need a quiet process")
	}
	withOffload(t, true, true)
	const per = 64
	got := make(chan int, 1)
	count := 0
	srv, err := CreateSocket(SocketOptions{Type: "udp4", PooledReceive: true, RecvBufferSize: 1 << 20}, func(msg []byte, _ RemoteInfo) {
		if count++; count%per == 0 {
			got <- count
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close(nil)
	listening := make(chan struct{})
	srv.Bind(0, "127.0.0.1", func() { close(listening) })
	recv(t, listening)
	a, _ := srv.Address()
	w := newBatchWriter(listenLoopback(t))
	if !w.gso.on {
		t.Skip("the kernel has no UDP_SEGMENT")
	}
	items, data := queueOf(numbered(per, 64, 64), []netip.AddrPort{netip.AddrPortFrom(a.Address, uint16(a.Port))})
	deadline := time.NewTimer(waitLimit) // one for the whole test: a timer per wait would allocate
	defer deadline.Stop()
	round := func() {
		if k, err := w.write(items, data); k != per || err != nil {
			t.Fatalf("wrote %d of %d: %v", k, per, err)
		}
		select {
		case <-got:
		case <-deadline.C:
			t.Fatal("datagrams were lost")
		}
	}
	for i := 0; i < 4; i++ {
		round()
	}
	if a := testing.AllocsPerRun(100, round); a != 0 {
		t.Errorf("%v allocations per %d datagrams received as one GSO run, want 0", a, per)
	}
	if !w.gso.worked {
		t.Error("no GSO send")
	}
}
