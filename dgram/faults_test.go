package dgram

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// The faults of issue 6: what a socket does when things go wrong around
// it. Each test ends with the socket (or a new one) still working, or
// closed with nothing left behind.

// goroutinesBack waits (bounded) until the goroutine count is at most
// base+margin, and fails with every stack otherwise.
func goroutinesBack(t *testing.T, base, margin int) {
	t.Helper()
	deadline := time.Now().Add(waitLimit)
	for runtime.NumGoroutine() > base+margin && time.Now().Before(deadline) {
		runtime.Gosched()
		time.Sleep(time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > base+margin {
		buf := make([]byte, 1<<20)
		t.Fatalf("%d goroutines, baseline %d (+%d allowed):\n%s", n, base, margin, buf[:runtime.Stack(buf, true)])
	}
}

// flood sends datagrams from a plain net socket to 127.0.0.1:port until
// stop is closed, and reports how many it sent.
func flood(t *testing.T, port int, stop <-chan struct{}) <-chan int {
	t.Helper()
	conn, err := net.DialUDP("udp4", nil, &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1), Port: port})
	if err != nil {
		t.Fatal(err)
	}
	sent := make(chan int, 1)
	go func() {
		defer conn.Close()
		n := 0
		for {
			select {
			case <-stop:
				sent <- n
				return
			default:
			}
			if _, err := conn.Write([]byte("flood")); err == nil {
				n++
			}
		}
	}()
	return sent
}

// Close during a receive flood: 'close' comes last (no 'message' after
// it), Close never blocks on the flood, and no goroutine is left behind.
// With and without pooled receive (the two receive paths).
func TestFaultCloseDuringReceiveFlood(t *testing.T) {
	base := runtime.NumGoroutine()
	for _, pooled := range []bool{false, true} {
		for round := 0; round < 5; round++ {
			var closed atomic.Bool
			var after, got atomic.Int64
			s, err := CreateSocket(SocketOptions{Type: "udp4", PooledReceive: pooled}, func([]byte, RemoteInfo) {
				if closed.Load() {
					after.Add(1)
				}
				got.Add(1)
			})
			if err != nil {
				t.Fatal(err)
			}
			done := make(chan struct{})
			s.OnClose(func() { closed.Store(true); close(done) })
			listening := make(chan struct{})
			s.Bind(0, "127.0.0.1", func() { close(listening) })
			recv(t, listening)
			a, _ := s.Address()
			stop := make(chan struct{})
			sent := flood(t, a.Port, stop)
			for deadline := time.Now().Add(waitLimit); got.Load() < 200; {
				if time.Now().After(deadline) {
					t.Fatalf("only %d datagrams of the flood arrived", got.Load())
				}
				time.Sleep(time.Millisecond)
			}
			start := time.Now()
			if err := s.Close(nil); err != nil {
				t.Fatal(err)
			}
			if d := time.Since(start); d > time.Second {
				t.Fatalf("Close took %v under a flood", d)
			}
			recv(t, done)
			close(stop)
			<-sent
			time.Sleep(20 * time.Millisecond) // any late delivery would count now
			if n := after.Load(); n != 0 {
				t.Fatalf("pooled=%v: %d 'message' events after 'close'", pooled, n)
			}
		}
	}
	goroutinesBack(t, base, 0)
}

// Close from inside a 'message' listener, while more datagrams arrive:
// one 'close', nothing after it, and Close returns in the listener (no
// deadlock on the socket's own dispatcher).
func TestFaultCloseInsideMessageListener(t *testing.T) {
	base := runtime.NumGoroutine()
	for _, pooled := range []bool{false, true} {
		var s *Socket
		var closes, after atomic.Int64
		returned := make(chan error, 1)
		s, err := CreateSocket(SocketOptions{Type: "udp4", PooledReceive: pooled}, func([]byte, RemoteInfo) {
			if closes.Load() > 0 {
				after.Add(1)
			}
			select {
			case returned <- s.Close(nil):
			default:
				s.Close(nil) // again: ERR_SOCKET_DGRAM_NOT_RUNNING, no second 'close'
			}
		})
		if err != nil {
			t.Fatal(err)
		}
		done := make(chan struct{})
		s.OnClose(func() {
			if closes.Add(1) == 1 {
				close(done)
			}
		})
		listening := make(chan struct{})
		s.Bind(0, "127.0.0.1", func() { close(listening) })
		recv(t, listening)
		a, _ := s.Address()
		stop := make(chan struct{})
		sent := flood(t, a.Port, stop)
		if err := recv(t, returned); err != nil {
			t.Fatalf("Close from the listener: %v", err)
		}
		recv(t, done)
		close(stop)
		<-sent
		time.Sleep(20 * time.Millisecond)
		if closes.Load() != 1 || after.Load() != 0 {
			t.Fatalf("pooled=%v: %d 'close' events, %d 'message' after it", pooled, closes.Load(), after.Load())
		}
	}
	goroutinesBack(t, base, 0)
}

// Close while an implicit bind is pending: the queued datagrams are sent
// first and their callbacks run, then 'close'; repeated, racing the bind.
func TestFaultCloseDuringImplicitBind(t *testing.T) {
	srv, r, port := boundSocket(t, "udp4", "127.0.0.1")
	_ = srv
	base := runtime.NumGoroutine()
	for i := 0; i < 50; i++ {
		s, err := CreateSocketType("udp4", nil)
		if err != nil {
			t.Fatal(err)
		}
		var order []string
		var mu sync.Mutex
		note := func(ev string) { mu.Lock(); order = append(order, ev); mu.Unlock() }
		done := make(chan struct{})
		s.OnListening(func() { note("listening") })
		s.OnClose(func() { note("close"); close(done) })
		msg := fmt.Sprintf("implicit %d", i)
		if err := s.Send(msg, port, "127.0.0.1", func(err error, _ int) { note(fmt.Sprintf("sent:%v", err)) }); err != nil {
			t.Fatal(err)
		}
		if err := s.Close(nil); err != nil {
			t.Fatal(err)
		}
		recv(t, done)
		mu.Lock()
		got := strings.Join(order, ",")
		mu.Unlock()
		// The datagram sent before close goes out, its callback before
		// 'close'. 'listening' comes first, or not at all when the close
		// came before it was emitted (as in Node).
		if got != "sent:<nil>,close" && got != "listening,sent:<nil>,close" {
			t.Fatalf("events %s; want [listening,]sent:<nil>,close", got)
		}
		r.expect(t, "message:"+msg)
	}
	goroutinesBack(t, base, 0)
}

// EADDRINUSE without reuseAddr: the second Bind's result, and the socket
// binds elsewhere afterwards; with reuseAddr on both, no error.
func TestFaultAddressInUse(t *testing.T) {
	_, _, port := boundSocket(t, "udp4", "127.0.0.1")
	s := newSocket(t, SocketOptions{Type: "udp4"})
	r := record(s)
	wantCode(t, "Bind to a port in use", s.Bind(port, "127.0.0.1", nil), EADDRINUSE)
	if err := s.Bind(0, "127.0.0.1", nil); err != nil {
		t.Fatalf("bind after EADDRINUSE: %v", err)
	}
	r.expect(t, "listening")

	a := newSocket(t, SocketOptions{Type: "udp4", ReuseAddr: true})
	ra := record(a)
	a.Bind(0, "127.0.0.1", nil)
	ra.expect(t, "listening")
	ai, _ := a.Address()
	b := newSocket(t, SocketOptions{Type: "udp4", ReuseAddr: true})
	rb := record(b)
	b.Bind(ai.Port, "127.0.0.1", nil)
	rb.expect(t, "listening")
}

// A send to a port nobody listens on succeeds (UDP has no connection), no
// 'error' event follows the ICMP port unreachable, and the socket keeps
// receiving.
func TestFaultSendToClosedPort(t *testing.T) {
	dead, err := net.ListenUDP("udp4", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	if err != nil {
		t.Fatal(err)
	}
	deadPort := dead.LocalAddr().(*net.UDPAddr).Port
	dead.Close()
	s, r, port := boundSocket(t, "udp4", "127.0.0.1")
	for i := 0; i < 20; i++ {
		if res := sendWait(t, s, "void", deadPort, "127.0.0.1"); res.err != nil {
			t.Fatalf("send to a closed port: %v", res.err)
		}
	}
	sendWait(t, s, "self", port, "127.0.0.1")
	r.expect(t, "message:self")
	r.quiet(t)
}

// Receive-buffer overflow: a small SO_RCVBUF and a slow listener drop
// datagrams (the kernel's choice), never crash or corrupt one, and the
// socket works afterwards.
func TestFaultReceiveBufferOverflow(t *testing.T) {
	var got atomic.Int64
	var bad atomic.Int64
	want := bytes.Repeat([]byte("o"), 1000)
	s, err := CreateSocket(SocketOptions{Type: "udp4", RecvBufferSize: 4096}, func(msg []byte, ri RemoteInfo) {
		if len(msg) == len(want) && !bytes.Equal(msg, want) || ri.Size != len(msg) {
			bad.Add(1)
		}
		got.Add(1)
		time.Sleep(50 * time.Microsecond)
	})
	if err != nil {
		t.Fatal(err)
	}
	r := record(s)
	t.Cleanup(func() { s.Close(nil) })
	s.Bind(0, "127.0.0.1", nil)
	r.expect(t, "listening")
	a, _ := s.Address()
	conn, err := net.DialUDP("udp4", nil, &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1), Port: a.Port})
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	const n = 5000
	for i := 0; i < n; i++ {
		conn.Write(want)
	}
	time.Sleep(300 * time.Millisecond)
	if g := got.Load(); g >= n {
		t.Logf("no datagram was dropped (%d of %d arrived)", g, n)
	} else {
		t.Logf("%d of %d datagrams arrived, %d dropped by the kernel", g, n, n-g)
	}
	if bad.Load() != 0 {
		t.Fatalf("%d datagrams arrived corrupted", bad.Load())
	}
	conn.Write([]byte("after"))
	deadline := time.After(waitLimit)
	for {
		select {
		case ev := <-r.ch:
			if ev == "message:after" {
				return
			}
		case <-deadline:
			t.Fatal("the socket no longer receives after the overflow")
		}
	}
}

// A datagram of the largest size arrives whole, with rinfo.size its
// length, never truncated: the receive buffers hold the largest datagram
// of either family (65507 bytes udp4, 65527 udp6), in a burst that fills
// recvmmsg batches with sizes mixed, so that no datagram runs into
// another's buffer; one byte more is EMSGSIZE.
func TestFaultLargestDatagramNotTruncated(t *testing.T) {
	for _, fam := range socketFamilies {
		t.Run(fam.typ, func(t *testing.T) {
			addr := fam.sendAddress
			type rcv struct {
				msg  []byte
				size int
			}
			ch := make(chan rcv, 64)
			s, err := CreateSocket(SocketOptions{Type: fam.typ, RecvBufferSize: 1 << 21}, func(msg []byte, ri RemoteInfo) {
				ch <- rcv{bytes.Clone(msg), ri.Size}
			})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close(nil) })
			listening := make(chan struct{})
			errs := make(chan error, 1)
			s.OnError(func(err error) { errs <- err })
			s.Bind(0, addr, func() { close(listening) })
			select {
			case <-listening:
			case err := <-errs:
				t.Skipf("%s not available: %v", fam.typ, err)
			}
			a, _ := s.Address()
			cli := newSocket(t, SocketOptions{Type: fam.typ, SendBufferSize: 1 << 21})
			sizes := []int{fam.maxDatagram, 1, fam.maxDatagram, 0, fam.maxDatagram - 1, 7, fam.maxDatagram}
			for i, n := range sizes {
				msg := bytes.Repeat([]byte{byte('a' + i)}, n)
				if res := sendWait(t, cli, msg, a.Port, addr); res.err != nil || res.n != n {
					t.Fatalf("send %d bytes: %v, %d", n, res.err, res.n)
				}
			}
			for i, n := range sizes {
				got := recv(t, ch)
				want := bytes.Repeat([]byte{byte('a' + i)}, n)
				if got.size != n || !bytes.Equal(got.msg, want) {
					t.Fatalf("datagram %d: %d bytes (rinfo.size %d), want %d bytes of %q", i, len(got.msg), got.size, n, string(rune('a'+i)))
				}
			}
			res := sendWait(t, cli, make([]byte, fam.maxDatagram+1), a.Port, addr)
			wantCode(t, "one byte past the largest datagram", res.err, EMSGSIZE)
		})
	}
}

// A listener that panics is not recovered: the panic ends the program, as
// any goroutine's panic does in Go and as an uncaught exception does in
// Node (docs/RELIABILITY.md). The test runs it in a child process, which
// must die promptly with the panic's message, not hang or go on silently.
func TestFaultPanickingListenerEndsTheProgram(t *testing.T) {
	if os.Getenv("DGRAM_PANIC_CHILD") != "" {
		panicChild(os.Getenv("DGRAM_PANIC_CHILD"))
		return
	}
	for _, which := range []string{"message", "send", "listening", "close"} {
		t.Run(which, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestFaultPanickingListenerEndsTheProgram$", "-test.count=1")
			cmd.Env = append(os.Environ(), "DGRAM_PANIC_CHILD="+which, netSandboxEnv+"=off")
			var out bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &out
			if err := cmd.Start(); errors.Is(err, syscall.ENOEXEC) {
				t.Skipf("cannot re-execute the test binary here (qemu-user runs it): %v", err)
			} else if err != nil {
				t.Fatal(err)
			}
			waited := make(chan error, 1)
			go func() { waited <- cmd.Wait() }()
			select {
			case err := <-waited:
				if err == nil {
					t.Fatalf("the program went on after a panicking %s listener:\n%s", which, out.String())
				}
			case <-time.After(20 * time.Second):
				cmd.Process.Kill()
				t.Fatalf("the program hung after a panicking %s listener:\n%s", which, out.String())
			}
			if !strings.Contains(out.String(), "panic: listener "+which) {
				t.Fatalf("the program did not end with the listener's panic:\n%s", out.String())
			}
		})
	}
}

// panicChild makes a listener of kind which panic, then waits.
func panicChild(which string) {
	s, _ := CreateSocketType("udp4", nil)
	boom := func() { panic("listener " + which) }
	switch which {
	case "message":
		s.OnMessage(func([]byte, RemoteInfo) { boom() })
		s.Bind(0, "127.0.0.1", func() {
			a, _ := s.Address()
			s.Send("x", a.Port, "127.0.0.1", nil)
		})
	case "send":
		s.Send("x", 9, "127.0.0.1", func(error, int) { boom() })
	case "listening":
		s.Bind(0, "127.0.0.1", boom)
	case "close":
		s.Close(boom)
	}
	time.Sleep(10 * time.Second)
	fmt.Println("still alive")
	os.Exit(0)
}
