package dgramjs

import (
	_ "embed"
	"os"
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
	vm := h.vm
	f, err := vm.RunScript("dgramjs:process.js", processJS)
	if err != nil {
		panic(err)
	}
	fn, _ := goja.AssertFunction(f)
	if _, err := fn(goja.Undefined(), h.nativeObject(h.processNatives())); err != nil {
		panic(err)
	}
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
		"getuid":  os.Getuid,
		"geteuid": os.Geteuid,
		"getgid":  os.Getgid,
		"getegid": os.Getegid,
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
		"builtin": func(id string) goja.Value {
			if v := h.loader.builtin(id); v != nil {
				return v
			}
			return goja.Undefined()
		},
		"describe": describe,
		"error": func(kind, code, msg string) *goja.Object {
			return h.dgramless().codedError(dgram.Kind(kind), dgram.Code(code), msg)
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
