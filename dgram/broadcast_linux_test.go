//go:build linux

package dgram

// Broadcast for real, in the private network namespace: 255.255.255.255
// from sockets bound to 0.0.0.0 would leave on a host interface anywhere
// else (netlab §1.3), so these tests only run there.

import (
	"errors"
	"syscall"
	"testing"
	"time"
)

// TestBroadcast is the seed's broadcast shape (IoT.js's
// test_dgram_broadcast.js): three sockets with reuseAddr bind
// 0.0.0.0:41237; without setBroadcast(true) a send to a broadcast address
// fails with EACCES in its callback; with it, every socket (the sender
// too) receives every datagram; setBroadcast(false) brings EACCES back.
// Both the limited broadcast 255.255.255.255 and dg0's subnet broadcast
// 10.200.0.255.
func TestBroadcast(t *testing.T) {
	needSandbox(t)
	const port = 41237
	var socks []*netSock
	for range 3 {
		socks = append(socks, netBound(t, SocketOptions{Type: "udp4", ReuseAddr: true}, port, ""))
	}
	sender := socks[0]

	for _, dst := range []string{"255.255.255.255", netSandboxBrd.String()} {
		t.Run(dst, func(t *testing.T) {
			netBroadcastDenied(t, sender, "before setBroadcast(true)", port, dst)

			if err := sender.SetBroadcast(true); err != nil {
				t.Fatalf("SetBroadcast(true): %v", err)
			}
			msgs := netSeq("broadcast "+dst, 3)
			for _, m := range msgs {
				sender.sendOK(t, m, port, dst)
			}
			got := netWait(t, "setBroadcast(true)", msgs, socks...)
			want := RemoteInfo{Address: netSandboxIP, Family: "IPv4", Port: port, Size: len(msgs[0])}
			if r := got[1][0].rinfo; r != want {
				t.Errorf("rinfo = %+v, want %+v", r, want)
			}

			if err := sender.SetBroadcast(false); err != nil {
				t.Fatalf("SetBroadcast(false): %v", err)
			}
			netBroadcastDenied(t, sender, "after setBroadcast(false)", port, dst)
		})
	}
	netNothing(t, "after the last send", socks...)
}

// netBroadcastDenied asserts that a send to the broadcast address dst
// fails with EACCES, reported to the send callback as Node words it.
func netBroadcastDenied(t *testing.T, s *netSock, when string, port int, dst string) {
	t.Helper()
	err, n := s.send(t, "denied", port, dst)
	if err == nil {
		t.Fatalf("%s: send to %s succeeded (%d bytes), want EACCES", when, dst, n)
	}
	netWantSysErr(t, when+": send to "+dst, err, EACCES, "send EACCES "+dst+":41237")
	if !errors.Is(err, syscall.EACCES) {
		t.Errorf("%s: %v does not match syscall.EACCES", when, err)
	}
	var e *Error
	if errors.As(err, &e) && (e.Syscall != "send" || e.Address != dst || e.Port != port) {
		t.Errorf("%s: Error{Syscall %q, Address %q, Port %d}, want send, %s, %d", when, e.Syscall, e.Address, e.Port, dst, port)
	}
	if n != 0 {
		t.Errorf("%s: callback bytes = %d, want 0", when, n)
	}
}

// TestBroadcastSeedSetBroadcast is the seed's setBroadcast and send
// examples together:
//
//	var socket = dgram.createSocket({ type: 'udp4', reuseAddr: true });
//	socket.bind(port, function() {
//	  socket.setBroadcast(true);
//	  socket.send('Hello IoT.js', port, broadcast_address);
//	});
//
// The socket receives its own broadcast.
func TestBroadcastSeedSetBroadcast(t *testing.T) {
	needSandbox(t)
	const port, broadcastAddress = 41237, "255.255.255.255"
	s, err := CreateSocket(SocketOptions{Type: "udp4", ReuseAddr: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	socket := netWrap(t, s)
	done := make(chan [3]error, 1) // SetBroadcast, Send, the send callback
	if err := socket.Bind(port, "", func() {
		setErr := socket.SetBroadcast(true)
		var sendErr error
		sendErr = socket.Send("Hello IoT.js", port, broadcastAddress, func(err error, _ int) {
			done <- [3]error{setErr, sendErr, err}
		})
		if sendErr != nil {
			done <- [3]error{setErr, sendErr, nil}
		}
	}); err != nil {
		t.Fatalf("Bind: %v", err)
	}
	select {
	case r := <-done:
		if r != [3]error{} {
			t.Fatalf("in the bind callback: SetBroadcast(true) = %v, Send = %v, send callback = %v", r[0], r[1], r[2])
		}
	case err := <-socket.errs:
		t.Fatalf("'error' %v", err)
	case <-time.After(netWaitMax):
		t.Fatalf("no send callback within %v", netWaitMax)
	}
	netWait(t, "own broadcast", []string{"Hello IoT.js"}, socket)
}
