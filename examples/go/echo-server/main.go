// Command echo-server is the seed's UDP server example in Go: it prints
// every datagram it receives with its rinfo and sends it back.
//
//	echo-server -port 41234 -count 3
//
// It prints "server listening at ADDRESS:PORT" first (port 0 picks a free
// port), and exits after -count datagrams, or after -timeout.
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/dgramkit/dgramkit/dgram"
)

func main() {
	port := flag.Int("port", 41234, "port to bind; 0 lets the system choose")
	address := flag.String("address", "127.0.0.1", "address to bind")
	count := flag.Int("count", 0, "exit after this many datagrams; 0 runs until -timeout")
	timeout := flag.Duration("timeout", 30*time.Second, "exit after this long")
	flag.Parse()

	done := make(chan error, 1)
	received := 0
	var server *dgram.Socket
	server, err := dgram.CreateSocketType("udp4", func(msg []byte, rinfo dgram.RemoteInfo) {
		fmt.Printf("server got: %s from %v:%d (%s, %d bytes)\n", msg, rinfo.Address, rinfo.Port, rinfo.Family, rinfo.Size)
		if err := server.Send(msg, rinfo.Port, rinfo.Address.String(), nil); err != nil {
			done <- err
			return
		}
		if received++; *count > 0 && received == *count {
			server.Close(nil)
		}
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "echo-server:", err)
		os.Exit(2)
	}
	server.OnError(func(err error) {
		fmt.Println("Error: " + err.Error())
		server.Close(nil)
		done <- err
	})
	server.OnListening(func() {
		a, _ := server.Address()
		fmt.Printf("server listening at %v:%d\n", a.Address, a.Port)
	})
	server.OnClose(func() { done <- nil })
	if err := server.Bind(*port, *address, nil); err != nil {
		fmt.Fprintln(os.Stderr, "echo-server:", err)
		os.Exit(2)
	}
	select {
	case err = <-done:
	case <-time.After(*timeout):
		err = fmt.Errorf("timed out after %v with %d datagrams", *timeout, received)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "echo-server:", err)
		os.Exit(1)
	}
}
