package hostread

import (
	"errors"
	"fmt"
	"net"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"
)

// recorder is a Handler that keeps what it was given.
type recorder struct {
	msgs []string
	errs []error
}

func (r *recorder) Deliver(b *Batch) {
	for i := 0; i < b.Len(); i++ {
		msg, _ := b.Datagram(i)
		r.msgs = append(r.msgs, string(msg))
	}
}

func (r *recorder) Fail(err error) { r.errs = append(r.errs, err) }

func listen(t *testing.T) *net.UDPConn {
	t.Helper()
	c, err := net.ListenUDP("udp4", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func rawConn(t *testing.T, c *net.UDPConn) syscall.RawConn {
	t.Helper()
	rc, err := c.SyscallConn()
	if err != nil {
		t.Fatal(err)
	}
	return rc
}

func newSet(t *testing.T) *Set {
	t.Helper()
	s, err := NewSet()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// waitFor calls Wait without a time limit until cond holds (each Wait
// returns after at least one event, so the loop is bounded by the events).
func waitFor(t *testing.T, s *Set, cond func() bool) {
	t.Helper()
	for i := 0; !cond(); i++ {
		if i == 1000 {
			t.Fatal("no progress after 1000 waits")
		}
		if _, err := s.Wait(-1, nil); err != nil {
			t.Fatal(err)
		}
	}
}

// Each socket's datagrams go to its own handler, in order, on the
// goroutine that waits; a burst is read in batches that grow.
func TestSetDelivers(t *testing.T) {
	s := newSet(t)
	a, b, src := listen(t), listen(t), listen(t)
	var ra, rb recorder
	if _, err := s.Add(rawConn(t, a), false, &ra); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Add(rawConn(t, b), false, &rb); err != nil {
		t.Fatal(err)
	}
	const n = 100
	for i := 0; i < n; i++ {
		src.WriteTo(fmt.Appendf(nil, "a%d", i), a.LocalAddr())
		src.WriteTo(fmt.Appendf(nil, "b%d", i), b.LocalAddr())
	}
	waitFor(t, s, func() bool { return len(ra.msgs) == n && len(rb.msgs) == n })
	for i := 0; i < n; i++ {
		if ra.msgs[i] != fmt.Sprintf("a%d", i) || rb.msgs[i] != fmt.Sprintf("b%d", i) {
			t.Fatalf("datagram %d: %q, %q", i, ra.msgs[i], rb.msgs[i])
		}
	}
}

// Wake makes the descriptor readable and Wait report it; a Wait with
// nothing to do and no time returns at once.
func TestSetWake(t *testing.T) {
	s := newSet(t)
	if woke, err := s.Wait(0, nil); woke || err != nil {
		t.Fatalf("Wait(0) on an idle set: %v, %v", woke, err)
	}
	s.Wake()
	fds := []unix.PollFd{{Fd: int32(s.FD()), Events: unix.POLLIN}}
	if n, err := unix.Poll(fds, -1); n != 1 || err != nil {
		t.Fatalf("poll on the set's descriptor: %d, %v", n, err)
	}
	if woke, err := s.Wait(-1, nil); !woke || err != nil {
		t.Fatalf("Wait after Wake: %v, %v", woke, err)
	}
	if n, _ := unix.Poll(fds, 0); n != 0 {
		t.Fatal("the descriptor stays readable after Wait saw the wake")
	}
}

// A receive error goes to Fail, and the socket's datagrams after it are
// still read: an ICMP port unreachable on a connected socket.
func TestSetErrorKeepsReading(t *testing.T) {
	s := newSet(t)
	gone := listen(t)
	to := gone.LocalAddr().(*net.UDPAddr)
	gone.Close()
	c, err := net.DialUDP("udp4", nil, to)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var r recorder
	if _, err := s.Add(rawConn(t, c), false, &r); err != nil {
		t.Fatal(err)
	}
	c.Write([]byte("to nobody")) // the ICMP error comes back as the socket's error
	waitFor(t, s, func() bool { return len(r.errs) == 1 })
	if !errors.Is(r.errs[0], unix.ECONNREFUSED) {
		t.Fatalf("error %v, want ECONNREFUSED", r.errs[0])
	}
	// The peer's port is bound again: its datagram still arrives.
	peer, err := net.ListenUDP("udp4", to)
	if err != nil {
		t.Skipf("the port was taken meanwhile: %v", err)
	}
	defer peer.Close()
	peer.WriteTo([]byte("after"), c.LocalAddr())
	waitFor(t, s, func() bool { return len(r.msgs) == 1 })
	if r.msgs[0] != "after" {
		t.Fatalf("got %q", r.msgs[0])
	}
}

// After Remove, nothing of the socket is delivered; before runs ahead of
// every batch.
func TestSetRemove(t *testing.T) {
	s := newSet(t)
	a, b, src := listen(t), listen(t), listen(t)
	var ra, rb recorder
	ma, err := s.Add(rawConn(t, a), false, &ra)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Add(rawConn(t, b), false, &rb); err != nil {
		t.Fatal(err)
	}
	src.WriteTo([]byte("one"), a.LocalAddr())
	befores := 0
	for len(ra.msgs) == 0 {
		if _, err := s.Wait(-1, func() { befores++ }); err != nil {
			t.Fatal(err)
		}
	}
	if befores != 1 {
		t.Fatalf("before ran %d times for one batch", befores)
	}
	s.Remove(ma)
	ma.Quiesce()
	src.WriteTo([]byte("two"), a.LocalAddr())
	src.WriteTo([]byte("mark"), b.LocalAddr())
	waitFor(t, s, func() bool { return len(rb.msgs) == 1 })
	if len(ra.msgs) != 1 {
		t.Fatalf("a removed socket got %q", ra.msgs)
	}
}

// A reader owns no buffer between reads, and its batch grows with a burst.
func TestReaderGrows(t *testing.T) {
	dst, src := listen(t), listen(t)
	r := NewReader(false)
	rc := rawConn(t, dst)
	read := func() (*Batch, error) {
		var b *Batch
		var err error
		rc.Control(func(fd uintptr) { b, err = r.Read(int(fd)) })
		return b, err
	}
	if _, err := read(); err != unix.EAGAIN {
		t.Fatalf("an empty socket: %v, want EAGAIN", err)
	}
	for i := 0; i < 3*MaxBatch; i++ {
		src.WriteTo([]byte{byte(i)}, dst.LocalAddr())
	}
	var sizes []int
	for got := 0; got < 3*MaxBatch; {
		b, err := read()
		if err != nil { // loopback queues a datagram within its send
			t.Fatal(err)
		}
		for i := 0; i < b.Len(); i++ {
			if msg, _ := b.Datagram(i); msg[0] != byte(got) {
				t.Fatalf("datagram %d is %d", got, msg[0])
			}
			got++
		}
		sizes = append(sizes, b.Len())
		b.Release()
	}
	if sizes[0] != 1 || len(sizes) < 2 || sizes[1] != 2 {
		t.Fatalf("batch sizes %v: want 1, 2, ... doubling", sizes)
	}
}
