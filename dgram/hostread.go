package dgram

import (
	"os"

	"github.com/dgramkit/dgramkit/internal/corehooks"
	"github.com/dgramkit/dgramkit/internal/hostread"
)

// hostRead is how a socket is read where its host waits
// (corehooks.ReadOn): by set's Wait, with no reader goroutine.
type hostRead struct {
	set  *hostread.Set
	self func() bool      // the caller is the one waiting on set
	m    *hostread.Member // once attached; guarded by the socket's mu
	done chan struct{}    // the socket's readerDone: closed by detach
}

func init() {
	corehooks.ReadOn = func(socket any, set *hostread.Set, self func() bool) {
		s := socket.(*Socket)
		s.mu.Lock()
		s.host = &hostRead{set: set, self: self}
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
// starts after it. The caller holds mu; it returns what waits for a
// delivery under way on another goroutine and ends the reader, to call
// once mu is released (a listener under way may be waiting for mu).
func (s *Socket) detachHostLocked() func() {
	h := s.host
	if h == nil || h.m == nil {
		return nil
	}
	h.set.Remove(h.m)
	return func() {
		if !h.self() {
			h.m.Quiesce()
		}
		close(h.done)
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
	s.deliver(b.Len(), b, nil)
}

// Fail emits a receive error; the socket stays in the set (reading goes on).
func (h hostHandler) Fail(err error) {
	s := h.s
	if s.stopped.Load() {
		return
	}
	s.dispatcher.emitMu.Lock()
	defer s.dispatcher.emitMu.Unlock()
	if !s.stopped.Load() {
		s.emitError(sysError("recvmsg", os.NewSyscallError("recvmmsg", err), "", 0))
	}
}
