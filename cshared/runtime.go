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
	"errors"
	"fmt"
	"math"
	"net/netip"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"unsafe"

	"github.com/dgramkit/dgramkit/dgram"
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
	poll bool   // its callbacks run on q's polling thread
	q    *queue // with poll
	held bool   // a poll holds its sends (queue.hold); guarded by q.run
	// The C structs of callback arguments (exports_gen.go): the
	// socket's callbacks run one at a time (under the socket's emit lock
	// in thread delivery, on the queue's polling thread in poll delivery).
	argRemoteInfo C.struct_dgram_remote_info
	argError      C.struct_dgram_error_info
	// lockRun and unlockRun bracket each of a poll-delivery socket's
	// queued callbacks that its queue's poll runs: dgram_close waits for
	// it (corehooks.CallbackLock) unless it runs on the calling thread.
	lockRun   func(runner int64)
	unlockRun func()
	closed    atomic.Bool // dgram_close began: queued bounded events are dropped
}

// pollRunner names, to the core's close, the thread that polls queue q
// (one at a time: q.run): -(handle + 1), as dgramx_in_poll says.
func pollRunner(q *queue) int64 { return -int64(q.id) - 1 }

func init() {
	corehooks.CurrentRunner = func() int64 { return -int64(C.dgramx_in_poll()) }
}

// handles maps live handles to their entries. Handles count up from 1 and
// are not reused until the counter wraps past 2^31-1.
var handles = struct {
	sync.RWMutex
	m    map[int32]*entry
	next int32
}{m: map[int32]*entry{}}

// newEntry starts the entry of a socket being created, in delivery mode
// delivery (0 for the default); arg names the mode in errors. A
// poll-delivery socket's queue is the default queue (dgram_set_queue
// changes it).
func newEntry(call, arg string, delivery C.int) (*entry, C.int) {
	mode := int32(delivery)
	switch mode {
	case deliveryDefault:
		mode = defaultDelivery.Load()
	case deliveryThread, deliveryPoll:
	default:
		return nil, outOfRange(call, arg, int(delivery), deliveryDefault, deliveryPoll)
	}
	e := &entry{}
	if mode == deliveryPoll {
		q, code := defaultQueue(call)
		if code != 0 {
			return nil, code
		}
		e.q = q
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
	// The 'message' callback runs while the datagram is read (on the
	// reader in thread delivery, on the polling thread in poll delivery),
	// and the message is the callback's only while it runs: no copy.
	corehooks.PooledReceive(sock)
	if e.q != nil {
		e.q.adopt(e)
	}
	sock.OnClose(func() {
		handles.Lock()
		delete(handles.m, int32(e.h))
		handles.Unlock()
		if e.q != nil {
			e.q.forget(e)
		}
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

// pollEvent is a callback queued for a queue's poll: fn, of e's socket.
type pollEvent struct {
	e       *entry
	fn      func()
	bounded bool // a 'message' or receive error: dropped once dgram_close began
}

//export dgramgo_set_delivery
func dgramgo_set_delivery(mode C.int) (rc C.int) {
	defer guard(&rc, "dgram_set_delivery")
	enter("dgram_set_delivery")
	switch mode {
	case deliveryPoll:
		if _, code := defaultQueue("dgram_set_delivery"); code != 0 {
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
