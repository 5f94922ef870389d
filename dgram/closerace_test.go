package dgram

import (
	"net"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// closeRaceRounds is how many rounds each cross-goroutine close test runs:
// DGRAM_CLOSE_ROUNDS overrides it (the figures in the closing note
// come from long runs).
func closeRaceRounds(t *testing.T, def int) int {
	if v, err := strconv.Atoi(os.Getenv("DGRAM_CLOSE_ROUNDS")); err == nil && v > 0 {
		return v
	}
	if testing.Short() {
		return def / 10
	}
	return def
}

// When Close returns on a goroutine that runs none of the socket's
// listeners, no 'message' listener of the socket is running or starts
// later: a flag set right after Close returns is checked at each
// listener's first and last statement, while a peer floods the socket.
// Rounds of the copying and the pooled reader, under -race in make test.
func TestCloseFromAnotherGoroutineWaitsForListeners(t *testing.T) {
	for _, pooled := range []bool{false, true} {
		t.Run("pooled="+strconv.FormatBool(pooled), func(t *testing.T) {
			rounds := closeRaceRounds(t, 1000)
			var started, running int
			for i := 0; i < rounds; i++ {
				s, r := closeRaceRound(t, pooled)
				started += s
				running += r
				if t.Failed() {
					return
				}
			}
			t.Logf("%d rounds: a listener started after Close returned in %d, was running when it returned in %d", rounds, started, running)
			if started+running > 0 {
				t.Errorf("%d of %d rounds: a 'message' listener started after Close returned (%d) or was still running (%d)", started+running, rounds, started, running)
			}
		})
	}
}

// closeRaceRound floods a socket from a plain net.UDPConn and closes it
// from this goroutine once its first datagram arrived: it returns 1, 1
// when a listener started after Close returned, or was still running then.
func closeRaceRound(t *testing.T, pooled bool) (startedAfter, runningAfter int) {
	t.Helper()
	var returned, late, busy atomic.Bool
	first := make(chan struct{})
	var once sync.Once
	s, err := CreateSocket(SocketOptions{Type: "udp4", PooledReceive: pooled}, func(msg []byte, _ RemoteInfo) {
		if returned.Load() {
			late.Store(true)
		}
		once.Do(func() { close(first) })
		_ = append([]byte(nil), msg...) // some work, as a listener does
		if returned.Load() {
			busy.Store(true)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	closed := make(chan struct{})
	s.OnClose(func() { close(closed) })
	if err := s.Bind(0, "127.0.0.1", nil); err != nil {
		t.Fatal(err)
	}
	a, _ := s.Address()
	c, err := net.DialUDP("udp4", nil, &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1), Port: a.Port})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var stop atomic.Bool
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 100000 && !stop.Load(); i++ {
			c.Write([]byte("flood"))
		}
	}()
	select {
	case <-first:
	case <-time.After(waitLimit):
		t.Fatal("no datagram arrived")
	}
	s.Close(nil)
	returned.Store(true)
	stop.Store(true)
	wg.Wait()
	recv(t, closed)
	if late.Load() {
		startedAfter = 1
	}
	if busy.Load() {
		runningAfter = 1
	}
	return startedAfter, runningAfter
}

// Two sockets whose 'message' listeners, both running at once on their
// readers, close each other: neither Close waits for ever (the second to
// wait sees the circle and returns at once), both sockets emit 'close';
// and a listener that closes its own socket returns from Close at once.
func TestListenersCloseEachOther(t *testing.T) {
	rounds := closeRaceRounds(t, 200)
	for i := 0; i < rounds; i++ {
		var both sync.WaitGroup
		both.Add(2)
		var a, b *Socket
		var onceA, onceB sync.Once
		closeOther := func(once *sync.Once, other **Socket) MessageListener {
			return func([]byte, RemoteInfo) {
				once.Do(func() {
					both.Done()
					both.Wait() // both listeners are running now
					(*other).Close(nil)
				})
			}
		}
		a = newSocket(t, SocketOptions{Type: "udp4"})
		b = newSocket(t, SocketOptions{Type: "udp4"})
		a.OnMessage(closeOther(&onceA, &b))
		b.OnMessage(closeOther(&onceB, &a))
		closedA, closedB := make(chan struct{}), make(chan struct{})
		a.OnClose(func() { close(closedA) })
		b.OnClose(func() { close(closedB) })
		for _, s := range []*Socket{a, b} {
			if err := s.Bind(0, "127.0.0.1", nil); err != nil {
				t.Fatal(err)
			}
		}
		pa, _ := a.Address()
		pb, _ := b.Address()
		if err := a.Send([]byte("x"), pb.Port, "127.0.0.1", nil); err != nil {
			t.Fatal(err)
		}
		if err := b.Send([]byte("x"), pa.Port, "127.0.0.1", nil); err != nil {
			t.Fatal(err)
		}
		recv(t, closedA)
		recv(t, closedB)
	}

	self := make(chan error, 1)
	var s *Socket
	s = newSocket(t, SocketOptions{Type: "udp4"})
	s.OnMessage(func([]byte, RemoteInfo) {
		select {
		case self <- s.Close(nil):
		default:
		}
	})
	s.Bind(0, "127.0.0.1", nil)
	p, _ := s.Address()
	s.Send([]byte("x"), p.Port, "127.0.0.1", nil)
	if err := recv(t, self); err != nil {
		t.Fatalf("Close from the socket's own listener: %v", err)
	}
}
