// Command echo-client sends datagrams to an echo server and prints each
// echo with its rinfo.
//
//	echo-client -port 41234 -count 3
//
// It exits 0 once every echo arrived, 1 after -timeout.
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/dgramkit/dgramkit/dgram"
)

func main() {
	port := flag.Int("port", 41234, "server port")
	address := flag.String("address", "127.0.0.1", "server address")
	count := flag.Int("count", 3, "datagrams to send")
	timeout := flag.Duration("timeout", 10*time.Second, "give up after this long")
	flag.Parse()

	done := make(chan error, 1)
	echoed := 0
	var client *dgram.Socket
	client, err := dgram.CreateSocketType("udp4", func(msg []byte, rinfo dgram.RemoteInfo) {
		fmt.Printf("client got: %s from %v:%d (%s, %d bytes)\n", msg, rinfo.Address, rinfo.Port, rinfo.Family, rinfo.Size)
		if echoed++; echoed == *count {
			client.Close(func() { done <- nil })
		}
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "echo-client:", err)
		os.Exit(2)
	}
	client.OnError(func(err error) { done <- err })
	for i := 1; i <= *count; i++ {
		msg := fmt.Sprintf("Hello IoT.js #%d", i)
		err := client.Send(msg, *port, *address, func(err error, n int) {
			if err != nil {
				done <- err
			}
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, "echo-client:", err)
			os.Exit(2)
		}
	}
	select {
	case err = <-done:
	case <-time.After(*timeout):
		err = fmt.Errorf("timed out after %v with %d of %d echoes", *timeout, echoed, *count)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "echo-client:", err)
		os.Exit(1)
	}
}
