package dgramjs

import "github.com/dop251/goja"

// closeOrder emits the sockets' 'close' events in the order the script
// called close(), across sockets, as Node does (each close() emits
// 'close' on a tick of its own, in call order; net-snmp closes a session
// and then an agent and prints both). The core emits a socket's 'close'
// from that socket's own goroutine once the work posted before it ran,
// so two sockets' events reach the loop in either order: each waits here
// for the 'close' of every socket closed before it. It runs on the loop.
type closeOrder struct {
	queue []*socket // close() called, 'close' not emitted yet, in call order
}

// closeCall is a script's successful close() of s.
func (o *closeOrder) closeCall(s *socket) {
	s.closeQueued = true
	o.queue = append(o.queue, s)
}

// arrived is the core's 'close' of s, with its arguments: it is emitted
// now when no socket closed earlier still waits, else when they all were.
// A socket the script did not close (the host closes what a script left
// open) emits at once.
func (o *closeOrder) arrived(s *socket, vals func() []goja.Value) error {
	if !s.closeQueued {
		return s.emit("close", vals)
	}
	s.closeVals = vals
	return o.flush(s.m.h)
}

// flush emits the waiting 'close' events that are due, in call order. A
// listener that throws ends this turn; the rest come in a turn of their
// own.
func (o *closeOrder) flush(h *host) error {
	for len(o.queue) > 0 && o.queue[0].closeVals != nil {
		head := o.queue[0]
		o.queue[0] = nil
		o.queue = o.queue[1:]
		if err := head.emit("close", head.closeVals); err != nil {
			h.post(func() error { return o.flush(h) })
			return err
		}
	}
	return nil
}
