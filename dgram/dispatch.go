package dgram

import (
	"errors"
	"net"
	"sync"
	"syscall"
	"time"
)

// dispatcher runs a socket's events one at a time. Work posted to it (the
// bind, send callbacks, 'close') runs on one goroutine in the order it was
// posted; the reader delivers 'message' with a direct call instead of a
// hop, holding the same emit lock, so listeners never overlap. The
// goroutine starts with the first post and ends after 'close'.
type dispatcher struct {
	s    *Socket
	emit callbackLock // held while a listener runs (closewait.go)

	mu         sync.Mutex
	cond       sync.Cond
	tasks      []func()
	spare      []func()
	running    bool
	stopping   bool
	readerDone chan struct{}
}

func (d *dispatcher) init(s *Socket) {
	d.s = s
	d.cond.L = &d.mu
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
	if !d.running {
		d.running = true
		go d.run()
		return
	}
	d.cond.Signal()
}

func (d *dispatcher) run() {
	me := goroutineID()
	for {
		d.mu.Lock()
		for len(d.tasks) == 0 && !d.stopping {
			d.cond.Wait()
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

func (d *dispatcher) runAll(me runner, tasks []func()) {
	for _, fn := range tasks {
		d.emit.lock(me)
		fn()
		d.s.runAfter()
		d.emit.unlock()
	}
}

// read is the socket's one reader: it receives a batch of datagrams at a
// time (recvmmsg on Linux) and delivers each with a direct call, holding
// the emit lock for the batch. A 'message' listener gets its own copy of
// the datagram, or, with PooledReceive, the reader's buffer itself, valid
// until the listener returns. A datagram read after close started is
// dropped.
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
		for i := 0; i < n && !s.stopped.Load(); i++ {
			if len(s.events.message.load()) == 0 {
				continue
			}
			msg, from := r.datagram(i)
			if !s.pooledReceive {
				msg = append(make([]byte, 0, len(msg)), msg...)
			}
			s.emitMessage(msg, RemoteInfo{Address: from.Addr(), Family: s.family.family, Port: int(from.Port()), Size: len(msg)})
		}
		s.runAfter()
		d.emit.unlock()
	}
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
