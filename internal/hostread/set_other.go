//go:build !linux

package hostread

import (
	"errors"
	"net/netip"
	"syscall"
)

// Where there is no epoll, NewSet fails with errors.ErrUnsupported and a
// host keeps a reader goroutine per socket; the types exist so that code
// using them builds everywhere.

// Handler receives what a Set reads from one socket.
type Handler interface {
	Deliver(b *Batch)
	Fail(err error)
}

// Batch is the datagrams of one read.
type Batch struct{}

// Len is the number of datagrams in the batch.
func (b *Batch) Len() int { return 0 }

// Datagram is the i-th datagram of the batch and its sender.
func (b *Batch) Datagram(int) ([]byte, netip.AddrPort) { return nil, netip.AddrPort{} }

// Member is a socket in a Set.
type Member struct{}

// Quiesce waits until no Wait is delivering m.
func (m *Member) Quiesce() {}

// Set is a set of sockets a host waits on.
type Set struct{}

// NewSet fails: there is no epoll here.
func NewSet() (*Set, error) { return nil, errors.ErrUnsupported }

// FD is the set's descriptor.
func (s *Set) FD() int { return -1 }

// Add puts a socket in the set.
func (s *Set) Add(syscall.RawConn, bool, Handler) (*Member, error) { return nil, errors.ErrUnsupported }

// Remove takes m out of the set.
func (s *Set) Remove(*Member) {}

// Wake makes a Wait return.
func (s *Set) Wake() {}

// Wait waits for the set's sockets.
func (s *Set) Wait(int, func()) (bool, error) { return false, errors.ErrUnsupported }

// Close closes the set.
func (s *Set) Close() error { return nil }
