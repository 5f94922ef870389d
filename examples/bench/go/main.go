// Command benchgo runs the benchmark's workloads (examples/bench/node/bench.js
// describes the roles and their output) on three Go implementations:
//
//	benchgo raw ROLE key=value...       net.UDPConn, ReadFromUDPAddrPort/WriteToUDPAddrPort
//	benchgo xnet ROLE key=value...      golang.org/x/net/ipv4 ReadBatch/WriteBatch (recvmmsg/sendmmsg)
//	benchgo dgramkit ROLE key=value...  dgramkit's Go API, with the pooled receive path
//	benchgo dgramkit-copy ROLE ...      dgramkit's Go API, the plain (copying) 'message' path
//
// cpuprofile=FILE and memprofile=FILE (any role) write pprof profiles;
// memprofile records every allocation. Every loop is bounded in count and
// time, and every address is 127.0.0.1.
package main

import (
	"encoding/json"
	"fmt"
	"net"
	"net/netip"
	"os"
	"os/signal"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"
)

var (
	loopback = netip.MustParseAddr("127.0.0.1")
	opts     = map[string]string{}
)

func arg(name string, def int) int {
	v, ok := opts[name]
	if !ok {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		fail(fmt.Errorf("%s=%q: %v", name, v, err))
	}
	return n
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "benchgo:", err)
	os.Exit(2)
}

func result(v any) {
	b, _ := json.Marshal(v)
	fmt.Printf("RESULT %s\n", b)
}

// impl is one implementation's roles.
type impl interface {
	echoServer(stop <-chan struct{})
	sink(rcvbuf, count int, idle time.Duration)
	echoClient(port, size, inflight int, warm, measure time.Duration)
	pingClient(port, size, n, warm int)
	blast(port, size, n int)
}

func main() {
	if len(os.Args) < 3 {
		fail(fmt.Errorf("usage: benchgo raw|xnet|dgramkit|dgramkit-copy ROLE key=value..."))
	}
	name, role := os.Args[1], os.Args[2]
	for _, kv := range os.Args[3:] {
		k, v, _ := strings.Cut(kv, "=")
		opts[k] = v
	}
	var im impl
	switch name {
	case "raw":
		im = rawImpl{}
	case "xnet":
		im = xnetImpl{}
	case "dgramkit":
		im = dgramkitImpl{pooled: true}
	case "dgramkit-copy":
		im = dgramkitImpl{}
	default:
		fail(fmt.Errorf("unknown implementation %q", name))
	}
	if f := opts["cpuprofile"]; f != "" {
		out, err := os.Create(f)
		if err != nil {
			fail(err)
		}
		pprof.StartCPUProfile(out)
		defer pprof.StopCPUProfile()
	}
	if opts["memprofile"] != "" {
		runtime.MemProfileRate = 1
	}
	lifetime := time.Duration(arg("lifetime", 120)) * time.Second
	guard := time.AfterFunc(lifetime, func() {
		fmt.Fprintf(os.Stderr, "benchgo %s %s: gave up after %v\n", name, role, lifetime)
		os.Exit(3)
	})
	defer guard.Stop()

	ms := func(k string, def int) time.Duration { return time.Duration(arg(k, def)) * time.Millisecond }
	switch role {
	case "echo-server":
		stop := make(chan struct{})
		sig := make(chan os.Signal, 1)
		signal.Notify(sig, syscall.SIGTERM, os.Interrupt)
		go func() { <-sig; close(stop) }()
		im.echoServer(stop)
	case "sink":
		im.sink(arg("rcvbuf", 0), arg("count", 1000000), ms("idle", 500))
	case "echo-client":
		im.echoClient(arg("port", 0), arg("size", 64), arg("inflight", 64), ms("warm", 500), ms("measure", 3000))
	case "ping-client":
		im.pingClient(arg("port", 0), arg("size", 64), arg("n", 50000), arg("warm", 1000))
	case "blast":
		im.blast(arg("port", 0), arg("size", 64), arg("n", 1000000))
	default:
		fail(fmt.Errorf("unknown role %q", role))
	}
	if f := opts["memprofile"]; f != "" {
		out, err := os.Create(f)
		if err != nil {
			fail(err)
		}
		pprof.Lookup("allocs").WriteTo(out, 0)
		out.Close()
	}
}

// listen binds a UDP socket on 127.0.0.1, port 0, with a receive buffer of
// rcvbuf bytes when rcvbuf > 0.
func listen(rcvbuf int) *net.UDPConn {
	c, err := net.ListenUDP("udp4", net.UDPAddrFromAddrPort(netip.AddrPortFrom(loopback, 0)))
	if err != nil {
		fail(err)
	}
	if rcvbuf > 0 {
		if err := c.SetReadBuffer(rcvbuf); err != nil {
			fail(err)
		}
	}
	return c
}

func printPort(port int) { fmt.Printf("PORT %d\n", port) }

func localPort(c *net.UDPConn) int { return int(c.LocalAddr().(*net.UDPAddr).Port) }

// window runs an echo client's measurement: after warm it prints START and
// notes the count, after measure END, and returns the messages and seconds
// counted in between.
func window(count *atomic.Int64, warm, measure time.Duration) {
	time.Sleep(warm)
	n0, t0 := count.Load(), time.Now()
	fmt.Println("START")
	time.Sleep(measure)
	n1, t1 := count.Load(), time.Now()
	fmt.Println("END")
	result(map[string]any{"msgs": n1 - n0, "secs": t1.Sub(t0).Seconds()})
}

// sinkCounter counts a sink's datagrams: the first and last arrival.
type sinkCounter struct {
	n           atomic.Int64
	first, last atomic.Int64 // ns since start
	start       time.Time
}

func newSinkCounter() *sinkCounter { return &sinkCounter{start: time.Now()} }

func (c *sinkCounter) add(k int) int64 {
	t := int64(time.Since(c.start))
	if c.n.Load() == 0 {
		c.first.Store(t)
	}
	c.last.Store(t)
	return c.n.Add(int64(k))
}

// wait returns once count datagrams arrived, or idle passed with none after
// the first.
func (c *sinkCounter) wait(count int, idle time.Duration, done <-chan struct{}) {
	tick := time.NewTicker(idle / 5)
	defer tick.Stop()
wait:
	for {
		select {
		case <-done:
			break wait
		case <-tick.C:
			if c.n.Load() > 0 && time.Duration(int64(time.Since(c.start))-c.last.Load()) >= idle {
				break wait
			}
		}
	}
	result(map[string]any{"received": c.n.Load(), "secs": time.Duration(c.last.Load() - c.first.Load()).Seconds()})
}

// pingStats is the RESULT of a ping client.
func pingStats(rtts []time.Duration, lost int, total time.Duration) {
	slices.Sort(rtts)
	pct := func(p float64) float64 {
		return float64(rtts[min(len(rtts)-1, int(p*float64(len(rtts))))]) / 1e3
	}
	result(map[string]any{"n": len(rtts), "lost": lost, "mean_us": float64(total) / float64(len(rtts)) / 1e3,
		"hires": true, "p50_us": pct(0.5), "p99_us": pct(0.99)})
}
