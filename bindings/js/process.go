package dgramjs

import (
	_ "embed"
	"errors"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"

	"github.com/dgramkit/dgramkit/dgram"
	"github.com/dop251/goja"
)

// process as node has it (lib/process.js), on Go's os and runtime.

//go:embed lib/process.js
var processJS string

// nodeVersion is the node release whose API dgramjs follows, as
// process.version and process.versions.node report it: scripts and
// packages that check the version find the node 20 they are written for.
const nodeVersion = "20.20.2"

// processLib completes process with lib/process.js.
func (h *host) processLib() {
	h.runLib("process.js", processJS, h.libNatives(h.processNatives()))
}

// moduleVersion is dgramjs's module version ("(devel)" in a work tree).
func moduleVersion() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		return info.Main.Version
	}
	return "(unknown)"
}

// processNatives are the Go functions of lib/process.js.
func (h *host) processNatives() map[string]any {
	vm := h.vm
	arch := nodeArch()
	platform := runtime.GOOS
	if platform == "windows" {
		platform = "win32"
	}
	exe, _ := os.Executable()
	argv0 := exe
	if len(os.Args) > 0 {
		argv0 = os.Args[0]
	}
	fd := func(w any) int {
		if f, ok := w.(*os.File); ok {
			return int(f.Fd())
		}
		return -1
	}
	fds := map[int]int{1: fd(h.stdout), 2: fd(h.stderr)}
	return map[string]any{
		"version":  "v" + nodeVersion,
		"versions": map[string]any{"node": nodeVersion, "dgramjs": moduleVersion(), "go": strings.TrimPrefix(runtime.Version(), "go")},
		"arch":     arch,
		"platform": platform,
		"release":  map[string]any{"name": "node", "lts": "Iron"},
		"pid":      os.Getpid(),
		"ppid":     os.Getppid(),
		"execPath": exe,
		"argv0":    argv0,
		"cwd": func() string {
			wd, err := os.Getwd()
			if err != nil {
				panic(h.uvError(err, "uv_cwd"))
			}
			return wd
		},
		"chdir": func(dir string) {
			if err := os.Chdir(dir); err != nil {
				panic(h.uvError(err, "chdir"))
			}
		},
		"memoryUsage": func() []uint64 {
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			return []uint64{residentBytes(ms.Sys), ms.HeapSys, ms.HeapAlloc}
		},
		"cpuUsage": func() map[string]any {
			user, sys := cpuTimes()
			return map[string]any{"user": user.Microseconds(), "system": sys.Microseconds()}
		},
		"isSignal": func(name string) bool {
			_, ok := signalNum(name)
			return ok
		},
		"signalStart": h.signalStart,
		"signalStop":  h.signalStop,
		"getuid":      os.Getuid,
		"geteuid":     os.Geteuid,
		"getgid":      os.Getgid,
		"getegid":     os.Getegid,
		"exit": func(code int) {
			h.processExit(goja.FunctionCall{Arguments: []goja.Value{vm.ToValue(code)}})
		},
		"stdoutWrite": func(b goja.Value) { h.stdout.Write(h.chunk(b)) },
		"stderrWrite": func(b goja.Value) { h.stderr.Write(h.chunk(b)) },
		"isatty": func(n int) bool {
			_, _, ok := windowSize(fds[n])
			return ok
		},
		"windowSize": func(n int) []int {
			cols, rows, _ := windowSize(fds[n])
			return []int{cols, rows}
		},
		"colorDepth": func() int {
			if os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
				return 1
			}
			if t := os.Getenv("COLORTERM"); t == "truecolor" || t == "24bit" {
				return 24
			}
			if strings.HasSuffix(os.Getenv("TERM"), "256color") {
				return 8
			}
			return 4
		},
	}
}

// chunk is the bytes of a string or a Uint8Array written to stdout or
// stderr.
func (h *host) chunk(v goja.Value) []byte {
	if goja.IsString(v) {
		return []byte(v.String())
	}
	return h.bufferBytes(v, "chunk")
}

// uvError is a failed system call as node's libuv errors: code, errno,
// syscall.
func (h *host) uvError(err error, syscallName string) *goja.Object {
	code := "EIO"
	errno := 0
	var en syscall.Errno
	if pe, ok := err.(*os.PathError); ok {
		err = pe.Err
	}
	if e, ok := err.(syscall.Errno); ok {
		en = e
		errno = -int(en)
		code = errnoName(en)
	}
	e := h.dgramless().codedError(dgram.KindError, "", code+": "+err.Error()+", "+syscallName)
	e.Set("code", code)
	e.Set("errno", errno)
	e.Set("syscall", syscallName)
	return e
}

// uncaughtListeners gives an uncaught exception to process's
// 'uncaughtExceptionMonitor' and 'uncaughtException' listeners, as node
// does, and reports whether there were 'uncaughtException' listeners (the
// run then goes on). A listener that throws ends the run with code 7, as in
// node; one that calls process.exit ends it with its code.
func (h *host) uncaughtListeners(err error) bool {
	var ex *goja.Exception
	var th *thrown
	switch {
	case errors.As(err, &ex):
		return h.uncaughtValue(ex.Value(), "uncaughtException")
	case errors.As(err, &th):
		return h.uncaughtValue(th.v, "uncaughtException")
	}
	return false
}

// uncaughtValue gives v, thrown to the top (origin "uncaughtException") or
// a rejection no one handled (origin "unhandledRejection"), to the
// 'uncaughtException' listeners, as uncaughtListeners does.
func (h *host) uncaughtValue(v goja.Value, originName string) bool {
	if v == nil || h.process == nil || h.exiting {
		return false
	}
	vm := h.vm
	n := int64(0)
	if err := h.catch(func() error {
		c, err := h.callMethod(h.process, "listenerCount", vm.ToValue("uncaughtException"))
		if err == nil {
			n = c.ToInteger()
		}
		return err
	}); err != nil || n == 0 {
		return false
	}
	origin := vm.ToValue(originName)
	err := h.catch(func() error {
		if _, err := h.callMethod(h.process, "emit", vm.ToValue("uncaughtExceptionMonitor"), v, origin); err != nil {
			return err
		}
		_, err := h.callMethod(h.process, "emit", vm.ToValue("uncaughtException"), v, origin)
		return err
	})
	var ie *goja.InterruptedError
	switch {
	case errors.As(err, &ie):
		if _, ok := ie.Value().(exitSignal); ok {
			h.stop()
		}
	case err != nil:
		h.report(err)
		h.code = 7
		h.stop()
	}
	return true
}

// signalStart catches the signal name (SIGINT) and emits it on process, as
// node does while process has a listener for it; the catch does not hold
// the run.
func (h *host) signalStart(name string) {
	sig, ok := signalNum(name)
	if !ok || h.signals[name] != nil {
		return
	}
	if h.signals == nil {
		h.signals = map[string]chan os.Signal{}
	}
	ch := make(chan os.Signal, 1)
	h.signals[name] = ch
	signal.Notify(ch, sig)
	go func() {
		for range ch {
			h.post(func() error {
				_, err := h.callMethod(h.process, "emit", h.vm.ToValue(name), h.vm.ToValue(name))
				return err
			})
		}
	}()
}

// signalStop lets the signal name go: its default action is back.
func (h *host) signalStop(name string) {
	if ch := h.signals[name]; ch != nil {
		signal.Stop(ch)
		close(ch)
		delete(h.signals, name)
	}
}

// stopSignals lets every signal go, at the end of the run.
func (h *host) stopSignals() {
	for name := range h.signals {
		h.signalStop(name)
	}
}
