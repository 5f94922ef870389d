package dgramjs

import "github.com/dop251/goja"

// What keeps the loop running besides a socket's handle, as libuv's active
// requests do: a request is held from its call's success until its outcome
// reached the script, whether or not the socket is unref'd (an unref'd
// socket with a send in flight keeps the script running until the send's
// callback ran, as in Node, where the send request is an active libuv
// request). A socket's pending 'listening' and 'connect' are requests too
// (Node's bind and connect wait for an address lookup, a request of their
// own).
//
// A socket closed before its 'listening' was emitted emits nothing but
// 'close': neither 'listening' nor the callbacks of the sends made
// meanwhile, which in Node wait behind the bind and are dropped by close().
// dgramkit writes those datagrams within send(), so that the calls made in
// order take effect in order, across sockets too; only their callbacks,
// which would run after close() returned, are dropped.

// request is a send callback the core will complete.
type request struct {
	s       *socket
	started bool     // the call succeeded: the request holds the loop
	settled bool     // the callback ran or was dropped, or 'close' let it go
	outcome expected // counted by the loop until posted (loop.go)
}

// request makes a request of the call under way on s; it starts holding
// the loop when the call succeeds (done).
func (x *args) request(s *socket) *request {
	r := &request{s: s}
	x.requests = append(x.requests, r)
	return r
}

// start holds the loop for r: its call succeeded.
func (r *request) start() {
	r.started = true
	r.s.requests++
	r.s.m.h.ref()
	r.s.m.h.loop.expect(&r.outcome)
}

// settle lets the loop go of r, once.
func (r *request) settle() {
	if !r.started || r.settled {
		return
	}
	r.settled = true
	if !r.s.requestsGone {
		r.s.requests--
		r.s.m.h.unref()
	}
}

// complete posts r's outcome to the loop, where fn is called with the
// arguments vals builds, unless the socket was closed before its
// 'listening' (see above). It runs on the core's goroutine.
func (r *request) complete(fn goja.Value, vals func() []goja.Value) {
	f, _ := goja.AssertFunction(fn)
	s := r.s
	s.endBatch()
	job := func() error {
		dropped := r.settled || s.unheard
		r.settle()
		if dropped {
			return nil
		}
		_, err := f(s.obj, vals()...)
		return err
	}
	s.m.h.loop.postExpected(&r.outcome, func() { s.m.h.invoke(job) })
}

// awaitEvent holds the loop until the socket's event ('listening' or
// 'connect') is emitted or the socket is closed; *flag is set meanwhile.
func (s *socket) awaitEvent(flag *bool) {
	if !*flag {
		*flag = true
		s.m.h.ref()
	}
}

// eventCame lets the loop go of an awaited event.
func (s *socket) eventCame(flag *bool) {
	if *flag {
		*flag = false
		s.m.h.unref()
	}
}

// releaseRequests lets go of everything the socket still awaits: its
// 'close' was emitted, and nothing of it comes after.
func (s *socket) releaseRequests() {
	s.eventCame(&s.awaitListening)
	s.eventCame(&s.awaitConnect)
	for ; s.requests > 0; s.requests-- {
		s.m.h.unref()
	}
	s.requestsGone = true
}
