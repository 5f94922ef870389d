package main

import (
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/dgramkit/dgramkit/cshared/internal/hx"
)

// The soak through the C library: datagrams through an echo pair of C
// sockets (the server's listener sends each datagram back from the
// library's thread), and create/bind/close cycles; afterwards the
// live-handle count is zero again, and goroutines, descriptors and the
// Go heap are back at their baseline. DGRAM_SOAK=1 (make soak) runs the
// long form.

func soakSize(long, short int) int {
	if os.Getenv("DGRAM_SOAK") != "" {
		return long
	}
	return short
}

// The stated margins: goroutines and descriptors back exactly, the heap
// within 8 MiB (caches that grow once: the receive batch pool's free lists
// alone may keep 4.25 MiB, internal/hostread).
const heapMargin = 8 << 20

type usage struct {
	live, goroutines, fds int
	heap                  uint64
}

func measure(t testing.TB) usage {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	ents, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skipf("no /proc/self/fd: %v", err)
	}
	return usage{hx.LiveHandles(), runtime.NumGoroutine(), len(ents), ms.HeapAlloc}
}

func leakCheck(t testing.TB, what string, base usage) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		now := measure(t)
		if now.live <= base.live && now.goroutines <= base.goroutines && now.fds <= base.fds && now.heap <= base.heap+heapMargin {
			t.Logf("%s: live handles %d -> %d, goroutines %d -> %d, fds %d -> %d, heap %.1f -> %.1f MiB", what,
				base.live, now.live, base.goroutines, now.goroutines, base.fds, now.fds, float64(base.heap)/(1<<20), float64(now.heap)/(1<<20))
			return
		}
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			t.Fatalf("%s: leak: live handles %d (baseline %d), goroutines %d (%d), fds %d (%d), heap %d (%d, +%d allowed)\n%s", what,
				now.live, base.live, now.goroutines, base.goroutines, now.fds, base.fds, now.heap, base.heap, heapMargin, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// cWarmUp makes the process's first socket, so that what it creates once
// is in the baseline.
func cWarmUp(t *testing.T, slot int) {
	hx.Reset(slot)
	h := hx.CreateType(cstrOf("udp4"), false, slot)
	hx.Bind(h, 0, cstrOf("127.0.0.1"), true, slot)
	waitFor(t, "listening", func() bool { return hx.Count(slot, hx.EvListening) > 0 })
	hx.SendGo(h, []byte("warm"), 9, cstrOf("127.0.0.1"), false, slot)
	cCloseWait(t, h, slot)
}

func TestSoakEchoC(t *testing.T) {
	n := soakSize(1_000_000, 20_000)
	const srvSlot, cliSlot, window = 60, 61, 64
	cWarmUp(t, srvSlot)
	hx.Reset(srvSlot)
	hx.Reset(cliSlot)
	base := measure(t)
	srv := hx.CreateEcho(srvSlot)
	cli := hx.CreateType(cstrOf("udp4"), true, cliSlot)
	for _, h := range []struct {
		h    int32
		slot int
	}{{srv, srvSlot}, {cli, cliSlot}} {
		if h.h <= 0 {
			t.Fatalf("create: %s", hx.Strerror(h.h))
		}
		hx.Bind(h.h, 0, cstrOf("127.0.0.1"), true, h.slot)
		waitFor(t, "listening", func() bool { return hx.Count(h.slot, hx.EvListening) > 0 })
	}
	rc, port := hx.Address(srv, false)
	if rc != 0 {
		t.Fatal(hx.Strerror(rc))
	}
	msg := []byte("soak datagram, 32 bytes long....")
	addr := cstrOf("127.0.0.1")
	start := time.Now()
	sent, lost := 0, 0
	last, lastChange := int64(0), time.Now()
	for {
		echoed := hx.Count(cliSlot, hx.EvMessage)
		if echoed != last {
			last, lastChange = echoed, time.Now()
		}
		inFlight := sent - lost - int(echoed)
		if sent == n && inFlight <= 0 { // below 0: some it counted lost came late
			break
		}
		if inFlight > 0 && time.Since(lastChange) > 500*time.Millisecond { // lost: replace them
			lost += inFlight
			lastChange = time.Now()
			continue
		}
		if inFlight < window && sent < n {
			if rc := hx.SendGo(cli, msg, int32(port), addr, false, cliSlot); rc != 0 {
				t.Fatalf("dgram_send: %s", hx.Strerror(rc))
			}
			sent++
			continue
		}
		runtime.Gosched()
	}
	d := time.Since(start)
	t.Logf("%d datagrams echoed through the C library, %d lost and replaced, in %v (%.0f round trips/s)",
		last, lost, d.Round(time.Millisecond), float64(last)/d.Seconds())
	if lost > n/1000 {
		t.Fatalf("%d of %d datagrams lost on loopback", lost, n)
	}
	cCloseWait(t, srv, srvSlot)
	cCloseWait(t, cli, cliSlot)
	if hx.AfterClose(srvSlot)+hx.AfterClose(cliSlot) != 0 {
		t.Fatal("events after 'close'")
	}
	leakCheck(t, "C echo soak", base)
}

func TestSoakCyclesC(t *testing.T) {
	n := soakSize(10_000, 500)
	const slot = 62
	cWarmUp(t, slot)
	base := measure(t)
	start := time.Now()
	for i := 0; i < n; i++ {
		hx.Reset(slot)
		h := hx.CreateType(cstrOf("udp4"), true, slot)
		if h <= 0 {
			t.Fatalf("create: %s", hx.Strerror(h))
		}
		switch i % 3 {
		case 0:
			hx.Bind(h, 0, cstrOf("127.0.0.1"), true, slot)
			waitFor(t, "listening", func() bool { return hx.Count(slot, hx.EvListening) > 0 })
		case 1:
			hx.SendGo(h, []byte("cycle"), 9, cstrOf("127.0.0.1"), false, slot)
		}
		cCloseWait(t, h, slot)
	}
	t.Logf("%d create/bind/close cycles through the C library in %v", n, time.Since(start).Round(time.Millisecond))
	leakCheck(t, "C create/bind/close cycles", base)
}

// C threads send on one socket while another thread closes it: every send
// is accepted or refused as closed (ERR_SOCKET_DGRAM_NOT_RUNNING, or
// ERR_INVALID_HANDLE once 'close' released the handle), nothing crashes,
// no event follows 'close', and the handle is released.
func TestThreadsSendWhileClose(t *testing.T) {
	recv := newCReceiver(t)
	const slot = 63
	rounds := soakSize(200, 20)
	base := hx.LiveHandles()
	totalSent, totalStopped := 0, 0
	for i := 0; i < rounds; i++ {
		hx.Reset(slot)
		h := hx.CreateType(cstrOf("udp4"), true, slot)
		if i%2 == 0 { // bound, or racing the implicit bind
			hx.Bind(h, 0, cstrOf("127.0.0.1"), true, slot)
			waitFor(t, "listening", func() bool { return hx.Count(slot, hx.EvListening) > 0 })
		}
		rc, sent, stopped := hx.ThreadsSendClose(h, int(recv.port), 4, 500, 200*(i%5), slot)
		if rc != 0 {
			t.Fatalf("round %d: %s", i, hx.Strerror(rc))
		}
		waitFor(t, "close", func() bool { return hx.Count(slot, hx.EvClose) > 0 })
		if n := hx.AfterClose(slot); n != 0 {
			t.Fatalf("round %d: %d events after 'close'", i, n)
		}
		totalSent += sent
		totalStopped += stopped
	}
	waitFor(t, "every handle released", func() bool { return hx.LiveHandles() == base })
	t.Logf("%d rounds: %d sends accepted, %d refused as closed", rounds, totalSent, totalStopped)
}
