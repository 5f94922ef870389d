package dgram

import (
	"context"
	"errors"
	"fmt"
	"net"
	"reflect"
	"strconv"
	"strings"
	"syscall"
)

// Code is an error code from spec/dgram.yaml: Node's code where Node has
// one (ERR_SOCKET_BAD_PORT), the errno name of a system error (EADDRINUSE),
// or dgramkit's own (ERR_NOT_SUPPORTED_ON_PLATFORM).
//
// A Code is an error itself so that errors.Is(err, dgram.ErrSocketBadPort)
// tells whether err carries that code.
type Code string

// Error returns the code.
func (c Code) Error() string { return string(c) }

// Kind is the class of an error as JavaScript throws it.
type Kind string

// The kinds of error.
const (
	KindTypeError  Kind = "TypeError"
	KindRangeError Kind = "RangeError"
	KindError      Kind = "Error"
	// KindSystemError is Node's SystemError: a coded error about a
	// system call (ERR_SOCKET_BUFFER_SIZE), whose Syscall names the call
	// and whose Err is the errno.
	KindSystemError Kind = "SystemError"
)

// errorInfo is what the spec says of a code: its kind, its message
// template, and whether it is a system error.
type errorInfo struct {
	kind    Kind
	message string
	system  bool
}

// Error is the error every call and event of this package reports. Like
// *net.OpError it carries the operation, the address and the cause; it
// matches its Code and its cause with errors.Is.
type Error struct {
	Code    Code   // the spec's code
	Kind    Kind   // TypeError, RangeError, Error or SystemError
	Message string // the message, as Node words it
	Syscall string // system errors and SystemError: the operation, e.g. "bind", "send", "setTTL", "uv_recv_buffer_size"
	Address string // bind and send errors: the address given
	Port    int    // bind and send errors: the port given, when not 0
	Err     error  // the cause, e.g. a syscall.Errno; nil for argument errors
}

// Error returns the message as Node prints the error: "RangeError
// [ERR_SOCKET_BAD_PORT]: Port should be ..." for coded errors, and
// "bind EADDRINUSE 0.0.0.0:41234" for system errors.
func (e *Error) Error() string {
	if e.Syscall != "" && e.Kind != KindSystemError {
		return e.Message
	}
	return fmt.Sprintf("%s [%s]: %s", e.Kind, e.Code, e.Message)
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Is reports whether target is e's Code. An ERR_SOCKET_DGRAM_NOT_RUNNING
// error (a call on a closed socket) is also net.ErrClosed, as a call on a
// closed net.Conn is: errors.Is(err, net.ErrClosed).
func (e *Error) Is(target error) bool {
	if target == net.ErrClosed {
		return e.Code == ErrSocketDgramNotRunning
	}
	c, ok := target.(Code)
	return ok && c == e.Code
}

// codeError builds a coded error from the code's template; msg overrides
// the template when not empty. vars are placeholder, value pairs.
func codeError(code Code, msg string, vars ...string) *Error {
	info := errorInfos[code]
	if msg == "" {
		msg = info.message
	}
	return &Error{Code: code, Kind: info.kind, Message: strings.NewReplacer(vars...).Replace(msg)}
}

// rangeError reports an integer argument outside [min, max]. A system code
// (EINVAL for a TTL) reads as Node's "setTTL EINVAL". ERR_OUT_OF_RANGE
// words the value as Node's does (util.inspect: -1; beyond 2^32 with
// numeric separators, 8_589_934_592), the other codes as describe.
func rangeError(code Code, call, arg string, got int, min, max int64, msg string) error {
	if errorInfos[code].system {
		return &Error{Code: code, Kind: KindError, Message: call + " " + string(code), Syscall: call, Err: errnoOf(code)}
	}
	received := describe(got)
	if code == ErrOutOfRange {
		received = inspectInt(int64(got))
	}
	return codeError(code, msg, "{arg}", arg, "{received}", received,
		"{min}", strconv.FormatInt(min, 10), "{max}", strconv.FormatInt(max, 10))
}

// inspectInt is n as Node's ERR_OUT_OF_RANGE words an integer: with
// numeric separators when its magnitude is beyond 2^32.
func inspectInt(n int64) string {
	s := strconv.FormatInt(n, 10)
	if n >= -(1<<32) && n <= 1<<32 {
		return s
	}
	digits := strings.TrimPrefix(s, "-")
	var b strings.Builder
	if n < 0 {
		b.WriteByte('-')
	}
	for i, c := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte('_')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// enumError reports a string that is not one of its allowed values.
func enumError(code Code, call, arg string, got string, msg string) error {
	return codeError(code, msg, "{arg}", arg, "{received}", describe(got))
}

// missingError reports a required argument that is empty.
func missingError(code Code, call, arg string, msg string) error {
	return codeError(code, msg, "{arg}", arg)
}

// boundsError reports an offset or length outside the message.
func boundsError(code Code, call, arg string, msg string) error {
	return codeError(code, msg, "{arg}", arg)
}

// typeError reports an argument of the wrong type.
func typeError(code Code, arg, expected string, got any) error {
	return codeError(code, "", "{arg}", arg, "{expected}", expected, "{received}", describe(got))
}

// unsupportedError reports a call that platform p marks X.
func unsupportedError(c Call, p Platform) error {
	return codeError(ErrNotSupportedOnPlatform, "", "{call}", c.String(), "{platform}", p.String())
}

// notRunning is the error of a call on a closed socket.
func notRunning() error { return codeError(ErrSocketDgramNotRunning, "") }

// describe words a received value as Node does, in Go's terms:
// "type int (0)", "type string ('udp5')", "nil", "an instance of []int".
// It avoids fmt so that the value does not escape: a message boxed in an
// interface for Send stays on the caller's stack.
func describe(v any) string {
	var s string
	switch x := v.(type) {
	case nil:
		return "nil"
	case string:
		if len(x) > 28 {
			x = x[:25] + "..."
		}
		return "type string (" + quoteJS(x) + ")"
	case int:
		s = strconv.Itoa(x)
	case int64:
		s = strconv.FormatInt(x, 10)
	case uint64:
		s = strconv.FormatUint(x, 10)
	case float64:
		s = strconv.FormatFloat(x, 'g', -1, 64)
	case float32:
		s = strconv.FormatFloat(float64(x), 'g', -1, 32)
	case bool:
		s = strconv.FormatBool(x)
	default:
		return "an instance of " + reflect.TypeOf(v).String()
	}
	return "type " + reflect.TypeOf(v).String() + " (" + s + ")"
}

func quoteJS(s string) string {
	if strings.Contains(s, "'") {
		return strconv.Quote(s)
	}
	return "'" + s + "'"
}

// sysError wraps an operating-system error of operation syscall. For bind
// and send it names the address and port as Node does: "send EMSGSIZE
// 127.0.0.1:41234", "bind EADDRNOTAVAIL 1.1.1.1" (the port only when > 0).
func sysError(syscall string, err error, address string, port int) *Error {
	code := codeOf(err)
	msg := syscall + " " + string(code)
	if address != "" || port > 0 {
		msg += " " + address
		if port > 0 {
			msg += ":" + strconv.Itoa(port)
		}
	}
	return &Error{Code: code, Kind: KindError, Message: msg, Syscall: syscall, Address: address, Port: port, Err: err}
}

// codeOf names the system error in err by its errno (any errno with a
// name, listed in the spec or not: EMFILE, ENOBUFS), ENOTFOUND for a
// failed name lookup, or EUNKNOWN.
func codeOf(err error) Code {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		if name := errnoName(errno); name != "" {
			return Code(name)
		}
		return EUNKNOWN
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) || errors.Is(err, context.DeadlineExceeded) {
		return ENOTFOUND
	}
	var c Code
	if errors.As(err, &c) {
		return c
	}
	return EUNKNOWN
}

// errnoOf is the errno a system code names, for errors we detect before
// the kernel would (a TTL out of range, a family mismatch).
func errnoOf(code Code) error {
	if e, ok := errnoValue(string(code)); ok {
		return e
	}
	return code
}

// sysCodeError is a system error we detect before the kernel would (a
// family mismatch, a malformed group), worded as the kernel's would be.
func sysCodeError(syscall string, code Code, address string, port int) *Error {
	return sysError(syscall, errnoOf(code), address, port)
}
