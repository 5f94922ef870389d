package dgramjs

import (
	_ "embed"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"github.com/dgramkit/dgramkit/dgram"
	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/buffer"
	"github.com/dop251/goja_nodejs/eventloop"
	"github.com/dop251/goja_nodejs/process"
	"github.com/dop251/goja_nodejs/require"
)

//go:embed lib/events.js
var eventsJS string

//go:embed lib/assert.js
var assertJS string

//go:embed lib/prelude.js
var preludeJS string

//go:embed lib/inspect.js
var inspectJS string

// Options configure a run.
type Options struct {
	// Args follow the script in process.argv.
	Args []string
	// Stdout and Stderr receive console.log and console.error, and the
	// report of an uncaught exception; nil means os.Stdout and os.Stderr.
	Stdout, Stderr io.Writer
}

// TuneRuntime sets the Go runtime up for a JavaScript host, as a
// program's main would (dgramjs does): unless the GOGC environment variable
// sets it, the heap may grow to five times what is live before a
// collection (GOGC=400), because goja allocates a few dozen small objects
// per event and with the default a busy socket spends about half of its
// time collecting; and unless GOMAXPROCS is set, the host runs on one
// processor, as Node does: its JavaScript is single-threaded, and with more
// processors every hand-off between a socket's reader and the loop wakes
// another thread (a third of the CPU time per message on a 2-processor
// machine). docs/PERFORMANCE.md has the measurements.
func TuneRuntime() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMAXPROCS") == "" {
		runtime.GOMAXPROCS(1)
	}
}

// Run runs the script at path as IoT.js and Node do: its top level, then
// its timers, immediates and socket events, until nothing is pending (no
// open socket, no timer). It returns the exit code: process.exitCode, the
// code given to process.exit, or 1 after an uncaught exception (whose stack
// goes to Stderr). An error is returned only when the script cannot be
// read.
func Run(path string, opts Options) (int, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return 0, err
	}
	src, err := os.ReadFile(abs)
	if err != nil {
		return 0, err
	}
	exe, _ := os.Executable()
	return runSource(abs, string(src), append([]string{exe, abs}, opts.Args...), opts), nil
}

// Eval runs the JavaScript code src as node -e does: as the main module,
// with __filename "[eval]", relative requires from the working directory,
// and process.argv [path of dgramjs, args...]. It returns the exit code, as
// Run does.
func Eval(src string, opts Options) int {
	exe, _ := os.Executable()
	return runSource("[eval]", src, append([]string{exe}, opts.Args...), opts)
}

// runSource runs src as the main module at path, with process.argv argv.
func runSource(path, src string, argv []string, opts Options) int {
	h := &host{stdout: opts.Stdout, stderr: opts.Stderr, timers: map[*goja.Object]*timer{}, argv: argv, start: time.Now()}
	if h.stdout == nil {
		h.stdout = os.Stdout
	}
	if h.stderr == nil {
		h.stderr = os.Stderr
	}
	reg := require.NewRegistry(require.WithLoader(noFiles))
	h.loop = eventloop.NewEventLoop(eventloop.WithRegistry(reg), eventloop.EnableConsole(false))
	h.registry = reg
	h.loop.Run(func(vm *goja.Runtime) {
		h.vm = vm
		h.setup()
		h.invoke(func() error {
			return h.runMain(path, src)
		})
	})
	if !h.done {
		h.exit(h.exitCode())
	}
	if h.dgram != nil {
		h.dgram.closeAll()
	}
	h.stopSignals()
	h.loop.Terminate()
	return h.code
}

// host is one run of a script.
type host struct {
	loop     *eventloop.EventLoop
	registry *require.Registry
	loader   *loader
	vm       *goja.Runtime
	stdout   io.Writer
	stderr   io.Writer
	argv     []string
	process  *goja.Object
	dgram    *module
	bufAPI   *buffer.Buffer // goja_nodejs's Buffer, as made before the script ran
	inspect  *goja.Object   // util.inspect, util.format and formatWithOptions (lib/inspect.js)
	builtins *builtinState  // the built-in modules loaded (builtins.go)
	isView   goja.Callable  // ArrayBuffer.isView, as it was before the script ran
	// Error, TypeError and RangeError, as they were before the script ran
	errorCtors map[dgram.Kind]*goja.Object

	// process.exitCode: the value set (validated as Node does) and the
	// code it stands for.
	exitValue goja.Value
	exitInt   int

	refs int              // what keeps the loop running: sockets, timers, immediates
	keep *eventloop.Timer // held while refs > 0

	ticks      []func() error // process.nextTick's queue
	immediates []*timer       // setImmediate's queue
	timers     map[*goja.Object]*timer
	due        timerHeap
	wake       *time.Timer
	seq        uint64

	rejected []*goja.Promise // rejected with no handler, in this callback

	signals map[string]chan os.Signal // the signals process listens for (process.go)

	start time.Time // the origin of process.hrtime and performance.now

	exiting bool // the 'exit' handlers are running
	done    bool // exit decided: no more JavaScript runs
	code    int
}

// exitSignal interrupts the script when it calls process.exit.
type exitSignal struct{}

// setup makes the modules and globals.
func (h *host) setup() {
	vm := h.vm
	vm.SetPromiseRejectionTracker(h.trackRejection)
	h.errorCtors = map[dgram.Kind]*goja.Object{}
	for _, k := range []dgram.Kind{dgram.KindError, dgram.KindTypeError, dgram.KindRangeError} {
		h.errorCtors[k] = vm.Get(string(k)).(*goja.Object)
	}
	h.requireGlobal()
	h.registry.RegisterNativeModule("events", h.jsModule("events", eventsJS))
	h.registry.RegisterNativeModule("assert", h.jsModule("assert", assertJS))
	h.inspectLib()
	h.registry.RegisterNativeModule("console", h.consoleModule)
	h.registry.RegisterNativeModule("process", func(vm *goja.Runtime, module *goja.Object) {
		process.Require(vm, module)
		h.process = module.Get("exports").ToObject(vm)
	})
	h.registry.RegisterNativeModule("timers", func(vm *goja.Runtime, module *goja.Object) {
		exports := module.Get("exports").ToObject(vm)
		for _, name := range []string{"setTimeout", "setInterval", "setImmediate", "clearTimeout", "clearInterval", "clearImmediate"} {
			exports.Set(name, vm.Get(name))
		}
	})
	h.registry.RegisterNativeModule("perf_hooks", func(vm *goja.Runtime, module *goja.Object) {
		module.Get("exports").ToObject(vm).Set("performance", vm.Get("performance"))
	})
	h.registry.RegisterNativeModule("dgram", func(vm *goja.Runtime, module *goja.Object) {
		exports := module.Get("exports").ToObject(vm)
		h.dgram = newModule(h, exports)
		nameNatives(vm, exports, h.dgram.proto)
	})
	buffer.Enable(vm)
	h.bufAPI = buffer.GetApi(vm)
	h.isView, _ = goja.AssertFunction(vm.Get("ArrayBuffer").(*goja.Object).Get("isView"))
	h.guardBufferMethods()
	vm.Set("console", h.require("console"))
	h.timerGlobals()
	vm.Set("process", h.require("process"))
	h.exitCodeAccessor()
	// The prelude completes Buffer, util and process in JavaScript.
	prelude, err := vm.RunScript("dgramjs:prelude.js", preludeJS)
	if err != nil {
		panic(err)
	}
	fn, _ := goja.AssertFunction(prelude)
	if _, err := fn(goja.Undefined(), h.nativeObject(h.natives())); err != nil {
		panic(err)
	}
	h.bufferMore()
	global := vm.GlobalObject()
	nameNatives(vm, global, h.process, field(global, "Buffer").(*goja.Object), field(global, "Buffer").(*goja.Object).Get("prototype").(*goja.Object),
		field(global, "console").(*goja.Object))
	// After nameNatives, which reads every property: their getters load
	// modules (process.stdout, URL) only when a script uses them.
	h.processLib()
	h.globalsLib()
}

// nameNatives gives the Go functions among the properties of objs the
// property's name as their name, as Node's functions have: goja names a
// Go function after the Go symbol, which a stack trace would show.
func nameNatives(vm *goja.Runtime, objs ...*goja.Object) {
	for _, o := range objs {
		for _, key := range o.GetOwnPropertyNames() {
			f, ok := o.Get(key).(*goja.Object)
			if !ok || !isFunction(f) {
				continue
			}
			if n := field(f, "name").String(); strings.Contains(n, "/") || strings.HasSuffix(n, "-fm") {
				f.DefineDataProperty("name", vm.ToValue(key), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
			}
		}
	}
}

// nativeObject is m as a JavaScript object, once: its Go functions
// become JavaScript functions named after their keys, its maps objects.
func (h *host) nativeObject(m map[string]any) *goja.Object {
	o := h.vm.NewObject()
	for k, v := range m {
		var jv goja.Value
		switch x := v.(type) {
		case map[string]any:
			jv = h.nativeObject(x)
		case func(goja.FunctionCall) goja.Value:
			jv = native(h.vm, k, x)
		default:
			jv = h.vm.ToValue(v)
			if f, ok := jv.(*goja.Object); ok && isFunction(f) && reflect.TypeOf(v).Kind() == reflect.Func {
				f.DefineDataProperty("name", h.vm.ToValue(k), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
			}
		}
		o.Set(k, jv)
	}
	return o
}

// native is a Go function as a JavaScript function named name.
func native(vm *goja.Runtime, name string, fn func(goja.FunctionCall) goja.Value) goja.Value {
	f := vm.ToValue(fn).(*goja.Object)
	f.DefineDataProperty("name", vm.ToValue(name), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	return f
}

// natives are the Go functions the prelude installs.
func (h *host) natives() map[string]any {
	return map[string]any{
		"argv":     h.argv,
		"exit":     h.processExit,
		"nextTick": h.nextTick,
		"slice":    h.bufferSlice,
		"events":   h.require("events"),
		"buffer":   h.bufferNatives(),
		"error": func(kind, code, msg string) *goja.Object {
			return h.dgramless().codedError(dgram.Kind(kind), dgram.Code(code), msg)
		},
	}
}

// require is the built-in module name from Go.
func (h *host) require(name string) goja.Value { return h.loader.builtin(name) }

// jsModule is a module written in JavaScript, with the CommonJS wrapper.
func (h *host) jsModule(name, src string) require.ModuleLoader {
	return func(vm *goja.Runtime, module *goja.Object) {
		prg, err := goja.Compile("dgramjs:"+name+".js", "(function(exports, require, module) {"+src+"\n})", true)
		if err != nil {
			panic(err)
		}
		f, err := vm.RunProgram(prg)
		if err != nil {
			panic(err)
		}
		fn, _ := goja.AssertFunction(f)
		if _, err := fn(goja.Undefined(), module.Get("exports"), vm.Get("require"), module); err != nil {
			panic(err)
		}
	}
}

// post runs fn on the loop, from any goroutine; fn's JavaScript error is
// uncaught.
func (h *host) post(fn func() error) {
	h.loop.RunOnLoop(func(*goja.Runtime) { h.invoke(fn) })
}

// invoke runs JavaScript entered from the loop (the script, a timer, an
// event), then the nextTick queue; an error thrown ends the run (unless
// an 'uncaughtException' listener takes it).
func (h *host) invoke(fn func() error) {
	if h.done {
		return
	}
	if err := h.catch(fn); err != nil && h.fatal(err) {
		return
	}
	for len(h.ticks) > 0 && !h.done {
		t := h.ticks[0]
		h.ticks = h.ticks[1:]
		if err := h.catch(t); err != nil {
			if !h.fatal(err) && len(h.ticks) > 0 {
				// Taken by an 'uncaughtException' listener: as in node, the
				// rest of the queue runs in a later turn of the loop, which
				// is held until then (and let go after what it sets up).
				h.ref()
				h.loop.RunOnLoop(func(*goja.Runtime) {
					h.invoke(func() error { return nil })
					h.unref()
				})
			}
			return
		}
	}
	if len(h.rejected) > 0 && !h.done {
		if err := h.catch(h.unhandledRejections); err != nil {
			h.fatal(err)
		}
	}
}

// trackRejection is goja's promise rejection tracker: it keeps the
// rejected promises that have no handler yet.
func (h *host) trackRejection(p *goja.Promise, op goja.PromiseRejectionOperation) {
	switch op {
	case goja.PromiseRejectionReject:
		h.rejected = append(h.rejected, p)
	case goja.PromiseRejectionHandle:
		for i, q := range h.rejected {
			if q == p {
				h.rejected = append(h.rejected[:i], h.rejected[i+1:]...)
				break
			}
		}
	}
}

// unhandledRejections handles the promises rejected with no handler once
// the callback and its microtasks have run, as Node 15 and later do: an
// 'unhandledRejection' listener of process gets each, else the first is
// an uncaught exception (an Error as it is, another value as Node's
// ERR_UNHANDLED_REJECTION).
func (h *host) unhandledRejections() error {
	list := h.rejected
	h.rejected = nil
	for _, p := range list {
		if p.State() != goja.PromiseStateRejected {
			continue
		}
		reason := p.Result()
		if n, err := h.callMethod(h.process, "listenerCount", h.vm.ToValue("unhandledRejection")); err == nil && n.ToInteger() > 0 {
			if _, err := h.callMethod(h.process, "emit", h.vm.ToValue("unhandledRejection"), reason, h.vm.ToValue(p)); err != nil {
				return err
			}
			continue
		}
		uncaught := reason
		if o, ok := reason.(*goja.Object); !ok || !h.vm.InstanceOf(o, h.errorCtors[dgram.KindError]) {
			e := h.dgramless().codedError(dgram.KindError, "", "This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason \""+h.reasonString(reason)+"\".")
			e.Set("name", "UnhandledPromiseRejection")
			e.Set("code", "ERR_UNHANDLED_REJECTION")
			uncaught = e
		}
		// 'uncaughtException' listeners take it, as node's (process.go).
		if !h.uncaughtValue(uncaught, "unhandledRejection") {
			return &thrown{uncaught}
		}
		if h.done {
			return nil
		}
	}
	return nil
}

// callMethod calls o[name](args...).
func (h *host) callMethod(o *goja.Object, name string, args ...goja.Value) (goja.Value, error) {
	f, ok := goja.AssertFunction(field(o, name))
	if !ok {
		return nil, errors.New(name + " is not a function")
	}
	return f(o, args...)
}

// catch runs fn, turning a panic of a JavaScript value (a throw from Go
// code called outside a JavaScript call) into an error.
func (h *host) catch(fn func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			switch v := r.(type) {
			case *goja.Exception:
				err = v
			case goja.Value:
				err = &thrown{v}
			case *goja.InterruptedError:
				err = v
			default:
				panic(r)
			}
		}
	}()
	return fn()
}

// thrown is a JavaScript value thrown outside a JavaScript call.
type thrown struct{ v goja.Value }

func (t *thrown) Error() string { return "uncaught JavaScript value" }

// fatal ends the run after an error thrown to the top: process.exit's
// interrupt, or an uncaught exception, whose stack is printed, with exit
// code 1 and the 'exit' handlers run; unless process's
// 'uncaughtException' listeners take the exception (process.go). It
// reports whether the run ended.
func (h *host) fatal(err error) bool {
	var ie *goja.InterruptedError
	if errors.As(err, &ie) {
		if _, ok := ie.Value().(exitSignal); ok {
			h.stop()
			return true
		}
	}
	if h.uncaughtListeners(err) {
		return h.done
	}
	h.report(err)
	if h.exiting {
		h.code = 1
		h.stop()
		return true
	}
	h.vm.ClearInterrupt()
	h.exit(1)
	return true
}

// report prints an uncaught exception as Node does: "Uncaught" and its
// stack (a coded error's name with its code, "TypeError
// [ERR_INVALID_ARG_TYPE]: ...", the frames indented as Node's), or its
// value.
func (h *host) report(err error) {
	var ex *goja.Exception
	var th *thrown
	var se *scriptSyntaxError
	var v goja.Value
	switch {
	case errors.As(err, &se):
		fmt.Fprintf(h.stderr, "%s\n", se.report)
		return
	case errors.As(err, &ex):
		v = ex.Value()
	case errors.As(err, &th):
		v = th.v
	default:
		fmt.Fprintf(h.stderr, "Uncaught %v\n", err)
		return
	}
	if r := h.loader.syntaxReport(v); r != "" {
		fmt.Fprintf(h.stderr, "%s\n", r)
		return
	}
	// The value's getters and conversions are the script's and may throw:
	// an error's stack as Node prints it, else util.inspect of the value
	// (which runs none of them), else its type.
	msg := ""
	if o, ok := v.(*goja.Object); ok && o.ExportType() != proxyType {
		h.catch(func() error {
			if h.vm.InstanceOf(o, h.errorCtors[dgram.KindError]) {
				msg = errorReport(o)
			}
			return nil
		})
	}
	if msg == "" {
		msg = h.inspectValue(v)
	}
	fmt.Fprintf(h.stderr, "Uncaught %s\n", strings.TrimRight(msg, "\n"))
}

// pcSuffix is the program counter goja adds to a frame's position.
var pcSuffix = regexp.MustCompile(`\(\d+\)(\)?)$`)

// errorReport is an error object's stack as Node prints it, or "" when it
// has none.
func errorReport(o *goja.Object) string {
	st := field(o, "stack")
	if !goja.IsString(st) || st.String() == "" {
		return ""
	}
	lines := strings.Split(strings.TrimRight(st.String(), "\n"), "\n")
	code := field(o, "code")
	// Node's own errors (ERR_*) show their code beside their name.
	if c := code.String(); strings.HasPrefix(c, "ERR_") && c != "ERR_UNHANDLED_REJECTION" {
		if name := field(o, "name").String(); strings.HasPrefix(lines[0], name+": ") {
			lines[0] = name + " [" + code.String() + "]" + lines[0][len(name):]
		}
	}
	for i, l := range lines[1:] {
		if rest, ok := strings.CutPrefix(l, "\tat "); ok {
			// goja's "\tat f (file:1:2(34))" is Node's "    at f (file:1:2)"
			rest = pcSuffix.ReplaceAllString(rest, "$1")
			lines[i+1] = "    at " + rest
		}
	}
	out := strings.Join(lines, "\n")
	if !goja.IsUndefined(code) {
		out += "\n    code: " + code.String()
	}
	return out
}

// exitCode is process.exitCode as an integer, 0 when unset.
func (h *host) exitCode() int { return h.exitInt }

// exitCodeAccessor makes process.exitCode an accessor, as in Node: the
// setter validates the code, so that the value the run ends with is always
// one.
func (h *host) exitCodeAccessor() {
	get := native(h.vm, "get", func(goja.FunctionCall) goja.Value {
		if h.exitValue == nil {
			return goja.Undefined()
		}
		return h.exitValue
	})
	set := native(h.vm, "set", func(call goja.FunctionCall) goja.Value {
		h.setExitCode(call.Argument(0))
		return goja.Undefined()
	})
	h.process.DefineAccessorProperty("exitCode", get, set, goja.FLAG_FALSE, goja.FLAG_TRUE)
}

// setExitCode sets process.exitCode to v when v is a code as Node's
// validation has it (undefined or null, an integer, or a string of one),
// else throws Node's error.
func (h *host) setExitCode(v goja.Value) {
	code := 0
	switch {
	case isNullish(v):
	case goja.IsString(v) && v.String() != "" && isInteger(v.ToFloat()):
		code = toInt32(v.ToFloat())
	case goja.IsNumber(v):
		f := v.ToFloat()
		if !isInteger(f) {
			panic(h.dgramless().codedError(dgram.KindRangeError, "ERR_OUT_OF_RANGE", `The value of "code" is out of range. It must be an integer. Received `+v.String()))
		}
		if math.Abs(f) > maxSafe {
			panic(h.dgramless().codedError(dgram.KindRangeError, "ERR_OUT_OF_RANGE", `The value of "code" is out of range. It must be >= -9007199254740991 && <= 9007199254740991. Received `+separated(v.String())))
		}
		code = toInt32(f)
	default:
		panic(h.dgramless().codedError(dgram.KindTypeError, "ERR_INVALID_ARG_TYPE", `The "code" argument must be of type number. Received `+describe(v)))
	}
	h.exitValue, h.exitInt = v, code
}

// maxSafe is Number.MAX_SAFE_INTEGER.
const maxSafe = 1<<53 - 1

// isInteger is Number.isInteger.
func isInteger(f float64) bool { return !math.IsInf(f, 0) && f == math.Trunc(f) }

// toInt32 is JavaScript's ToInt32 of an integer value.
func toInt32(f float64) int { return int(int32(uint32(int64(math.Mod(f, 1<<32))))) }

// separated is an integer's digits with Node's numeric separators
// (9_007_199_254_740_992).
func separated(s string) string {
	i := len(s)
	start := 0
	if strings.HasPrefix(s, "-") {
		start = 1
	}
	var parts []string
	for ; i-3 > start; i -= 3 {
		parts = append([]string{s[i-3 : i]}, parts...)
	}
	return s[:i] + strings.Join(append([]string{""}, parts...), "_")
}

// exit runs the 'exit' handlers with code (they may change
// process.exitCode or call process.exit) and ends the run.
func (h *host) exit(code int) {
	h.exiting = true
	h.code = code
	if h.process != nil {
		// process.emit is the script's to replace (or to make a getter that
		// throws): looked up inside the catch.
		err := h.catch(func() error {
			h.process.Set("exitCode", code)
			emit, ok := goja.AssertFunction(h.process.Get("emit"))
			if !ok {
				return nil
			}
			_, err := emit(h.process, h.vm.ToValue("exit"), h.vm.ToValue(code))
			return err
		})
		var ie *goja.InterruptedError
		switch {
		case errors.As(err, &ie):
			// process.exit in a handler: its code is set.
		case err != nil:
			h.report(err)
			h.code = 1
			h.stop()
			return
		default:
			h.code = h.exitCode()
		}
	}
	h.stop()
}

// processExit is process.exit([code]): the 'exit' handlers run (unless
// they are running), then the script is interrupted.
func (h *host) processExit(call goja.FunctionCall) goja.Value {
	if len(call.Arguments) > 0 {
		h.setExitCode(call.Argument(0))
	}
	code := h.exitCode()
	if h.exiting {
		h.code = code
	} else {
		h.exit(code)
	}
	h.done = true
	h.vm.Interrupt(exitSignal{})
	return goja.Undefined()
}

// stop ends the run: no more JavaScript, and the loop stops.
func (h *host) stop() {
	h.done = true
	h.loop.StopNoWait()
}

// nextTick is process.nextTick(fn, ...args).
func (h *host) nextTick(call goja.FunctionCall) goja.Value {
	fn, ok := goja.AssertFunction(call.Argument(0))
	if !ok {
		panic(h.dgramless().codedError("TypeError", "ERR_INVALID_ARG_TYPE", `The "callback" argument must be of type function. Received `+describe(call.Argument(0))))
	}
	args := append([]goja.Value(nil), call.Arguments[1:]...)
	h.ticks = append(h.ticks, func() error {
		_, err := fn(goja.Undefined(), args...)
		return err
	})
	return goja.Undefined()
}

// dgramless is a module value for making errors before dgram is loaded.
func (h *host) dgramless() *module {
	return &module{h: h, vm: h.vm, errorToString: native(h.vm, "toString", errorToString(h.vm))}
}

func errorToString(vm *goja.Runtime) func(goja.FunctionCall) goja.Value {
	return func(call goja.FunctionCall) goja.Value {
		this := call.This.ToObject(vm)
		return vm.ToValue(field(this, "name").String() + " [" + field(this, "code").String() + "]: " + field(this, "message").String())
	}
}

// ref and unref count what keeps the loop running; while the count is
// above zero the loop holds one timer that never fires.
func (h *host) ref() {
	if h.refs == 0 {
		h.keep = h.loop.SetTimeout(func(*goja.Runtime) {}, time.Duration(1<<62))
	}
	h.refs++
}

func (h *host) unref() {
	h.refs--
	if h.refs == 0 {
		h.loop.ClearTimeout(h.keep)
		h.keep = nil
	}
}

// bufferSlice is Buffer.prototype.slice and subarray: a Buffer over the
// same memory, with Node's negative and clamped indexes.
func (h *host) bufferSlice(call goja.FunctionCall) goja.Value {
	b := h.bufferBytes(call.This, "this")
	n := int64(len(b))
	index := func(v goja.Value, def int64) int64 {
		if goja.IsUndefined(v) {
			return def
		}
		i := v.ToInteger()
		if i < 0 {
			i += n
		}
		return max(0, min(i, n))
	}
	start, end := index(call.Argument(0), 0), index(call.Argument(1), n)
	if end < start {
		end = start
	}
	return h.bufAPI.WrapBytes(b[start:end:end])
}

// proxyType and promiseType are what a Proxy and a Promise export as.
var (
	proxyType   = reflect.TypeOf(goja.Proxy{})
	promiseType = reflect.TypeOf((*goja.Promise)(nil))
)

// inspectLib runs lib/inspect.js: util.inspect and util.format.
func (h *host) inspectLib() {
	vm := h.vm
	v, err := vm.RunScript("dgramjs:inspect.js", inspectJS)
	if err != nil {
		panic(err)
	}
	fn, _ := goja.AssertFunction(v)
	natives := map[string]any{
		// details(v) is {proxy, handler} for a Proxy (proxy null when
		// revoked) and {promise: state, result} for a Promise.
		"details": func(v goja.Value) map[string]any {
			d := map[string]any{}
			o, ok := v.(*goja.Object)
			if !ok {
				return d
			}
			// Only a Proxy or a Promise is exported (an array would be
			// copied, whatever its length).
			if t := o.ExportType(); t != proxyType && t != promiseType {
				return d
			}
			switch x := o.Export().(type) {
			case goja.Proxy:
				if t := x.Target(); t != nil {
					d["proxy"], d["handler"] = t, x.Handler()
				} else {
					d["proxy"] = nil
				}
			case *goja.Promise:
				d["promise"] = [...]string{"pending", "fulfilled", "rejected"}[x.State()]
				d["result"] = x.Result()
			}
			return d
		},
	}
	lib, err := fn(goja.Undefined(), h.nativeObject(natives))
	if err != nil {
		panic(err)
	}
	h.inspect = lib.(*goja.Object)
}

// consoleModule is the console module: log, info and debug write a line
// to Stdout, error and warn to Stderr, formatted by util.format; dir
// writes util.inspect(obj, options).
func (h *host) consoleModule(vm *goja.Runtime, module *goja.Object) {
	exports := module.Get("exports").ToObject(vm)
	format, _ := goja.AssertFunction(h.inspect.Get("format"))
	inspect, _ := goja.AssertFunction(h.inspect.Get("inspect"))
	printer := func(w func() io.Writer) func(goja.FunctionCall) goja.Value {
		return func(call goja.FunctionCall) goja.Value {
			s, err := format(goja.Undefined(), call.Arguments...)
			if err != nil {
				panic(err)
			}
			fmt.Fprintln(w(), s.String())
			return goja.Undefined()
		}
	}
	stdout := func() io.Writer { return h.stdout }
	stderr := func() io.Writer { return h.stderr }
	for _, name := range []string{"log", "info", "debug"} {
		exports.Set(name, native(vm, name, printer(stdout)))
	}
	for _, name := range []string{"error", "warn", "trace"} {
		exports.Set(name, native(vm, name, printer(stderr)))
	}
	exports.Set("dir", native(vm, "dir", func(call goja.FunctionCall) goja.Value {
		s, err := inspect(goja.Undefined(), call.Argument(0), call.Argument(1))
		if err != nil {
			panic(err)
		}
		fmt.Fprintln(h.stdout, s.String())
		return goja.Undefined()
	}))
}

// inspectValue is util.inspect(v), or its type when that throws.
func (h *host) inspectValue(v goja.Value) string {
	s := "a thrown value of type " + typeOf(v)
	h.catch(func() error {
		if f, ok := goja.AssertFunction(h.inspect.Get("inspect")); ok {
			if r, err := f(goja.Undefined(), v); err == nil {
				s = r.String()
			}
		}
		return nil
	})
	return s
}

// typeOf is JavaScript's typeof v, without calling the script.
func typeOf(v goja.Value) string {
	switch {
	case v == nil || goja.IsUndefined(v):
		return "undefined"
	case goja.IsNull(v):
		return "object"
	case isFunction(v):
		return "function"
	}
	if _, ok := v.(*goja.Object); ok {
		return "object"
	}
	if _, ok := v.(*goja.Symbol); ok {
		return "symbol"
	}
	return "primitive"
}

// reasonString is a rejection reason as Node words it (lib/inspect.js's
// reasonString), or a placeholder when that throws.
func (h *host) reasonString(v goja.Value) string {
	s := "[value]"
	h.catch(func() error {
		if f, ok := goja.AssertFunction(h.inspect.Get("reasonString")); ok {
			if r, err := f(goja.Undefined(), v); err == nil {
				s = r.String()
			}
		}
		return nil
	})
	return s
}
