package hostread

import (
	"encoding/binary"
	"errors"
	"sync"
	"syscall"

	"golang.org/x/sys/unix"
)

// Handler receives what a Set reads from one socket, on the goroutine that
// called Wait.
type Handler interface {
	// Deliver is called with a batch of the socket's datagrams; the batch
	// is released when it returns.
	Deliver(b *Batch)
	// Fail is called with a receive error of the socket; reading goes on.
	Fail(err error)
}

// Member is a socket in a Set.
type Member struct {
	id      int32
	rc      syscall.RawConn
	r       Reader
	h       Handler
	removed bool       // guarded by the set's mu
	busy    sync.Mutex // held while Wait reads and delivers the socket
}

// Set is an epoll set over sockets, and an eventfd in it that Wake writes.
type Set struct {
	epfd, efd int

	waitMu sync.Mutex // serializes Wait
	events [64]unix.EpollEvent

	mu      sync.Mutex
	members map[int32]*Member
	next    int32
	closed  bool
}

// NewSet makes an empty set.
func NewSet() (*Set, error) {
	epfd, err := unix.EpollCreate1(unix.EPOLL_CLOEXEC)
	if err != nil {
		return nil, err
	}
	efd, err := unix.Eventfd(0, unix.EFD_CLOEXEC|unix.EFD_NONBLOCK)
	if err != nil {
		unix.Close(epfd)
		return nil, err
	}
	// The eventfd is member 0.
	if err := unix.EpollCtl(epfd, unix.EPOLL_CTL_ADD, efd, &unix.EpollEvent{Events: unix.EPOLLIN}); err != nil {
		unix.Close(efd)
		unix.Close(epfd)
		return nil, err
	}
	return &Set{epfd: epfd, efd: efd, members: map[int32]*Member{}}, nil
}

// FD is the set's descriptor (its epoll instance): readable while a socket
// of the set is, or after Wake until a Wait saw it. Wait on it with poll,
// select or epoll; do not read or close it.
func (s *Set) FD() int { return s.epfd }

// Add puts the socket of rc in the set, with gro saying whether UDP_GRO is
// on for it; h receives what Wait reads from it.
func (s *Set) Add(rc syscall.RawConn, gro bool, h Handler) (*Member, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, errors.New("hostread: Add on a closed set")
	}
	for {
		if s.next++; s.next <= 0 {
			s.next = 1
		}
		if _, used := s.members[s.next]; !used {
			break
		}
	}
	m := &Member{id: s.next, rc: rc, r: Reader{gro: gro}, h: h}
	var err error
	if cerr := rc.Control(func(fd uintptr) {
		err = unix.EpollCtl(s.epfd, unix.EPOLL_CTL_ADD, int(fd), &unix.EpollEvent{Events: unix.EPOLLIN, Fd: m.id})
	}); cerr != nil {
		return nil, cerr
	}
	if err != nil {
		return nil, err
	}
	s.members[m.id] = m
	return m, nil
}

// Remove takes m out of the set: no Deliver or Fail of it starts after
// Remove returns (one under way on another goroutine may still run:
// Quiesce waits for it). Call it before the socket's descriptor is closed.
func (s *Set) Remove(m *Member) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if m.removed {
		return
	}
	m.removed = true
	delete(s.members, m.id)
	if !s.closed {
		m.rc.Control(func(fd uintptr) {
			unix.EpollCtl(s.epfd, unix.EPOLL_CTL_DEL, int(fd), nil)
		})
	}
}

// Quiesce waits until no Wait is reading or delivering m. Never call it
// from within m's Deliver or Fail.
func (m *Member) Quiesce() {
	m.busy.Lock()
	m.busy.Unlock() //nolint:staticcheck // an empty critical section: waiting is the point
}

// Wake makes the set's descriptor readable, and a Wait under way or the
// next one return with woke set.
func (s *Set) Wake() {
	var one [8]byte
	binary.NativeEndian.PutUint64(one[:], 1)
	unix.Write(s.efd, one[:]) // cannot fail short of 2^64-1 wakes
}

// Wait waits up to timeoutMs milliseconds (0: not at all; negative:
// without limit) until a socket of the set is readable or Wake was called,
// then reads each ready socket once and hands its batch to its Handler,
// calling before (when not nil) ahead of each batch or error. It reports
// whether Wake was called since the last Wait saw it; err is epoll's own
// error (an interrupted wait returns nothing and no error).
func (s *Set) Wait(timeoutMs int, before func()) (woke bool, err error) {
	s.waitMu.Lock()
	defer s.waitMu.Unlock()
	n, err := unix.EpollWait(s.epfd, s.events[:], timeoutMs)
	if err != nil {
		if err == unix.EINTR {
			return false, nil
		}
		return false, err
	}
	for i := 0; i < n; i++ {
		id := s.events[i].Fd
		if id == 0 {
			var buf [8]byte
			unix.Read(s.efd, buf[:]) // resets the counter
			woke = true
			continue
		}
		s.mu.Lock()
		m := s.members[id]
		if m != nil {
			m.busy.Lock()
		}
		s.mu.Unlock()
		if m != nil {
			s.read(m, before)
			m.busy.Unlock()
		}
	}
	return woke, nil
}

// read reads m once and delivers what came; m.busy is held.
func (s *Set) read(m *Member, before func()) {
	var b *Batch
	var rerr error
	if err := m.rc.Control(func(fd uintptr) { b, rerr = m.r.Read(int(fd)) }); err != nil {
		return // closed meanwhile
	}
	if rerr == unix.EAGAIN {
		return
	}
	if before != nil {
		before()
	}
	if rerr != nil {
		m.h.Fail(rerr)
		return
	}
	m.h.Deliver(b)
	b.Release()
}

// Close closes the set's descriptors. Its sockets are not closed; Wait and
// Add must not be called after it.
func (s *Set) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	s.mu.Unlock()
	s.waitMu.Lock() // a Wait under way ends first
	defer s.waitMu.Unlock()
	unix.Close(s.efd)
	return unix.Close(s.epfd)
}
