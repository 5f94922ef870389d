package dgram

import (
	"errors"
	"fmt"
	"math"
	"syscall"
)

// The membership options go through golang.org/x/net/ipv4 and ipv6 (the
// others are the spec's option table, set with setsockopt: optval_*.go).
// An option the operating system lacks is refused by x/net itself, with
// no errno ("not implemented
// on <os>/<arch>", "operation not supported").
//
// optionError reports that refusal as ENOPROTOOPT, "<call> ENOPROTOOPT"
// ("setMulticastLoopback ENOPROTOOPT"): the errno a kernel answers for an
// option it does not know, which is what Node would report on that system,
// so callers test one code for both. It is not ERR_NOT_SUPPORTED_ON_PLATFORM:
// that code says the socket's platform profile (the seed's matrix, chosen
// with SocketOptions.Platform) marks the call X, and is raised before the
// operating system is asked. The error's cause keeps x/net's words.
// Any other error is the kernel's, named by its errno.
func optionError(call string, err error) *Error {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return sysError(call, err, "", 0)
	}
	e := sysCodeError(call, ENOPROTOOPT, "", 0)
	e.Err = fmt.Errorf("%w (%v)", e.Err, err)
	return e
}

// setOption is the core of the generated option setters: it sets o to v
// on the bound socket. For an option that zeroReads, 0 reads it and
// changes nothing (libuv's uv_recv_buffer_size), with a set's errors.
func (s *Socket) setOption(call string, o *sockOpt, v int) error {
	if v == 0 && o.zeroReads {
		_, err := s.getOption(call, o)
		return err
	}
	return s.sockopt(call, o, func(fd uintptr, k sockOptKey) error {
		return setsockoptCInt(fd, k, v)
	})
}

// setsockoptCInt sets option k of socket fd to v. setsockopt takes a C
// int: a value beyond it is EINVAL, as libuv reports it to Node
// ("uv_recv_buffer_size returned EINVAL").
func setsockoptCInt(fd uintptr, k sockOptKey, v int) error {
	if int64(v) > math.MaxInt32 || int64(v) < math.MinInt32 {
		return syscall.EINVAL
	}
	return setsockoptInt(fd, k.level, k.name, v)
}

// getOption is the core of the generated option getters: it reads o on
// the bound socket.
func (s *Socket) getOption(call string, o *sockOpt) (int, error) {
	var v int
	err := s.sockopt(call, o, func(fd uintptr, k sockOptKey) (err error) {
		v, err = getsockoptInt(fd, k.level, k.name)
		return err
	})
	return v, err
}

// sockopt runs op on the bound socket's descriptor with o's key for the
// socket's family, holding the state shared so that close waits for it.
// After close it is ERR_SOCKET_DGRAM_NOT_RUNNING. Before bind, and when
// op fails, it is the system error named after the call ("setTTL
// EBADF"), or, for an option with its own code (unbound), that code
// worded by its template with {syscall} and {cause} ("EBADF (bad file
// descriptor)"), as Node's ERR_SOCKET_BUFFER_SIZE.
func (s *Socket) sockopt(call string, o *sockOpt, op func(fd uintptr, k sockOptKey) error) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	fail := func(err error) error { return o.failure(call, err) }
	switch {
	case s.state == closed:
		return notRunning()
	case s.conn == nil:
		return fail(syscall.EBADF)
	}
	k := o.v4
	if s.p4 == nil {
		k = o.v6
	}
	rc, err := s.conn.SyscallConn()
	if err != nil {
		return fail(err)
	}
	var operr error
	if err := rc.Control(func(fd uintptr) { operr = op(fd, k) }); err != nil {
		return fail(err)
	}
	if operr != nil {
		return fail(operr)
	}
	return nil
}

// failure is err from call on option o: the system error named after the
// call ("setTTL EBADF"), or, for an option with its own code (unbound),
// that code worded by its template with {syscall} and {cause} ("EBADF (bad
// file descriptor)"), as Node's ERR_SOCKET_BUFFER_SIZE.
func (o *sockOpt) failure(call string, err error) *Error {
	if o.unbound == "" {
		return sysError(call, err, "", 0)
	}
	name := o.syscall
	if name == "" {
		name = call
	}
	cause := string(codeOf(err))
	var errno syscall.Errno
	if errors.As(err, &errno) {
		cause += " (" + errno.Error() + ")"
	}
	e := codeError(o.unbound, "", "{syscall}", name, "{cause}", cause)
	e.Err = err
	if e.Kind == KindSystemError {
		// Node's SystemError: the call, and the cause as a system error
		// of it ("uv_recv_buffer_size EBADF"), which errors.Is and
		// errors.As reach as they reach the errno.
		e.Syscall = name
		e.Err = sysError(name, err, "", 0)
	}
	return e
}
