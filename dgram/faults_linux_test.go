//go:build linux

package dgram

import (
	"runtime"
	"sync/atomic"
	"testing"
	"time"
)

// The faults of issue 6 that need the private network namespace
// (netns_linux_test.go): a broadcast address of its own, and an interface
// to take down.

// EACCES: a send to a broadcast address without setBroadcast(true) fails
// in its callback, and the socket goes on working; with it, it is sent.
func TestFaultBroadcastWithoutSetBroadcast(t *testing.T) {
	needSandbox(t)
	s, r, _ := boundSocket(t, "udp4", netSandboxIP.String())
	_ = r
	res := sendWait(t, s, "b", 41999, netSandboxBrd.String())
	wantCode(t, "broadcast send without setBroadcast", res.err, EACCES)
	if err := s.SetBroadcast(true); err != nil {
		t.Fatal(err)
	}
	if res := sendWait(t, s, "b", 41999, netSandboxBrd.String()); res.err != nil {
		t.Fatalf("broadcast send after setBroadcast(true): %v", res.err)
	}
}

// The interface a socket is bound to goes down, and comes back: sends fail
// with a spec code or are lost (never a crash, never an 'error' event that
// ends the socket), and once it is up again the socket works. Then the
// interface is deleted under the bound socket, which still closes cleanly.
func TestFaultInterfaceDown(t *testing.T) {
	needSandbox(t)
	base := runtime.NumGoroutine()
	for _, args := range [][]string{
		{"link", "add", "dgf0", "type", "veth", "peer", "name", "dgf1"},
		{"addr", "add", "10.201.0.1/24", "dev", "dgf0"},
		{"link", "set", "dgf0", "up"},
		{"link", "set", "dgf1", "up"},
	} {
		if err := netIP(args...); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() { netIP("link", "del", "dgf0") })
	s, r, port := boundSocket(t, "udp4", "10.201.0.1")
	var errs atomic.Int64
	s.OnError(func(error) { errs.Add(1) })
	sendWait(t, s, "up", port, "10.201.0.1")
	r.expect(t, "message:up")

	if err := netIP("link", "set", "dgf0", "down"); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 5; i++ {
		res := sendWait(t, s, "down", port, "10.201.0.1")
		if res.err != nil && errCode(res.err) == "?" {
			t.Fatalf("send while down: %v is not a spec error", res.err)
		}
		res = sendWait(t, s, "down", 9, "10.201.0.2")
		if res.err != nil && errCode(res.err) == "?" {
			t.Fatalf("send while down: %v is not a spec error", res.err)
		}
	}
	if _, err := s.Address(); err != nil {
		t.Fatalf("address() while down: %v", err)
	}
	if err := netIP("link", "set", "dgf0", "up"); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(waitLimit)
	for {
		sendWait(t, s, "again", port, "10.201.0.1")
		select {
		case ev := <-r.ch:
			if ev == "message:again" {
				goto back
			}
			if ev != "message:down" {
				t.Fatalf("event %s after the interface came back", ev)
			}
		case <-time.After(100 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatal("the socket does not receive after its interface came back up")
		}
	}
back:
	if err := netIP("link", "del", "dgf0"); err != nil {
		t.Fatal(err)
	}
	res := sendWait(t, s, "gone", port, "10.201.0.1")
	if res.err != nil && errCode(res.err) == "?" {
		t.Fatalf("send after the interface was deleted: %v is not a spec error", res.err)
	}
	done := make(chan struct{})
	s.OnClose(func() { close(done) })
	if err := s.Close(nil); err != nil {
		t.Fatal(err)
	}
	recv(t, done)
	if n := errs.Load(); n != 0 {
		t.Logf("%d 'error' events while the interface was down", n)
	}
	goroutinesBack(t, base, 0)
}
