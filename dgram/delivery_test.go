package dgram

import (
	"runtime"
	"strings"
	"testing"
	"time"
)

// A datagram another socket sends right after Bind returned reaches the
// bound socket, every time: Bind binds the operating-system socket within
// the call. 200 rounds on one processor and on every processor.
func TestBindThenSendAcrossSockets(t *testing.T) {
	for _, procs := range []int{1, runtime.NumCPU()} {
		prev := runtime.GOMAXPROCS(procs)
		cli, _, _ := boundSocket(t, "udp4", "127.0.0.1")
		for i := 0; i < 200; i++ {
			got := make(chan struct{}, 1)
			srv, err := CreateSocketType("udp4", func([]byte, RemoteInfo) { got <- struct{}{} })
			if err != nil {
				t.Fatal(err)
			}
			if err := srv.Bind(0, "127.0.0.1", nil); err != nil {
				t.Fatal(err)
			}
			a, err := srv.Address() // bound already: no need to wait for 'listening'
			if err != nil {
				t.Fatal(err)
			}
			if err := cli.Send("x", a.Port, "127.0.0.1", nil); err != nil {
				t.Fatal(err)
			}
			select {
			case <-got:
			case <-time.After(waitLimit):
				t.Fatalf("GOMAXPROCS=%d round %d: the datagram sent after Bind returned was lost", procs, i)
			}
			srv.Close(nil)
		}
		runtime.GOMAXPROCS(prev)
	}
}

// A listener that closes its socket: no 'message' listener starts after
// Close returned, though more datagrams were read.
func TestNoMessageAfterClose(t *testing.T) {
	var n int
	done := make(chan struct{})
	var srv *Socket
	srv, err := CreateSocketType("udp4", func([]byte, RemoteInfo) {
		n++ // listeners never overlap
		if n == 5 {
			srv.Close(func() { close(done) })
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close(nil) })
	if err := srv.Bind(0, "127.0.0.1", nil); err != nil {
		t.Fatal(err)
	}
	a, _ := srv.Address()
	cli, _, _ := boundSocket(t, "udp4", "127.0.0.1")
	for i := 0; i < 50; i++ {
		cli.Send("m", a.Port, "127.0.0.1", nil)
	}
	recv(t, done)
	if n != 5 {
		t.Fatalf("%d 'message' events, want 5: listeners ran after close", n)
	}
}

// Held sends that outgrow the held queue's byte bound are written, not
// waited on forever: 17 datagrams of 65,000 bytes sent while held all
// return, each callback gets its 65,000 bytes, and Close returns.
func TestHeldSendsPastTheBound(t *testing.T) {
	_, _, port := boundSocket(t, "udp4", "127.0.0.1")
	cli, _, _ := boundSocket(t, "udp4", "127.0.0.1")
	big := make([]byte, 65000)
	results := make(chan sendResult, 17)
	returned := make(chan struct{})
	go func() {
		cli.holdSends()
		for i := 0; i < 17; i++ {
			cli.Send(big, port, "127.0.0.1", func(err error, n int) { results <- sendResult{err, n} })
		}
		cli.releaseSends()
		close(returned)
	}()
	select {
	case <-returned:
	case <-time.After(waitLimit):
		t.Fatal("17 held sends of 65,000 bytes did not return")
	}
	for i := 0; i < 17; i++ {
		if r := recv(t, results); r.err != nil || r.n != len(big) {
			t.Fatalf("send %d: %v, %d bytes", i, r.err, r.n)
		}
	}
	closed := make(chan error, 1)
	go func() { closed <- cli.Close(nil) }()
	select {
	case err := <-closed:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(waitLimit):
		t.Fatal("Close blocked after held sends")
	}
}

// A nil listener, or a method of a nil or zero Socket, is refused at the
// call: On* panics naming the method, the others return ERR_INVALID_THIS.
func TestNilRefused(t *testing.T) {
	s := newSocket(t, SocketOptions{Type: "udp4"})
	for name, on := range map[string]func(){
		"OnMessage":   func() { s.OnMessage(nil) },
		"OnError":     func() { s.OnError(nil) },
		"OnListening": func() { s.OnListening(nil) },
		"OnClose":     func() { s.OnClose(nil) },
		"nil OnClose": func() { (*Socket)(nil).OnClose(func() {}) },
	} {
		func() {
			defer func() {
				r, _ := recover().(string)
				if !strings.HasPrefix(r, "dgram: "+strings.TrimPrefix(name, "nil ")) {
					t.Errorf("%s: panic %q, want one naming the method", name, r)
				}
			}()
			on()
		}()
	}
	var zero Socket
	for name, err := range map[string]error{
		"nil Bind":   (*Socket)(nil).Bind(0, "", nil),
		"nil Send":   (*Socket)(nil).Send("x", 9, "", nil),
		"zero Bind":  zero.Bind(0, "", nil),
		"zero Close": zero.Close(nil),
	} {
		wantCode(t, name, err, ErrInvalidThis)
	}
}

// A binding's hold never reorders what the program sent: a datagram sent
// on another socket after one a held socket sent goes out after it.
func TestHeldSendsKeepOrderAcrossSockets(t *testing.T) {
	_, srv, port := boundSocket(t, "udp4", "127.0.0.1")
	a, _, _ := boundSocket(t, "udp4", "127.0.0.1")
	b, _, _ := boundSocket(t, "udp4", "127.0.0.1")
	for i := 0; i < 20; i++ {
		a.holdSends()
		a.Send("a", port, "127.0.0.1", nil)
		b.Send("b", port, "127.0.0.1", nil) // writes a's held datagram first
		a.Send("c", port, "127.0.0.1", nil)
		a.releaseSends()
		srv.expect(t, "message:a", "message:b", "message:c")
	}
	if n := heldSockets.n.Load(); n != 0 {
		t.Fatalf("%d sockets still held", n)
	}
}
