package dgram

import (
	"net"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/dgramkit/dgramkit/internal/corehooks"
	"github.com/dgramkit/dgramkit/internal/hostread"
)

// hostSocket is a udp4 socket read by set's Wait (corehooks.ReadOn),
// bound to 127.0.0.1; self says the closer is the waiting goroutine.
func hostSocket(t *testing.T, set *hostread.Set, self func() bool, listener MessageListener, onListening ...ListeningListener) *Socket {
	t.Helper()
	s, err := CreateSocketType("udp4", listener)
	if err != nil {
		t.Fatal(err)
	}
	corehooks.ReadOn(s, set, self)
	for _, l := range onListening {
		s.OnListening(l)
	}
	if err := s.Bind(0, "127.0.0.1", nil); err != nil {
		t.Fatal(err)
	}
	return s
}

func newHostSet(t *testing.T) *hostread.Set {
	t.Helper()
	set, err := hostread.NewSet()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { set.Close() })
	return set
}

// waitUntil runs set's Wait until cond holds; each Wait returns after an
// event, so the loop is bounded by the events.
func waitUntil(t *testing.T, set *hostread.Set, cond func() bool) {
	t.Helper()
	for i := 0; !cond(); i++ {
		if i == 10000 {
			t.Fatal("no progress after 10000 waits")
		}
		if _, err := set.Wait(-1, nil); err != nil {
			t.Fatal(err)
		}
	}
}

// A socket read by its host's set: its 'message' listener runs within
// Wait, on the waiting goroutine, after 'listening'; there is no reader
// goroutine, and its datagrams come in order.
func TestHostReadDelivers(t *testing.T) {
	set := newHostSet(t)
	var inWait atomic.Bool
	var got []string
	var listened atomic.Bool
	listening := make(chan struct{})
	s := hostSocket(t, set, func() bool { return true }, func(msg []byte, _ RemoteInfo) {
		if !inWait.Load() {
			t.Error("a 'message' listener ran outside Wait")
		}
		if !listened.Load() {
			t.Error("a 'message' listener ran before 'listening'")
		}
		got = append(got, string(msg))
	}, func() { listened.Store(true); close(listening) })
	recv(t, listening)
	a, _ := s.Address()
	cli, _, _ := boundSocket(t, "udp4", "127.0.0.1")
	const n = 200
	for i := 0; i < n; i++ {
		sendWait(t, cli, itoa(i), a.Port, "127.0.0.1")
	}
	for i := 0; len(got) < n; i++ {
		if i == 10000 {
			t.Fatalf("%d of %d datagrams after 10000 waits", len(got), n)
		}
		inWait.Store(true)
		_, err := set.Wait(-1, nil)
		inWait.Store(false)
		if err != nil {
			t.Fatal(err)
		}
	}
	for i, m := range got {
		if m != itoa(i) {
			t.Fatalf("datagram %d is %q", i, m)
		}
	}
	closed := make(chan struct{})
	s.Close(func() { close(closed) })
	recv(t, closed)
}

// A receive error is emitted as 'error' and reading goes on: an ICMP port
// unreachable on a connected socket, then a datagram from the peer.
func TestHostReadErrorKeepsReading(t *testing.T) {
	set := newHostSet(t)
	gone, err := net.ListenUDP("udp4", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	if err != nil {
		t.Fatal(err)
	}
	port := gone.LocalAddr().(*net.UDPAddr).Port
	gone.Close()
	var msgs []string
	var errs []Code
	s := hostSocket(t, set, func() bool { return true }, func(msg []byte, _ RemoteInfo) { msgs = append(msgs, string(msg)) })
	s.OnError(func(err error) { errs = append(errs, errCode(err)) })
	connected := make(chan struct{})
	if err := s.Connect(port, "127.0.0.1", func() { close(connected) }); err != nil {
		t.Fatal(err)
	}
	recv(t, connected)
	if err := s.SendConnected("to nobody", nil); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, set, func() bool { return len(errs) > 0 })
	if errs[0] != ECONNREFUSED {
		t.Fatalf("error %v, want ECONNREFUSED", errs)
	}
	peer, err := net.ListenUDP("udp4", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1), Port: port})
	if err != nil {
		t.Skipf("the port was taken meanwhile: %v", err)
	}
	defer peer.Close()
	a, _ := s.Address()
	peer.WriteToUDP([]byte("after"), &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1), Port: a.Port})
	waitUntil(t, set, func() bool { return len(msgs) > 0 })
	if msgs[0] != "after" {
		t.Fatalf("got %q", msgs)
	}
	s.Close(nil)
}

// Close on another goroutine while Wait delivers a flood: once Close
// returned, no 'message' listener of the socket runs or starts.
func TestHostReadNoMessageAfterClose(t *testing.T) {
	set := newHostSet(t)
	cli, _, _ := boundSocket(t, "udp4", "127.0.0.1")
	rounds := 200
	if testing.Short() {
		rounds = 20
	}
	late := 0
	for round := 0; round < rounds; round++ {
		var closedFlag atomic.Bool
		var lateHere atomic.Int32
		s := hostSocket(t, set, func() bool { return false }, func([]byte, RemoteInfo) {
			if closedFlag.Load() {
				lateHere.Add(1)
			}
		})
		a, _ := s.Address()
		for i := 0; i < 20; i++ {
			cli.Send("x", a.Port, "127.0.0.1", nil)
		}
		var wg sync.WaitGroup
		wg.Add(1)
		stop := make(chan struct{})
		go func() { // the host's loop
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				set.Wait(1, nil)
			}
		}()
		s.Close(nil)
		closedFlag.Store(true)
		close(stop)
		wg.Wait()
		late += int(lateHere.Load())
	}
	if late > 0 {
		t.Fatalf("%d 'message' listeners ran after Close returned, over %d rounds", late, rounds)
	}
}
