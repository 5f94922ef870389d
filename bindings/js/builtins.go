package dgramjs

import (
	"embed"
	"path"
	"sort"
	"strings"

	"github.com/dgramkit/dgramkit/dgram"
	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/require"
)

// The registry of Node's built-in modules: each is reachable under its
// plain name and its "node:" name (the same exports, whichever is required
// first), and each is loaded when first required, so that a script pays at
// start-up only for what the host itself needs (console, process, Buffer,
// events, timers).

// libFS holds the built-in modules written in JavaScript (lib/node/*.js)
// and the well-kept userland ports of Node's own lib they embed
// (lib/node/vendor/, each with its licence).
//
//go:embed all:lib/node
var libFS embed.FS

// hostModules are the built-in modules host.go registers itself.
var hostModules = []string{"assert", "buffer", "console", "dgram", "events", "perf_hooks", "process", "timers"}

// goModules are the built-in modules made in Go (mod_*.go), by plain name.
var goModules = map[string]func(h *host, exports *goja.Object){}

// jsModules are the built-in modules written in JavaScript: the file of
// lib/node that is each one's code, by plain name.
var jsModules = map[string]string{}

// bindings are the Go functions a JavaScript built-in reaches with
// binding(name) (its sixth wrapper argument), by name; each set is made
// when first asked for.
var bindings = map[string]func(h *host) map[string]any{}

// libAliases are the npm packages the vendored ports require, as the
// built-in or lib/node file that stands for each.
var libAliases = map[string]string{
	"safe-buffer":    "buffer",
	"inherits":       "vendor/shims/inherits.js",
	"util-deprecate": "vendor/shims/util-deprecate.js",
}

// builtinState is a run's state of the registry.
type builtinState struct {
	rm       *require.RequireModule
	lib      map[string]*goja.Object // lib/node files loaded, by path: their module objects
	bindings map[string]goja.Value   // binding(name)'s objects made
	// goja_nodejs's Buffer functions behind the start-up stubs (mod_buffer.go)
	bufferOriginals *goja.Object
}

// isBuiltin reports whether id names a built-in module, as Node's
// module.isBuiltin: "x" or "node:x" for a module x dgramjs has.
func isBuiltin(id string) bool {
	_, ok := builtinName(id)
	return ok
}

// builtinName is the plain name of the built-in module id names, and
// whether it names one.
func builtinName(id string) (string, bool) {
	name := strings.TrimPrefix(id, "node:")
	if _, ok := goModules[name]; ok {
		return name, true
	}
	if _, ok := jsModules[name]; ok {
		return name, true
	}
	for _, n := range hostModules {
		if n == name {
			return name, true
		}
	}
	return "", false
}

// builtinNames lists the built-in modules' plain names, sorted, as Node's
// module.builtinModules.
func builtinNames() []string {
	names := append([]string(nil), hostModules...)
	for n := range goModules {
		names = append(names, n)
	}
	for n := range jsModules {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// registerBuiltins adds the Go and JavaScript built-ins to the registry
// under their plain names, and every built-in under its "node:" name as
// an alias of the plain one. rm is the run's require.
func (h *host) registerBuiltins(rm *require.RequireModule) {
	h.builtins = &builtinState{rm: rm, lib: map[string]*goja.Object{}, bindings: map[string]goja.Value{}}
	for name, load := range goModules {
		h.registry.RegisterNativeModule(name, func(vm *goja.Runtime, module *goja.Object) {
			load(h, module.Get("exports").ToObject(vm))
		})
	}
	for name, file := range jsModules {
		h.registry.RegisterNativeModule(name, func(vm *goja.Runtime, module *goja.Object) {
			module.Set("exports", h.libRequire(file))
		})
	}
	for _, name := range builtinNames() {
		h.registry.RegisterNativeModule("node:"+name, func(vm *goja.Runtime, module *goja.Object) {
			module.Set("exports", h.requireBuiltin(name))
		})
	}
}

// requireBuiltin is require(id) of a built-in module ("x" or "node:x"):
// its exports. An id starting with "node:" that names none throws Node's
// ERR_UNKNOWN_BUILTIN_MODULE; another id that names none throws
// MODULE_NOT_FOUND.
func (h *host) requireBuiltin(id string) goja.Value {
	if e := h.unknownBuiltin(id); e != nil {
		panic(e)
	}
	name, ok := builtinName(id)
	if !ok {
		e := h.dgramless().codedError(dgram.KindError, "", "Cannot find module '"+id+"'")
		e.Set("code", "MODULE_NOT_FOUND")
		panic(e)
	}
	v, err := h.builtins.rm.Require(name)
	if err != nil {
		panic(h.vm.NewGoError(err))
	}
	return v
}

// unknownBuiltin is Node's error for require("node:x") where x is no
// built-in module, or nil when id is not such a name.
func (h *host) unknownBuiltin(id string) *goja.Object {
	if !strings.HasPrefix(id, "node:") || isBuiltin(id) {
		return nil
	}
	return h.dgramless().codedError(dgram.KindError, "ERR_UNKNOWN_BUILTIN_MODULE", "No such built-in module: "+id)
}

// libRequire runs the lib/node file at file (a path in lib/node) as a
// CommonJS module, once per run, and returns its exports. Its require
// resolves "./x" and "../x" among lib/node's files (".js" added) and
// anything else as a built-in; binding(name) gives it the Go functions of
// bindings[name].
func (h *host) libRequire(file string) goja.Value {
	if m, ok := h.builtins.lib[file]; ok {
		return m.Get("exports")
	}
	src, err := libFS.ReadFile("lib/node/" + file)
	if err != nil {
		panic(h.vm.NewGoError(err))
	}
	prg, err := goja.Compile("node:internal/"+file, "(function (exports, require, module, __filename, __dirname, binding) {"+string(src)+"\n})", true)
	if err != nil {
		panic(h.vm.NewGoError(err))
	}
	vm := h.vm
	module := vm.NewObject()
	exports := vm.NewObject()
	module.Set("exports", exports)
	h.builtins.lib[file] = module
	dir := path.Dir(file)
	req := native(vm, "require", func(call goja.FunctionCall) goja.Value {
		id := call.Argument(0).String()
		if strings.HasPrefix(id, "./") || strings.HasPrefix(id, "../") {
			p := path.Join(dir, id)
			if !strings.HasSuffix(p, ".js") && !strings.HasSuffix(p, ".json") {
				p += ".js"
			}
			return h.libRequire(p)
		}
		if alias, ok := libAliases[id]; ok {
			if strings.HasSuffix(alias, ".js") {
				return h.libRequire(alias)
			}
			id = alias
		}
		return h.requireBuiltin(id)
	})
	binding := native(vm, "binding", func(call goja.FunctionCall) goja.Value {
		name := call.Argument(0).String()
		if b, ok := h.builtins.bindings[name]; ok {
			return b
		}
		mk, ok := bindings[name]
		if !ok {
			panic(h.vm.NewGoError(errUnknownBinding(name)))
		}
		b := h.nativeObject(mk(h))
		h.builtins.bindings[name] = b
		return b
	})
	f, err := vm.RunProgram(prg)
	if err != nil {
		panic(err)
	}
	fn, _ := goja.AssertFunction(f)
	if _, err := fn(goja.Undefined(), exports, req, module, vm.ToValue("node:"+file), vm.ToValue("node:"+dir), binding); err != nil {
		delete(h.builtins.lib, file)
		panic(err)
	}
	return module.Get("exports")
}

// errUnknownBinding is a lib/node file asking for Go functions that do not
// exist: a defect of the host.
type errUnknownBinding string

func (e errUnknownBinding) Error() string { return "dgramjs: no binding " + string(e) }

// background runs work on a goroutine of its own, then done on the loop;
// the run does not end in between.
func (h *host) background(work func(), done func() error) {
	h.ref()
	go func() {
		work()
		h.post(func() error {
			h.unref()
			return done()
		})
	}()
}
