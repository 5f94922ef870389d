package dgramjs

import (
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/buffer"
	"github.com/dop251/goja_nodejs/console"
	"github.com/dop251/goja_nodejs/eventloop"
	"github.com/dop251/goja_nodejs/process"
	"github.com/dop251/goja_nodejs/require"
	"github.com/dop251/goja_nodejs/util"
)

//go:embed lib/events.js
var eventsJS string

//go:embed lib/assert.js
var assertJS string

//go:embed lib/prelude.js
var preludeJS string

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
	h := &host{stdout: opts.Stdout, stderr: opts.Stderr, timers: map[*goja.Object]*timer{}}
	if h.stdout == nil {
		h.stdout = os.Stdout
	}
	if h.stderr == nil {
		h.stderr = os.Stderr
	}
	exe, _ := os.Executable()
	h.argv = append([]string{exe, abs}, opts.Args...)
	reg := require.NewRegistry()
	h.loop = eventloop.NewEventLoop(eventloop.WithRegistry(reg), eventloop.EnableConsole(false))
	h.registry = reg
	h.loop.Run(func(vm *goja.Runtime) {
		h.vm = vm
		h.setup()
		h.invoke(func() error {
			_, err := h.runMain(abs, string(src))
			return err
		})
	})
	if !h.done {
		h.exit(h.exitCode())
	}
	if h.dgram != nil {
		h.dgram.closeAll()
	}
	h.loop.Terminate()
	return h.code, nil
}

// host is one run of a script.
type host struct {
	loop     *eventloop.EventLoop
	registry *require.Registry
	vm       *goja.Runtime
	stdout   io.Writer
	stderr   io.Writer
	argv     []string
	process  *goja.Object
	dgram    *module

	refs int              // what keeps the loop running: sockets, timers, immediates
	keep *eventloop.Timer // held while refs > 0

	ticks      []func() error // process.nextTick's queue
	immediates []*timer       // setImmediate's queue
	timers     map[*goja.Object]*timer
	due        timerHeap
	wake       *time.Timer
	seq        uint64

	exiting bool // the 'exit' handlers are running
	done    bool // exit decided: no more JavaScript runs
	code    int
}

// exitSignal interrupts the script when it calls process.exit.
type exitSignal struct{}

// setup makes the modules and globals.
func (h *host) setup() {
	vm := h.vm
	h.registry.RegisterNativeModule("events", h.jsModule("events", eventsJS))
	h.registry.RegisterNativeModule("assert", h.jsModule("assert", assertJS))
	h.registry.RegisterNativeModule("console", console.RequireWithPrinter(printer{h}))
	h.registry.RegisterNativeModule("util", func(vm *goja.Runtime, module *goja.Object) {
		util.Require(vm, module)
	})
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
	h.registry.RegisterNativeModule("dgram", func(vm *goja.Runtime, module *goja.Object) {
		h.dgram = newModule(h, module.Get("exports").ToObject(vm))
	})
	buffer.Enable(vm)
	vm.Set("console", h.require("console"))
	h.timerGlobals()
	vm.Set("process", h.require("process"))
	// The prelude completes Buffer, util and process in JavaScript.
	prelude, err := vm.RunScript("dgramjs:prelude.js", preludeJS)
	if err != nil {
		panic(err)
	}
	fn, _ := goja.AssertFunction(prelude)
	if _, err := fn(goja.Undefined(), vm.ToValue(h.natives())); err != nil {
		panic(err)
	}
}

// natives are the Go functions the prelude installs.
func (h *host) natives() map[string]any {
	return map[string]any{
		"argv":   h.argv,
		"exit":   h.processExit,
		"tick":   h.nextTick,
		"slice":  h.bufferSlice,
		"events": h.require("events"),
		"util":   h.require("util"),
	}
}

// require is require(name) from Go.
func (h *host) require(name string) goja.Value { return require.Require(h.vm, name) }

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

// runMain runs the script as a CommonJS module, with __filename,
// __dirname, module and exports, as Node's main module.
func (h *host) runMain(path, src string) (goja.Value, error) {
	if strings.HasPrefix(src, "#!") { // a shebang line, as Node allows
		src = "//" + src[2:]
	}
	prg, err := goja.Compile(path, "(function(exports, require, module, __filename, __dirname) {"+src+"\n})", false)
	if err != nil {
		return nil, err
	}
	f, err := h.vm.RunProgram(prg)
	if err != nil {
		return nil, err
	}
	fn, _ := goja.AssertFunction(f)
	module := h.vm.NewObject()
	exports := h.vm.NewObject()
	module.Set("exports", exports)
	module.Set("filename", path)
	module.Set("id", ".")
	return fn(exports, exports, h.vm.Get("require"), module, h.vm.ToValue(path), h.vm.ToValue(filepath.Dir(path)))
}

// post runs fn on the loop, from any goroutine; fn's JavaScript error is
// uncaught.
func (h *host) post(fn func() error) {
	h.loop.RunOnLoop(func(*goja.Runtime) { h.invoke(fn) })
}

// invoke runs JavaScript entered from the loop (the script, a timer, an
// event), then the nextTick queue; an error thrown ends the run.
func (h *host) invoke(fn func() error) {
	if h.done {
		return
	}
	if err := h.catch(fn); err != nil {
		h.fatal(err)
		return
	}
	for len(h.ticks) > 0 && !h.done {
		t := h.ticks[0]
		h.ticks = h.ticks[1:]
		if err := h.catch(t); err != nil {
			h.fatal(err)
			return
		}
	}
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

func (t *thrown) Error() string { return t.v.String() }

// fatal ends the run after an error thrown to the top: process.exit's
// interrupt, or an uncaught exception, whose stack is printed, with exit
// code 1 and the 'exit' handlers run.
func (h *host) fatal(err error) {
	var ie *goja.InterruptedError
	if errors.As(err, &ie) {
		if _, ok := ie.Value().(exitSignal); ok {
			h.stop()
			return
		}
	}
	h.report(err)
	if h.exiting {
		h.code = 1
		h.stop()
		return
	}
	h.vm.ClearInterrupt()
	h.exit(1)
}

// report prints an uncaught exception as Node does: "Uncaught" and its
// stack, or its value.
func (h *host) report(err error) {
	var ex *goja.Exception
	switch {
	case errors.As(err, &ex):
		msg := ex.String()
		if o, ok := ex.Value().(*goja.Object); ok {
			if st := field(o, "stack"); goja.IsString(st) && st.String() != "" {
				msg = st.String()
			}
			if code := field(o, "code"); !goja.IsUndefined(code) {
				msg += "\n    code: " + code.String()
			}
		}
		fmt.Fprintf(h.stderr, "Uncaught %s\n", strings.TrimRight(msg, "\n"))
	default:
		fmt.Fprintf(h.stderr, "Uncaught %v\n", err)
	}
}

// exitCode is process.exitCode as an integer, 0 when unset.
func (h *host) exitCode() int {
	if h.process == nil {
		return 0
	}
	v := h.process.Get("exitCode")
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return 0
	}
	return int(v.ToInteger())
}

// exit runs the 'exit' handlers with code (they may change
// process.exitCode or call process.exit) and ends the run.
func (h *host) exit(code int) {
	h.exiting = true
	h.code = code
	if h.process != nil {
		h.process.Set("exitCode", code)
		if emit, ok := goja.AssertFunction(h.process.Get("emit")); ok {
			err := h.catch(func() error {
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
	}
	h.stop()
}

// processExit is process.exit([code]): the 'exit' handlers run (unless
// they are running), then the script is interrupted.
func (h *host) processExit(call goja.FunctionCall) goja.Value {
	code := h.exitCode()
	if v := call.Argument(0); !goja.IsUndefined(v) && !goja.IsNull(v) {
		code = int(v.ToInteger())
	}
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
	return &module{h: h, vm: h.vm, errorToString: h.vm.ToValue(errorToString(h.vm))}
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
	var b []byte
	if err := h.vm.ExportTo(call.This, &b); err != nil {
		panic(h.vm.NewTypeError("argument must be a buffer"))
	}
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
	return buffer.WrapBytes(h.vm, b[start:end:end])
}

// printer writes console output as lines, without the log package's
// timestamps.
type printer struct{ h *host }

func (p printer) Log(s string)   { fmt.Fprintln(p.h.stdout, s) }
func (p printer) Warn(s string)  { fmt.Fprintln(p.h.stderr, s) }
func (p printer) Error(s string) { fmt.Fprintln(p.h.stderr, s) }
