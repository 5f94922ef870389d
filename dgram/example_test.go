package dgram_test

import (
	"errors"
	"fmt"
	"net"
	"syscall"

	"github.com/dgramkit/dgramkit/dgram"
)

// listen binds s to an ephemeral port on 127.0.0.1 and waits for
// 'listening'. The wait is on a channel closed by the bindListener: bind
// may return before the socket listens, and a send to its port before then
// could find nobody there.
func listen(s *dgram.Socket) (port int, err error) {
	listening := make(chan struct{})
	failed := make(chan error, 1)
	s.OnError(func(err error) {
		select {
		case failed <- err:
		default:
		}
	})
	if err := s.Bind(0, "127.0.0.1", func() { close(listening) }); err != nil {
		return 0, err
	}
	select {
	case <-listening:
	case err := <-failed:
		return 0, err
	}
	a, err := s.Address()
	return a.Port, err
}

// An echo server and a client on loopback: the server sends every datagram
// back to its sender, the client prints the reply and both close.
func Example() {
	server, _ := dgram.CreateSocketType("udp4", nil)
	server.OnMessage(func(msg []byte, rinfo dgram.RemoteInfo) {
		server.Send(msg, rinfo.Port, rinfo.Address.String(), nil)
	})
	port, err := listen(server)
	if err != nil {
		fmt.Println(err)
		return
	}

	replies := make(chan string, 1)
	client, _ := dgram.CreateSocketType("udp4", func(msg []byte, rinfo dgram.RemoteInfo) {
		replies <- fmt.Sprintf("%s from the server (%s, %d bytes)", msg, rinfo.Family, rinfo.Size)
	})
	// The first send binds the client to a random port.
	client.Send("hello", port, "127.0.0.1", nil)
	fmt.Println(<-replies)

	closed := make(chan struct{}, 2)
	client.Close(func() { closed <- struct{}{} })
	server.Close(func() { closed <- struct{}{} })
	<-closed
	<-closed
	// Output: hello from the server (IPv4, 5 bytes)
}

// A server: the callback of CreateSocketType is the 'message' listener, and
// 'listening' says when datagrams can arrive.
func ExampleCreateSocketType() {
	got := make(chan string, 1)
	server, err := dgram.CreateSocketType("udp4", func(msg []byte, rinfo dgram.RemoteInfo) {
		got <- fmt.Sprintf("server got %q from %v", msg, rinfo.Address)
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer server.Close(nil)
	port, err := listen(server)
	if err != nil {
		fmt.Println(err)
		return
	}

	conn, err := net.Dial("udp4", fmt.Sprintf("127.0.0.1:%d", port))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer conn.Close()
	conn.Write([]byte("ping"))
	fmt.Println(<-got)
	// Output: server got "ping" from 127.0.0.1
}

// A client with an options struct: the socket binds at its first send, and
// the send callback reports the outcome.
func ExampleCreateSocket() {
	pc, err := net.ListenPacket("udp4", "127.0.0.1:0")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer pc.Close()
	port := pc.LocalAddr().(*net.UDPAddr).Port

	client, err := dgram.CreateSocket(dgram.SocketOptions{Type: "udp4"}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer client.Close(nil)
	sent := make(chan string, 1)
	client.Send("status?", port, "127.0.0.1", func(err error, bytes int) {
		sent <- fmt.Sprintf("sent %d bytes, error %v", bytes, err)
	})
	fmt.Println(<-sent)

	buf := make([]byte, 64)
	n, _, _ := pc.ReadFrom(buf)
	fmt.Printf("received %q\n", buf[:n])
	// Output:
	// sent 7 bytes, error <nil>
	// received "status?"
}

// The send forms: a string, bytes, a list sent as one datagram, a slice of
// a buffer (SendSlice, and SendTo, the legacy name with the same
// arguments). The address "" is 127.0.0.1 for udp4.
func ExampleSocket_Send() {
	got := make(chan string, 4)
	server, _ := dgram.CreateSocketType("udp4", func(msg []byte, _ dgram.RemoteInfo) {
		got <- string(msg)
	})
	defer server.Close(nil)
	port, err := listen(server)
	if err != nil {
		fmt.Println(err)
		return
	}

	client, _ := dgram.CreateSocketType("udp4", nil)
	defer client.Close(nil)
	client.Send("a string", port, "127.0.0.1", nil)
	client.Send([]byte("some bytes"), port, "", nil)
	client.Send([]any{"a list, ", []byte("one datagram")}, port, "", nil)
	client.SendSlice([]byte("<<a slice>>"), 2, 7, port, "", nil)
	for range 4 {
		fmt.Println(<-got)
	}

	// An argument error is returned by the call, and nothing is sent.
	err = client.SendTo([]byte("short"), 3, 10, port, "", nil)
	fmt.Println(err)
	// Output:
	// a string
	// some bytes
	// a list, one datagram
	// a slice
	// RangeError [ERR_BUFFER_OUT_OF_BOUNDS]: "length" is outside of buffer bounds
}

// A multicast receiver joins a group on the interface the operating system
// chooses and hears the datagrams sent to it, its own included while
// multicast loopback is on. (No output is checked: the datagrams leave by
// the default route, which a test on loopback must not use.)
func ExampleSocket_AddMembership() {
	const group = "239.255.0.1"
	got := make(chan string, 1)
	s, _ := dgram.CreateSocket(dgram.SocketOptions{Type: "udp4", ReuseAddr: true}, func(msg []byte, rinfo dgram.RemoteInfo) {
		got <- fmt.Sprintf("%s from %v", msg, rinfo.Address)
	})
	listening := make(chan struct{})
	s.Bind(41234, "", func() { close(listening) })
	<-listening
	if err := s.AddMembership(group, ""); err != nil {
		fmt.Println(err)
		return
	}
	s.SetMulticastLoopback(true)
	s.SetMulticastTTL(1)
	s.Send("hello, group", 41234, group, nil)
	fmt.Println(<-got)
	s.DropMembership(group, "")
	s.Close(nil)
}

// Platform profiles: a socket created for a board's profile obeys the
// seed's support matrix for it, and Supports reads the matrix.
func ExampleSupports() {
	support, note := dgram.Supports(dgram.NuttX, dgram.CallClose)
	fmt.Printf("%v on %v: %v %s\n", dgram.CallClose, dgram.NuttX, support, note)
	support, _ = dgram.Supports(dgram.TizenRT, dgram.CallSetBroadcast)
	fmt.Printf("%v on %v: %v\n", dgram.CallSetBroadcast, dgram.TizenRT, support)

	// A call the profile marks X is refused with ERR_NOT_SUPPORTED_ON_PLATFORM.
	s, _ := dgram.CreateSocket(dgram.SocketOptions{Type: "udp4", Platform: dgram.TizenRT}, nil)
	defer s.Close(nil)
	if _, err := listen(s); err != nil {
		fmt.Println(err)
		return
	}
	err := s.SetBroadcast(true)
	fmt.Println(errors.Is(err, dgram.ErrNotSupportedOnPlatform), err)
	// Output:
	// dgram.Socket.close on NuttX: △ On NuttX/STM32F4-Discovery, close() may block due to a bug in poll().
	// dgram.Socket.setBroadcast on TizenRT: X
	// true Error [ERR_NOT_SUPPORTED_ON_PLATFORM]: dgram.Socket.setBroadcast is not supported on TizenRT
}

// Every error is an *Error: errors.Is matches its Code, the errno behind a
// system error, and net.ErrClosed for a call on a closed socket; errors.As
// gives the details.
func ExampleError() {
	a, _ := dgram.CreateSocketType("udp4", nil)
	defer a.Close(nil)
	port, err := listen(a)
	if err != nil {
		fmt.Println(err)
		return
	}

	// Binding a port in use fails with EADDRINUSE.
	b, _ := dgram.CreateSocketType("udp4", nil)
	// The failure is reported once, by Bind or as 'error': wait for either.
	failed := make(chan error, 1)
	report := func(err error) {
		select {
		case failed <- err:
		default:
		}
	}
	b.OnError(report)
	if err := b.Bind(port, "127.0.0.1", nil); err != nil {
		report(err)
	}
	err = <-failed
	var de *dgram.Error
	if errors.As(err, &de) {
		fmt.Printf("code %s, syscall %s, address %s, port given: %t\n", de.Code, de.Syscall, de.Address, de.Port == port)
	}
	fmt.Println(errors.Is(err, dgram.EADDRINUSE), errors.Is(err, syscall.EADDRINUSE))

	// An argument error is returned at once.
	err = b.Send("x", 70000, "127.0.0.1", nil)
	fmt.Println(errors.Is(err, dgram.ErrSocketBadPort), err)

	// After close, calls fail with ERR_SOCKET_DGRAM_NOT_RUNNING, which is
	// net.ErrClosed too.
	b.Close(nil)
	err = b.Send("x", port, "127.0.0.1", nil)
	fmt.Println(errors.Is(err, net.ErrClosed), err)
	// Output:
	// code EADDRINUSE, syscall bind, address 127.0.0.1, port given: true
	// true true
	// true RangeError [ERR_SOCKET_BAD_PORT]: Port should be > 0 and < 65536. Received type int (70000).
	// true Error [ERR_SOCKET_DGRAM_NOT_RUNNING]: Not running
}

// A listener that is no longer wanted is removed with the function its
// Add*Listener call returned.
func ExampleSocket_AddMessageListener() {
	got := make(chan string, 2)
	server, _ := dgram.CreateSocketType("udp4", func(msg []byte, _ dgram.RemoteInfo) {
		got <- "always: " + string(msg)
	})
	defer server.Close(nil)
	remove := server.AddMessageListener(func(msg []byte, _ dgram.RemoteInfo) {
		got <- "until removed: " + string(msg)
	})
	port, err := listen(server)
	if err != nil {
		fmt.Println(err)
		return
	}
	client, _ := dgram.CreateSocketType("udp4", nil)
	defer client.Close(nil)

	client.Send("one", port, "", nil)
	fmt.Println(<-got)
	fmt.Println(<-got)
	remove()
	client.Send("two", port, "", nil)
	fmt.Println(<-got)
	// Output:
	// always: one
	// until removed: one
	// always: two
}
