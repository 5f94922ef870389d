package dgram

import (
	"errors"
	"net"
	"net/netip"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dgramkit/dgramkit/internal/corehooks"
)

// Sends that come faster than one system call each can carry are batched:
// while a socket streams (streak sends in a row each started within
// streamGap of the previous one's end with no read in between, or a batch
// is being written), its datagrams are copied into a queue and a flusher
// goroutine writes them several per system call (sendmmsg on Linux), in
// order. A socket that sends now and then writes each datagram at once, in
// the caller, as before: no hop, no added latency. Either way the send
// callback is posted after the write, so the ordering guarantees do not
// change, and close waits for the queue.
const (
	streamGap   = 2 * time.Microsecond // below a loopback round trip (3 µs here), so a ping-pong is no stream
	streak      = 4                    // one short gap is no stream: on loopback a reply can beat sendto's return
	maxQueued   = 256                  // datagrams waiting; a sender waits beyond this
	maxQueuedB  = 1 << 20              // bytes waiting; at least one datagram is always let in
	maxPerFlush = 64                   // messages per system call (a GSO one carries several datagrams)
)

// outgoing is a queued datagram: its bytes are data[off:off+n].
type outgoing struct {
	to      netip.AddrPort
	off, n  int
	cb      SendCallback
	address string // for an error's message
	port    int
}

// sendQueue is a socket's batched sends.
type sendQueue struct {
	mu      sync.Mutex
	cond    sync.Cond // broadcast when the flusher takes a batch or stops
	items   []outgoing
	data    []byte
	running bool         // a flusher goroutine writes the queue
	short   int          // consecutive sends that started within streamGap
	held    int          // HoldSends calls not yet released
	reads   uint64       // the socket's read batches at the last send
	conn    *net.UDPConn // where the queued datagrams go

	spareItems []outgoing
	spareData  []byte
	last       atomic.Int64 // when the last direct write ended (monotonic ns)

	w *batchWriter // the flusher's, made on first use
}

// epoch anchors the monotonic clock of sendQueue.last.
var epoch = time.Now()

func monoNow() int64 { return int64(time.Since(epoch)) }

// writeDatagram writes one datagram to to; port 0 marks a connected
// socket's send (to is its peer), written without a destination, which
// every system takes on a connected socket (the BSDs refuse sendto's with
// EISCONN). Linux's sendmmsg path names the peer, which Linux takes.
func writeDatagram(conn *net.UDPConn, msg []byte, to netip.AddrPort, port int) (int, error) {
	if port == 0 {
		return conn.Write(msg)
	}
	return conn.WriteToUDPAddrPort(msg, to)
}

// writeTo sends one datagram to to and posts its outcome to the
// callback, at once or through the queue. The socket is bound, and close
// cannot run meanwhile (the caller holds s.mu shared, or is the dispatcher
// writing the implicit bind's queue).
func (s *Socket) writeTo(conn *net.UDPConn, msg []byte, to netip.AddrPort, address string, port int, cb SendCallback) {
	q := &s.out
	if heldSockets.n.Load() > 0 {
		heldSockets.writeOthers(s) // calls made in order take effect in order, across sockets too
	}
	q.mu.Lock()
	// A send that follows a new read is an answer, not part of a stream:
	// in ping-pong the reply can come before sendto returns, so the gap
	// alone would mistake it for one.
	// While a flusher runs or sends are held, the datagram is queued
	// whatever the gap: no clock read.
	reads := s.reads.Load()
	switch {
	case q.running || q.held > 0:
	case reads != q.reads || monoNow()-q.last.Load() > int64(streamGap):
		q.short = 0
	case q.short < streak:
		q.short++
	}
	q.reads = reads
	if !q.running && q.short < streak && q.held == 0 {
		q.mu.Unlock()
		n, err := writeDatagram(conn, msg, to, port)
		q.last.Store(monoNow())
		s.sent(cb, n, err, address, port)
		return
	}
	// A datagram that does not fit waits for the flusher, which is
	// started here if it is not running (a held queue has none), so the
	// wait always ends.
	for len(q.items) > 0 && (len(q.items) >= maxQueued || len(q.data)+len(msg) > maxQueuedB) {
		if !q.running {
			q.running = true
			go s.flush(q.conn)
		}
		q.cond.Wait()
	}
	q.conn = conn
	q.items = append(q.items, outgoing{to: to, off: len(q.data), n: len(msg), cb: cb, address: address, port: port})
	q.data = append(q.data, msg...)
	if !q.running && (q.held == 0 || len(q.items) >= maxQueued || len(q.data) >= maxQueuedB) {
		// (the flusher may have emptied the queue and gone while we
		// waited; a held queue that is full is written meanwhile)
		q.running = true
		go s.flush(conn)
	}
	q.mu.Unlock()
}

func init() {
	corehooks.HoldSends = func(socket any) { socket.(*Socket).holdSends() }
	corehooks.ReleaseSends = func(socket any) { socket.(*Socket).releaseSends() }
	corehooks.OnClosing = func(socket any, fn func()) { socket.(*Socket).onClosing(fn) }
	corehooks.AfterReadBatch = func(socket any, fn func()) { socket.(*Socket).afterReadBatch(fn) }
	corehooks.PooledReceive = func(socket any) { socket.(*Socket).setPooledReceive() }
	corehooks.CallbackLock = func(socket any) (func(int64), func()) { return socket.(*Socket).callbackLock() }
}

// holdSends queues the datagrams this socket sends from now on until the
// matching releaseSends, which writes them together (several per system
// call, sendmmsg on Linux). It is for a binding that knows it is about to
// send a burst with work in between, such as several 'message' events on
// its event loop (internal/corehooks); a Go program that sends in a loop
// batches without it. Datagrams keep their order, their callbacks come
// after the write, and close writes held datagrams first. Holds nest; a
// full queue is written without waiting for the release.
func (s *Socket) holdSends() {
	s.out.mu.Lock()
	s.out.held++
	first := s.out.held == 1
	s.out.mu.Unlock()
	if first {
		heldSockets.add(s)
	}
}

// heldSockets are the sockets whose sends are held. A send on any other
// socket writes their datagrams first, so that a binding's hold never
// reorders what the program sent: calls made in order take effect in
// order, across sockets too.
var heldSockets heldSet

// heldSet is a set of sockets with held sends.
type heldSet struct {
	n       atomic.Int32 // len(sockets), read without the lock on every send
	mu      sync.Mutex
	sockets []*Socket
}

func (h *heldSet) add(s *Socket) {
	h.mu.Lock()
	h.sockets = append(h.sockets, s)
	h.n.Store(int32(len(h.sockets)))
	h.mu.Unlock()
}

func (h *heldSet) remove(s *Socket) {
	h.mu.Lock()
	for i, o := range h.sockets {
		if o == s {
			h.sockets = append(h.sockets[:i], h.sockets[i+1:]...)
			break
		}
	}
	h.n.Store(int32(len(h.sockets)))
	h.mu.Unlock()
}

// writeOthers writes the held datagrams of every socket but s now, and
// waits for them to be written.
func (h *heldSet) writeOthers(s *Socket) {
	var buf [8]*Socket // the common case allocates nothing
	h.mu.Lock()
	others := buf[:0]
	for _, o := range h.sockets {
		if o != s {
			others = append(others, o)
		}
	}
	h.mu.Unlock()
	for _, o := range others {
		o.writeHeld()
	}
}

// writeHeld writes what the socket's queue holds, held or not, and waits
// for it, as drain does, keeping the hold for what it sends next.
func (s *Socket) writeHeld() {
	s.out.mu.Lock()
	s.out.waitWriter()
	s.takeOver(s.out.conn)
}

// releaseSends ends a holdSends: when it is the last hold, the held
// datagrams are written before it returns (unless a flusher is running,
// which writes them).
func (s *Socket) releaseSends() {
	q := &s.out
	q.mu.Lock()
	if q.held > 0 {
		q.held--
		if q.held == 0 {
			defer heldSockets.remove(s)
		}
	}
	if q.held > 0 {
		q.mu.Unlock()
		return
	}
	// Close waits for a running flush: the connection is still open.
	s.takeOver(q.conn)
}

// waitWriter waits, holding q.mu, until no flusher runs.
func (q *sendQueue) waitWriter() {
	for q.running {
		q.cond.Wait()
	}
}

// takeOver makes the caller the queue's flusher: with q.mu held, unless a
// flusher runs or the queue is empty, it marks the queue running and
// writes it all to conn before it returns. It unlocks q.mu. With
// waitWriter before it, this is "wait for the writer, take over, flush",
// which writeHeld, releaseSends and drain share.
func (s *Socket) takeOver(conn *net.UDPConn) {
	q := &s.out
	if q.running || len(q.items) == 0 {
		q.mu.Unlock()
		return
	}
	q.running = true
	q.mu.Unlock()
	s.flush(conn)
}

// sent posts a write's outcome to its callback. Without a callback an
// error is dropped, as in Node; so is a datagram the socket's close cut
// short.
func (s *Socket) sent(cb SendCallback, n int, err error, address string, port int) {
	if cb == nil || errors.Is(err, net.ErrClosed) {
		return
	}
	if err != nil {
		serr := sysError("send", err, address, port)
		s.dispatcher.post(func() { cb(serr, 0) })
		return
	}
	s.dispatcher.post(func() { cb(nil, n) })
}

// flush is the flusher: it writes the queue in batches until it is empty.
func (s *Socket) flush(conn *net.UDPConn) {
	q := &s.out
	for {
		q.mu.Lock()
		if len(q.items) == 0 {
			q.running = false
			q.last.Store(monoNow())
			q.cond.Broadcast()
			q.mu.Unlock()
			return
		}
		items, data := q.items, q.data
		q.items, q.data = q.spareItems[:0], q.spareData[:0]
		q.spareItems, q.spareData = nil, nil
		q.cond.Broadcast()
		q.mu.Unlock()

		if q.w == nil {
			q.w = newBatchWriter(conn)
		}
		for i := 0; i < len(items); {
			k, err := q.w.write(items[i:], data) // as many as one system call takes
			for _, it := range items[i : i+k] {
				s.sent(it.cb, it.n, nil, "", 0)
			}
			i += k
			if err != nil { // the datagram at i failed
				it := items[i]
				s.sent(it.cb, 0, err, it.address, it.port)
				i++
			}
		}
		clear(items)
		q.mu.Lock()
		q.spareItems, q.spareData = items[:0], data[:0]
		q.mu.Unlock()
	}
}

// drain writes everything queued, held or not, and waits for the flusher:
// close calls it before closing the connection, holding s.mu, so no send
// can queue more meanwhile.
func (s *Socket) drain() {
	q := &s.out
	q.mu.Lock()
	q.waitWriter()
	if q.held > 0 {
		q.held = 0
		defer heldSockets.remove(s)
	}
	s.takeOver(s.conn)
}
