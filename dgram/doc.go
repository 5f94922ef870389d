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
// # Errors
//
// Every error is an *Error with a Code from the spec. Argument errors are
// returned at once, by the call; failures of the operating system are
// returned by the setters, passed to the send callback, or emitted as
// 'error' (bind). errors.Is matches both the Code and the cause:
// errors.Is(err, dgram.EADDRINUSE), errors.Is(err, syscall.EADDRINUSE).
//
// # Differences from Node
//
// addMembership and dropMembership before bind fail with EBADF, like the
// option setters, instead of binding implicitly (Node's implicit bind there
// makes a later bind fail with EINVAL). A send error with no callback is
// dropped, as in Node. An 'error' with no listener is dropped, where
// JavaScript would throw it.
package dgram
