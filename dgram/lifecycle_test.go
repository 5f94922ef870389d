package dgram

import (
	"runtime"
	"testing"
	"time"
)

// After 'close', a socket leaves no goroutine behind: its dispatcher and
// reader are gone, whatever state it was closed in.
func TestNoGoroutineAfterClose(t *testing.T) {
	_, _, port := boundSocket(t, "udp4", "127.0.0.1")
	base := runtime.NumGoroutine()
	for i := 0; i < 50; i++ {
		s, err := CreateSocketType("udp4", nil)
		if err != nil {
			t.Fatal(err)
		}
		closed := make(chan struct{})
		s.OnClose(func() { close(closed) })
		switch i % 3 {
		case 0: // bound
			listening := make(chan struct{})
			s.Bind(0, "127.0.0.1", func() { close(listening) })
			recv(t, listening)
		case 1: // sends queued behind an implicit bind
			s.Send("x", port, "127.0.0.1", nil)
		case 2: // never bound
		}
		if err := s.Close(nil); err != nil {
			t.Fatal(err)
		}
		recv(t, closed)
	}
	// The goroutines end right after 'close' returns; give them a bounded
	// moment to be gone.
	deadline := time.Now().Add(waitLimit)
	for runtime.NumGoroutine() > base && time.Now().Before(deadline) {
		runtime.Gosched()
		time.Sleep(time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > base {
		buf := make([]byte, 1<<16)
		t.Fatalf("%d goroutines, %d before:\n%s", n, base, buf[:runtime.Stack(buf, true)])
	}
}
