//go:build linux

package dgram

import (
	"errors"
	"net/netip"
	"strconv"
	"testing"
	"time"

	"github.com/dgramkit/dgramkit/internal/icmpfault"
)

// The network's errors never end a socket: forged ICMP errors about a
// flow (in the private namespace, netlab.md §8) reach a connected socket
// as an 'error' with syscall recvmsg, as Node reports them, and each time
// the next datagrams from the peer still arrive. An unconnected socket is
// told nothing (Linux reports these only to connected sockets without
// IP_RECVERR) and keeps receiving too. Every fault runs one after the
// other on the same sockets.
func TestReceiveErrorsNeverEndReading(t *testing.T) {
	needSandbox(t)
	for _, typ := range []string{"udp4", "udp6"} {
		for _, connected := range []bool{true, false} {
			t.Run(typ+"/connected="+strconv.FormatBool(connected), func(t *testing.T) {
				receiveErrorsRound(t, typ, connected)
			})
		}
	}
}

func receiveErrorsRound(t *testing.T, typ string, connected bool) {
	loop := "127.0.0.1"
	if typ == "udp6" {
		loop = "::1"
	}
	s := netBound(t, SocketOptions{Type: typ}, 0, loop)
	peer := netBound(t, SocketOptions{Type: typ}, 0, loop)
	if connected {
		if err := s.Connect(peer.port(t), loop, nil); err != nil {
			t.Fatalf("Connect: %v", err)
		}
	}
	ip := netip.MustParseAddr(loop)
	local := netip.AddrPortFrom(ip, uint16(s.port(t)))
	remote := netip.AddrPortFrom(ip, uint16(peer.port(t)))
	faults := 0
	for _, f := range icmpfault.Faults {
		if f.V6 != (typ == "udp6") {
			continue
		}
		faults++
		if err := icmpfault.Send(f, local, remote); err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		if connected {
			select {
			case err := <-s.errs:
				var e *Error
				if !errors.As(err, &e) || string(e.Code) != f.Errno || e.Syscall != "recvmsg" || e.Message != "recvmsg "+f.Errno {
					t.Fatalf("%s: 'error' %#v, want code %s, syscall recvmsg, message \"recvmsg %s\"", f.Name, err, f.Errno, f.Errno)
				}
			case <-time.After(netWaitMax):
				t.Fatalf("%s: no 'error' within %v", f.Name, netWaitMax)
			}
		}
		want := netSeq(f.Name, 3)
		for _, m := range want {
			peer.sendOK(t, m, s.port(t), loop)
		}
		netWait(t, f.Name, want, s)
	}
	if faults == 0 {
		t.Fatal("no fault for " + typ)
	}
	select {
	case err := <-s.errs:
		t.Fatalf("an 'error' more: %v", err)
	default:
	}
}

// The reader's pause after receive errors in a row: none after the first
// two, then from 1 ms doubling up to a second, whatever the count.
func TestErrorPause(t *testing.T) {
	want := []time.Duration{0, 0, 0, time.Millisecond, 2 * time.Millisecond, 4 * time.Millisecond}
	for n, w := range want {
		if got := errorPause(n); got != w {
			t.Errorf("errorPause(%d) = %v, want %v", n, got, w)
		}
	}
	for _, n := range []int{13, 14, 100, 1 << 30} {
		if got := errorPause(n); got != time.Second {
			t.Errorf("errorPause(%d) = %v, want 1s", n, got)
		}
	}
}
