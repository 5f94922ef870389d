package backpressure

import (
	"testing"
	"time"
)

// A reader waits once every slot is taken, and goes on when the host
// releases one.
func TestAcquireWaitsForRelease(t *testing.T) {
	g := New(2)
	if !g.Acquire() || !g.Acquire() {
		t.Fatal("Acquire failed with free slots")
	}
	got := make(chan bool)
	go func() { got <- g.Acquire() }()
	select {
	case <-got:
		t.Fatal("Acquire returned with no free slot")
	case <-time.After(50 * time.Millisecond): // a negative check: nothing may arrive
	}
	g.Release()
	select {
	case ok := <-got:
		if !ok {
			t.Fatal("Acquire failed after a release")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Acquire still waiting after a release")
	}
}

// Close wakes a waiting reader with false, and later Acquires fail at once.
func TestCloseWakesReader(t *testing.T) {
	g := New(1)
	g.Acquire()
	got := make(chan bool)
	go func() { got <- g.Acquire() }()
	g.Close()
	select {
	case ok := <-got:
		if ok {
			t.Fatal("Acquire succeeded on a closed gate")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Close did not wake the reader")
	}
	if g.Acquire() || !g.Closed() {
		t.Fatal("a closed gate let an event through")
	}
}
