// Package backpressure bounds what waits between a socket's reader and a
// host that runs its events on a thread of its own (the JavaScript loop,
// the C poll queue). The reader takes a slot before it hands an event
// over and waits while none is free, so that a host that falls behind
// stops the reading: the kernel's receive buffer fills and drops, as it
// does under Node, and the process's memory does not grow with what peers
// send.
package backpressure

import "sync"

// Slots is the bound of a socket's Gate: the events a host may have
// waiting. It is small (a burst of recvmmsg batches) and fixed: with the
// largest datagrams it is 64 x 64 KiB.
const Slots = 64

// Gate counts the events a reader handed to a host that the host has not
// run yet. Its zero value is not usable: make one with New.
type Gate struct {
	mu     sync.Mutex
	cond   sync.Cond
	free   int
	closed bool
}

// New returns a gate with n free slots.
func New(n int) *Gate {
	g := &Gate{free: n}
	g.cond.L = &g.mu
	return g
}

// Acquire takes a slot, waiting while none is free. It returns false,
// without a slot, once the gate is closed: the event is to be dropped.
func (g *Gate) Acquire() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	for g.free == 0 && !g.closed {
		g.cond.Wait()
	}
	if g.closed {
		return false
	}
	g.free--
	return true
}

// TryAcquire takes a slot if one is free, without waiting: ok says it
// took one; closed says the gate is closed (and no slot was taken).
func (g *Gate) TryAcquire() (ok, closed bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.closed {
		return false, true
	}
	if g.free == 0 {
		return false, false
	}
	g.free--
	return true, false
}

// Release gives back the slot of an event the host ran or dropped.
func (g *Gate) Release() {
	g.mu.Lock()
	g.free++
	g.mu.Unlock()
	g.cond.Signal()
}

// Close wakes a waiting reader and makes every later Acquire fail: the
// socket was closed, and what it reads from now on is dropped.
func (g *Gate) Close() {
	g.mu.Lock()
	g.closed = true
	g.mu.Unlock()
	g.cond.Broadcast()
}

// Closed reports whether Close was called.
func (g *Gate) Closed() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.closed
}
