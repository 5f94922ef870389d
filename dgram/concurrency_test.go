package dgram

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Many goroutines send on one socket at once, the first ones racing its
// implicit bind: every send is accepted, every callback runs exactly once
// without an error, and every datagram arrives (loopback, bounded rate).
// Under -race (make test) this is also the data-race check of the send
// path.
func TestManyGoroutinesSendOnOneSocket(t *testing.T) {
	const goroutines, each = 16, 250
	var got sync.Map
	var arrived atomic.Int64
	all := make(chan struct{})
	srv, err := CreateSocket(SocketOptions{Type: "udp4", RecvBufferSize: 1 << 22}, func(msg []byte, _ RemoteInfo) {
		if _, dup := got.LoadOrStore(string(msg), true); dup {
			t.Errorf("datagram %q twice", msg)
		}
		if arrived.Add(1) == goroutines*each {
			close(all)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close(nil) })
	listening := make(chan struct{})
	srv.Bind(0, "127.0.0.1", func() { close(listening) })
	recv(t, listening)
	a, _ := srv.Address()

	cli := newSocket(t, SocketOptions{Type: "udp4", SendBufferSize: 1 << 22})
	var callbacks, failed, sent atomic.Int64
	// At most window datagrams ahead of the receiver, so that the kernel
	// (whose SO_RCVBUF is capped by rmem_max) never has to drop one.
	const window = 256
	paced := func() {
		for deadline := time.Now().Add(waitLimit); sent.Load()-arrived.Load() >= window; {
			if time.Now().After(deadline) {
				t.Errorf("the receiver stopped at %d of %d", arrived.Load(), sent.Load())
				return
			}
			runtime.Gosched()
		}
	}
	var wg sync.WaitGroup
	for g := 0; g < goroutines; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < each; i++ {
				paced()
				sent.Add(1)
				msg := fmt.Sprintf("g%d-%d", g, i)
				err := cli.Send(msg, a.Port, "127.0.0.1", func(err error, n int) {
					if err != nil || n != len(msg) {
						failed.Add(1)
					}
					callbacks.Add(1)
				})
				if err != nil {
					t.Errorf("send: %v", err)
					return
				}
			}
		}()
	}
	wg.Wait()
	recv(t, all)
	done := make(chan struct{})
	cli.OnClose(func() { close(done) })
	cli.Close(nil)
	recv(t, done) // 'close' comes after every send callback
	if callbacks.Load() != goroutines*each || failed.Load() != 0 {
		t.Fatalf("%d callbacks (%d failed), want %d", callbacks.Load(), failed.Load(), goroutines*each)
	}
}
