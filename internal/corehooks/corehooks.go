// Package corehooks carries what the dgram package offers to dgramkit's own
// bindings (the JavaScript host, the C library) and keeps out of its
// public API, which is the spec's. Package dgram sets these when it is
// initialised; a binding that imports dgram can call them.
package corehooks

// HoldSends makes the *dgram.Socket queue the datagrams it sends until the
// matching ReleaseSends, which writes them together (several per system
// call). A binding brackets a burst with it, such as the replies of a run
// of 'message' events on its loop. Holds nest; a held queue that is full
// is written without waiting for the release, so a hold never blocks a
// send for long.
var HoldSends func(socket any)

// ReleaseSends ends a HoldSends of the *dgram.Socket: the last release
// writes the held datagrams before it returns.
var ReleaseSends func(socket any)

// OnClosing adds fn to what the *dgram.Socket's close runs before it
// returns (once, whoever calls close): a binding that queues events for a
// host closes its queue there, so that no 'message' callback starts after
// close returned.
var OnClosing func(socket any, fn func())

// AfterReadBatch adds fn to what the *dgram.Socket's reader runs after
// each batch of datagrams it read (recvmmsg), once their 'message'
// listeners returned, and after a receive error's 'error' listeners,
// still holding the socket's emit lock (its dispatcher runs it too,
// after each of its tasks): a binding that queues events for a host
// hands a batch over at once. Add it before the socket is bound.
var AfterReadBatch func(socket any, fn func())

// PooledReceive makes the *dgram.Socket's 'message' listeners borrow the
// reader's buffer, as SocketOptions.PooledReceive does, for a binding
// whose listeners are done with the datagram when they return (C thread
// delivery). Call it before the socket is bound.
var PooledReceive func(socket any)

// CallbackLock gives a binding that runs the *dgram.Socket's callbacks on
// a thread of its own (C poll delivery) the lock it holds meanwhile:
// lock(runner), with the runner CurrentRunner names that thread, and
// unlock. The socket's close waits for it, as for its own listeners:
// when close returns on a thread that is not running one of the socket's
// callbacks, none is running. A callback that starts later must check
// that the socket was closed (its binding's OnClosing) after lock.
var CallbackLock func(socket any) (lock func(runner int64), unlock func())

// CurrentRunner, when a binding sets it (once, before any socket), names
// the runner of the calling thread when that thread runs the binding's
// callbacks (a negative number, the one it passes to a CallbackLock), or
// returns 0: the core then names the calling goroutine itself.
var CurrentRunner func() int64
