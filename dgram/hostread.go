package dgram

import (
	"os"
	"sync/atomic"

	"github.com/dgramkit/dgramkit/internal/corehooks"
	"github.com/dgramkit/dgramkit/internal/hostread"
)

// hostRead is how a socket is read where its host waits
// (corehooks.ReadOn): by set's Wait, with no reader goroutine.
type hostRead struct {
	set    *hostread.Set
	self   func() bool      // the caller is the one waiting on set
	runner runner           // what its deliveries hold the emit lock as, without a binding's runner
	m      *hostread.Member // once attached; guarded by the socket's mu
	done   chan struct{}    // the socket's readerDone: closed by detach
}

// hostRunners numbers the runners of host reads whose binding names no
// runner of its own: negative, below any a binding's
// corehooks.CurrentRunner gives, so that a close elsewhere waits for a
// delivery under way (closewait.go); one on the host's own thread does not
// wait (self).
var hostRunners atomic.Int64

// runnerNow is what a delivery on the calling thread (the host's) holds
// the emit lock as: the binding's runner of the thread when it names one
// (the C library's polling thread of a queue, which a close on another
// thread must see in its circle of waits), else the read's own.
func (h *hostRead) runnerNow() runner {
	if f := corehooks.CurrentRunner; f != nil {
		if r := f(); r != 0 {
			return r
		}
	}
	return h.runner
}

func init() {
	corehooks.ReadOn = func(socket any, set *hostread.Set, self func() bool) {
		s := socket.(*Socket)
		s.mu.Lock()
		s.host = &hostRead{set: set, self: self, runner: -1<<40 - hostRunners.Add(1)}
		s.mu.Unlock()
	}
}

// attachHost puts the bound socket in its host's set, after 'listening'
// was emitted (a host that queues events finds 'listening' queued before
// any datagram is read). A socket closed meanwhile is not attached, and
// its reader is done at once.
func (s *Socket) attachHost(done chan struct{}) {
	s.mu.Lock()
	defer s.mu.Unlock()
	h := s.host
	h.done = done
	if s.state == closed {
		close(done)
		return
	}
	rc, err := s.conn.SyscallConn()
	if err == nil {
		h.m, err = h.set.Add(rc, groEnable(rc), hostHandler{s})
	}
	if err != nil {
		// The socket cannot be read: say so, as a receive error.
		close(done)
		s.dispatcher.post(func() { s.emitError(sysError("recvmsg", err, "", 0)) })
	}
}

// detachHostLocked takes the socket out of its host's set: no delivery
// starts after it (one under way holds the emit lock, which close waits
// for, and drops what it has not delivered: the socket is stopped). The
// caller holds mu; it returns what ends the host's reading and reports
// whether the caller is the host's own thread (which is then not to wait
// for the emit lock: a delivery under way is its own), to call once mu is
// released; nil when the socket is not read by its host.
func (s *Socket) detachHostLocked() func() bool {
	h := s.host
	if h == nil || h.m == nil {
		return nil
	}
	h.set.Remove(h.m)
	return func() bool {
		close(h.done)
		return h.self()
	}
}

// hostHandler delivers what the host's set read from the socket.
type hostHandler struct{ s *Socket }

// Deliver emits the batch's datagrams, as the reader goroutine does. The
// datagrams the socket sends meanwhile (its listeners' replies) are held
// and written together after a batch of several, several per system call,
// as a host loop's run of events would.
func (h hostHandler) Deliver(b *hostread.Batch) {
	s := h.s
	s.reads.Add(1)
	if b.Len() > 1 {
		s.holdSends()
		defer s.releaseSends()
	}
	s.dispatcher.emit.lock(s.host.runnerNow())
	defer s.dispatcher.emit.unlock()
	s.deliverLocked(b.Len(), b)
}

// Fail emits a receive error; the socket stays in the set (reading goes on).
func (h hostHandler) Fail(err error) {
	s := h.s
	if s.stopped.Load() {
		return
	}
	s.dispatcher.emit.lock(s.host.runnerNow())
	defer s.dispatcher.emit.unlock()
	if !s.stopped.Load() {
		s.emitError(sysError("recvmsg", os.NewSyscallError("recvmmsg", err), "", 0))
		s.runAfter()
	}
}
