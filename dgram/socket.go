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
	bound                // bound (within bind or send) and receiving
	closed               // close requested
)

// Socket is a UDP socket with Node's dgram semantics. Create one with
// CreateSocket or CreateSocketType. Its listeners run one at a time, in
// the order the events happened, never inside the call that caused them;
// a listener must not block waiting for another event of the same socket.
type Socket struct {
	family         *socketFamily
	platform       Platform
	reuseAddr      bool
	reusePort      bool
	ipv6Only       bool
	recvBufferSize int
	sendBufferSize int
	pooledReceive  bool   // 'message' listeners borrow the reader's buffer
	supported      uint64 // the calls platform supports (supportedCalls)
	events         socketEvents

	// mu guards the state and the connection. Sends hold it shared while
	// they write, so that close (which holds it exclusively) knows that
	// every send callback was posted before 'close'.
	mu    sync.RWMutex
	state state
	conn  *net.UDPConn
	p4    *ipv4.PacketConn // udp4 options
	p6    *ipv6.PacketConn // udp6 options
	out   sendQueue        // batched sends (sendq.go)
	peer  netip.AddrPort   // the peer connect gave; invalid when not connected
	// disconnected: disconnect ran once, after which the local address is
	// read from the system (Linux forgets a port it chose on disconnect)
	disconnected bool

	dispatcher dispatcher
	stopped    atomic.Bool              // set once close runs: the reader drops what it reads
	reads      atomic.Uint64            // read batches so far (the send queue's stream test)
	readerDone chan struct{}            // closed when the reader has returned (or will never start)
	readerStop chan struct{}            // closed by close: ends the reader's pause after errors
	closing    []func()                 // the bindings' hooks that close runs (corehooks.OnClosing); guarded by mu
	afterRun   atomic.Pointer[[]func()] // the bindings' hooks run after each run of listeners (corehooks.AfterReadBatch)
	locks      []*callbackLock          // the bindings' callback locks that close waits for (corehooks.CallbackLock); guarded by mu
	lastTo     atomic.Pointer[literal]  // the last IP literal send resolved (resolveSend)
}

// onClosing adds fn to what close runs before it returns.
func (s *Socket) onClosing(fn func()) {
	s.mu.Lock()
	s.closing = append(s.closing, fn)
	s.mu.Unlock()
}

// afterReadBatch adds fn to what the reader runs after each batch (and
// the dispatcher after each task).
func (s *Socket) afterReadBatch(fn func()) {
	s.mu.Lock()
	var fns []func()
	if old := s.afterRun.Load(); old != nil {
		fns = append(fns, *old...)
	}
	fns = append(fns, fn)
	s.afterRun.Store(&fns)
	s.mu.Unlock()
}

// callbackLock makes a lock that a binding holds while it runs the
// socket's callbacks on a thread of its own, and that close waits for.
func (s *Socket) callbackLock() (lock func(by int64), unlock func()) {
	l := &callbackLock{}
	s.mu.Lock()
	s.locks = append(s.locks, l)
	s.mu.Unlock()
	return l.lock, l.unlock
}

// setPooledReceive turns PooledReceive on; the reader reads it once
// bound (it starts after bind, which takes mu).
func (s *Socket) setPooledReceive() {
	s.mu.Lock()
	s.pooledReceive = true
	s.mu.Unlock()
}

// createSocket is the core of createSocket: arguments are valid here.
func createSocket(typ string, reuseAddr bool, reusePort bool, ipv6Only bool, recvBufferSize int, sendBufferSize int, pooledReceive bool, platform Platform, callback MessageListener) (*Socket, error) {
	s := &Socket{
		family:         lookupFamily(typ),
		platform:       platform,
		reuseAddr:      reuseAddr,
		reusePort:      reusePort,
		ipv6Only:       ipv6Only,
		recvBufferSize: recvBufferSize,
		sendBufferSize: sendBufferSize,
		pooledReceive:  pooledReceive,
		supported:      supportedCalls(platform),
	}
	s.dispatcher.init(s)
	s.out.cond.L = &s.out.mu
	if callback != nil {
		s.OnMessage(callback)
	}
	return s, nil
}

// check is the first check of every method: the socket must be one that
// CreateSocket made (not nil, not a zero Socket), and the call supported
// on its platform.
func (s *Socket) check(c Call) error {
	if s == nil || s.family == nil {
		return codeError(ErrInvalidThis, "")
	}
	if c >= 0 && c < 64 && s.supported&(1<<c) != 0 {
		return nil
	}
	return checkSupport(s.platform, c)
}

// supportedCalls is the set of calls platform p does not mark X, a bit
// per Call, for check's fast path.
func supportedCalls(p Platform) uint64 {
	var set uint64
	for c := Call(0); c < 64; c++ {
		if support, _ := Supports(p, c); support != Unsupported {
			set |= 1 << c
		}
	}
	return set
}

// mustListen refuses, at the call, a listener that could only fail later
// on a library goroutine: a nil listener, or a socket CreateSocket did not
// make. Like net/http's Handle with a nil handler, it panics, naming the
// method: it is a mistake in the program, not a condition to handle.
func (s *Socket) mustListen(method string, nilListener bool) {
	switch {
	case s == nil || s.family == nil:
		panic("dgram: " + method + " on a nil or zero Socket; make sockets with CreateSocket")
	case nilListener:
		panic("dgram: " + method + " with a nil listener")
	}
}

// bind is the core of bind: it creates and binds the operating-system
// socket within the call, so a datagram sent after bind returns reaches
// it, and returns the failure (Go and C report it from the call;
// JavaScript emits it, see the spec's reporting). 'listening' comes
// after bind returns.
func (s *Socket) bind(port int, address string, bindListener ListeningListener) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch s.state {
	case closed:
		return notRunning()
	case bound:
		return codeError(ErrSocketAlreadyBound, "")
	}
	var id uint64
	if bindListener != nil { // before the bind posts 'listening'
		id = s.events.listening.add(bindListener)
	}
	if err := s.openLocked(port, address); err != nil {
		s.events.listening.remove(id) // a failed bind's listener never runs
		return err
	}
	return nil
}

// openLocked creates and binds the operating-system socket and posts
// 'listening'; the reader starts with it and delivers nothing before it.
// A socket closed before then emits neither. The caller holds mu
// exclusively and the socket is unbound.
func (s *Socket) openLocked(port int, address string) error {
	conn, err := s.listen(port, address)
	if err != nil {
		return err
	}
	s.conn = conn
	if s.family.family == "IPv4" {
		s.p4 = ipv4.NewPacketConn(conn)
	} else {
		s.p6 = ipv6.NewPacketConn(conn)
	}
	s.state = bound
	done, stop := make(chan struct{}), make(chan struct{})
	s.readerDone, s.readerStop = done, stop
	s.dispatcher.post(func() {
		if s.stopped.Load() {
			close(done)
			return
		}
		// The dispatcher holds the emit lock while this runs, so the
		// reader, started first (a listener may count goroutines), cannot
		// deliver before 'listening' was emitted.
		go s.read(conn, done, stop)
		s.emitListening()
	})
	return nil
}

// listen resolves the address and binds a socket with the socket's
// options: SO_REUSEADDR and SO_REUSEPORT before bind when asked,
// SO_BROADCAST cleared (Go sets it on every UDP socket; Node's sockets
// start without it), IPV6_V6ONLY on udp6 only when asked (Go sets it on
// every udp6 socket; Node's udp6 socket bound to :: is dual-stack), and
// the buffer sizes.
func (s *Socket) listen(port int, address string) (*net.UDPConn, *Error) {
	ip, err := s.resolve("bind", address, port)
	if err != nil {
		return nil, err
	}
	opts := bindOptions{reuseAddr: s.reuseAddr, reusePort: s.reusePort, v6: s.family.family == "IPv6", ipv6Only: s.ipv6Only}
	control := func(rc syscallConn) error { return controlSocket(rc, opts) }
	var conn *net.UDPConn
	var lerr error
	if ap := netip.AddrPortFrom(ip, uint16(port)); opts.v6 && ip.Is4In6() {
		conn, lerr = listenMapped(ap, control) // Go's net takes it for IPv4
	} else {
		network := "udp4"
		if opts.v6 {
			network = "udp6"
		}
		lc := net.ListenConfig{Control: func(_, _ string, rc syscallConn) error { return control(rc) }}
		var pc net.PacketConn
		if pc, lerr = lc.ListenPacket(context.Background(), network, ap.String()); lerr == nil {
			conn = pc.(*net.UDPConn)
		}
	}
	if lerr != nil {
		return nil, sysError("bind", lerr, address, port)
	}
	for _, b := range []struct {
		size int
		o    *sockOpt
	}{{s.recvBufferSize, &optRecvBufferSize}, {s.sendBufferSize, &optSendBufferSize}} {
		if err := applyBufferSize(conn, b.size, b.o, s.family.family == "IPv6"); err != nil {
			conn.Close()
			return nil, err
		}
	}
	return conn, nil
}

// applyBufferSize sets a buffer size option of createSocket on the bound
// conn (0 keeps the system's). A failure is the option's code, as Node's
// startListening throws it (ERR_SOCKET_BUFFER_SIZE: uv_recv_buffer_size
// returned EINVAL for a size beyond a C int).
func applyBufferSize(conn *net.UDPConn, size int, o *sockOpt, v6 bool) *Error {
	if size == 0 {
		return nil
	}
	k := o.v4
	if v6 {
		k = o.v6
	}
	rc, err := conn.SyscallConn()
	if err != nil {
		return o.failure("bind", err)
	}
	var operr error
	err = rc.Control(func(fd uintptr) { operr = setsockoptCInt(fd, k, size) })
	if err == nil {
		err = operr
	}
	if err != nil {
		return o.failure("bind", err)
	}
	return nil
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

// addrPort is ap as a socket of family f reports it, as Node does: an
// IPv4 socket's address as 4 bytes, an IPv6 socket's as it is, an
// IPv4-mapped one (::ffff:127.0.0.1) included.
func (f *socketFamily) addrPort(ap netip.AddrPort) netip.AddrPort {
	if f.family == "IPv4" {
		return netip.AddrPortFrom(ap.Addr().Unmap(), ap.Port())
	}
	return ap
}

// bindOptions are the options controlSocket sets before bind.
type bindOptions struct {
	reuseAddr bool // SO_REUSEADDR (soReuse, per OS)
	reusePort bool // SO_REUSEPORT, load-balancing (setReusePort, per OS)
	v6        bool // a udp6 socket: IPV6_V6ONLY is set to ipv6Only
	ipv6Only  bool
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

// close is the core of close: the datagrams sent before it go out, the
// reader stops at once, and 'close' is emitted once the work posted
// before it ran. Unless it is called from one of the socket's own
// callbacks, it returns once no listener of the socket is running (a
// 'message' or 'error' listener never starts after it returned; see
// closewait.go), waiting with mu released: a running listener may call
// the socket.
func (s *Socket) close(closeListener CloseListener) error {
	if closeListener != nil {
		s.OnClose(closeListener) // before the state check, as in Node
	}
	s.mu.Lock()
	if s.state == closed {
		s.mu.Unlock()
		return notRunning()
	}
	s.state = closed
	s.stopped.Store(true)
	for _, fn := range s.closing {
		fn()
	}
	s.drain() // the datagrams sent before close go out first
	if s.conn != nil {
		s.conn.Close()
		close(s.readerStop)
	}
	s.dispatcher.stop(s.readerDone)
	locks := s.locks
	s.mu.Unlock()
	waitFor(&s.dispatcher.emit)
	for _, l := range locks {
		waitFor(l)
	}
	return nil
}

// address is the core of address: what getsockname says now, as in Node
// (connect gives a socket bound to the wildcard address the address it
// sends from; after a disconnect Linux forgets a port the system chose).
func (s *Socket) address() (AddressInfo, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.checkBound("getsockname"); err != nil {
		return AddressInfo{}, err
	}
	ap, err := s.localAddr()
	if err != nil {
		return AddressInfo{}, sysError("getsockname", err, "", 0)
	}
	return AddressInfo{Address: ap.Addr(), Family: s.family.family, Port: int(ap.Port())}, nil
}

// localAddr is the bound socket's address from getsockname, an IPv4 one
// as 4 bytes and a udp6 socket's IPv4-mapped one (::ffff:127.0.0.1) as it
// is, as Node reports them. The caller holds mu.
func (s *Socket) localAddr() (netip.AddrPort, error) {
	rc, err := s.conn.SyscallConn()
	if err != nil {
		return netip.AddrPort{}, err
	}
	ap, err := sockName(rc)
	if err != nil {
		return netip.AddrPort{}, err
	}
	return s.family.addrPort(ap), nil
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
		return s.family.typ + " (" + [...]string{"unbound", "bound", "closed"}[s.state] + ")"
	}
	ap, err := s.localAddr()
	if err != nil {
		return s.family.typ + " (" + err.Error() + ")"
	}
	return s.family.typ + " " + net.JoinHostPort(ap.Addr().String(), strconv.Itoa(int(ap.Port())))
}
