package main

// Event queues: where the callbacks of poll-delivery sockets run. A queue
// is polled by a host thread (dgram_queue_poll; dgram_poll is the default
// queue's), and its descriptor (dgram_queue_event_fd; dgram_event_fd) is
// an epoll set over its sockets and an eventfd: the polling thread reads
// the ready sockets itself (internal/hostread) and runs their 'message'
// callbacks as it reads them, so the thread that wakes for a datagram is
// the one that runs its callback. The other callbacks (listening, send,
// error, close, connect), which other goroutines produce, wait in the
// queue's list, which wakes the descriptor through the eventfd; the list
// runs before each batch of datagrams, so each socket's events keep their
// order.

/*
#include "dgram.h"
#include "shim.h"
*/
import "C"

import (
	"errors"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"unsafe"

	"github.com/dgramkit/dgramkit/dgram"
	"github.com/dgramkit/dgramkit/internal/corehooks"
	"github.com/dgramkit/dgramkit/internal/hostread"
)

// queue is an event queue.
type queue struct {
	id  int32         // its handle; 0 is the default queue
	set *hostread.Set // its sockets and its wake; its FD is the queue's descriptor

	mu        sync.Mutex
	events    []pollEvent // the callbacks waiting, in the order they came
	spare     []pollEvent // the slice the last run emptied, for reuse
	sockets   map[*entry]struct{}
	destroyed bool
	pending   atomic.Bool // events is not empty

	run  sync.Mutex // held while a thread polls the queue; guards held and ran
	held []*entry   // the sockets whose sends a run of callbacks holds
	ran  int        // the 'message' callbacks the poll under way ran
}

// queues maps live queue handles to their queues. Handles count up from 1
// and are not reused until the counter wraps past 2^31-1; the default
// queue (0) is made on first use.
var queues = struct {
	sync.RWMutex
	m    map[int32]*queue
	next int32
	init sync.Mutex // guards the default queue's creation
}{m: map[int32]*queue{}}

// newQueue makes a queue with handle id; its error is the call's.
func newQueue(call string, id int32) (*queue, C.int) {
	set, err := hostread.NewSet()
	if err != nil {
		return nil, fail(sysError(call, "epoll_create1", err))
	}
	return &queue{id: id, set: set, sockets: map[*entry]struct{}{}}, 0
}

// defaultQueue is queue 0, made on first use; a failure is the call's,
// and a later call tries again (the descriptor table may have been full
// only for a moment).
func defaultQueue(call string) (*queue, C.int) {
	queues.RLock()
	q := queues.m[0]
	queues.RUnlock()
	if q != nil {
		return q, 0
	}
	queues.init.Lock()
	defer queues.init.Unlock()
	queues.RLock()
	q = queues.m[0]
	queues.RUnlock()
	if q != nil {
		return q, 0
	}
	q, code := newQueue(call, 0)
	if code != 0 {
		return nil, code
	}
	queues.Lock()
	queues.m[0] = q
	queues.Unlock()
	return q, 0
}

// lookupQueue finds queue h (0: the default queue, made on first use), or
// fails with ERR_INVALID_QUEUE.
func lookupQueue(h C.int, call string) (*queue, C.int) {
	if h == 0 {
		return defaultQueue(call)
	}
	queues.RLock()
	q := queues.m[int32(h)]
	queues.RUnlock()
	if q == nil {
		return nil, fail(codeError(dgram.ErrInvalidQueue, call, "{received}", strconv.Itoa(int(h))))
	}
	return q, 0
}

// polling reports whether the calling thread is running callbacks that
// q's poll runs.
func (q *queue) polling() bool { return C.dgramx_in_poll() == C.int(q.id)+1 }

// adopt makes e's callbacks run on q, and q read e's socket on its
// polling thread once bound.
func (q *queue) adopt(e *entry) {
	q.mu.Lock()
	q.sockets[e] = struct{}{}
	q.mu.Unlock()
	if e.lockRun == nil {
		e.lockRun, e.unlockRun = corehooks.CallbackLock(e.sock)
	}
	e.poll, e.q = true, q
	corehooks.ReadOn(e.sock, q.set, q.polling)
}

// forget drops e (its 'close' was emitted).
func (q *queue) forget(e *entry) {
	q.mu.Lock()
	delete(q.sockets, e)
	q.mu.Unlock()
}

// push queues a callback; it is dropped once the queue is destroyed.
func (q *queue) push(ev pollEvent) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.destroyed {
		return
	}
	if len(q.events) == 0 {
		q.pending.Store(true)
		q.set.Wake()
	}
	q.events = append(q.events, ev)
}

// take returns the queued events and empties the queue; done gives the
// slice back once its events ran.
func (q *queue) take() []pollEvent {
	q.mu.Lock()
	defer q.mu.Unlock()
	evs := q.events
	q.events, q.spare = q.spare[:0], nil
	q.pending.Store(false)
	return evs
}

func (q *queue) done(evs []pollEvent) {
	clear(evs)
	q.mu.Lock()
	q.spare = evs[:0]
	q.mu.Unlock()
}

// runPending runs the queued callbacks, on the polling thread (q.run is
// held): before each batch of datagrams, and when the poll starts. The
// replies that a run of several callbacks sends (up to pollChunk) go out
// together after it, several per system call.
func (q *queue) runPending() int {
	if !q.pending.Load() {
		return 0
	}
	evs := q.take()
	defer q.release() // (a panic between hold and release leaves no socket held)
	for start := 0; start < len(evs); start += pollChunk {
		chunk := evs[start:min(start+pollChunk, len(evs))]
		if len(chunk) > 1 {
			q.hold(chunk)
		}
		for i := range chunk {
			chunk[i].run(q)
		}
		q.release()
	}
	n := len(evs)
	q.done(evs)
	return n
}

// run runs a queued callback on q's polling thread, holding its socket's
// run lock: a dgram_close on another thread waits for it.
func (ev *pollEvent) run(q *queue) {
	e := ev.e
	e.lockRun(pollRunner(q))
	defer e.unlockRun()
	runCallback(ev.fn)
}

// pollChunk is how many queued callbacks run before the datagrams they
// sent are written: a peer starts on the first replies while the rest run.
const pollChunk = 32

// hold holds the sends of the sockets of evs (corehooks.HoldSends) until
// release; q.run is held.
func (q *queue) hold(evs []pollEvent) {
	for i := range evs {
		if e := evs[i].e; !e.held {
			e.held = true
			q.held = append(q.held, e)
			corehooks.HoldSends(e.sock)
		}
	}
}

// release ends hold: each socket's held datagrams are written.
func (q *queue) release() {
	for _, e := range q.held {
		e.held = false
		corehooks.ReleaseSends(e.sock)
	}
	clear(q.held)
	q.held = q.held[:0]
}

// pollOnce runs what is pending on q and reads its ready sockets, running
// their callbacks, without waiting; q.run is held. It returns how many
// callbacks ran.
func (q *queue) pollOnce(call string) (int, C.int) {
	C.dgramx_set_in_poll(C.int(q.id) + 1)
	defer C.dgramx_set_in_poll(0)
	q.ran = 0
	n := q.runPending()
	if _, err := q.set.Wait(0, nil); err != nil {
		return 0, fail(sysError(call, "epoll_wait", err))
	}
	n += q.ran
	n += q.runPending()
	return n, 0
}

// deliver queues a callback of a poll-delivery socket for its queue's
// poll (in thread delivery the adapters of exports_gen.go run it at once,
// on the library thread the event happened on).
func (e *entry) deliver(fn func()) {
	e.q.push(pollEvent{e: e, fn: fn})
}

// deliverBounded delivers an event the spec marks bounded (a 'message',
// a receive error) of a poll-delivery socket. They come only from the
// queue's polling thread reading the socket (hostread, through
// corehooks.ReadOn; a socket that could not join the epoll set reports it
// there too), which runs the callback now, after the callbacks queued
// before the datagram came; what waits is bounded by the kernel's receive
// buffer, since the socket is read only when its queue is polled. No such
// callback starts after dgram_close returned: the close takes the socket
// out of the queue's epoll set, and waits for a delivery under way on the
// polling thread (unless it is that thread), which drops what is left (the
// socket is stopped).
func (e *entry) deliverBounded(fn func()) {
	e.q.runPending()
	e.q.ran++
	runCallback(fn)
}

// pollCalls names the C functions dgramx_queue_poll serves, by its call
// argument (DGRAMX_CALL_POLL, DGRAMX_CALL_QUEUE_POLL).
var pollCalls = [...]string{C.DGRAMX_CALL_POLL: "dgram_poll", C.DGRAMX_CALL_QUEUE_POLL: "dgram_queue_poll"}

// dgramgo_queue_poll runs the pending callbacks of queue h (dgram_poll,
// dgram_queue_poll: the C side, dgramx_queue_poll, waits). With nothing
// to run and a timeout other than 0 it gives the queue's descriptor to
// *fd and returns DGRAMX_POLL_WAIT: the caller waits in C, where the
// thread holds no Go processor, and calls again.
//
//export dgramgo_queue_poll
func dgramgo_queue_poll(h C.int, timeoutMs C.int, fd *C.int, call C.int) (rc C.int) {
	name := pollCalls[call]
	defer guard(&rc, name)
	enter(name)
	if C.dgramx_in_poll() != 0 {
		return fail(codeError(dgram.ErrPollReentered, name))
	}
	q, code := lookupQueue(h, name)
	if code != 0 {
		return code
	}
	q.run.Lock()
	defer q.run.Unlock()
	if q.isDestroyed() { // while this call waited for another poll
		return fail(codeError(dgram.ErrInvalidQueue, name, "{received}", strconv.Itoa(int(h))))
	}
	n, code := q.pollOnce(name)
	if code != 0 {
		return code
	}
	if n == 0 {
		// A dgram_queue_destroy that began meanwhile woke the descriptor,
		// and this poll may have taken that wake: the caller is not to
		// wait for it again.
		queues.RLock()
		live := queues.m[q.id] == q
		queues.RUnlock()
		if !live {
			return fail(codeError(dgram.ErrInvalidQueue, name, "{received}", strconv.Itoa(int(h))))
		}
	}
	if n == 0 && timeoutMs != 0 && fd != nil {
		*fd = C.int(q.set.FD())
		return C.DGRAMX_POLL_WAIT
	}
	return C.int(n)
}

// dgramgo_poll_failed reports a failed wait of dgramx_queue_poll.
//
//export dgramgo_poll_failed
func dgramgo_poll_failed(sysErrno C.int, call C.int) (rc C.int) {
	name := pollCalls[call]
	defer guard(&rc, name)
	return fail(sysError(name, "poll", syscall.Errno(sysErrno)))
}

//export dgramgo_event_fd
func dgramgo_event_fd() (rc C.int) {
	defer guard(&rc, "dgram_event_fd")
	enter("dgram_event_fd")
	q, code := defaultQueue("dgram_event_fd")
	if code != 0 {
		return code
	}
	return C.int(q.set.FD())
}

//export dgramgo_queue_event_fd
func dgramgo_queue_event_fd(h C.int) (rc C.int) {
	defer guard(&rc, "dgram_queue_event_fd")
	enter("dgram_queue_event_fd")
	q, code := lookupQueue(h, "dgram_queue_event_fd")
	if code != 0 {
		return code
	}
	return C.int(q.set.FD())
}

//export dgramgo_queue_create
func dgramgo_queue_create() (rc C.int) {
	defer guard(&rc, "dgram_queue_create")
	enter("dgram_queue_create")
	queues.Lock()
	defer queues.Unlock()
	for {
		if queues.next++; queues.next <= 0 {
			queues.next = 1
		}
		if _, used := queues.m[queues.next]; !used {
			break
		}
	}
	q, code := newQueue("dgram_queue_create", queues.next)
	if code != 0 {
		return code
	}
	queues.m[q.id] = q
	return C.int(q.id)
}

// dgramgo_queue_destroy closes the queue's sockets, drops the callbacks
// still queued and those their closing produces, and closes its
// descriptors: no callback of the queue runs after it returns. A poll of
// the queue under way on another thread ends first.
//
//export dgramgo_queue_destroy
func dgramgo_queue_destroy(h C.int) (rc C.int) {
	defer guard(&rc, "dgram_queue_destroy")
	enter("dgram_queue_destroy")
	if h == 0 {
		return fail(codeError(dgram.ErrInvalidQueue, "dgram_queue_destroy", "{received}", "0 (the default queue)"))
	}
	q, code := lookupQueue(h, "dgram_queue_destroy")
	if code != 0 {
		return code
	}
	if q.polling() {
		return fail(codeError(dgram.ErrPollReentered, "dgram_queue_destroy"))
	}
	queues.Lock()
	delete(queues.m, q.id)
	queues.Unlock()
	// A descriptor a polling thread kept is not to be trusted any more
	// (dgramx_queue_poll), and a thread waiting for it wakes and finds
	// the handle gone.
	atomic.AddUint32((*uint32)(unsafe.Pointer(&C.dgramx_queues_destroyed)), 1)
	q.set.Wake()
	q.run.Lock() // a poll under way ends first; none starts (the handle is gone)
	defer q.run.Unlock()
	q.mu.Lock()
	q.destroyed = true
	socks := make([]*entry, 0, len(q.sockets))
	for e := range q.sockets {
		socks = append(socks, e)
	}
	q.events, q.spare = nil, nil
	q.pending.Store(false)
	q.mu.Unlock()
	for _, e := range socks {
		e.sock.Close(nil) // its 'close' callback is dropped: the queue is gone
	}
	q.set.Close()
	return 0
}

func (q *queue) isDestroyed() bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.destroyed
}

//export dgramgo_set_queue
func dgramgo_set_queue(socket C.dgram_socket, h C.int) (rc C.int) {
	defer guard(&rc, "dgram_set_queue")
	enter("dgram_set_queue")
	e, code := lookup(socket, "dgram_set_queue")
	if code != 0 {
		return code
	}
	q, code := lookupQueue(h, "dgram_set_queue")
	if code != 0 {
		return code
	}
	_, err := e.sock.Address()
	var de *dgram.Error
	switch {
	case err == nil: // the socket's reading has begun
		return fail(codeError(dgram.ErrSocketAlreadyBound, "dgram_set_queue"))
	case errors.As(err, &de) && de.Code == dgram.ErrSocketDgramNotRunning:
		return fail(err)
	}
	if e.q != nil && e.q != q {
		e.q.forget(e)
	}
	q.adopt(e)
	return 0
}
