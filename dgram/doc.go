// Package dgram implements IoT.js's dgram module (UDP datagram sockets) on
// real sockets, with Node's semantics where IoT.js is silent.
//
// The exported surface (CreateSocket, the Socket methods, their argument
// checks and the platform matrix) is generated from spec/dgram.yaml by
// gen/; this package's hand-written files are the core behind it.
//
// A server:
//
//	s, _ := dgram.CreateSocketType("udp4", func(msg []byte, rinfo dgram.RemoteInfo) {
//		fmt.Printf("server got: %s from %v:%d\n", msg, rinfo.Address, rinfo.Port)
//	})
//	s.OnListening(func() { a, _ := s.Address(); fmt.Println("listening at", a.Port) })
//	s.Bind(41234, "", nil)
//
// # Events
//
// Each socket's listeners run one at a time, in the order the events
// happened, and never inside the call that caused them: 'listening' comes
// before any 'message', send callbacks come after send returns, and 'close'
// comes last. A 'message' listener owns the msg slice it is given.
//
// # Performance
//
// On Linux a socket receives up to 32 datagrams per recvmmsg(2) call and
// delivers each with a direct call of its 'message' listeners. A listener
// owns the msg it is given (one allocation per datagram), unless the socket
// was created with SocketOptions.PooledReceive: then msg is the socket's
// own buffer, valid until the listener returns, and receiving allocates
// nothing. A Send from a Go listener is written before Send returns, as
// with net: a listener may wait for the effect of its reply. A socket that
// sends in quick succession (a loop) has its datagrams copied into a queue
// and written by a flusher goroutine, several per sendmmsg(2) call (with
// UDP GSO where a run goes to one destination), in order; one that sends
// now and then writes each datagram in the calling goroutine. Either way a
// send callback comes after the write. The bindings that run listeners on
// an event loop (JavaScript, C poll delivery) hold a batch's replies and
// write them together (internal/corehooks); a send on any other socket
// writes held datagrams first, so the program's order holds across
// sockets. docs/PERFORMANCE.md has the numbers.
//
// # Errors
//
// Every error is an *Error with a Code from the spec. Argument errors and
// failures of the operating system are returned by the call: Bind creates
// and binds the operating-system socket before it returns, so a failed bind
// (EADDRINUSE) is Bind's error, and a failed implicit bind is Send's; only
// 'listening' comes later. A datagram's own failure goes to its send
// callback, and 'error' carries what no call returns (a failed receive).
// errors.Is matches both the Code and the cause:
// errors.Is(err, dgram.EADDRINUSE), errors.Is(err, syscall.EADDRINUSE).
// A system error is named by its errno (EMFILE, ENOBUFS, ...) whether or
// not the spec lists it. A call on a closed socket
// (ERR_SOCKET_DGRAM_NOT_RUNNING) is also net.ErrClosed, as with a closed
// net.Conn. errors.As(err, &e) with e an *Error gives the code, the syscall
// and the address.
//
// The network's errors never end a socket. A failed receive (the ICMP
// errors a peer's network sends back: ECONNREFUSED, ENOPROTOOPT,
// EHOSTDOWN, ENONET, EPROTO, EACCES, ...) goes to the 'error' listeners as
// an *Error with Syscall "recvmsg" and Message "recvmsg ENOPROTOOPT", as
// Node reports it, and the socket reads on; only Close ends the reading.
// An error that the next receive returns again at once, with no wait for
// the network between, pauses the reading (1 ms after the third in a row,
// doubling up to a second), so that a socket that fails for ever neither
// spins a core nor floods its listeners.
//
// Codes lists the spec's whole error table, which the bindings share. Five
// of its codes belong to the C library and are never returned by this
// package: ErrInvalidHandle, ErrNullPointer, ErrForked, ErrInternal and
// ErrPollReentered (a bad handle, a NULL pointer, a call after fork, a
// recovered panic, a re-entered dgram_poll: mistakes Go's types and runtime
// rule out or report otherwise).
//
// # Listeners
//
// On* adds a listener. A nil listener, or a method called on a nil or zero
// Socket, is a mistake in the program: On* panics at the call, naming it,
// and the other methods return ERR_INVALID_THIS.
//
// When Close returns on a goroutine that is not running one of the
// socket's listeners, none of them is running: Close waits for a listener
// running on another goroutine, and no 'message' or 'error' listener
// starts after it returned ('close' and the callbacks of sends made
// before Close still come). A program may release what its listeners use
// once Close returned. Close from inside one of the socket's own
// listeners returns at once (the listener is still running), and so does
// a Close whose wait would close a circle: two listeners, running at once
// on their sockets' goroutines, each closing the other's socket.
//
// # Removing a listener
//
// OnMessage, OnListening, OnError and OnClose add a listener for the life
// of the socket. AddMessageListener and its kin add one and return the
// function that removes it (Node's removeListener; Go cannot compare
// functions, so the removal is handed back instead):
//
//	remove := s.AddMessageListener(func(msg []byte, rinfo dgram.RemoteInfo) { ... })
//	defer remove()
//
// # Portability
//
// The package builds on Linux, macOS, the BSDs and Windows (make vet-cross
// checks darwin, freebsd and windows). Socket options go through
// golang.org/x/net/ipv4 and ipv6 and each system's own SOL_SOCKET options;
// reuseAddr is SO_REUSEADDR on Linux and Windows and SO_REUSEPORT on macOS
// and the BSDs, as libuv sets it for Node. Winsock errors carry their POSIX
// names (WSAEADDRINUSE is EADDRINUSE). An option the system lacks fails
// with "<call> ENOPROTOOPT". recvmmsg and sendmmsg batching is Linux's;
// elsewhere each datagram is one system call. The platform matrix's Native
// column is measured on Linux (HostPlatform).
//
// # Differences from Node
//
// addMembership and dropMembership before bind fail with EBADF, like the
// option setters, instead of binding implicitly (Node's implicit bind there
// makes a later bind fail with EINVAL). A send error with no callback is
// dropped, as in Node. An 'error' with no listener is dropped, where
// JavaScript would throw it. Bind reports a failure as its result, where
// Node emits 'error' (the JavaScript host does as Node).
package dgram
