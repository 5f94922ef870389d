package dgram

import (
	"fmt"
	"testing"
)

// The seed's examples that need no multicast or broadcast, translated to
// Go line for line. They use the seed's fixed ports: the tests run in a
// network namespace of their own (see TestMain).

// The module example: a server that prints what it gets.
func TestSeedServerExample(t *testing.T) {
	var log = make(chan string, 8)
	server, err := CreateSocketType("udp4", nil)
	if err != nil {
		t.Fatal(err)
	}
	server.OnError(func(err error) {
		log <- "Error: " + err.Error()
		server.Close(nil)
	})
	server.OnMessage(func(msg []byte, rinfo RemoteInfo) {
		log <- "server got: " + string(msg)
	})
	server.OnListening(func() {
		a, _ := server.Address()
		log <- fmt.Sprint("server listening at ", a.Port)
	})
	if err := server.Bind(41234, "", nil); err != nil {
		t.Fatal(err)
	}
	defer server.Close(nil)
	if got := recv(t, log); got != "server listening at 41234" {
		t.Fatal(got)
	}
	client, _ := CreateSocketType("udp4", nil)
	defer client.Close(nil)
	client.Send("message received", 41234, "", nil)
	if got := recv(t, log); got != "server got: message received" {
		t.Fatal(got)
	}
}

// createSocket(options) and createSocket(type).
func TestSeedCreateSocketExamples(t *testing.T) {
	server, err := CreateSocket(SocketOptions{Type: "udp4", ReuseAddr: true}, nil)
	if err != nil || server == nil {
		t.Fatal(err)
	}
	server.Close(nil)
	server, err = CreateSocketType("udp4", nil)
	if err != nil || server == nil {
		t.Fatal(err)
	}
	server.Close(nil)
}

// address(): inside 'listening', the bound address and port.
func TestSeedAddressExample(t *testing.T) {
	server, _ := CreateSocketType("udp4", nil)
	defer server.Close(nil)
	got := make(chan string, 1)
	server.OnListening(func() {
		address, _ := server.Address()
		got <- fmt.Sprintf("Addr: %v port: %d", address.Address, address.Port)
	})
	server.Bind(12345, "", nil)
	if g := recv(t, got); g != "Addr: 0.0.0.0 port: 12345" {
		t.Fatal(g)
	}
}

// bind(port, bindListener) and bind(options, bindListener).
func TestSeedBindExamples(t *testing.T) {
	for _, bind := range []func(s *Socket, cb ListeningListener) error{
		func(s *Socket, cb ListeningListener) error { return s.Bind(12345, "", cb) },
		func(s *Socket, cb ListeningListener) error { return s.BindOptions(BindOptions{Port: 12345}, cb) },
	} {
		socket, _ := CreateSocket(SocketOptions{Type: "udp4", ReuseAddr: true}, nil)
		got := make(chan string, 1)
		if err := bind(socket, func() { got <- "Listening for packets" }); err != nil {
			t.Fatal(err)
		}
		if g := recv(t, got); g != "Listening for packets" {
			t.Fatal(g)
		}
		closed := make(chan struct{})
		socket.Close(func() { close(closed) })
		recv(t, closed)
	}
}

// close(closeListener) on a socket that was never bound.
func TestSeedCloseExample(t *testing.T) {
	socket, _ := CreateSocket(SocketOptions{Type: "udp4", ReuseAddr: true}, nil)
	got := make(chan string, 1)
	socket.Close(func() { got <- "Socket is closed" })
	if g := recv(t, got); g != "Socket is closed" {
		t.Fatal(g)
	}
}
