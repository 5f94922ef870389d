// Command benchmem is the Go API's side of make bench's memory row
// (examples/bench/run/memory.go; node/memory.js and c/memory.c are the
// others): resident memory per bound socket that receives now and then.
//
//	benchmem [sockets=2000] [cycles=3] [lifetime=S]
//
// It prints BASE, then per cycle creates the sockets (udp4, bound to
// 127.0.0.1:0), sends each three tiny datagrams from one socket of its own,
// prints LOADED once all of them arrived, closes every socket, prints
// CLOSED once every 'close' was emitted, and pauses 300 ms after each line
// (the runner reads the process's VmRSS then); RESULT {} at the end. Every
// loop is bounded in count and time.
package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dgramkit/dgramkit/dgram"
)

func main() {
	opts := map[string]int{"sockets": 2000, "cycles": 3, "lifetime": 120}
	for _, kv := range os.Args[1:] {
		k, v, _ := strings.Cut(kv, "=")
		n, err := strconv.Atoi(v)
		if err != nil {
			fail(fmt.Errorf("%s: %v", kv, err))
		}
		opts[k] = n
	}
	time.AfterFunc(time.Duration(opts["lifetime"])*time.Second, func() { fail(fmt.Errorf("gave up after %d s", opts["lifetime"])) })
	n := opts["sockets"]
	sender, err := dgram.CreateSocketType("udp4", nil)
	if err != nil {
		fail(err)
	}
	if err := sender.Bind(0, "127.0.0.1", nil); err != nil {
		fail(err)
	}
	mark("BASE")
	for cycle := 0; cycle < opts["cycles"]; cycle++ {
		var got atomic.Int64
		all := make(chan struct{})
		socks := make([]*dgram.Socket, n)
		for i := range socks {
			s, err := dgram.CreateSocketType("udp4", func([]byte, dgram.RemoteInfo) {
				if got.Add(1) == int64(3*n) {
					close(all)
				}
			})
			if err != nil {
				fail(err)
			}
			if err := s.Bind(0, "127.0.0.1", nil); err != nil {
				fail(err)
			}
			a, err := s.Address()
			if err != nil {
				fail(err)
			}
			for k := 0; k < 3; k++ {
				sender.Send("x", a.Port, "127.0.0.1", nil)
			}
			socks[i] = s
		}
		<-all
		mark("LOADED")
		var closed sync.WaitGroup
		closed.Add(n)
		for _, s := range socks {
			s.Close(closed.Done)
		}
		closed.Wait()
		mark("CLOSED")
	}
	fmt.Println("RESULT {}")
}

// mark prints what the process just reached and pauses for the runner.
func mark(what string) {
	fmt.Println(what)
	time.Sleep(300 * time.Millisecond)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "benchmem:", err)
	os.Exit(2)
}
