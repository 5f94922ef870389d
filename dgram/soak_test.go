package dgram

import (
	"os"
	"runtime"
	"strconv"
	"testing"
	"time"
)

// The soak: datagrams through an echo pair, and create/bind/close cycles;
// afterwards goroutines, open file descriptors and the live heap are back
// at their baseline. `make soak` sets DGRAM_SOAK=1 for the long form
// (1,000,000 datagrams, 10,000 cycles); `make test` runs the short one.

// soakSize is n in the long form (DGRAM_SOAK=1) and short otherwise.
func soakSize(long, short int) int {
	if os.Getenv("DGRAM_SOAK") != "" {
		return long
	}
	return short
}

// The margins the leak checks allow, stated: goroutines and descriptors
// must be back exactly (after a bounded wait for the last goroutines to
// end); the live heap may be up to 4 MiB above its baseline, for caches
// that grow once (the runtime's, net's, the zone cache of the receive path).
const (
	goroutineMargin = 0
	fdMargin        = 0
	heapMargin      = 4 << 20
)

// usage is what the leak checks measure.
type usage struct {
	goroutines int
	fds        int
	heap       uint64
}

// measure takes the usage after two garbage collections.
func measure(t testing.TB) usage {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	ents, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skipf("no /proc/self/fd: %v", err)
	}
	return usage{runtime.NumGoroutine(), len(ents), ms.HeapAlloc}
}

// leakCheck fails t unless the usage comes back to base within margins,
// waiting a bounded time for goroutines and descriptors to go.
func leakCheck(t testing.TB, what string, base usage) usage {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	var now usage
	for {
		now = measure(t)
		if now.goroutines <= base.goroutines+goroutineMargin && now.fds <= base.fds+fdMargin && now.heap <= base.heap+heapMargin {
			break
		}
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			t.Fatalf("%s: leak: goroutines %d (baseline %d, +%d allowed), fds %d (baseline %d, +%d), heap %d (baseline %d, +%d)\n%s",
				what, now.goroutines, base.goroutines, goroutineMargin, now.fds, base.fds, fdMargin, now.heap, base.heap, heapMargin,
				buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Logf("%s: goroutines %d -> %d, fds %d -> %d, heap %.1f -> %.1f MiB", what, base.goroutines, now.goroutines,
		base.fds, now.fds, float64(base.heap)/(1<<20), float64(now.heap)/(1<<20))
	return now
}

// warmUp creates and closes one socket, so that what the first socket of a
// process creates once (the poller's descriptors) is in the baseline.
func warmUp(t testing.TB) {
	s, err := CreateSocketType("udp4", nil)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	s.OnClose(func() { close(done) })
	s.Bind(0, "127.0.0.1", nil)
	s.Send("warm", 9, "127.0.0.1", nil)
	time.Sleep(10 * time.Millisecond)
	s.Close(nil)
	<-done
}

// TestSoakEcho sends n datagrams through an echo pair (a server that
// sends each datagram back to its sender), at most window in flight, and
// checks that they come back and that nothing is left behind.
func TestSoakEcho(t *testing.T) {
	n := soakSize(1_000_000, 20_000)
	for _, pooled := range []bool{false, true} {
		t.Run("pooled="+strconv.FormatBool(pooled), func(t *testing.T) {
			if pooled && os.Getenv("DGRAM_SOAK") == "" {
				n = n / 2
			}
			warmUp(t)
			base := measure(t)
			start := time.Now()
			echoed, lost := soakEcho(t, n, pooled)
			d := time.Since(start)
			t.Logf("%d datagrams echoed, %d lost and replaced, in %v (%.0f round trips/s)", echoed, lost, d.Round(time.Millisecond), float64(echoed)/d.Seconds())
			if lost > n/1000 {
				t.Fatalf("%d of %d datagrams lost on loopback (more than 0.1%%)", lost, n)
			}
			leakCheck(t, "echo soak", base)
		})
	}
}

func soakEcho(t *testing.T, n int, pooled bool) (echoed, lost int) {
	const window = 64
	var srv *Socket
	srv, err := CreateSocket(SocketOptions{Type: "udp4", PooledReceive: pooled}, func(msg []byte, ri RemoteInfo) {
		srv.Send(msg, ri.Port, "127.0.0.1", nil)
	})
	if err != nil {
		t.Fatal(err)
	}
	back := make(chan struct{}, window*4)
	cli, err := CreateSocket(SocketOptions{Type: "udp4", PooledReceive: pooled}, func([]byte, RemoteInfo) { back <- struct{}{} })
	if err != nil {
		t.Fatal(err)
	}
	closed := make(chan struct{}, 2)
	for _, s := range []*Socket{srv, cli} {
		s.OnClose(func() { closed <- struct{}{} })
		listening := make(chan struct{})
		s.Bind(0, "127.0.0.1", func() { close(listening) })
		recv(t, listening)
	}
	a, _ := srv.Address()
	msg := []byte("soak datagram, 32 bytes long....")
	inFlight := 0
	timer := time.NewTimer(time.Hour)
	for sent := 0; sent < n || inFlight > 0; {
		for inFlight < window && sent < n {
			if err := cli.Send(msg, a.Port, "127.0.0.1", nil); err != nil {
				t.Fatal(err)
			}
			sent++
			inFlight++
		}
		timer.Reset(500 * time.Millisecond)
		select {
		case <-back:
			echoed++
			inFlight--
		case <-timer.C: // the window's datagrams are lost: replace them
			lost += inFlight
			inFlight = 0
		}
	}
	timer.Stop()
	srv.Close(nil)
	cli.Close(nil)
	recv(t, closed)
	recv(t, closed)
	return echoed, lost
}

// TestSoakCycles creates, binds and closes sockets, one after the other,
// each in the state its turn picks, and checks that nothing is left.
func TestSoakCycles(t *testing.T) {
	n := soakSize(10_000, 500)
	_, _, port := boundSocket(t, "udp4", "127.0.0.1")
	warmUp(t)
	base := measure(t)
	start := time.Now()
	for i := 0; i < n; i++ {
		typ := "udp4"
		addr := "127.0.0.1"
		if i%4 == 3 {
			typ, addr = "udp6", "::1"
		}
		s, err := CreateSocketType(typ, nil)
		if err != nil {
			t.Fatal(err)
		}
		done := make(chan struct{})
		s.OnClose(func() { close(done) })
		switch i % 4 {
		case 0, 3:
			listening := make(chan struct{})
			if err := s.Bind(0, addr, func() { close(listening) }); err != nil {
				if typ != "udp6" { // a machine without IPv6
					t.Fatal(err)
				}
				break
			}
			select {
			case <-listening:
			case <-time.After(waitLimit):
				t.Fatal("no 'listening'")
			}
		case 1:
			s.Send("cycle", port, "127.0.0.1", nil)
		}
		s.Close(nil)
		recv(t, done)
	}
	t.Logf("%d create/bind/close cycles in %v", n, time.Since(start).Round(time.Millisecond))
	leakCheck(t, "create/bind/close cycles", base)
}
