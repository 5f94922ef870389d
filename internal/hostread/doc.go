// Package hostread reads UDP sockets in batches into buffers borrowed from
// a pool shared by every socket, and reads them where a host waits: on the
// goroutine (or the C thread, through cgo) that waits for its sockets, so
// that the thread that wakes for a datagram is the one that runs its
// callback, with no second wake-up in between (as libuv's loop does).
//
// It is Linux only (recvmmsg(2), epoll(7), eventfd(2)).
//
// # Reading a socket: Reader and Batch
//
//	r := hostread.NewReader(gro)        // a socket's receive state: a few words
//	b, err := r.Read(fd)                // one non-blocking recvmmsg into pooled buffers
//	                                    // (nil, unix.EAGAIN when nothing is there)
//	for i := 0; i < b.Len(); i++ {
//		msg, from := b.Datagram(i)      // valid until b.Release
//	}
//	b.Release()                         // the buffers go back to the pool
//
// A Reader owns no buffer between reads: Read takes a batch of buffers from
// the pool just before recvmmsg and the caller gives it back when the
// batch's datagrams were delivered, so memory grows with the reads under
// way, not with the sockets. A Reader starts with a batch of one buffer and
// doubles it (up to MaxBatch) when a read fills it. With gro (UDP_GRO is
// on), a buffer that holds several datagrams of one sender is split back
// into them by the segment size the kernel gives. A goroutine that parks
// in syscall.RawConn.Read calls Read from the function it passes.
//
// # Reading where the host waits: Set
//
//	set, err := hostread.NewSet()       // an epoll set, and an eventfd in it
//	m, err := set.Add(rc, gro, handler) // a socket (its syscall.RawConn)
//	fd := set.FD()                      // readable when a socket is, or after Wake
//	woke, err := set.Wait(timeoutMs, nil)    // waits, then reads every ready socket
//	set.Wake()                          // makes FD readable and a Wait return (woke)
//	set.Remove(m)                       // no delivery of m starts after it returns
//	m.Quiesce()                         // waits for a delivery of m under way elsewhere
//	set.Close()
//
// Wait waits up to timeoutMs (0: not at all, negative: without limit) for
// the set's descriptor, then reads each ready socket once, without
// blocking, and hands each batch to its Handler's Deliver on the calling
// goroutine; a receive error other than EAGAIN goes to the Handler's Fail,
// and the socket stays in the set (reading goes on: the error was the
// socket's pending one, which the read consumed). Before each batch it
// calls the before function it was given (when not nil), so that events a
// host queued before the datagrams arrived (such as 'listening') run
// first. A socket that stays ready after its batch (a flood) is read again
// at the next Wait, after the other ready sockets: one socket cannot starve
// the others. Calls of Wait are serialized.
//
// Remove takes the socket out of the set: no Deliver of it starts after
// Remove returns. A Deliver already under way on another goroutine may
// still be running; Quiesce waits for it (never call it from within that
// Deliver: a host that closes a socket from its own callback knows it is
// there).
//
// A socket must be read by one reader only: one in a Set is not read by a
// goroutine of its own.
package hostread
