package dgramjs

import (
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// parker makes the loop's goroutine wait for its set in Go's own poller:
// a duplicate of the set's epoll descriptor, non-blocking, registered
// with the runtime's netpoller (an epoll instance may sit in another). A
// goroutine parked there holds no thread or processor, so the core's
// goroutines and the timers run meanwhile, and the thread that wakes for
// a datagram runs the loop's goroutine at once; a goroutine blocked in
// epoll_wait would hold the host's one processor in a system call until
// the runtime's monitor took it back (up to 10 ms later).
type parker struct {
	f  *os.File
	rc syscall.RawConn
}

// newParker makes the parker of the set whose descriptor is fd, or nil.
func newParker(fd int) *parker {
	dup, err := unix.FcntlInt(uintptr(fd), unix.F_DUPFD_CLOEXEC, 0)
	if err != nil {
		return nil
	}
	if err := unix.SetNonblock(dup, true); err != nil {
		unix.Close(dup)
		return nil
	}
	f := os.NewFile(uintptr(dup), "dgramjs-loop")
	rc, err := f.SyscallConn()
	if err != nil {
		f.Close()
		return nil
	}
	return &parker{f: f, rc: rc}
}

// park calls poll, and again each time the descriptor became readable,
// until poll reports it found something.
func (p *parker) park(poll func() bool) {
	p.rc.Read(func(uintptr) bool { return poll() })
}

func (p *parker) close() { p.f.Close() }
