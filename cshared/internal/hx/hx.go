// Package hx is the test harness of libdgram (package cshared): it lets
// the Go tests there (the C bad-input table, the fuzzer of the C entry
// points, the leak and thread tests) call the real C entry points,
// dgram_* of exports_gen.c, with C values, which a _test.go file cannot
// (no cgo in tests). Only those tests import it, so none of it is in
// libdgram.so.
//
// The dgram_* functions are defined by package cshared, which this
// package does not import (it is a main package): they are resolved when
// a test binary of cshared is linked, so building this package alone
// leaves them unresolved on purpose.
package hx

/*
#cgo CFLAGS: -I${SRCDIR}/../../../bindings/c
#cgo LDFLAGS: -Wl,--unresolved-symbols=ignore-all
#include <pthread.h>
#include <stdint.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>
#include "dgram.h"

// Event counters, per slot: the callbacks count into the slot their
// user_data names, and the tests read the counts.
enum { HX_SLOTS = 64, HX_CLOSE = 0, HX_ERROR, HX_LISTENING, HX_MESSAGE, HX_SEND_OK, HX_SEND_ERR, HX_CONNECT, HX_KINDS };
static long hx_counts[HX_SLOTS][HX_KINDS];
static int hx_last_send_error[HX_SLOTS];
static int hx_last_event_error[HX_SLOTS];
static int hx_after_close[HX_SLOTS]; // events counted after 'close': must stay 0

static int hx_slot(void *ud) { return (int)(((uintptr_t)ud) % HX_SLOTS); }
static void hx_count(void *ud, int kind) {
	int s = hx_slot(ud);
	if (__atomic_load_n(&hx_counts[s][HX_CLOSE], __ATOMIC_SEQ_CST) > 0 && kind != HX_CLOSE) {
		__atomic_add_fetch(&hx_after_close[s], 1, __ATOMIC_SEQ_CST);
	}
	__atomic_add_fetch(&hx_counts[s][kind], 1, __ATOMIC_SEQ_CST);
}
void hx_on_close(dgram_socket s, void *ud) { (void)s; hx_count(ud, HX_CLOSE); }
void hx_on_error(dgram_socket s, const struct dgram_error_info *e, void *ud) {
	(void)s;
	__atomic_store_n(&hx_last_event_error[hx_slot(ud)], e->code, __ATOMIC_SEQ_CST);
	hx_count(ud, HX_ERROR);
}
void hx_on_listening(dgram_socket s, void *ud) { (void)s; hx_count(ud, HX_LISTENING); }
void hx_on_connect(dgram_socket s, void *ud) { (void)s; hx_count(ud, HX_CONNECT); }
void hx_on_message(dgram_socket s, const uint8_t *m, size_t n, const struct dgram_remote_info *r, void *ud) {
	(void)s; (void)m; (void)n; (void)r;
	hx_count(ud, HX_MESSAGE);
}
void hx_on_send(dgram_socket s, const struct dgram_error_info *e, int bytes, void *ud) {
	(void)s; (void)bytes;
	if (e != NULL) {
		__atomic_store_n(&hx_last_send_error[hx_slot(ud)], e->code, __ATOMIC_SEQ_CST);
		hx_count(ud, HX_SEND_ERR);
	} else {
		hx_count(ud, HX_SEND_OK);
	}
}
// The echo server's listener: each datagram goes back to its sender.
static void hx_echo(dgram_socket s, const uint8_t *m, size_t n, const struct dgram_remote_info *r, void *ud) {
	dgram_send(s, m, n, r->port, r->address, NULL, NULL);
	hx_count(ud, HX_MESSAGE);
}
static long hx_get(int slot, int kind) { return __atomic_load_n(&hx_counts[slot][kind], __ATOMIC_SEQ_CST); }
static int hx_get_after_close(int slot) { return __atomic_load_n(&hx_after_close[slot], __ATOMIC_SEQ_CST); }
static int hx_get_send_error(int slot) { return __atomic_load_n(&hx_last_send_error[slot], __ATOMIC_SEQ_CST); }
static int hx_get_event_error(int slot) { return __atomic_load_n(&hx_last_event_error[slot], __ATOMIC_SEQ_CST); }
static void hx_reset(int slot) {
	for (int k = 0; k < HX_KINDS; k++) __atomic_store_n(&hx_counts[slot][k], 0, __ATOMIC_SEQ_CST);
	__atomic_store_n(&hx_after_close[slot], 0, __ATOMIC_SEQ_CST);
	__atomic_store_n(&hx_last_send_error[slot], 0, __ATOMIC_SEQ_CST);
	__atomic_store_n(&hx_last_event_error[slot], 0, __ATOMIC_SEQ_CST);
}
static dgram_message_cb hx_msg_cb(void) { return hx_on_message; }
static dgram_error_cb hx_err_cb(void) { return hx_on_error; }
static dgram_send_cb hx_send_cb(void) { return hx_on_send; }
static char hx_byte;
static void *hx_dummy(void) { return &hx_byte; }
void *hx_ud(int slot) { return (void *)(uintptr_t)slot; }

static dgram_socket hx_create_echo(int slot) { return dgram_create_socket_type("udp4", hx_echo, hx_ud(slot)); }
static dgram_socket hx_create_type(const char *type, int msg_cb, int slot) {
	return dgram_create_socket_type(type, msg_cb ? hx_on_message : NULL, hx_ud(slot));
}
static dgram_socket hx_create(int null_opts, const char *type, int reuse, int64_t rbuf, int64_t sbuf, int platform, int delivery, int msg_cb, int slot) {
	struct dgram_socket_options o;
	memset(&o, 0, sizeof o);
	o.type = type;
	o.reuse_addr = reuse != 0;
	o.recv_buffer_size = rbuf;
	o.send_buffer_size = sbuf;
	o.platform = (dgram_platform)platform;
	o.delivery = (dgram_delivery)delivery;
	return dgram_create_socket(null_opts ? NULL : &o, msg_cb ? hx_on_message : NULL, hx_ud(slot));
}
static int hx_bind(dgram_socket s, int port, const char *addr, int cb, int slot) {
	return dgram_bind(s, port, addr, cb ? hx_on_listening : NULL, hx_ud(slot));
}
static int hx_bind_options(dgram_socket s, int null_opts, int port, const char *addr, int cb, int slot) {
	struct dgram_bind_options o = {port, addr};
	return dgram_bind_options(s, null_opts ? NULL : &o, cb ? hx_on_listening : NULL, hx_ud(slot));
}
static int hx_close(dgram_socket s, int cb, int slot) {
	return dgram_close(s, cb ? hx_on_close : NULL, hx_ud(slot));
}
static int hx_send(dgram_socket s, const void *msg, size_t n, int port, const char *addr, int cb, int slot) {
	return dgram_send(s, msg, n, port, addr, cb ? hx_on_send : NULL, hx_ud(slot));
}
static int hx_send_slice(dgram_socket s, const void *msg, size_t n, int off, int len, int port, const char *addr, int cb, int slot) {
	return dgram_send_slice(s, msg, n, off, len, port, addr, cb ? hx_on_send : NULL, hx_ud(slot));
}
static int hx_sendto(dgram_socket s, const void *msg, size_t n, int off, int len, int port, const char *addr, int cb, int slot) {
	return dgram_sendto(s, msg, n, off, len, port, addr, cb ? hx_on_send : NULL, hx_ud(slot));
}
static int hx_address(dgram_socket s, int null_out, int *port) {
	struct dgram_address_info a;
	memset(&a, 0, sizeof a);
	int rc = dgram_address(s, null_out ? NULL : &a);
	*port = a.port;
	return rc;
}
static int hx_on(dgram_socket s, int event, int null_fn, int slot) {
	switch (event) {
	case 0: return dgram_on_close(s, null_fn ? NULL : hx_on_close, hx_ud(slot));
	case 1: return dgram_on_error(s, null_fn ? NULL : hx_on_error, hx_ud(slot));
	case 2: return dgram_on_listening(s, null_fn ? NULL : hx_on_listening, hx_ud(slot));
	default: return dgram_on_message(s, null_fn ? NULL : hx_on_message, hx_ud(slot));
	}
}
static int hx_last(char *name, size_t n) {
	struct dgram_error_info e;
	int code = dgram_last_error(&e);
	strncpy(name, e.name, n - 1);
	name[n - 1] = 0;
	return code;
}

// C threads that send on one socket while another thread closes it.
typedef struct { dgram_socket s; int port; int count; int sent; int stopped; } hx_sender;
static void *hx_send_loop(void *p) {
	hx_sender *a = (hx_sender *)p;
	for (int i = 0; i < a->count; i++) {
		int rc = dgram_send(a->s, "x", 1, a->port, "127.0.0.1", NULL, NULL);
		if (rc == 0) {
			a->sent++;
		} else if (rc == DGRAM_ERR_SOCKET_DGRAM_NOT_RUNNING || rc == DGRAM_ERR_INVALID_HANDLE) {
			a->stopped++;
		} else {
			return (void *)(intptr_t)rc; // any other code is a failure
		}
	}
	return NULL;
}
static int hx_threads_send_close(dgram_socket s, int port, int nthreads, int count, int close_after_us, int slot, int *sent, int *stopped) {
	pthread_t th[16];
	hx_sender args[16];
	if (nthreads > 16) nthreads = 16;
	for (int i = 0; i < nthreads; i++) {
		args[i] = (hx_sender){s, port, count, 0, 0};
		pthread_create(&th[i], NULL, hx_send_loop, &args[i]);
	}
	struct timespec ts = {0, (long)close_after_us * 1000};
	nanosleep(&ts, NULL);
	int rc = dgram_close(s, hx_on_close, hx_ud(slot));
	int bad = 0;
	*sent = 0;
	*stopped = 0;
	for (int i = 0; i < nthreads; i++) {
		void *ret;
		pthread_join(th[i], &ret);
		if (ret != NULL) bad = (int)(intptr_t)ret;
		*sent += args[i].sent;
		*stopped += args[i].stopped;
	}
	return bad != 0 ? bad : rc;
}
*/
import "C"

import (
	"unsafe"
)

// The event kinds the harness counts, and the number of slots.
const (
	EvClose     = C.HX_CLOSE
	EvError     = C.HX_ERROR
	EvListening = C.HX_LISTENING
	EvMessage   = C.HX_MESSAGE
	EvSendOK    = C.HX_SEND_OK
	EvSendErr   = C.HX_SEND_ERR
	EvConnect   = C.HX_CONNECT
	Slots       = C.HX_SLOTS
)

// cstr is a C string argument: nil is NULL. free releases it.
type cstr struct{ p *C.char }

func newCstr(s *string) cstr {
	if s == nil {
		return cstr{}
	}
	return cstr{C.CString(*s)}
}

func (c cstr) free() {
	if c.p != nil {
		C.free(unsafe.Pointer(c.p))
	}
}

func withCstr[T any](s *string, fn func(*C.char) T) T {
	c := newCstr(s)
	defer c.free()
	return fn(c.p)
}

func withCstr2[T any](a, b *string, fn func(*C.char, *C.char) T) T {
	ca, cb := newCstr(a), newCstr(b)
	defer ca.free()
	defer cb.free()
	return fn(ca.p, cb.p)
}

func b2i(b bool) C.int {
	if b {
		return 1
	}
	return 0
}

// CreateType calls dgram_create_socket_type; msgCB adds the counting message listener, slot names the counters (user_data).
func CreateType(typ *string, msgCB bool, slot int) int32 {
	return withCstr(typ, func(p *C.char) int32 { return int32(C.hx_create_type(p, b2i(msgCB), C.int(slot))) })
}

// CreateEcho creates a udp4 socket that sends each datagram back.
func CreateEcho(slot int) int32 { return int32(C.hx_create_echo(C.int(slot))) }

// Create calls dgram_create_socket with the options given (NULL options when nullOpts).
func Create(nullOpts bool, typ *string, reuse bool, rbuf, sbuf int64, platform, delivery int32, msgCB bool, slot int) int32 {
	return withCstr(typ, func(p *C.char) int32 {
		return int32(C.hx_create(b2i(nullOpts), p, b2i(reuse), C.int64_t(rbuf), C.int64_t(sbuf), C.int(platform), C.int(delivery), b2i(msgCB), C.int(slot)))
	})
}

// Bind calls dgram_bind; cb adds the counting listening listener.
func Bind(h int32, port int32, addr *string, cb bool, slot int) int32 {
	return withCstr(addr, func(p *C.char) int32 {
		return int32(C.hx_bind(C.dgram_socket(h), C.int(port), p, b2i(cb), C.int(slot)))
	})
}

// BindOptions calls dgram_bind_options (NULL options when nullOpts).
func BindOptions(h int32, nullOpts bool, port int32, addr *string, cb bool, slot int) int32 {
	return withCstr(addr, func(p *C.char) int32 {
		return int32(C.hx_bind_options(C.dgram_socket(h), b2i(nullOpts), C.int(port), p, b2i(cb), C.int(slot)))
	})
}

// Close calls dgram_close; cb adds the counting close listener.
func Close(h int32, cb bool, slot int) int32 {
	return int32(C.hx_close(C.dgram_socket(h), b2i(cb), C.int(slot)))
}

// Connect is dgram_connect, without a listener.
func Connect(h int32, port int32, addr *string) int32 {
	return withCstr(addr, func(p *C.char) int32 {
		return int32(C.dgram_connect(C.dgram_socket(h), C.int(port), p, nil, nil))
	})
}

// Disconnect is dgram_disconnect.
func Disconnect(h int32) int32 { return int32(C.dgram_disconnect(C.dgram_socket(h))) }

// msgPtr is a message argument: nil with n > 0 is a NULL pointer; a
// non-nil buf must hold n bytes unless n is beyond what the library reads
// (> 2^31-1, refused before any read).
func msgPtr(buf []byte) unsafe.Pointer {
	if len(buf) == 0 {
		if buf == nil {
			return nil
		}
		return C.hx_dummy() // any valid non-NULL pointer
	}
	return unsafe.Pointer(&buf[0])
}

// Send calls dgram_send with a C copy of buf (NULL when buf is nil) and length n.
func Send(h int32, buf []byte, n uint64, port int32, addr *string, cb bool, slot int) int32 {
	p := C.CBytes(buf)
	if buf == nil {
		p = nil
	}
	defer C.free(p)
	return withCstr(addr, func(a *C.char) int32 {
		return int32(C.hx_send(C.dgram_socket(h), p, C.size_t(n), C.int(port), a, b2i(cb), C.int(slot)))
	})
}

// SendGo passes Go memory to C directly (the cgo pointer rules allow a
// pointer-free []byte), as a Go host of the C API would.
func SendGo(h int32, buf []byte, port int32, addr *string, cb bool, slot int) int32 {
	return withCstr(addr, func(a *C.char) int32 {
		return int32(C.hx_send(C.dgram_socket(h), msgPtr(buf), C.size_t(len(buf)), C.int(port), a, b2i(cb), C.int(slot)))
	})
}

// SendSlice calls dgram_sendto (sendto) or dgram_send_slice with a C copy of buf.
func SendSlice(sendto bool, h int32, buf []byte, n uint64, off, length, port int32, addr *string, cb bool, slot int) int32 {
	p := C.CBytes(buf)
	if buf == nil {
		p = nil
	}
	defer C.free(p)
	return withCstr(addr, func(a *C.char) int32 {
		if sendto {
			return int32(C.hx_sendto(C.dgram_socket(h), p, C.size_t(n), C.int(off), C.int(length), C.int(port), a, b2i(cb), C.int(slot)))
		}
		return int32(C.hx_send_slice(C.dgram_socket(h), p, C.size_t(n), C.int(off), C.int(length), C.int(port), a, b2i(cb), C.int(slot)))
	})
}

// Address calls dgram_address (a NULL out when nullOut) and returns its code and port.
func Address(h int32, nullOut bool) (rc int32, port int) {
	var p C.int
	rc = int32(C.hx_address(C.dgram_socket(h), b2i(nullOut), &p))
	return rc, int(p)
}

// Membership calls dgram_add_membership (add) or dgram_drop_membership.
func Membership(add bool, h int32, group, iface *string) int32 {
	return withCstr2(group, iface, func(g, i *C.char) int32 {
		if add {
			return int32(C.dgram_add_membership(C.dgram_socket(h), g, i))
		}
		return int32(C.dgram_drop_membership(C.dgram_socket(h), g, i))
	})
}

// SetBroadcast calls dgram_set_broadcast.
func SetBroadcast(h int32, on bool) int32 {
	return int32(C.dgram_set_broadcast(C.dgram_socket(h), C.bool(on)))
}

// SetMulticastLoopback calls dgram_set_multicast_loopback.
func SetMulticastLoopback(h int32, on bool) int32 {
	return int32(C.dgram_set_multicast_loopback(C.dgram_socket(h), C.bool(on)))
}

// SetTTL calls dgram_set_ttl.
func SetTTL(h int32, ttl int32) int32 {
	return int32(C.dgram_set_ttl(C.dgram_socket(h), C.int(ttl)))
}

// SetMulticastTTL calls dgram_set_multicast_ttl.
func SetMulticastTTL(h int32, ttl int32) int32 {
	return int32(C.dgram_set_multicast_ttl(C.dgram_socket(h), C.int(ttl)))
}

// On adds a listener: event 0 close, 1 error, 2 listening, 3 message.
func On(h int32, event int, nullFn bool, slot int) int32 {
	return int32(C.hx_on(C.dgram_socket(h), C.int(event), b2i(nullFn), C.int(slot)))
}

// LiveHandles calls dgram_live_handles.
func LiveHandles() int { return int(C.dgram_live_handles()) }

// SetDelivery calls dgram_set_delivery.
func SetDelivery(mode int32) int32 { return int32(C.dgram_set_delivery(C.int(mode))) }

// Poll calls dgram_poll.
func Poll(timeoutMs int32) int32 { return int32(C.dgram_poll(C.int(timeoutMs))) }

// LastError is the calling thread's last error: its code and name. The
// caller must stay on one OS thread between the call and this (the last
// error is thread-local): runtime.LockOSThread.
func LastError() (int32, string) {
	var buf [64]C.char
	code := C.hx_last(&buf[0], C.size_t(len(buf)))
	return int32(code), C.GoString(&buf[0])
}

// Strerror calls dgram_strerror.
func Strerror(code int32) string { return C.GoString(C.dgram_strerror(C.int(code))) }

// Count is the number of events of kind counted in slot.
func Count(slot, kind int) int64 { return int64(C.hx_get(C.int(slot), C.int(kind))) }

// AfterClose is the number of events slot counted after its 'close': 0 unless the ordering is broken.
func AfterClose(slot int) int { return int(C.hx_get_after_close(C.int(slot))) }

// SendError is the code of the last send callback error in slot.
func SendError(slot int) int32 { return int32(C.hx_get_send_error(C.int(slot))) }

// EventError is the code of the last 'error' event in slot.
func EventError(slot int) int32 { return int32(C.hx_get_event_error(C.int(slot))) }

// Reset zeroes the counters of slot.
func Reset(slot int) { C.hx_reset(C.int(slot)) }

// ThreadsSendClose starts nthreads C threads that each send count
// one-byte datagrams on h to 127.0.0.1:port, closes h from the calling
// thread after closeAfterUs microseconds, and joins them. It returns the
// close's code (or the first unexpected code a sender got) and how many
// sends were accepted and refused as closed.
func ThreadsSendClose(h int32, port, nthreads, count, closeAfterUs, slot int) (rc int32, sent, stopped int) {
	var s, st C.int
	rc = int32(C.hx_threads_send_close(C.dgram_socket(h), C.int(port), C.int(nthreads), C.int(count), C.int(closeAfterUs), C.int(slot), &s, &st))
	return rc, int(s), int(st)
}

// Args gives the arguments of a form call by name (an argument, or a
// field "options.port" of an object argument) for CallForm: integers,
// strings (nil is NULL), flags, messages (nil bytes with a length is a
// NULL pointer), whether a function argument gets the harness's callback,
// and whether an object argument or the result pointer ("out") is NULL.
type Args interface {
	Int(name string) int64
	Str(name string) *string
	Bool(name string) bool
	Message(name string) ([]byte, uint64)
	Callback(name string) bool
	Null(name string) bool
}

// cMessage is a C copy of buf, which the caller frees, and its length n;
// nil bytes are a NULL pointer.
func cMessage(buf []byte, n uint64) (unsafe.Pointer, uint64) {
	if buf == nil {
		return nil, n
	}
	return C.CBytes(buf), n
}

// MessageCB, ErrorCB and SendCB are the harness's counting 'message' and
// 'error' listeners and send callback, as C function pointers.
func MessageCB() unsafe.Pointer { return unsafe.Pointer(C.hx_msg_cb()) }

// ErrorCB is the counting 'error' listener (see MessageCB).
func ErrorCB() unsafe.Pointer { return unsafe.Pointer(C.hx_err_cb()) }

// SendCB is the counting send callback (see MessageCB).
func SendCB() unsafe.Pointer { return unsafe.Pointer(C.hx_send_cb()) }
