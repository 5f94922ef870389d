package dgram

import (
	"testing"
	"time"
)

// The per-datagram path allocates only the message a 'message' listener
// owns: sending a []byte without a callback allocates nothing, receiving
// allocates the one copy handed to the listener.
func TestDatagramAllocs(t *testing.T) {
	if testing.Short() {
		t.Skip("allocation counts need a quiet process")
	}
	got := make(chan int, 1)
	srv, err := CreateSocketType("udp4", func(msg []byte, _ RemoteInfo) { got <- len(msg) })
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close(nil)
	listening := make(chan struct{})
	srv.Bind(0, "127.0.0.1", func() { close(listening) })
	recv(t, listening)
	a, _ := srv.Address()
	port := a.Port
	cli, _, _ := boundSocket(t, "udp4", "127.0.0.1")
	msg := []byte("ping")
	deadline := time.NewTimer(waitLimit) // for the whole test: a timer per wait would allocate
	defer deadline.Stop()
	roundTrip := func() {
		if err := cli.Send(msg, port, "127.0.0.1", nil); err != nil {
			t.Fatal(err)
		}
		select {
		case n := <-got:
			if n != len(msg) {
				t.Fatalf("received %d bytes", n)
			}
		case <-deadline.C:
			t.Fatal("a datagram was lost")
		}
	}
	roundTrip()
	if allocs := testing.AllocsPerRun(200, roundTrip); allocs > 1 {
		t.Fatalf("%v allocations per datagram sent and received, want at most 1", allocs)
	}
}
