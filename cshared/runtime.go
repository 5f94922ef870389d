package main

// The hand-written runtime of the exports (exports_gen.go calls these):
// the handle table, the two delivery modes and the poll queue, the panic
// guard, and the conversion of errors into C codes and the thread-local
// last error. Everything here follows the ABI of docs/C.md.

/*
#include "dgram.h"
#include "shim.h"
*/
import "C"

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"net/netip"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
	"unsafe"

	"github.com/dgramkit/dgramkit/dgram"
	"github.com/dgramkit/dgramkit/internal/backpressure"
	"github.com/dgramkit/dgramkit/internal/corehooks"
	"golang.org/x/sys/unix"
)

// cError is what the C library knows of a code: its number, kind and
// message template (cErrors, generated).
type cError struct {
	number  int
	kind    string
	message string
}

// The delivery modes (dgram_delivery).
const (
	deliveryDefault = C.DGRAM_DELIVERY_DEFAULT
	deliveryThread  = C.DGRAM_DELIVERY_THREAD
	deliveryPoll    = C.DGRAM_DELIVERY_POLL
)

// defaultDelivery is the mode of a socket that asks for the default.
var defaultDelivery atomic.Int32

func init() { defaultDelivery.Store(deliveryThread) }

// entry is a live socket handle: the socket, and where its callbacks run.
type entry struct {
	h    C.dgram_socket
	sock *dgram.Socket
	poll bool
	// gate bounds a poll-delivery socket's 'message' callbacks queued for
	// dgram_poll: its reader waits for a slot, so a host that falls behind
	// stops the reading instead of growing the queue; the socket's close
	// closes it, and the callbacks still queued are dropped (nil in thread
	// delivery, where the reader runs the callback itself).
	gate *backpressure.Gate
	held bool // dgram_poll holds its sends (pollQueue.hold); guarded by queue.run
	// The C structs of callback arguments (exports_gen.go): the
	// socket's callbacks run one at a time (under the socket's emit lock
	// in thread delivery, in dgram_poll in poll delivery).
	argRemoteInfo C.struct_dgram_remote_info
	argError      C.struct_dgram_error_info
	// staged are the bounded events ('message', a receive error) of the
	// reader's batch or the dispatcher's task, not yet queued (handOver);
	// the socket's emit lock guards it.
	staged []pollEvent
	// lockRun and unlockRun bracket each of a poll-delivery socket's
	// callbacks that dgram_poll runs: dgram_close waits for it
	// (corehooks.CallbackLock) unless it runs on the calling thread.
	lockRun   func(runner int64)
	unlockRun func()
}

// pollRunner names, to the core's close, the thread that runs callbacks
// in dgram_poll (one at a time: queue.run).
const pollRunner = -1

func init() {
	corehooks.CurrentRunner = func() int64 {
		if C.dgramx_in_poll() != 0 {
			return pollRunner
		}
		return 0
	}
}

// handles maps live handles to their entries. Handles count up from 1 and
// are not reused until the counter wraps past 2^31-1.
var handles = struct {
	sync.RWMutex
	m    map[int32]*entry
	next int32
}{m: map[int32]*entry{}}

// newEntry starts the entry of a socket being created, in delivery mode
// delivery (0 for the default); arg names the mode in errors.
func newEntry(call, arg string, delivery C.int) (*entry, C.int) {
	mode := int32(delivery)
	switch mode {
	case deliveryDefault:
		mode = defaultDelivery.Load()
	case deliveryThread, deliveryPoll:
	default:
		return nil, outOfRange(call, arg, int(delivery), deliveryDefault, deliveryPoll)
	}
	if mode == deliveryPoll {
		if code := queue.ready(call); code != 0 {
			return nil, code
		}
	}
	e := &entry{poll: mode == deliveryPoll}
	if e.poll {
		e.gate = backpressure.New(backpressure.Slots)
	}
	return e, 0
}

// register gives the entry of a created socket its handle. The handle is
// released when 'close' is emitted: this listener is the socket's first.
func (e *entry) register(sock *dgram.Socket) C.dgram_socket {
	handles.Lock()
	for {
		handles.next++
		if handles.next <= 0 {
			handles.next = 1
		}
		if _, used := handles.m[handles.next]; !used {
			break
		}
	}
	e.h, e.sock = C.dgram_socket(handles.next), sock
	handles.m[handles.next] = e
	handles.Unlock()
	if !e.poll {
		// The callback runs on the reader, and the message is the
		// callback's only while it runs: no copy.
		corehooks.PooledReceive(sock)
	}
	if e.gate != nil {
		corehooks.OnClosing(sock, e.gate.Close)
		corehooks.AfterReadBatch(sock, e.handOver)
		e.lockRun, e.unlockRun = corehooks.CallbackLock(sock)
	}
	sock.OnClose(func() {
		handles.Lock()
		delete(handles.m, int32(e.h))
		handles.Unlock()
	})
	return e.h
}

// lookup finds the entry of handle h, or fails with ERR_INVALID_HANDLE.
func lookup(h C.dgram_socket, call string) (*entry, C.int) {
	handles.RLock()
	e := handles.m[int32(h)]
	handles.RUnlock()
	if e == nil {
		return nil, fail(codeError(dgram.ErrInvalidHandle, call, "{received}", strconv.Itoa(int(h))))
	}
	return e, 0
}

// deliver queues a callback of a poll-delivery socket for dgram_poll (in
// thread delivery the adapters of exports_gen.go run it at once, on the
// library thread the event happened on).
func (e *entry) deliver(fn func()) {
	queue.push(pollEvent{e: e, fn: fn})
}

// deliverBounded is deliver for an event the spec marks bounded (a
// 'message' callback, a receive error, which the socket's reader
// delivers). It waits for a slot of the socket's gate (dropping the event
// once dgram_close was called) and stages the event until the reader's
// batch (or the dispatcher's task) ends (handOver); dgram_poll runs it
// only if the socket was not closed meanwhile: no such callback starts
// after dgram_close returned.
func (e *entry) deliverBounded(fn func()) {
	ok, closed := e.gate.TryAcquire()
	if closed {
		return
	}
	if !ok {
		// The host is behind: what the reader staged goes to it first,
		// then the reader waits for a slot.
		e.handOver()
		if !e.gate.Acquire() {
			return
		}
	}
	e.staged = append(e.staged, pollEvent{e: e, fn: fn, bounded: true})
}

// handOver queues the bounded events staged during the reader's batch,
// all at once (corehooks.AfterReadBatch): dgram_poll finds a batch, the
// eventfd is written once for it. It runs holding the socket's emit lock,
// so a send callback cannot come between.
func (e *entry) handOver() {
	if len(e.staged) > 0 {
		queue.pushAll(e.staged)
		clear(e.staged)
		e.staged = e.staged[:0]
	}
}

// runCallback runs fn, which calls a C callback; a panic of the Go side
// never crosses into the host.
func runCallback(fn func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(os.Stderr, "libdgram: recovered a panic while delivering a callback: %v\n", r)
		}
	}()
	fn()
}

// pollEvent is a callback queued for dgram_poll: fn, of e's socket; a
// bounded one holds a slot of e's gate and is dropped once the gate is
// closed.
type pollEvent struct {
	e       *entry
	fn      func()
	bounded bool
}

// run runs the event's callback, and frees its slot, holding the
// socket's run lock: a dgram_close on another thread waits for it, and a
// bounded event that comes after dgram_close is dropped.
func (ev *pollEvent) run() {
	e := ev.e
	e.lockRun(pollRunner)
	if !ev.bounded || !e.gate.Closed() {
		runCallback(ev.fn)
	}
	e.unlockRun()
	if ev.bounded {
		e.gate.Release()
	}
}

// pollQueue holds the callbacks of DGRAM_DELIVERY_POLL sockets until
// dgram_poll runs them; its eventfd is readable exactly while it is not
// empty, and so is dgramx_pending nonzero, which dgram_poll's wait in C
// (shim.c) reads. Its length is bounded: 'message' callbacks by each
// socket's gate, the others by the calls the host made.
type pollQueue struct {
	init sync.Mutex // guards efd's creation
	efd  int        // 0 until created
	made atomic.Bool

	mu     sync.Mutex
	events []pollEvent
	spare  []pollEvent // the slice the last dgram_poll ran, for reuse

	run  sync.Mutex // held while dgram_poll runs callbacks; guards held
	held []*entry   // the sockets whose sends a batch holds
}

var queue pollQueue

// ready creates the eventfd on first use; its error is the call's, and a
// later call tries again (the descriptor table may have been full only for
// a moment). The descriptor is published to dgram_poll's wait in C.
func (q *pollQueue) ready(call string) C.int {
	if q.made.Load() {
		return 0
	}
	q.init.Lock()
	defer q.init.Unlock()
	if q.made.Load() {
		return 0
	}
	efd, err := unix.Eventfd(0, unix.EFD_CLOEXEC|unix.EFD_NONBLOCK)
	if err != nil {
		return fail(sysError(call, "eventfd", err))
	}
	q.efd = efd
	q.made.Store(true)
	atomic.StoreInt32((*int32)(unsafe.Pointer(&C.dgramx_efd)), int32(efd))
	return 0
}

// pending is dgramx_pending, as Go sees it.
func pending() *int32 { return (*int32)(unsafe.Pointer(&C.dgramx_pending)) }

func (q *pollQueue) push(ev pollEvent) {
	q.pushAll([]pollEvent{ev})
}

func (q *pollQueue) pushAll(evs []pollEvent) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.events) == 0 {
		// dgramx_pending first: a host that sees the eventfd readable
		// finds it set (and take clears it last).
		atomic.StoreInt32(pending(), 1)
		var one [8]byte
		binary.NativeEndian.PutUint64(one[:], 1)
		unix.Write(q.efd, one[:]) // cannot fail: the counter is at most 1
	}
	q.events = append(q.events, evs...)
}

// take returns the queued events and empties the queue; done gives the
// slice back once its events ran.
func (q *pollQueue) take() []pollEvent {
	q.mu.Lock()
	defer q.mu.Unlock()
	evs := q.events
	q.events, q.spare = q.spare[:0], nil
	if len(evs) > 0 {
		var buf [8]byte
		unix.Read(q.efd, buf[:]) // resets the counter: not readable until the next push
		atomic.StoreInt32(pending(), 0)
	}
	return evs
}

func (q *pollQueue) done(evs []pollEvent) {
	clear(evs)
	q.mu.Lock()
	q.spare = evs[:0]
	q.mu.Unlock()
}

func (q *pollQueue) empty() bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.events) == 0
}

// wait waits until the eventfd is readable or timeoutMs passed (forever
// when negative): dgram_poll's wait while events keep coming, and when the
// wait in C (dgramx_poll) failed, whose error it reports (waitInC).
func (q *pollQueue) wait(timeoutMs int) error {
	deadline := time.Now().Add(time.Duration(timeoutMs) * time.Millisecond)
	for {
		fds := []unix.PollFd{{Fd: int32(q.efd), Events: unix.POLLIN}}
		_, err := unix.Poll(fds, timeoutMs)
		if err != unix.EINTR {
			return err
		}
		if timeoutMs > 0 {
			if timeoutMs = int(time.Until(deadline) / time.Millisecond); timeoutMs <= 0 {
				return nil
			}
		}
	}
}

// dgramgo_poll runs the pending callbacks (dgram_poll: the C side,
// dgramx_poll, waits first). The replies that a run of several callbacks
// sends (up to pollChunk) go out together after it, several per system
// call.
//
//export dgramgo_poll
func dgramgo_poll(timeoutMs C.int) (rc C.int) {
	defer guard(&rc, "dgram_poll")
	enter("dgram_poll")
	if C.dgramx_in_poll() != 0 {
		return fail(codeError(dgram.ErrPollReentered, "dgram_poll"))
	}

	if code := queue.ready("dgram_poll"); code != 0 {
		return code
	}
	var evs []pollEvent
	for {
		if timeoutMs != 0 && queue.empty() {
			if err := queue.wait(int(timeoutMs)); err != nil {
				return fail(sysError("dgram_poll", "poll", err))
			}
		}
		queue.run.Lock()
		evs = queue.take()
		if len(evs) > 0 || timeoutMs >= 0 {
			break
		}
		// Waiting for ever: another thread's dgram_poll took what woke
		// this one. Wait again, until a callback runs here.
		queue.run.Unlock()
	}
	defer queue.run.Unlock()
	if len(evs) == 0 {
		waitInC(0)
		return 0
	}
	C.dgramx_set_in_poll(1)
	defer C.dgramx_set_in_poll(0)
	defer queue.release() // (a panic between hold and release leaves no socket held)
	for start := 0; start < len(evs); start += pollChunk {
		chunk := evs[start:min(start+pollChunk, len(evs))]
		if len(chunk) > 1 {
			queue.hold(chunk)
		}
		for i := range chunk {
			chunk[i].run()
		}
		queue.release()
	}
	n := len(evs)
	queue.done(evs)
	waitInC(n)
	return C.int(n)
}

// waitInC tells the next dgram_poll where to wait (dgramx_poll, shim.c),
// after a call that ran n callbacks: in C with a single Go processor (it
// may change while the process runs), and after a short run, when the
// host waits for its peer (a ping-pong); in Go after a long run, when
// events keep coming (a flood) and the processor is worth keeping.
func waitInC(n int) {
	if polls++; polls%1024 == 1 { // GOMAXPROCS takes the scheduler's lock: now and then
		oneProc = runtime.GOMAXPROCS(0) == 1
	}
	var inC int32
	if oneProc || n < pollChunk {
		inC = 1
	}
	atomic.StoreInt32((*int32)(unsafe.Pointer(&C.dgramx_wait_in_c)), inC)
}

// polls counts waitInC's calls, and oneProc is whether GOMAXPROCS was 1
// at the last look; both guarded by queue.run.
var (
	polls   uint64
	oneProc bool
)

// pollChunk is how many callbacks dgram_poll runs before it writes the
// datagrams they sent: a peer starts on the first replies while the rest
// run (a batch can be several of the readers' batches long).
const pollChunk = 32

// hold holds the sends of the sockets of evs (corehooks.HoldSends) until
// release; q.run is held.
func (q *pollQueue) hold(evs []pollEvent) {
	for i := range evs {
		if e := evs[i].e; !e.held {
			e.held = true
			q.held = append(q.held, e)
			corehooks.HoldSends(e.sock)
		}
	}
}

// release ends hold: each socket's held datagrams are written.
func (q *pollQueue) release() {
	for _, e := range q.held {
		e.held = false
		corehooks.ReleaseSends(e.sock)
	}
	clear(q.held)
	q.held = q.held[:0]
}

//export dgramgo_event_fd
func dgramgo_event_fd() (rc C.int) {
	defer guard(&rc, "dgram_event_fd")
	enter("dgram_event_fd")
	if code := queue.ready("dgram_event_fd"); code != 0 {
		return code
	}
	return C.int(queue.efd)
}

//export dgramgo_set_delivery
func dgramgo_set_delivery(mode C.int) (rc C.int) {
	defer guard(&rc, "dgram_set_delivery")
	enter("dgram_set_delivery")
	switch mode {
	case deliveryPoll:
		if code := queue.ready("dgram_set_delivery"); code != 0 {
			return code
		}
	case deliveryThread:
	default:
		return outOfRange("dgram_set_delivery", "mode", int(mode), deliveryThread, deliveryPoll)
	}
	defaultDelivery.Store(int32(mode))
	return 0
}

//export dgramgo_live_handles
func dgramgo_live_handles() (rc C.int) {
	defer guard(&rc, "dgram_live_handles")
	enter("dgram_live_handles")
	handles.RLock()
	defer handles.RUnlock()
	return C.int(len(handles.m))
}

//export dgramgo_supports
func dgramgo_supports(platform C.dgram_platform, call C.dgram_call) (rc C.int) {
	defer guard(&rc, "dgram_supports")
	enter("dgram_supports")
	s, _ := dgram.Supports(dgram.Platform(platform), dgram.Call(call))
	return C.int(s)
}

//export dgramgo_host_platform
func dgramgo_host_platform() (rc C.int) {
	defer guard(&rc, "dgram_host_platform")
	enter("dgram_host_platform")
	return C.int(dgram.HostPlatform())
}

// panicIn names a function that panics on entry, to test the guard: the
// DGRAM_TEST_PANIC environment variable at load. Nothing else reads it.
var panicIn = os.Getenv("DGRAM_TEST_PANIC")

// enter is the first call of every export.
func enter(call string) {
	if panicIn != "" && panicIn == call {
		panic("DGRAM_TEST_PANIC=" + call)
	}
}

// guard, deferred first in every export, turns a panic into
// ERR_INTERNAL: the host never dies from the library.
func guard[T ~int32](rc *T, call string) {
	if r := recover(); r != nil {
		*rc = T(fail(codeError(dgram.ErrInternal, call, "{received}", fmt.Sprint(r))))
	}
}

// codeError is the error of a coded C library check, its message the
// spec's template with {call} and vars filled in.
func codeError(code dgram.Code, call string, vars ...string) *dgram.Error {
	ce := cErrors[code]
	msg := strings.NewReplacer(append([]string{"{call}", call}, vars...)...).Replace(ce.message)
	return &dgram.Error{Code: code, Kind: dgram.Kind(ce.kind), Message: msg}
}

// nullPointer is ERR_NULL_POINTER for argument arg.
func nullPointer(call, arg string) C.int {
	return fail(codeError(dgram.ErrNullPointer, call, "{arg}", arg))
}

// outOfRange is ERR_OUT_OF_RANGE for argument arg.
func outOfRange(call, arg string, got, min, max int) C.int {
	return fail(codeError(dgram.ErrOutOfRange, call, "{arg}", arg, "{min}", strconv.Itoa(min),
		"{max}", strconv.Itoa(max), "{received}", "type int ("+strconv.Itoa(got)+")"))
}

// sysError is a system error of the library itself (eventfd, poll).
func sysError(call, op string, err error) *dgram.Error {
	code := dgram.EUNKNOWN
	var errno syscall.Errno
	if errors.As(err, &errno) && unix.ErrnoName(errno) != "" {
		code = dgram.Code(unix.ErrnoName(errno))
	}
	return &dgram.Error{Code: code, Kind: dgram.KindError, Message: op + " " + string(code), Syscall: op, Err: err}
}

// result is the code of an API call's error: DGRAM_OK for nil.
func result(err error) C.int {
	if err == nil {
		return 0
	}
	return fail(err)
}

// fail makes err the calling thread's last error and returns its code.
func fail(err error) C.int {
	var info C.struct_dgram_error_info
	errorInfo(&info, err)
	C.dgramx_set_last_error(&info)
	return info.code
}

// errorInfo fills out with err's detail and returns out, or nil for a nil
// err. An error that is not a *dgram.Error is ERR_INTERNAL.
func errorInfo(out *C.struct_dgram_error_info, err error) *C.struct_dgram_error_info {
	if err == nil {
		return nil
	}
	*out = C.struct_dgram_error_info{} // out may be an entry's, reused
	var de *dgram.Error
	if !errors.As(err, &de) {
		de = codeError(dgram.ErrInternal, "", "{received}", err.Error())
	}
	ce, ok := cErrors[de.Code]
	switch {
	case !ok && de.Syscall != "":
		// A system error the spec gives no number of its own (ENOBUFS):
		// EUNKNOWN's number, with its errno name in name and sys_errno.
		ce = cErrors[dgram.EUNKNOWN]
	case !ok:
		ce = cErrors[dgram.ErrInternal]
	}
	out.code = C.int(ce.number)
	out.port = C.int(de.Port)
	var errno syscall.Errno
	if errors.As(de.Err, &errno) {
		out.sys_errno = C.int(errno)
	}
	setString(out.name[:], string(de.Code))
	setString(out.kind[:], string(de.Kind))
	setString(out.syscall[:], de.Syscall)
	setString(out.address[:], de.Address)
	setString(out.message[:], de.Message)
	return out
}

// setAddr copies ip's text into the char array dst, as setString does,
// without making a string (a 'message' callback's rinfo).
func setAddr(dst []C.char, ip netip.Addr) {
	var buf [64]byte // an IPv6 address with a zone fits
	setString(dst, ip.AppendTo(buf[:0]))
}

// setString copies s into the char array dst, cut to fit, NUL-terminated.
func setString[S string | []byte](dst []C.char, s S) {
	n := min(len(s), len(dst)-1)
	for i := 0; i < n; i++ {
		dst[i] = C.char(s[i])
	}
	dst[n] = 0
}

// goString is a C string argument: NULL is "", the omitted argument. The
// last string made is kept and reused while the C text is the same: a
// host that sends to one peer passes the same address on every send.
func goString(p *C.char) string {
	if p == nil {
		return ""
	}
	n := 0
	for *(*byte)(unsafe.Add(unsafe.Pointer(p), n)) != 0 {
		n++
	}
	b := unsafe.Slice((*byte)(unsafe.Pointer(p)), n)
	if last := lastString.Load(); last != nil && *last == string(b) {
		return *last
	}
	s := string(b)
	lastString.Store(&s)
	return s
}

// lastString is the string goString made last.
var lastString atomic.Pointer[string]

// goInt64 is an int64_t argument as a Go int, clamped on a 32-bit host.
func goInt64(v C.int64_t) int {
	switch {
	case int64(v) > math.MaxInt:
		return math.MaxInt
	case int64(v) < math.MinInt:
		return math.MinInt
	}
	return int(v)
}

// goBytes borrows a message argument for the call: NULL is an empty
// message when n is 0, else ERR_NULL_POINTER.
func goBytes(p unsafe.Pointer, n C.size_t, call, arg string) ([]byte, C.int) {
	switch {
	case n == 0:
		return []byte{}, 0
	case p == nil:
		return nil, nullPointer(call, arg)
	case uint64(n) > math.MaxInt32:
		return nil, fail(codeError(dgram.ErrBufferOutOfBounds, call, "{arg}", arg+"_length"))
	}
	return unsafe.Slice((*byte)(p), int(n)), 0
}

// bytesPtr is the pointer of a message for a callback: never NULL.
func bytesPtr(b []byte) *C.uint8_t {
	if len(b) == 0 {
		return (*C.uint8_t)(unsafe.Pointer(&C.dgramx_empty[0]))
	}
	return (*C.uint8_t)(unsafe.Pointer(unsafe.SliceData(b)))
}
