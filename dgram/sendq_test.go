package dgram

import (
	"bytes"
	"strconv"
	"testing"
)

// A burst of sends from one goroutine streams: the datagrams go through
// the batched path (sendmmsg on Linux). Their callbacks come in order,
// each with its size (TestSendCallbackIsAsync checks they never run inside
// Send); the datagrams arrive in order
// (loopback does not reorder) and whole; a close right after the burst
// sends them all first, and 'close' comes after every callback.
func TestStreamedSends(t *testing.T) {
	const n = 500
	type rec struct {
		data string
		size int
	}
	got := make(chan rec, n)
	srv, err := CreateSocket(SocketOptions{Type: "udp4", RecvBufferSize: 4 << 20}, func(msg []byte, r RemoteInfo) {
		got <- rec{string(msg), r.Size}
	})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close(nil)
	listening := make(chan struct{})
	srv.Bind(0, "127.0.0.1", func() { close(listening) })
	recv(t, listening)
	a, _ := srv.Address()

	cli, r, _ := boundSocket(t, "udp4", "127.0.0.1")
	cbs := make(chan string, n+1)
	big := bytes.Repeat([]byte{'z'}, 60000)
	payload := func(i int) []byte { // every 100th datagram is large
		if i%100 == 99 {
			return append([]byte(strconv.Itoa(i)+":"), big...)
		}
		return []byte(strconv.Itoa(i))
	}
	buf := make([]byte, 0, 70000)
	for i := 0; i < n; i++ {
		buf = append(buf[:0], payload(i)...) // reused: Send must not keep it
		want := len(buf)
		if err := cli.Send(buf, a.Port, "127.0.0.1", func(err error, bytes int) {
			if err != nil || bytes != want {
				t.Errorf("callback %d: %v, %d bytes, want %d", i, err, bytes, want)
			}
			cbs <- strconv.Itoa(i)
		}); err != nil {
			t.Fatal(err)
		}
	}
	if err := cli.Close(func() { cbs <- "close" }); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < n; i++ {
		if c := recv(t, cbs); c != strconv.Itoa(i) {
			t.Fatalf("callback %s came as number %d", c, i)
		}
	}
	if c := recv(t, cbs); c != "close" {
		t.Fatalf("%s after the last callback, want close", c)
	}
	r.expect(t, "close")
	for i := 0; i < n; i++ {
		m := recv(t, got)
		if want := string(payload(i)); m.data != want || m.size != len(want) {
			t.Fatalf("datagram %d: %d bytes %.20q, want %d bytes %.20q", i, m.size, m.data, len(want), want)
		}
	}
}

// An error in the middle of a stream reaches that datagram's callback
// only: a datagram too large for udp4 fails with EMSGSIZE, the others go.
func TestStreamedSendError(t *testing.T) {
	_, _, port := boundSocket(t, "udp4", "127.0.0.1")
	cli, _, _ := boundSocket(t, "udp4", "127.0.0.1")
	huge := make([]byte, 65508)
	type res struct {
		i   int
		err error
		n   int
	}
	out := make(chan res, 64)
	for i := 0; i < 40; i++ {
		msg := []byte("ok")
		if i == 20 {
			msg = huge
		}
		if err := cli.Send(msg, port, "127.0.0.1", func(err error, n int) { out <- res{i, err, n} }); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i < 40; i++ {
		r := recv(t, out)
		if r.i != i {
			t.Fatalf("callback %d came as number %d", r.i, i)
		}
		if i == 20 {
			wantCode(t, "the huge datagram", r.err, EMSGSIZE)
			if r.n != 0 {
				t.Fatalf("huge datagram: %d bytes", r.n)
			}
		} else if r.err != nil || r.n != 2 {
			t.Fatalf("datagram %d: %v, %d", i, r.err, r.n)
		}
	}
}

// Held sends wait for releaseSends, which writes them in order; their
// callbacks come after; a close while sends are held writes them first.
func TestHoldSends(t *testing.T) {
	srv, r, port := boundSocket(t, "udp4", "127.0.0.1")
	_ = srv
	cli, _, _ := boundSocket(t, "udp4", "127.0.0.1")
	cbs := make(chan int, 16)
	cli.holdSends()
	cli.holdSends() // holds nest
	for i := 0; i < 3; i++ {
		if err := cli.Send(strconv.Itoa(i), port, "127.0.0.1", func(err error, n int) {
			if err != nil || n != 1 {
				t.Errorf("callback %d: %v, %d", i, err, n)
			}
			cbs <- i
		}); err != nil {
			t.Fatal(err)
		}
	}
	cli.releaseSends()
	r.quiet(t) // still held
	if len(cbs) != 0 {
		t.Fatal("a callback ran while its datagram was held")
	}
	cli.releaseSends()
	r.expect(t, "message:0", "message:1", "message:2")
	for i := 0; i < 3; i++ {
		if got := recv(t, cbs); got != i {
			t.Fatalf("callback %d came as number %d", got, i)
		}
	}
	cli.releaseSends() // an extra release does nothing

	cli.holdSends()
	cli.Send("held", port, "127.0.0.1", nil)
	closed := make(chan struct{})
	cli.Close(func() { close(closed) })
	recv(t, closed)
	r.expect(t, "message:held")
	cli.releaseSends() // after close: nothing left to write
}

// Replies sent from the 'message' listener while the reader delivers a
// batch of several datagrams each get their callback, after the write and
// in order, and arrive whole and in order, also with PooledReceive (whose
// buffer the reply borrows while a stream queues it).
func TestRepliesOfABatch(t *testing.T) {
	for _, pooled := range []bool{false, true} {
		t.Run("pooled="+strconv.FormatBool(pooled), func(t *testing.T) {
			const n = 200
			cbs := make(chan int, n)
			var srv *Socket
			count := 0
			srv, err := CreateSocket(SocketOptions{Type: "udp4", RecvBufferSize: 4 << 20, PooledReceive: pooled}, func(msg []byte, r RemoteInfo) {
				i := count
				count++
				if err := srv.Send(msg, r.Port, r.Address.String(), func(err error, bytes int) {
					if err != nil || bytes != len(strconv.Itoa(i)) {
						t.Errorf("reply %d: %v, %d bytes", i, err, bytes)
					}
					cbs <- i
				}); err != nil {
					t.Errorf("reply %d: %v", i, err)
				}
			})
			if err != nil {
				t.Fatal(err)
			}
			defer srv.Close(nil)
			if err := srv.Bind(0, "127.0.0.1", nil); err != nil {
				t.Fatal(err)
			}
			a, _ := srv.Address()
			got := make(chan string, n)
			cli, err := CreateSocket(SocketOptions{Type: "udp4", RecvBufferSize: 4 << 20}, func(msg []byte, _ RemoteInfo) { got <- string(msg) })
			if err != nil {
				t.Fatal(err)
			}
			defer cli.Close(nil)
			for i := 0; i < n; i++ { // a burst: the server reads it in batches
				if err := cli.Send(strconv.Itoa(i), a.Port, "127.0.0.1", nil); err != nil {
					t.Fatal(err)
				}
			}
			for i := 0; i < n; i++ {
				if m := recv(t, got); m != strconv.Itoa(i) {
					t.Fatalf("reply %d is %q", i, m)
				}
				if c := recv(t, cbs); c != i {
					t.Fatalf("callback %d came as number %d", c, i)
				}
			}
		})
	}
}
