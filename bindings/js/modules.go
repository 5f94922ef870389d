package dgramjs

import (
	_ "embed"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/dgramkit/dgramkit/dgram"
	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/require"
)

// The module loader: lib/module.js is node's Module (require, its cache,
// require.resolve, createRequire, the main module), on the Go functions
// here: resolution (resolve.go), compilation (a file goja parses as it is;
// else esbuild's transform, esm.go) and the built-in modules.

//go:embed lib/module.js
var moduleJS string

// "module" is a built-in module this file registers (requireGlobal).
func init() { hostModules = append(hostModules, "module") }

// loader is the module loader's state in a run.
type loader struct {
	h        *host
	res      *moduleResolver
	builtins *require.RequireModule // goja_nodejs's registry: the built-in modules only
	module   *goja.Object           // lib/module.js's Module
	// syntax holds the report of each SyntaxError thrown for a module
	// ("file:line", the line, a caret, "SyntaxError: message"), which an
	// uncaught one prints as node does (kept here: the script may change
	// the error's properties).
	syntax map[*goja.Object]string
	// syntaxError is SyntaxError, as it was before the script ran.
	syntaxError *goja.Object
}

// noFiles is the registry's source loader: files are the loader's, the
// registry holds the built-in modules only.
func noFiles(string) ([]byte, error) { return nil, require.ModuleFileDoesNotExistError }

// builtin is the built-in module id's exports ("x" or "node:x", as
// js-builtins' registry has them), or nil when id is not one
// (ERR_UNKNOWN_BUILTIN_MODULE for a "node:" name that is not).
func (l *loader) builtin(id string) goja.Value {
	if e := l.h.unknownBuiltin(id); e != nil {
		panic(e)
	}
	if !isBuiltin(id) {
		return nil
	}
	return l.h.requireBuiltin(id)
}

// jsError is a resolution error as the JavaScript error node throws.
func (l *loader) jsError(err error) goja.Value {
	var re *resolveError
	if !errors.As(err, &re) {
		return l.h.vm.NewGoError(err)
	}
	var e *goja.Object
	switch re.kind {
	case "SyntaxError":
		o, err := l.h.vm.New(l.syntaxError, l.h.vm.ToValue(re.msg))
		if err != nil {
			return l.h.vm.NewGoError(err)
		}
		e = o
	case "TypeError":
		e = l.h.dgramless().codedError(dgram.KindTypeError, "", re.msg)
	default:
		e = l.h.dgramless().codedError(dgram.KindError, "", re.msg)
	}
	if re.code != "" {
		e.Set("code", re.code)
	}
	if re.notFound {
		e.Set("requireStack", l.h.vm.NewArray())
	}
	if re.path != "" {
		e.Set("path", re.path)
	}
	if re.requestPath != "" {
		e.Set("requestPath", re.requestPath)
	}
	if re.url != "" {
		e.Set("url", re.url)
	}
	return e
}

// natives are the Go functions of lib/module.js.
func (l *loader) natives() map[string]any {
	vm := l.h.vm
	return map[string]any{
		"dirname": filepath.Dir,
		"cwd": func() string {
			wd, _ := os.Getwd()
			return wd
		},
		// resolve is require's resolution: a file name, or the error.
		"resolve": func(request, parent string) goja.Value {
			f, err := l.res.resolveRequire(request, parent)
			if err != nil {
				return l.jsError(err)
			}
			return vm.ToValue(f)
		},
		// resolveImport is import's: a file name, {builtin: id}, or the error.
		"resolveImport": func(specifier, parent string) goja.Value {
			isBuiltin := func(id string) bool { return l.builtin(id) != nil }
			if isBuiltin(specifier) {
				return vm.ToValue(map[string]any{"builtin": specifier})
			}
			f, err := l.res.resolveImport(specifier, parent, isBuiltin)
			if err != nil {
				return l.jsError(err)
			}
			if isBuiltin(f) {
				return vm.ToValue(map[string]any{"builtin": f})
			}
			return vm.ToValue(f)
		},
		"nodeModulePaths": func(dir string) []string {
			var paths []string
			for _, p := range nodeModulesPaths(dir) {
				if strings.HasSuffix(p, "node_modules") {
					paths = append(paths, p)
				}
			}
			return paths
		},
		"builtinNames": builtinNames,
		"fileURL":      fileURL,
		"joinPath": func(dir, p string) string {
			if filepath.IsAbs(p) {
				return filepath.Clean(p)
			}
			return filepath.Join(dir, p)
		},
		"globalPaths": func() []string { return nodeModulesPaths("/")[1:] },
		"readFile": func(path string) string {
			b, err := os.ReadFile(path)
			if err != nil {
				panic(vm.NewGoError(err))
			}
			return strings.TrimPrefix(string(b), "\uFEFF")
		},
		"compile": func(path string) goja.Value {
			b, err := os.ReadFile(path)
			if err != nil {
				panic(vm.NewGoError(err))
			}
			return l.compile(path, strings.TrimPrefix(string(b), "\uFEFF"), l.res.isESMFile(path))
		},
		"compileSource": func(name, src string) goja.Value { return l.compile(name, src, false) },
	}
}

// compile compiles a module's source: {fn, esm, async, lowered}, fn the
// module's function (CommonJS's wrapper, or an ES module's, esm.go; lowered
// when esbuild lowered a CommonJS module, whose function then takes the
// loader's import too). An ES module (esm), or a
// file goja does not parse, goes through esbuild: a CommonJS file with
// syntax goja lacks keeps its format; one that parses only as an ES module
// is one, as node 20's detection has it. A file neither parses is node's
// SyntaxError, with goja's message.
func (l *loader) compile(path, src string, esm bool) goja.Value {
	if strings.HasPrefix(src, "#!") {
		src = "//" + src[2:]
	}
	var prg *goja.Program
	var err error
	async, factory, lowered := false, false, false
	esmProgram := func(t *transformed) (*goja.Program, error) {
		wrapper := esmWrapper
		switch {
		case t.factory:
			wrapper, async, factory = "(function() {\n", true, true
		case t.async:
			wrapper, async = esmAsyncWrapper, true
		}
		return compileWrapped(path, t.code, wrapper, t.srcMap)
	}
	if !esm {
		prg, err = compileWrapped(path, src, moduleWrapper, nil)
		if err != nil {
			if t, terr := transform(path, src, false); terr == nil {
				if p, e := compileWrapped(path, t.code, loweredWrapper, t.srcMap); e == nil {
					prg, err, lowered = p, nil, true
				}
			}
		}
		if err != nil && mayBeESM(src) {
			if t, terr := transform(path, src, true); terr == nil {
				if p, e := esmProgram(t); e == nil {
					prg, err, esm = p, nil, true
				}
			}
		}
		if err != nil {
			l.throwSyntax(err)
		}
	} else {
		t, terr := transform(path, src, true)
		if terr != nil {
			l.throwSyntax(&scriptSyntaxError{report: path + ":" + strconv.Itoa(terr.line) + "\n" + terr.lineText + "\n" + strings.Repeat(" ", max(terr.column-1, 0)) + "^\n\nSyntaxError: " + terr.msg})
		}
		if prg, err = esmProgram(t); err != nil {
			l.throwSyntax(err)
		}
	}
	fn, err := l.h.vm.RunProgram(prg)
	if err != nil {
		panic(err)
	}
	if factory {
		f, _ := goja.AssertFunction(fn)
		if fn, err = f(goja.Undefined()); err != nil {
			panic(err)
		}
	}
	return l.h.vm.ToValue(map[string]any{"fn": fn, "esm": esm, "async": async, "lowered": lowered})
}

// mayBeESM reports whether src has a word only an ES module's syntax
// would need (import, export, await), as node retries a file as one only
// for their errors.
func mayBeESM(src string) bool {
	return strings.Contains(src, "import") || strings.Contains(src, "export") || strings.Contains(src, "await")
}

// throwSyntax throws a module's syntax error as a SyntaxError, keeping its
// report for an uncaught one.
func (l *loader) throwSyntax(err error) {
	var se *scriptSyntaxError
	if !errors.As(err, &se) {
		panic(l.h.vm.NewGoError(err))
	}
	_, msg, _ := strings.Cut(se.report, "\n\nSyntaxError: ")
	e, nerr := l.h.vm.New(l.syntaxError, l.h.vm.ToValue(msg))
	if nerr != nil {
		panic(nerr)
	}
	l.syntax[e] = se.report
	panic(e)
}

// requireGlobal makes the loader: lib/module.js, the built-in module
// "module" (Module), and the global require, a require from the working
// directory (as node -e's).
func (h *host) requireGlobal() {
	vm := h.vm
	l := &loader{h: h, res: newModuleResolver(), builtins: h.registry.Enable(vm), syntax: map[*goja.Object]string{},
		syntaxError: vm.Get("SyntaxError").(*goja.Object)}
	h.loader = l
	h.registerBuiltins(l.builtins)
	natives := h.libNatives(l.natives())
	natives["argTypeError"] = func(name string, v goja.Value) *goja.Object {
		return h.dgramless().codedError(dgram.KindTypeError, "ERR_INVALID_ARG_TYPE", `The "`+name+`" argument must be of type string. Received `+describe(v))
	}
	natives["inspect"] = func(v goja.Value) string { return h.inspectValue(v) }
	l.module = h.runLib("module.js", moduleJS, natives).(*goja.Object)
	h.registry.RegisterNativeModule("module", func(vm *goja.Runtime, module *goja.Object) {
		module.Set("exports", l.module)
	})
	wd, _ := os.Getwd()
	req, err := h.callMethod(l.module, "createRequire", vm.ToValue(wd+"/"))
	if err != nil {
		panic(err)
	}
	vm.Set("require", req)
}

// runMain runs the script at path as node's main module (src is its
// source), or src as node -e's code when path is "[eval]".
func (h *host) runMain(path, src string) error {
	if path == "[eval]" {
		_, err := h.callMethod(h.loader.module, "evalMain", h.vm.ToValue(src))
		return err
	}
	_, err := h.callMethod(h.loader.module, "runMain", h.vm.ToValue(path))
	return err
}

// syntaxReport is the report of a module's SyntaxError, or "".
func (l *loader) syntaxReport(v goja.Value) string {
	o, ok := v.(*goja.Object)
	if !ok || l == nil {
		return ""
	}
	return l.syntax[o]
}
