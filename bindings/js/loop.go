package dgramjs

import (
	"sync"
	"time"

	"github.com/dgramkit/dgramkit/internal/corehooks"
	"github.com/dgramkit/dgramkit/internal/hostread"
)

// loop is the host's event loop. It runs JavaScript on one goroutine, the
// one that called run: the script, then the jobs posted to it (timers,
// immediates, the core's events and send callbacks) in the order they were
// posted, while something keeps it running (the host's refs).
//
// Where it can (Linux: an epoll set, package hostread), the loop waits on
// its sockets: each of the host's sockets is read where the loop waits
// (corehooks.ReadOn), so when it is idle and a datagram arrives, the
// goroutine that wakes reads the socket and runs the 'message' listeners
// itself, as libuv's loop does, with no reader goroutine and no hand-over
// in between (the core holds the replies of a batch of several datagrams
// and writes them together after it). The jobs posted meanwhile wake it
// through the set.
// Elsewhere each socket keeps a reader goroutine of its own, which posts
// its 'message' events as jobs.
type loop struct {
	set      *hostread.Set // nil where there is none
	parker   *parker       // waits for set in Go's poller
	got      bool          // the set's last Wait delivered something
	mu       sync.Mutex
	jobs     []func()
	spare    []func()
	sleeping bool          // the loop waits, or is about to: a post wakes it
	wakeCh   chan struct{} // the wake-up where there is no set, or while jobsOnly
	stopped  bool
	// unposted counts the outcomes the core is to post (send callbacks,
	// expect); while there are some and no job is pending, the loop waits
	// for jobs only (jobsOnly) and reads no socket, so that a send's
	// callback runs before the datagrams that came after the send, of any
	// socket (libuv runs a send's completion before it polls again).
	unposted int
	jobsOnly bool
}

// settleLimit bounds a wait for jobs only: an outcome the core never posts
// must not stop the loop reading its sockets.
const settleLimit = 100 * time.Millisecond

// newLoop makes a loop, with an epoll set where there is one.
func newLoop() *loop {
	l := &loop{wakeCh: make(chan struct{}, 1)}
	if set, err := hostread.NewSet(); err == nil {
		if l.parker = newParker(set.FD()); l.parker != nil {
			l.set = set
		} else {
			set.Close()
		}
	}
	return l
}

// readsSockets reports whether the loop reads its sockets itself.
func (l *loop) readsSockets() bool { return l.set != nil }

// adopt makes the loop read s where it waits, when it can. Every call on
// a socket of the host, close included, is made on the loop's goroutine
// (JavaScript runs nowhere else), which is the one that waits on the set.
func (l *loop) adopt(s *socket) {
	if l.set != nil {
		corehooks.ReadOn(s.s, l.set, func() bool { return true })
	}
}

// expected is an outcome the core will post (a send's callback): counted
// from expect until postExpected, whichever comes first (the core may
// post it before the call that started it returned). Guarded by the
// loop's mu.
type expected struct{ counted, posted bool }

// expect counts e, unless it was posted already.
func (l *loop) expect(e *expected) {
	l.mu.Lock()
	if !e.posted {
		e.counted = true
		l.unposted++
	}
	l.mu.Unlock()
}

// post queues fn to run on the loop; it may be called from any goroutine.
// After the loop ended, fn never runs.
func (l *loop) post(fn func()) { l.postJob(nil, fn) }

// postExpected is post for the outcome e.
func (l *loop) postExpected(e *expected, fn func()) { l.postJob(e, fn) }

func (l *loop) postJob(e *expected, fn func()) {
	l.mu.Lock()
	l.jobs = append(l.jobs, fn)
	if e != nil {
		e.posted = true
		if e.counted {
			e.counted = false
			l.unposted--
		}
	}
	wake := l.sleeping
	l.sleeping = false
	jobsOnly := l.jobsOnly
	l.mu.Unlock()
	if wake {
		if l.set != nil && !jobsOnly {
			l.set.Wake()
		} else {
			select {
			case l.wakeCh <- struct{}{}:
			default:
			}
		}
	}
}

// run runs first, then the loop, until keep reports that nothing keeps it
// running or stop was called. Each turn runs the jobs posted before it
// began (one posted meanwhile waits for the next turn, as Node's
// immediates do), then reads the sockets: waiting for them when no job is
// pending, else only what is there.
func (l *loop) run(first func(), keep func() bool) {
	first()
	for {
		l.runJobs()
		if l.isStopped() || !keep() {
			return
		}
		l.wait()
	}
}

// wait reads what the sockets hold (with a set), first waiting until a job
// is posted or a socket is readable when no job is pending; a socket's
// datagrams are delivered within.
func (l *loop) wait() {
	l.mu.Lock()
	pending := len(l.jobs) > 0 || l.stopped
	l.sleeping = !pending
	l.jobsOnly = !pending && l.set != nil && l.unposted > 0
	jobsOnly := l.jobsOnly
	l.mu.Unlock()
	switch {
	case jobsOnly:
		t := time.NewTimer(settleLimit)
		select {
		case <-l.wakeCh:
		case <-t.C:
		}
		t.Stop()
	case l.set != nil && pending:
		l.set.Wait(0, l.beforeBatch)
	case l.set != nil:
		l.parker.park(func() bool {
			l.got = false
			woke, err := l.set.Wait(0, l.beforeBatch)
			return woke || l.got || err != nil
		})
	case !pending:
		<-l.wakeCh
	}
	l.mu.Lock()
	l.sleeping, l.jobsOnly = false, false
	l.mu.Unlock()
}

// beforeBatch runs ahead of each batch the set delivers: the jobs posted
// before the datagrams arrived run first (its 'listening', a send
// callback), as their order says.
func (l *loop) beforeBatch() {
	l.got = true
	l.runJobs()
}

// runJobs runs the jobs posted so far.
func (l *loop) runJobs() {
	l.mu.Lock()
	jobs := l.jobs
	l.jobs, l.spare = l.spare[:0], nil
	l.mu.Unlock()
	for i, fn := range jobs {
		fn()
		jobs[i] = nil
	}
	l.mu.Lock()
	if l.spare == nil {
		l.spare = jobs[:0]
	}
	l.mu.Unlock()
}

// stop ends the loop after the job under way.
func (l *loop) stop() {
	l.mu.Lock()
	l.stopped = true
	l.mu.Unlock()
}

func (l *loop) isStopped() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.stopped
}

// close releases the loop's set; jobs posted after it never run.
func (l *loop) close() {
	l.stop()
	if l.set != nil {
		l.parker.close()
		l.set.Close()
	}
}
