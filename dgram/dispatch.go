package dgram

import (
	"errors"
	"net"
	"net/netip"
	"sync"
	"syscall"
	"time"
)

// dispatcher runs a socket's events one at a time. Work posted to it (the
// bind, send callbacks, 'close') runs on one goroutine in the order it was
// posted; the reader delivers 'message' with a direct call instead of a
// hop, holding the same emit lock, so listeners never overlap. The
// goroutine starts with a post and ends after 'close', or once it has had
// nothing to run for dispatcherLinger: an idle socket keeps no goroutine
// for its events, and a busy one does not start one per event.
type dispatcher struct {
	s    *Socket
	emit callbackLock // held while a listener runs (closewait.go)

	mu         sync.Mutex
	wake       chan struct{} // a post for the goroutine waiting (idle)
	tasks      []func()
	spare      []func()
	running    bool
	idle       bool // the goroutine waits for wake
	stopping   bool
	readerDone chan struct{}
}

// dispatcherLinger is how long a dispatcher goroutine with nothing to run
// waits for more before it ends.
const dispatcherLinger = 20 * time.Millisecond

func (d *dispatcher) init(s *Socket) {
	d.s = s
	d.wake = make(chan struct{}, 1)
}

// post queues fn to run after the caller returns.
func (d *dispatcher) post(fn func()) {
	d.mu.Lock()
	d.tasks = append(d.tasks, fn)
	d.wakeLocked()
	d.mu.Unlock()
}

// stop asks for 'close': it is emitted once the work posted so far has run
// and the reader (readerDone, nil when there is none) has returned.
func (d *dispatcher) stop(readerDone chan struct{}) {
	d.mu.Lock()
	d.stopping = true
	d.readerDone = readerDone
	d.wakeLocked()
	d.mu.Unlock()
}

func (d *dispatcher) wakeLocked() {
	switch {
	case !d.running:
		d.running = true
		go d.run()
	case d.idle:
		d.idle = false
		select {
		case d.wake <- struct{}{}:
		default:
		}
	}
}

func (d *dispatcher) run() {
	me := goroutineID()
	var linger *time.Timer
	for {
		d.mu.Lock()
		if len(d.tasks) == 0 && !d.stopping {
			if !d.waitIdle(&linger) {
				return
			}
			continue
		}
		tasks := d.tasks
		d.tasks, d.spare = d.spare[:0], nil
		readerDone := d.readerDone
		d.mu.Unlock()

		if len(tasks) == 0 { // stopping, and nothing else to do
			if readerDone != nil {
				<-readerDone
			}
			d.mu.Lock()
			tasks = d.tasks // whatever the reader posted last
			d.tasks = nil
			d.mu.Unlock()
			d.runAll(me, tasks)
			d.emit.lock(me)
			d.s.emitClose()
			d.emit.unlock()
			return
		}
		d.runAll(me, tasks)
		clear(tasks)
		d.mu.Lock()
		d.spare = tasks[:0]
		d.mu.Unlock()
	}
}

// waitIdle waits, d.mu held on entry and released on return, until a post
// or dispatcherLinger passed; false when the goroutine is to end (nothing
// came: the next post starts another).
func (d *dispatcher) waitIdle(linger **time.Timer) bool {
	d.idle = true
	d.mu.Unlock()
	if *linger == nil {
		*linger = time.NewTimer(dispatcherLinger)
	} else {
		(*linger).Reset(dispatcherLinger)
	}
	select {
	case <-d.wake:
		(*linger).Stop()
		return true
	case <-(*linger).C:
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if len(d.tasks) > 0 || d.stopping {
		return true // came as the time ran out
	}
	d.idle, d.running = false, false
	return false
}

func (d *dispatcher) runAll(me runner, tasks []func()) {
	for _, fn := range tasks {
		d.emit.lock(me)
		fn()
		d.s.runAfter()
		d.emit.unlock()
	}
}

// read is the socket's one reader, unless its host reads it
// (hostread.go): it receives a batch of datagrams at a time (recvmmsg on
// Linux) and delivers each with a direct call, holding the emit lock for
// the batch (deliverLocked).
//
// A receive error never ends reading: it is emitted ('error', syscall
// recvmsg, as Node reports it) and the reader reads on; only close ends
// it. An error that the next read returns again at once, with no wait
// for the network between (no datagram, no ICMP error, a socket that
// fails for ever), makes the reader pause before it reads again
// (errorPause), so that it costs neither a core nor a flood of events.
// An interrupted read (EINTR) is retried, as libuv does.
func (s *Socket) read(conn *net.UDPConn, done, stop chan struct{}) {
	defer close(done)
	me := goroutineID()
	d := &s.dispatcher
	r, err := newBatchReader(conn)
	if err != nil {
		return // conn was closed before the reader started
	}
	var pause *time.Timer
	failures := 0 // receive errors in a row, each returned at once
	for {
		n, err := r.next()
		if err != nil {
			if s.stopped.Load() || errors.Is(err, net.ErrClosed) {
				return
			}
			if errors.Is(err, syscall.EINTR) {
				continue
			}
			d.emit.lock(me)
			if !s.stopped.Load() {
				s.emitError(sysError("recvmsg", err, "", 0))
				s.runAfter()
			}
			d.emit.unlock()
			if r.fresh() {
				failures = 0
			}
			failures++
			if wait := errorPause(failures); wait > 0 {
				if pause == nil {
					pause = time.NewTimer(wait)
				} else {
					pause.Reset(wait)
				}
				select {
				case <-pause.C:
				case <-stop:
					pause.Stop()
					return
				}
			}
			continue
		}
		failures = 0
		s.reads.Add(1)
		d.emit.lock(me)
		s.deliverLocked(n, r)
		d.emit.unlock()
		r.release()
	}
}

// datagrams is a batch of datagrams read at once.
type datagrams interface {
	Datagram(i int) ([]byte, netip.AddrPort)
}

// deliverLocked emits the 'message' events of the n datagrams of batch b,
// then runs the bindings' after-batch hooks; the caller holds the emit
// lock. A 'message' listener gets its own copy of the datagram, or, with
// PooledReceive, the batch's buffer itself, valid until the listener
// returns. A datagram read after close started is dropped.
func (s *Socket) deliverLocked(n int, b datagrams) {
	for i := 0; i < n && !s.stopped.Load(); i++ {
		if len(s.events.message.load()) == 0 {
			continue
		}
		msg, from := b.Datagram(i)
		if !s.pooledReceive {
			msg = append(make([]byte, 0, len(msg)), msg...)
		}
		s.emitMessage(msg, RemoteInfo{Address: from.Addr(), Family: s.family.family, Port: int(from.Port()), Size: len(msg)})
	}
	s.runAfter()
}

// runAfter runs the bindings' hooks that follow a run of listeners
// (corehooks.AfterReadBatch); the caller holds the emit lock.
func (s *Socket) runAfter() {
	if h := s.afterRun.Load(); h != nil {
		for _, fn := range *h {
			fn()
		}
	}
}

// errorPause is how long the reader waits before it reads again after
// the n-th receive error in a row returned at once: not at all after the
// first two, then 1 ms, doubling up to a second. libuv reports one error
// per turn of its loop and then waits for the poller, with the loop's
// other work between; a reader of its own must bound itself.
func errorPause(n int) time.Duration {
	if n <= 2 {
		return 0
	}
	return min(time.Millisecond<<min(n-3, 10), time.Second)
}
