package dgramjs

import (
	"errors"
	"math"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"unicode/utf16"

	"github.com/dgramkit/dgramkit/dgram"
	"github.com/dop251/goja"
)

// This file is what the generated dispatch (dispatch_gen.go) calls: the
// reading of JavaScript arguments as Node reads them, and the errors.
//
// The dispatch throws only the errors that exist in JavaScript alone: a
// value of the wrong JavaScript type (ERR_INVALID_ARG_TYPE). Every other
// check is the Go API's, so that JavaScript, Go and C reject the same
// values with the same codes, in the same order. A number that Go cannot
// hold as it is (NaN, 1.5, 1e300) or a port Node would refuse is passed to
// Go as a value just outside the argument's range, so that the Go check of
// that argument fails where it would; the "Received ..." of the error is
// then worded from the JavaScript value.

// errorTemplate is a coded error's code, kind and message template.
type errorTemplate struct {
	code    dgram.Code
	kind    dgram.Kind
	message string
}

// method is a function of the module or a method of Socket.prototype.
type method struct {
	name string
	fn   func(*module, goja.FunctionCall) goja.Value
}

// intArg is what the dispatch knows of an integer argument.
type intArg struct {
	name           string     // its name in messages
	code           dgram.Code // the code of its Go check
	min, max       int64
	hasMin, hasMax bool
	bounds         bool // an offset or length in the message
	port           bool // read as Node's validatePort: a number or a numeric string
	optional       bool // undefined and null mean 0
	truthy         bool // any falsy value means 0, as Node's if (options.x)
	ownError       bool // any non-number, a numeric string too, is the argument's own error (Node's bufferSize)
}

// replacement rewrites the message of a Go error with code: the first
// from in it becomes to. An integer's is worded only when an error needs
// it (integer): "Received type int (n)" becomes "Received <v described>".
type replacement struct {
	code     dgram.Code
	from, to string
	n        int64
	v        goja.Value
	integer  bool // n and v make from and to
}

// texts are a replacement's from and to. Node words ERR_OUT_OF_RANGE's
// value as util.inspect does (-1, 1.5, 4_294_967_296), not as the other
// codes do.
func (r *replacement) texts() (string, string) {
	if r.integer {
		if r.code == dgram.ErrOutOfRange { // Go words it as Node: n
			return "Received " + separatedNumber(float64(r.n)), "Received " + inspectNumber(r.v)
		}
		return "Received type int (" + strconv.FormatInt(r.n, 10) + ")", "Received " + describe(r.v)
	}
	return r.from, r.to
}

// inspectNumber is a number as Node's ERR_OUT_OF_RANGE words it (see
// separated); other values as describe.
func inspectNumber(v goja.Value) string {
	if !goja.IsNumber(v) {
		return describe(v)
	}
	f := v.ToFloat()
	if f == math.Trunc(f) && math.Abs(f) > 1<<32 && math.Abs(f) < 1e21 {
		return separatedNumber(f)
	}
	if f == 0 && math.Signbit(f) {
		return "-0"
	}
	return v.String()
}

// separatedNumber is the integer f as Node's ERR_OUT_OF_RANGE words it:
// with numeric separators when its magnitude is beyond 2^32
// (8_589_934_592).
func separatedNumber(f float64) string {
	if math.Abs(f) <= 1<<32 {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	return separated(strconv.FormatFloat(f, 'f', -1, 64))
}

// notInteger reports a number that is not an integer, which Node's
// validateInteger and validateUint32 refuse as ERR_OUT_OF_RANGE "It must
// be an integer".
func notInteger(v goja.Value) bool {
	if !goja.IsNumber(v) {
		return false
	}
	f := v.ToFloat()
	return math.IsNaN(f) || math.IsInf(f, 0) || f != math.Trunc(f)
}

// integerRange is the range in an ERR_OUT_OF_RANGE message.
var integerRange = regexp.MustCompile(`It must be .*?\. Received `)

// pendingListener is a listener argument, added to its event once the Go
// call has succeeded (or at once for 'close', as Node does).
type pendingListener struct {
	event string
	fn    goja.Value
	once  bool // the spec's once: for the event's next emission only (bind's and connect's callbacks)
}

// args reads the arguments of one call.
type args struct {
	m         *module
	call      string
	repl      []replacement
	listeners []pendingListener
	requests  []*request     // the call's send callbacks, started by its success
	replBuf   [4]replacement // repl's first ones, without an allocation
}

func (m *module) args(call string) *args {
	x := &args{m: m, call: call}
	x.repl = x.replBuf[:0]
	return x
}

// arg is argument i, or undefined.
func arg(a []goja.Value, i int) goja.Value {
	if i < len(a) && a[i] != nil {
		return a[i]
	}
	return goja.Undefined()
}

// isNullish reports undefined or null.
func isNullish(v goja.Value) bool { return v == nil || goja.IsUndefined(v) || goja.IsNull(v) }

// isFunction reports a callable value.
func isFunction(v goja.Value) bool {
	_, ok := goja.AssertFunction(v)
	return ok
}

// isObject reports a non-null object that is not a function: what Node
// takes for an options object.
func isObject(v goja.Value) bool {
	_, ok := v.(*goja.Object)
	return ok && !isFunction(v)
}

// truthy is JavaScript's truthiness.
func truthy(v goja.Value) bool { return !isNullish(v) && v.ToBoolean() }

// spread places a call's arguments on a form of n arguments as Node does:
// a function met at an optional position before the form's function
// argument (index fn, -1 when none) is that function, and the optional
// arguments between are omitted.
func spread(a []goja.Value, n, firstOptional, fn int) []goja.Value {
	v := make([]goja.Value, n)
	for i := range v {
		v[i] = goja.Undefined()
	}
	for i := 0; i < n && i < len(a); i++ {
		if fn >= 0 && i >= firstOptional && i < fn && isFunction(a[i]) {
			v[fn] = a[i]
			return v
		}
		v[i] = arg(a, i)
	}
	return v
}

// field is property name of o, or undefined.
func field(o *goja.Object, name string) goja.Value {
	if o == nil {
		return goja.Undefined()
	}
	if v := o.Get(name); v != nil {
		return v
	}
	return goja.Undefined()
}

// throwTypeError throws ERR_INVALID_ARG_TYPE for argument name.
func (x *args) throwTypeError(name, expected string, v goja.Value) {
	msg := strings.NewReplacer("{arg}", name, "{expected}", expected, "{received}", describe(v)).Replace(invalidArgType.message)
	panic(x.m.codedError(invalidArgType.kind, invalidArgType.code, msg))
}

// object is an options object (the dispatch chose the form for it).
func (x *args) object(v goja.Value, name string) *goja.Object {
	o, ok := v.(*goja.Object)
	if !ok {
		x.throwTypeError(name, "object", v)
	}
	return o
}

// maxExact is the largest integer a float64 holds exactly.
const maxExact = 1 << 53

// integer reads an integer argument. A value of another JavaScript type is
// ERR_INVALID_ARG_TYPE, except for a port, where it is the port's error as
// in Node's validatePort. A number Go cannot hold exactly, or a port Node
// refuses, becomes a value outside the argument's range, so that Go's
// check fails there; the replacement words the error from v.
func (x *args) integer(v goja.Value, a intArg) int {
	var f float64
	switch {
	case isNullish(v) && a.optional, a.truthy && !truthy(v):
		return 0
	case goja.IsNumber(v):
		f = v.ToFloat()
	case a.ownError:
		return x.poison(v, a)
	case a.port && goja.IsString(v) && strings.TrimSpace(v.String()) != "":
		f = v.ToFloat() // +port, NaN when not numeric
	case a.port:
		return x.poison(v, a)
	default:
		x.throwTypeError(a.name, "number", v)
	}
	if math.IsNaN(f) || math.IsInf(f, 0) || f != math.Trunc(f) || math.Abs(f) > maxExact {
		return x.poison(v, a)
	}
	n := int(f)
	if a.code != "" {
		x.repl = append(x.repl, replacement{code: a.code, n: int64(n), v: v, integer: true})
	}
	return n
}

// poison is a value Go's check of argument a refuses, for v.
func (x *args) poison(v goja.Value, a intArg) int {
	var n int64
	switch {
	case a.bounds:
		n = -1
	case a.hasMin && a.min > math.MinInt64:
		n = a.min - 1
	case a.hasMax && a.max < math.MaxInt64:
		n = a.max + 1
	default:
		x.throwTypeError(a.name, "an integer", v)
	}
	x.repl = append(x.repl, replacement{code: a.code, n: n, v: v, integer: true})
	return int(n)
}

// enum reads a string limited to a set (the socket type). Like Node, any
// other value is the argument's own error: Go gets "", which no set holds.
func (x *args) enum(v goja.Value, name string) string {
	if goja.IsString(v) {
		return v.String()
	}
	x.repl = append(x.repl, replacement{from: "Received type string ('')", to: "Received " + describe(v)})
	return ""
}

// required reads a string that must be given: like Node, a falsy value is
// missing (Go gets "").
func (x *args) required(v goja.Value, name string) string {
	switch {
	case !truthy(v):
		return ""
	case goja.IsString(v):
		return v.String()
	}
	x.throwTypeError(name, "string", v)
	return ""
}

// str reads an optional string: undefined and null are "".
func (x *args) str(v goja.Value, name string) string {
	switch {
	case isNullish(v):
		return ""
	case goja.IsString(v):
		return v.String()
	}
	x.throwTypeError(name, "string", v)
	return ""
}

// text reads a string that must be a string: anything else, undefined
// included, is ERR_INVALID_ARG_TYPE, as Node's validateString.
func (x *args) text(v goja.Value, name string) string {
	if goja.IsString(v) {
		return v.String()
	}
	x.throwTypeError(name, "string", v)
	return ""
}

// boolean reads a flag by truthiness, as Node does.
func (x *args) boolean(v goja.Value) bool { return truthy(v) }

// badPlatform is the Platform an unknown platform name is passed as.
const badPlatform = dgram.Platform(-1)

// platform reads a platform profile by name (see platformNames); an
// unknown name is passed as a platform no call supports.
func (x *args) platform(v goja.Value, name string) dgram.Platform {
	switch {
	case isNullish(v):
		return dgram.Native
	case goja.IsString(v):
		if p, ok := platformNames[strings.ToLower(v.String())]; ok {
			return p
		}
		x.repl = append(x.repl, replacement{code: dgram.ErrNotSupportedOnPlatform, from: badPlatform.String(), to: v.String()})
		return badPlatform
	}
	x.throwTypeError(name, "string", v)
	return dgram.Native
}

// maxListBytes bounds the bytes a list message keeps: more than the
// largest datagram, so that a longer list is still refused for its size.
const maxListBytes = 1 << 20

// message reads a datagram: a string, the bytes of a Buffer, TypedArray or
// DataView, or an array of those (Go concatenates it).
func (x *args) message(v goja.Value, name, types string) any {
	if goja.IsString(v) {
		return v.String()
	}
	if b, ok := x.m.viewBytes(v); ok {
		return b
	}
	if o, ok := v.(*goja.Object); ok && o.ClassName() == "Array" {
		// The length is the script's (a sparse array's may be 2**32-1), so
		// nothing is sized from it: each item is checked as it is read (a
		// hole is ERR_INVALID_ARG_TYPE at once, as in Node), and the list
		// keeps only the items that add bytes, until it holds more than
		// any datagram may (Go then refuses the size), so that items a
		// Proxy or getter makes up cannot exhaust the memory.
		n := o.Get("length").ToInteger()
		var list []any
		size := 0
		for i := int64(0); i < n; i++ {
			item := o.Get(strconv.FormatInt(i, 10))
			var piece any
			k := 0
			if item != nil && goja.IsString(item) {
				s := item.String()
				piece, k = s, len(s)
			} else if b, ok := x.m.viewBytes(item); ok {
				piece, k = b, len(b)
			} else {
				// Node names the whole list, as Go does.
				x.throwTypeError("buffer list arguments", types, v)
			}
			if k > 0 && size <= maxListBytes {
				list = append(list, piece)
				size += k
			}
		}
		if list == nil {
			list = []any{}
		}
		return list
	}
	x.throwTypeError(name, types, v)
	return nil
}

// function is v when it is a function, else nil: like Node, a callback
// that is not a function is ignored.
func (x *args) function(v goja.Value) goja.Value {
	if isFunction(v) {
		return v
	}
	return nil
}

// listen adds fn (when not nil) to event: 'close' at once, as Node does
// before its state check; the others once the Go call has succeeded, for
// the event's next emission only when once (the spec's once: Node's bind
// and connect callbacks).
func (x *args) listen(s *socket, event string, fn goja.Value, once bool) {
	if fn == nil {
		return
	}
	if event == "close" && s != nil {
		s.on("on", event, fn)
		return
	}
	// Node adds the listener with this.on before it acts: a socket whose
	// on is not a function throws then, and nothing is done.
	if s != nil && !isFunction(s.obj.Get("on")) {
		panic(x.m.vm.NewTypeError("this.on is not a function"))
	}
	x.listeners = append(x.listeners, pendingListener{event, fn, once})
}

// done ends a socket call: an error is thrown, worded for JavaScript;
// success adds the pending listeners and moves the socket's state.
func (x *args) done(s *socket, err error) {
	if err != nil {
		var de *dgram.Error
		if emitsSystemErrors[x.call] && errors.As(err, &de) && de.Syscall != "" && de.Kind != dgram.KindSystemError {
			// The spec's reporting: an operating-system error of bind (or
			// of send's implicit bind) is an 'error' event after the call
			// returns, as in Node. connect's listener, when given, gets it
			// instead (Node's connect callback). Otherwise the bind callback
			// is added, then removed with this.removeListener after the
			// 'error' listeners ran, as Node's removeListeners does, so it
			// is never called.
			e := x.errorValue(err)
			for _, l := range x.listeners {
				if l.event == "connect" {
					f, _ := goja.AssertFunction(l.fn)
					x.m.h.ticks = append(x.m.h.ticks, func() error { _, err := f(s.obj, e); return err })
					return
				}
			}
			var bindFns []goja.Value
			for _, l := range x.listeners {
				if l.event == "listening" {
					s.on("once", l.event, l.fn)
					bindFns = append(bindFns, l.fn)
				}
			}
			x.m.h.ticks = append(x.m.h.ticks, func() error {
				if err := s.emit("error", func() []goja.Value { return []goja.Value{e} }); err != nil {
					return err
				}
				for _, fn := range bindFns {
					s.on("removeListener", "listening", fn)
				}
				return nil
			})
			return
		}
		panic(x.errorValue(err))
	}
	for _, l := range x.listeners {
		how := "on"
		if l.once {
			how = "once"
		}
		s.on(how, l.event, l.fn)
	}
	for _, r := range x.requests {
		r.start()
	}
	s.called(x.call)
}

// result is what a call without a spec result returns in Node: the
// socket or its first argument, as the spec's js_returns says (jsReturns).
func (x *args) result(s *socket, call goja.FunctionCall) goja.Value {
	switch jsReturns[x.call] {
	case "socket":
		return s.obj
	case "argument":
		return arg(call.Arguments, 0)
	}
	return goja.Undefined()
}

// errorValue is err as a JavaScript error, with this call's replacements.
func (x *args) errorValue(err error) goja.Value {
	var de *dgram.Error
	if errors.As(err, &de) {
		c := *de
		for i := range x.repl {
			r := &x.repl[i]
			if from, to := r.texts(); (r.code == "" || r.code == c.Code) && strings.Contains(c.Message, from) {
				c.Message = strings.Replace(c.Message, from, to, 1)
				if r.integer && c.Code == dgram.ErrOutOfRange && notInteger(r.v) {
					c.Message = integerRange.ReplaceAllLiteralString(c.Message, "It must be an integer. Received ")
				}
				break
			}
		}
		err = &c
	}
	return x.m.errorValue(err)
}

// errnos are libuv's (negative) error numbers of the codes that are not an
// errno on Linux.
var errnos = map[dgram.Code]int{dgram.ENOTFOUND: -3008, dgram.EUNKNOWN: -4094}

// errorValue is err as Node would throw it: a coded error is a TypeError,
// RangeError or Error with code; a system error an Error with errno, code,
// syscall, and address and port where Node gives them; nil is null.
func (m *module) errorValue(err error) goja.Value {
	if err == nil {
		return goja.Null()
	}
	var de *dgram.Error
	if !errors.As(err, &de) {
		return m.codedError(dgram.KindError, "", err.Error())
	}
	if de.Kind == dgram.KindSystemError {
		return m.systemError(de)
	}
	if de.Syscall == "" {
		return m.codedError(de.Kind, de.Code, de.Message)
	}
	o := m.codedError(dgram.KindError, "", de.Message)
	errno, ok := errnos[de.Code]
	var en syscall.Errno
	if !ok && errors.As(de.Err, &en) {
		errno = -int(en)
	}
	o.Set("errno", errno)
	o.Set("code", string(de.Code))
	o.Set("syscall", de.Syscall)
	if de.Address != "" {
		o.Set("address", de.Address)
	}
	if de.Port > 0 {
		o.Set("port", de.Port)
	}
	return o
}

// systemError is a SystemError as Node throws it (ERR_SOCKET_BUFFER_SIZE):
// an Error named SystemError with code, and info (errno, code, message
// and syscall of the cause), errno and syscall.
func (m *module) systemError(de *dgram.Error) *goja.Object {
	o := m.codedError(dgram.KindError, de.Code, de.Message)
	o.DefineDataProperty("name", m.vm.ToValue(string(dgram.KindSystemError)), goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	info := m.vm.NewObject()
	var cause *dgram.Error
	var en syscall.Errno
	if errors.As(de.Err, &cause) && errors.As(cause.Err, &en) {
		info.Set("errno", -int(en))
		info.Set("code", string(cause.Code))
		info.Set("message", en.Error())
	}
	info.Set("syscall", de.Syscall)
	o.Set("info", info)
	o.Set("errno", info.Get("errno"))
	o.Set("syscall", de.Syscall)
	return o
}

// codedError makes an error of kind with message, and code when not "":
// the code is an own property and String(err) is "Name [CODE]: message",
// as Node's errors.
func (m *module) codedError(kind dgram.Kind, code dgram.Code, msg string) *goja.Object {
	ctor := m.h.errorCtors[kind]
	if ctor == nil {
		ctor = m.h.errorCtors[dgram.KindError]
	}
	o, err := m.vm.New(ctor, m.vm.ToValue(msg))
	if err != nil {
		panic(err)
	}
	if code != "" {
		o.Set("code", string(code))
		o.DefineDataProperty("toString", m.errorToString, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
	return o
}

// describe words a JavaScript value as Node's determineSpecificType does,
// for "Received ...".
func describe(v goja.Value) string {
	switch {
	case v == nil || goja.IsUndefined(v):
		return "undefined"
	case goja.IsNull(v):
		return "null"
	case goja.IsNumber(v):
		f := v.ToFloat()
		if f == 0 && math.Signbit(f) {
			return "type number (-0)"
		}
		return "type number (" + v.String() + ")"
	case goja.IsBigInt(v):
		return "type bigint (" + v.String() + "n)"
	case goja.IsString(v):
		s := v.String()
		if u := utf16.Encode([]rune(s)); len(u) > 28 {
			s = string(utf16.Decode(u[:25])) + "..."
		}
		if !strings.Contains(s, "'") {
			return "type string ('" + s + "')"
		}
		return "type string (" + strconv.Quote(s) + ")"
	}
	if _, ok := v.(*goja.Symbol); ok {
		return "type symbol (Symbol(" + v.String() + "))"
	}
	if v.ExportType() != nil && v.ExportType().Kind() == reflect.Bool {
		return "type boolean (" + v.String() + ")"
	}
	if o, ok := v.(*goja.Object); ok {
		if isFunction(v) {
			return "function " + field(o, "name").String()
		}
		if c, ok := o.Get("constructor").(*goja.Object); ok {
			if n := c.Get("name"); n != nil && !goja.IsUndefined(n) {
				return "an instance of " + n.String()
			}
		}
		return "an instance of Object"
	}
	return v.String()
}
