package dgram

import (
	"bytes"
	"testing"
	"time"
)

// allocsPerDatagram sends a datagram from a plain socket to a server
// created with opts and waits for its 'message' listener, runs times; it
// returns the allocations per round (sender and receiver together).
func allocsPerDatagram(t *testing.T, opts SocketOptions, runs int) float64 {
	t.Helper()
	got := make(chan int, 1)
	srv, err := CreateSocket(opts, func(msg []byte, _ RemoteInfo) { got <- len(msg) })
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close(nil)
	listening := make(chan struct{})
	srv.Bind(0, "127.0.0.1", func() { close(listening) })
	recv(t, listening)
	a, _ := srv.Address()
	cli, _, _ := boundSocket(t, "udp4", "127.0.0.1")
	msg := []byte("ping")
	deadline := time.NewTimer(waitLimit) // one for the whole test: a timer per wait would allocate
	defer deadline.Stop()
	round := func() {
		if err := cli.Send(msg, a.Port, "127.0.0.1", nil); err != nil {
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
	for i := 0; i < 4; i++ { // let the receive batch reach its size
		round()
	}
	return testing.AllocsPerRun(runs, round)
}

// The pooled receive path allocates nothing per datagram; the plain one
// allocates at most the copy the listener owns.
func TestReceiveAllocs(t *testing.T) {
	if testing.Short() {
		t.Skip("allocation counts need a quiet process")
	}
	if a := allocsPerDatagram(t, SocketOptions{Type: "udp4", PooledReceive: true}, 300); a != 0 {
		t.Errorf("PooledReceive: %v allocations per datagram sent and received, want 0", a)
	}
	if a := allocsPerDatagram(t, SocketOptions{Type: "udp4"}, 300); a > 1 {
		t.Errorf("plain: %v allocations per datagram sent and received, want at most 1", a)
	}
}

// With PooledReceive the listener gets the datagram's bytes, valid during
// the call; a burst larger than one receive batch arrives whole and in
// order (loopback does not reorder), each datagram intact.
func TestPooledReceiveBurst(t *testing.T) {
	const n = 200
	type rec struct {
		data []byte
		from RemoteInfo
	}
	got := make(chan rec, n)
	srv, err := CreateSocket(SocketOptions{Type: "udp4", PooledReceive: true, RecvBufferSize: 1 << 20}, func(msg []byte, r RemoteInfo) {
		got <- rec{bytes.Clone(msg), r}
	})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close(nil)
	listening := make(chan struct{})
	srv.Bind(0, "127.0.0.1", func() { close(listening) })
	recv(t, listening)
	a, _ := srv.Address()
	cli, _, cport := boundSocket(t, "udp4", "127.0.0.1")
	big := bytes.Repeat([]byte("0123456789abcdef"), 4000) // 64000 bytes: a full buffer
	sizeOf := func(i int) int {                           // mostly small, every 50th the largest
		if i%50 == 49 {
			return len(big)
		}
		return 1 + i*317%2000
	}
	for i := 0; i < n; i++ {
		size := sizeOf(i)
		if err := cli.Send(big[:size], a.Port, "127.0.0.1", nil); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i < n; i++ {
		r := recv(t, got)
		size := sizeOf(i)
		if !bytes.Equal(r.data, big[:size]) {
			t.Fatalf("datagram %d: %d bytes, want %d, or different bytes", i, len(r.data), size)
		}
		if r.from.Size != size || r.from.Port != cport || r.from.Address.String() != "127.0.0.1" || r.from.Family != "IPv4" {
			t.Fatalf("datagram %d: rinfo %+v", i, r.from)
		}
	}
}
