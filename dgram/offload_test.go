package dgram

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"testing"
)

// withOffload sets the GSO and GRO switches for the sockets the test
// opens, and restores them after it.
func withOffload(t *testing.T, gso, gro bool) {
	t.Helper()
	oldGSO, oldGRO := gsoEnabled.Load(), groEnabled.Load()
	gsoEnabled.Store(gso)
	groEnabled.Store(gro)
	t.Cleanup(func() {
		gsoEnabled.Store(oldGSO)
		groEnabled.Store(oldGRO)
	})
}

// offloadModes are the four combinations of GSO and GRO, by name.
var offloadModes = []struct {
	name     string
	gso, gro bool
}{{"gso+gro", true, true}, {"gso", true, false}, {"gro", false, true}, {"plain", false, false}}

// burstDatagram is the i-th datagram of a mixed burst: its receiver (of
// three) and its bytes. The burst has runs of one size to one receiver
// (what GSO sends as one), runs whose last datagram is shorter, runs of
// one receiver with sizes that change, an empty datagram, and now and then
// the largest datagram of the family.
func burstDatagram(i, largest int) (dst int, msg []byte) {
	run, pos := i/9, i%9
	dst = run % 3
	size := 4 + run*37%1400
	switch {
	case run%7 == 3: // sizes change within the run
		size = 4 + (i*131)%900
	case run%5 == 1 && pos == 8: // a shorter last one
		size /= 2
	case run%11 == 6 && pos == 4:
		size = 0
	case i%97 == 50:
		size = largest
	}
	msg = make([]byte, size)
	for j := range msg {
		msg[j] = byte(i + j)
	}
	if size >= 4 {
		binary.BigEndian.PutUint32(msg, uint32(i))
	}
	return dst, msg
}

// A burst of datagrams of mixed sizes to three receivers of one sender
// arrives at each whole, in order and once, with GSO and GRO on and off;
// each send callback gets its own datagram's size, in order. Receivers
// with pooled and copied messages both split coalesced buffers.
func TestOffloadMixedBurst(t *testing.T) {
	const n = 600
	for _, mode := range offloadModes {
		for _, fam := range []struct {
			typ, addr string
			largest   int
		}{{"udp4", "127.0.0.1", 65507}, {"udp6", "::1", 65527}} {
			t.Run(mode.name+"/"+fam.typ, func(t *testing.T) {
				withOffload(t, mode.gso, mode.gro)
				type rec struct {
					data []byte
					from RemoteInfo
				}
				var ports [3]int
				var got [3]chan rec
				for d := range got {
					got[d] = make(chan rec, n)
					ch := got[d]
					srv, err := CreateSocket(SocketOptions{Type: fam.typ, RecvBufferSize: 4 << 20, PooledReceive: d != 1}, func(msg []byte, r RemoteInfo) {
						ch <- rec{bytes.Clone(msg), r}
					})
					if err != nil {
						t.Fatal(err)
					}
					defer srv.Close(nil)
					listening := make(chan struct{})
					srv.Bind(0, fam.addr, func() { close(listening) })
					recv(t, listening)
					a, _ := srv.Address()
					ports[d] = a.Port
				}
				cli := newSocket(t, SocketOptions{Type: fam.typ, SendBufferSize: 4 << 20})
				r := record(cli)
				cli.Bind(0, fam.addr, nil)
				r.expect(t, "listening")
				ca, _ := cli.Address()

				type res struct{ i, n int }
				cbs := make(chan res, n)
				for i := 0; i < n; i++ {
					d, msg := burstDatagram(i, fam.largest)
					if err := cli.Send(msg, ports[d], fam.addr, func(err error, bytes int) {
						if err != nil {
							t.Errorf("datagram %d: %v", i, err)
						}
						cbs <- res{i, bytes}
					}); err != nil {
						t.Fatal(err)
					}
				}
				for i := 0; i < n; i++ {
					c := recv(t, cbs)
					_, msg := burstDatagram(i, fam.largest)
					if c.i != i || c.n != len(msg) {
						t.Fatalf("callback %d (%d bytes) came as number %d (%d bytes)", c.i, c.n, i, len(msg))
					}
				}
				for i := 0; i < n; i++ {
					d, msg := burstDatagram(i, fam.largest)
					m := recv(t, got[d])
					if !bytes.Equal(m.data, msg) {
						t.Fatalf("receiver %d, datagram %d: got %d bytes %x..., want %d bytes %x...", d, i,
							len(m.data), m.data[:min(8, len(m.data))], len(msg), msg[:min(8, len(msg))])
					}
					if m.from.Size != len(msg) || m.from.Port != ca.Port || m.from.Address != ca.Address || m.from.Family != ca.Family {
						t.Fatalf("receiver %d, datagram %d: rinfo %+v, want %d bytes from %v", d, i, m.from, len(msg), fmtAddr(ca))
					}
				}
				for d := range got {
					if len(got[d]) != 0 {
						t.Fatalf("receiver %d: %d datagrams more than sent", d, len(got[d]))
					}
				}
			})
		}
	}
}

// An error in a burst (EMSGSIZE: one datagram over the udp4 limit, amid
// runs GSO would send as one) reaches that datagram's callback only, with
// GSO on and off.
func TestOffloadSendError(t *testing.T) {
	for _, mode := range []struct{ gso, gro bool }{{true, true}, {false, false}} {
		t.Run(fmt.Sprint("gso=", mode.gso), func(t *testing.T) {
			withOffload(t, mode.gso, mode.gro)
			_, r, port := boundSocket(t, "udp4", "127.0.0.1")
			cli, _, _ := boundSocket(t, "udp4", "127.0.0.1")
			const n, bad = 200, 130
			type res struct {
				i   int
				err error
				n   int
			}
			out := make(chan res, n)
			msg := []byte("0123456789")
			for i := 0; i < n; i++ {
				m := msg
				if i == bad {
					m = make([]byte, 65508)
				}
				if err := cli.Send(m, port, "127.0.0.1", func(err error, n int) { out <- res{i, err, n} }); err != nil {
					t.Fatal(err)
				}
			}
			for i := 0; i < n; i++ {
				c := recv(t, out)
				if c.i != i {
					t.Fatalf("callback %d came as number %d", c.i, i)
				}
				if i == bad {
					wantCode(t, "the huge datagram", c.err, EMSGSIZE)
					if c.n != 0 {
						t.Fatalf("huge datagram: %d bytes", c.n)
					}
				} else if c.err != nil || c.n != len(msg) {
					t.Fatalf("datagram %d: %v, %d bytes", i, c.err, c.n)
				}
			}
			for i := 0; i < n-1; i++ {
				if ev := r.next(t); ev != "message:"+string(msg) {
					t.Fatalf("event %d: %.30q", i, ev)
				}
			}
		})
	}
}
