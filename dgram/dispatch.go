package dgram

import (
	"errors"
	"net"
	"net/netip"
	"sync"
	"syscall"
)

// dispatcher runs a socket's events one at a time. Work posted to it (the
// bind, send callbacks, 'close') runs on one goroutine in the order it was
// posted; the reader delivers 'message' with a direct call instead of a
// hop, holding the same emit lock, so listeners never overlap. The
// goroutine starts with a post and ends when nothing is left to run (an
// idle socket keeps no goroutine for its events), or after 'close'.
type dispatcher struct {
	s      *Socket
	emitMu sync.Mutex // held while a listener runs

	mu         sync.Mutex
	tasks      []func()
	spare      []func()
	running    bool
	stopping   bool
	readerDone chan struct{}
}

func (d *dispatcher) init(s *Socket) {
	d.s = s
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
	}
}

func (d *dispatcher) run() {
	for {
		d.mu.Lock()
		if len(d.tasks) == 0 && !d.stopping {
			d.running = false // the next post starts another
			d.mu.Unlock()
			return
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
			d.runAll(tasks)
			d.emitMu.Lock()
			d.s.emitClose()
			d.emitMu.Unlock()
			return
		}
		d.runAll(tasks)
		clear(tasks)
		d.mu.Lock()
		d.spare = tasks[:0]
		d.mu.Unlock()
	}
}

func (d *dispatcher) runAll(tasks []func()) {
	for _, fn := range tasks {
		d.emitMu.Lock()
		fn()
		d.emitMu.Unlock()
	}
}

// read is the socket's one reader, unless its host reads it
// (hostread.go): it receives a batch of datagrams at a time (recvmmsg on
// Linux) and delivers each with a direct call (deliver).
func (s *Socket) read(conn *net.UDPConn, done chan struct{}) {
	defer close(done)
	d := &s.dispatcher
	s.mu.RLock()
	after := s.afterBatch
	s.mu.RUnlock()
	r, err := newBatchReader(conn)
	for err == nil {
		var n int
		if n, err = r.next(); err != nil {
			if s.stopped.Load() || errors.Is(err, net.ErrClosed) {
				return
			}
			d.emitMu.Lock()
			s.emitError(sysError("recvmsg", err, "", 0))
			d.emitMu.Unlock()
			if transient(err) {
				err = nil
			}
			continue
		}
		s.reads.Add(1)
		s.deliver(n, r, after)
		r.release()
	}
}

// datagrams is a batch of datagrams read at once.
type datagrams interface {
	Datagram(i int) ([]byte, netip.AddrPort)
}

// deliver emits the 'message' events of the n datagrams of batch b,
// holding the emit lock, then runs the after-batch hooks. A 'message'
// listener gets its own copy of the datagram, or, with PooledReceive, the
// batch's buffer itself, valid until the listener returns. A datagram
// read after close started is dropped.
func (s *Socket) deliver(n int, b datagrams, after []func()) {
	d := &s.dispatcher
	d.emitMu.Lock()
	defer d.emitMu.Unlock()
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
	for _, fn := range after {
		fn()
	}
}

// transient reports receive errors after which the socket still works:
// ICMP errors reported on a later receive, and interruptions.
func transient(err error) bool {
	for _, e := range []syscall.Errno{syscall.ECONNREFUSED, syscall.EHOSTUNREACH, syscall.ENETUNREACH, syscall.EINTR, syscall.EAGAIN, syscall.ENOBUFS} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}
