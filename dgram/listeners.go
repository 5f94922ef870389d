package dgram

import (
	"sync"
	"sync/atomic"
)

// listeners is one event's listeners in the order they were added. Reading
// them (once per event, on the receive path too) takes no lock and
// allocates nothing: add and remove publish a new snapshot.
type listeners[T any] struct {
	mu   sync.Mutex
	next uint64
	snap atomic.Pointer[snapshot[T]]
}

type snapshot[T any] struct {
	fns []T
	ids []uint64
}

// add appends fn and returns an id for remove.
func (l *listeners[T]) add(fn T) uint64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.next++
	old := l.snap.Load()
	s := &snapshot[T]{}
	if old != nil {
		s.fns = append(s.fns, old.fns...)
		s.ids = append(s.ids, old.ids...)
	}
	s.fns = append(s.fns, fn)
	s.ids = append(s.ids, l.next)
	l.snap.Store(s)
	return l.next
}

// remove drops the listener add returned id for; an unknown id is ignored.
func (l *listeners[T]) remove(id uint64) {
	l.mu.Lock()
	defer l.mu.Unlock()
	old := l.snap.Load()
	if old == nil {
		return
	}
	s := &snapshot[T]{}
	for i, have := range old.ids {
		if have != id {
			s.fns = append(s.fns, old.fns[i])
			s.ids = append(s.ids, have)
		}
	}
	l.snap.Store(s)
}

// load returns the listeners; the slice must not be modified.
func (l *listeners[T]) load() []T {
	if s := l.snap.Load(); s != nil {
		return s.fns
	}
	return nil
}
