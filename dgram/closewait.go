package dgram

import (
	"runtime"

	"github.com/dgramkit/dgramkit/internal/corehooks"
	"sync"
	"sync/atomic"
)

// Close waits for the socket's callbacks. When Close returns on a
// goroutine (or, for the C library, a thread) that is not running one of
// the socket's callbacks, none of them is running: each place that runs
// them holds a callbackLock meanwhile, and Close takes each lock once
// after the socket stopped (a callback that starts later sees that and
// delivers nothing). A Close from inside one of the socket's callbacks
// does not wait: the lock is its own. Nor does one whose wait would close
// a circle, two callbacks each closing the other's socket: the waits
// registry sees it, and the second Close returns at once.

// A runner names who runs callbacks: a goroutine by its id (positive), or
// a binding's own runner (negative, corehooks.CurrentRunner): the C
// library's dgram_poll.
type runner = int64

// callbackLock is held while callbacks run; by names the runner holding
// it (0 when free).
type callbackLock struct {
	mu sync.Mutex
	by atomic.Int64
}

func (l *callbackLock) lock(by runner) {
	l.mu.Lock()
	l.by.Store(by)
}

func (l *callbackLock) unlock() {
	l.by.Store(0)
	l.mu.Unlock()
}

// waits is the registry of closes that wait: runner -> the lock it waits
// for.
var waits = struct {
	sync.Mutex
	on map[runner]*callbackLock
}{on: map[runner]*callbackLock{}}

// currentRunner is the runner of the calling goroutine: a binding's own
// when it says so (corehooks.CurrentRunner), else the goroutine's id.
func currentRunner() runner {
	if f := corehooks.CurrentRunner; f != nil {
		if r := f(); r != 0 {
			return r
		}
	}
	return goroutineID()
}

// waitFor returns once l is not held by another runner, unless the
// caller holds it (a Close from inside a callback) or waiting would close
// a circle of waits.
func waitFor(l *callbackLock) {
	if l.mu.TryLock() {
		l.mu.Unlock()
		return
	}
	me := currentRunner()
	waits.Lock()
	for cur, hops := l, 0; cur != nil && hops <= len(waits.on); hops++ {
		by := cur.by.Load()
		if by == me {
			waits.Unlock()
			return // held by this runner, or by one that waits for it
		}
		if by == 0 {
			break
		}
		cur = waits.on[by]
	}
	waits.on[me] = l
	waits.Unlock()
	l.mu.Lock()
	l.mu.Unlock()
	waits.Lock()
	delete(waits.on, me)
	waits.Unlock()
}

// goroutineID is the calling goroutine's id, from its stack header
// ("goroutine 18 [running]:"). It costs a few microseconds: Close calls
// it when it must wait, and the reader and dispatcher once each.
func goroutineID() runner {
	var buf [64]byte
	b := buf[:runtime.Stack(buf[:], false)]
	const prefix = "goroutine "
	if len(b) < len(prefix) {
		return -1 << 62
	}
	var id runner
	for _, c := range b[len(prefix):] {
		if c < '0' || c > '9' {
			break
		}
		id = id*10 + runner(c-'0')
	}
	return id
}
