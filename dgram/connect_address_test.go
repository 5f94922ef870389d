package dgram

import (
	"net"
	"testing"
)

// TestAddressAfterConnect: a socket that connect bound implicitly (to the
// wildcard address) reports the local address the system chose for its
// peer, as Node's address() (getsockname) does, not the wildcard.
func TestAddressAfterConnect(t *testing.T) {
	peer, err := net.ListenUDP("udp4", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	if err != nil {
		t.Fatal(err)
	}
	defer peer.Close()
	s, err := CreateSocketType("udp4", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close(nil)
	if err := s.Connect(peer.LocalAddr().(*net.UDPAddr).Port, "127.0.0.1", nil); err != nil {
		t.Fatal(err)
	}
	a, err := s.Address()
	if err != nil {
		t.Fatal(err)
	}
	if a.Address.String() != "127.0.0.1" || a.Port == 0 {
		t.Fatalf("Address() after connect = %v, want 127.0.0.1 and the port the system chose", a)
	}
}
