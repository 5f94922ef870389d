package dgram

import (
	"context"
	"net"
	"net/netip"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/net/ipv4"
	"golang.org/x/net/ipv6"
)

// state is where a socket is in its life.
type state int

const (
	unbound state = iota // created; no operating-system socket yet
	binding              // bind requested; 'listening' not yet emitted
	bound                // bound and receiving
	closed               // close requested (maybe queued behind pending sends)
)

// Socket is a UDP socket with Node's dgram semantics. Create one with
// CreateSocket or CreateSocketType. Its listeners run one at a time, in
// the order the events happened, never inside the call that caused them;
// a listener must not block waiting for another event of the same socket.
type Socket struct {
	family         *socketFamily
	platform       Platform
	reuseAddr      bool
	recvBufferSize int
	sendBufferSize int
	pooledReceive  bool // 'message' listeners borrow the reader's buffer
	events         socketEvents

	// mu guards the state and the connection. Sends hold it shared while
	// they write, so that close (which holds it exclusively) knows that
	// every send callback was posted before 'close'.
	mu    sync.RWMutex
	state state
	conn  *net.UDPConn
	p4    *ipv4.PacketConn // udp4 options
	p6    *ipv6.PacketConn // udp6 options
	// queue holds the work that waits for 'listening' (sends made before
	// the socket was bound, and a close requested meanwhile); nil when no
	// work waits.
	queue []func()
	out   sendQueue // batched sends (sendq.go)

	dispatcher  dispatcher
	stopped     atomic.Bool   // set once close runs: the reader drops what it reads
	reads       atomic.Uint64 // read batches so far (the send queue's stream test)
	readerDone  chan struct{} // closed when the reader has returned
	bindListnID uint64        // the bindListener to drop if bind fails
}

// createSocket is the core of createSocket: arguments are valid here.
func createSocket(typ string, reuseAddr bool, recvBufferSize int, sendBufferSize int, pooledReceive bool, platform Platform, callback MessageListener) (*Socket, error) {
	s := &Socket{
		family:         lookupFamily(typ),
		platform:       platform,
		reuseAddr:      reuseAddr,
		recvBufferSize: recvBufferSize,
		sendBufferSize: sendBufferSize,
		pooledReceive:  pooledReceive,
	}
	s.dispatcher.init(s)
	s.out.cond.L = &s.out.mu
	if callback != nil {
		s.OnMessage(callback)
	}
	return s, nil
}

// bind is the core of bind and the implicit bind of send: it checks the
// state and hands the work to the dispatcher, so that 'listening' (or
// 'error') comes after bind returns.
func (s *Socket) bind(port int, address string, bindListener ListeningListener) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch s.state {
	case closed:
		return notRunning()
	case binding, bound:
		return codeError(ErrSocketAlreadyBound, "")
	}
	s.state = binding
	if bindListener != nil {
		s.bindListnID = s.events.listening.add(bindListener)
	}
	s.dispatcher.post(func() { s.open(port, address) })
	return nil
}

// open creates and binds the operating-system socket, on the dispatcher.
// Success runs the queued work and emits 'listening'; failure emits
// 'error' and drops the queue, as Node does. A socket closed meanwhile
// emits neither.
func (s *Socket) open(port int, address string) {
	conn, err := s.listen(port, address)
	s.mu.Lock()
	if s.state == closed && s.queue == nil {
		s.mu.Unlock()
		if conn != nil {
			conn.Close()
		}
		return
	}
	if err != nil {
		// Node drops the queued sends, and their callbacks are never
		// called. A close that was queued still happens, after the error.
		s.queue = nil
		s.events.listening.remove(s.bindListnID)
		if s.state == closed {
			s.shutdownLocked()
		} else {
			s.state = unbound
		}
		s.mu.Unlock()
		s.emitError(err)
		return
	}
	s.conn = conn
	if s.family.family == "IPv4" {
		s.p4 = ipv4.NewPacketConn(conn)
	} else {
		s.p6 = ipv6.NewPacketConn(conn)
	}
	if s.state == binding {
		s.state = bound
	}
	s.readerDone = make(chan struct{})
	s.mu.Unlock()

	go s.read(conn, s.readerDone)
	// The queued datagrams go out first; their callbacks are posted, so
	// they run after 'listening', and a close() from a 'listening'
	// listener cannot cut the queue short. The queue stays open (non-nil)
	// until it is empty: a send or a close() that comes while it is being
	// written joins it, behind the datagrams sent before.
	for {
		s.mu.Lock()
		queue := s.queue
		if len(queue) == 0 {
			s.queue = nil
			s.mu.Unlock()
			break
		}
		s.queue = queue[len(queue):]
		s.mu.Unlock()
		for _, work := range queue {
			work()
		}
	}
	s.emitListening()
}

// listen resolves the address and binds a socket with the socket's
// options: SO_REUSEADDR before bind when asked, SO_BROADCAST cleared (Go
// sets it on every UDP socket; Node's sockets start without it), and the
// buffer sizes.
func (s *Socket) listen(port int, address string) (*net.UDPConn, *Error) {
	ip, err := s.resolve("bind", address, port)
	if err != nil {
		return nil, err
	}
	lc := net.ListenConfig{Control: func(_, _ string, rc syscallConn) error {
		return controlSocket(rc, s.reuseAddr)
	}}
	network := "udp4"
	if s.family.family == "IPv6" {
		network = "udp6"
	}
	pc, lerr := lc.ListenPacket(context.Background(), network, netip.AddrPortFrom(ip, uint16(port)).String())
	if lerr != nil {
		return nil, sysError("bind", lerr, address, port)
	}
	conn := pc.(*net.UDPConn)
	if s.recvBufferSize > 0 {
		if err := conn.SetReadBuffer(s.recvBufferSize); err != nil {
			conn.Close()
			return nil, sysError("bind", err, address, port)
		}
	}
	if s.sendBufferSize > 0 {
		if err := conn.SetWriteBuffer(s.sendBufferSize); err != nil {
			conn.Close()
			return nil, sysError("bind", err, address, port)
		}
	}
	return conn, nil
}

// resolve turns an address argument into an IP of the socket's family: an
// IP literal directly, anything else through the resolver. An address of
// the other family is EINVAL, as in Node.
func (s *Socket) resolve(syscall, address string, port int) (netip.Addr, *Error) {
	ip, err := netip.ParseAddr(address)
	if err != nil && looksLiteral(address) {
		return netip.Addr{}, notFound(address, err)
	}
	if err != nil {
		network := "ip4"
		if s.family.family == "IPv6" {
			network = "ip6"
		}
		ips, lerr := net.DefaultResolver.LookupNetIP(context.Background(), network, address)
		if lerr != nil || len(ips) == 0 {
			return netip.Addr{}, notFound(address, lerr)
		}
		ip = ips[0]
	}
	if ip.Is4In6() && s.family.family == "IPv4" {
		ip = ip.Unmap()
	}
	if ip.Is4() != (s.family.family == "IPv4") {
		return netip.Addr{}, sysCodeError(syscall, EINVAL, address, port)
	}
	return ip, nil
}

// looksLiteral reports an address that can only be a (malformed) IP
// literal, which is not worth a name lookup: digits and dots, or a colon.
func looksLiteral(address string) bool {
	return strings.Contains(address, ":") || strings.Trim(address, "0123456789.") == ""
}

// notFound is the error of an address that does not resolve, as Node
// words it.
func notFound(address string, cause error) *Error {
	return &Error{Code: ENOTFOUND, Kind: KindError, Message: "getaddrinfo ENOTFOUND " + address,
		Syscall: "getaddrinfo", Address: address, Err: cause}
}

// close is the core of close. Work still queued behind an implicit bind
// runs first, as in Node: the close joins the queue.
func (s *Socket) close(closeListener CloseListener) error {
	if closeListener != nil {
		s.OnClose(closeListener) // before the state check, as in Node
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.state == closed {
		return notRunning()
	}
	s.state = closed
	if s.queue != nil {
		s.queue = append(s.queue, s.shutdown)
		return nil
	}
	s.shutdownLocked()
	return nil
}

// shutdown runs a queued close.
func (s *Socket) shutdown() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.shutdownLocked()
}

// shutdownLocked writes what sends queued, closes the connection, which
// ends the reader, and asks
// the dispatcher to emit 'close' once the reader is gone.
func (s *Socket) shutdownLocked() {
	s.stopped.Store(true)
	s.drain() // the datagrams sent before close go out first
	if s.conn != nil {
		s.conn.Close()
	}
	s.dispatcher.stop(s.readerDone)
}

// address is the core of address.
func (s *Socket) address() (AddressInfo, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.checkBound("getsockname"); err != nil {
		return AddressInfo{}, err
	}
	ap := s.conn.LocalAddr().(*net.UDPAddr).AddrPort()
	return AddressInfo{Address: ap.Addr().Unmap(), Family: s.family.family, Port: int(ap.Port())}, nil
}

// checkBound is the state check of every call that needs the
// operating-system socket: ERR_SOCKET_DGRAM_NOT_RUNNING after close, and
// "<syscall> EBADF" before bind, as in Node. The caller holds mu.
func (s *Socket) checkBound(syscall string) error {
	switch {
	case s.state == closed:
		return notRunning()
	case s.conn == nil:
		return sysCodeError(syscall, EBADF, "", 0)
	}
	return nil
}

// String describes the socket for debugging: "udp4 127.0.0.1:41234".
func (s *Socket) String() string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.conn == nil || s.state == closed {
		return s.family.typ + " (" + [...]string{"unbound", "binding", "bound", "closed"}[s.state] + ")"
	}
	ap := s.conn.LocalAddr().(*net.UDPAddr).AddrPort()
	return s.family.typ + " " + net.JoinHostPort(ap.Addr().Unmap().String(), strconv.Itoa(int(ap.Port())))
}
