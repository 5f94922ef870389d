//go:build linux

package dgram

// The seed's examples for the option setters, translated: each binds port
// 41237 on 0.0.0.0 with reuseAddr and calls the setter in the bind
// callback. They run in the private network namespace, like every test
// that binds the wildcard address to a fixed port for multicast or
// broadcast.
//
//	var socket = dgram.createSocket({ type: 'udp4', reuseAddr: true });
//	var port = 41237;
//	socket.bind(port, function() {
//	  socket.setBroadcast(true);   // or setMulticastLoopback(true), setMulticastTTL(1), setTTL(64)
//	});

import (
	"testing"
	"time"
)

// netSeedSetter runs the seed's example for one setter and returns what
// the setter returned in the bind callback.
func netSeedSetter(t *testing.T, set func(*Socket) error) {
	t.Helper()
	needSandbox(t)
	const port = 41237
	s, err := CreateSocket(SocketOptions{Type: "udp4", ReuseAddr: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	socket := netWrap(t, s)
	done := make(chan error, 1)
	if err := socket.Bind(port, "", func() { done <- set(s) }); err != nil {
		t.Fatalf("Bind: %v", err)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("setter in the bind callback: %v", err)
		}
	case err := <-socket.errs:
		t.Fatalf("'error' %v", err)
	case <-time.After(netWaitMax):
		t.Fatalf("no 'listening' within %v", netWaitMax)
	}
	if a, err := socket.Address(); err != nil || a.Port != port || a.Address.String() != "0.0.0.0" {
		t.Errorf("Address() = %+v, %v; want 0.0.0.0:%d", a, err, port)
	}
}

func TestSeedSetBroadcast(t *testing.T) {
	netSeedSetter(t, func(s *Socket) error { return s.SetBroadcast(true) })
}

func TestSeedSetMulticastLoopback(t *testing.T) {
	netSeedSetter(t, func(s *Socket) error { return s.SetMulticastLoopback(true) })
}

func TestSeedSetMulticastTTL(t *testing.T) {
	netSeedSetter(t, func(s *Socket) error { return s.SetMulticastTTL(1) })
}

func TestSeedSetTTL(t *testing.T) {
	netSeedSetter(t, func(s *Socket) error { return s.SetTTL(64) })
}
