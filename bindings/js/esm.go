package dgramjs

import (
	"encoding/json"
	"path/filepath"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// ES modules and the syntax goja lacks, through esbuild's transform: an
// ES module becomes a CommonJS-shaped function whose imports are calls of
// the require it is given (the loader's import, lib/module.js), and
// async generators, for await and import() are lowered. A file goja
// parses as it is never reaches esbuild: start-up pays for the transform
// only where a module needs it.

// esmWrapper is the wrapper of an ES module, on a line of its own: strict,
// with the loader's import as require and import.meta as __dgramjs_meta.
const esmWrapper = "(function(exports, require, module, __filename, __dirname, __dgramjs_meta) {'use strict';\n"

// unsupported are the features goja lacks, which esbuild lowers.
var unsupported = map[string]bool{
	"async-generator": false,
	"for-await":       false,
	"dynamic-import":  false,
}

// esmDefines hide CommonJS's names from an ES module, where node has
// none of them (typeof require is 'undefined'); the transform's own
// require and module are the wrapper's.
var esmDefines = map[string]string{
	"require":     "undefined",
	"module":      "undefined",
	"exports":     "undefined",
	"__filename":  "undefined",
	"__dirname":   "undefined",
	"import.meta": "__dgramjs_meta",
}

// esmAsyncWrapper is the wrapper of an ES module with top-level await
// (tla.go).
const esmAsyncWrapper = "(async function(exports, require, module, __filename, __dirname, __dgramjs_meta) {'use strict';\n"

// esbuildNamespace is esbuild's helper that makes an ES module's exports
// object (v0.28.2's text); nodeNamespace makes it as node's namespace looks
// to a script: a null prototype and toStringTag "Module" (its __esModule,
// which the interop needs, is not enumerable). The getters stay esbuild's.
const (
	esbuildNamespace = `var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);`
	nodeNamespace    = `var __toCommonJS = (mod) => __copyProps(__defProp(__defProp(Object.create(null), Symbol.toStringTag, { value: "Module" }), "__esModule", { value: true }), mod);`
)

// nodeNamespaces puts nodeNamespace in place of esbuild's helper in an ES
// module's transform (on the helper's own line: no mapped position moves).
func nodeNamespaces(code string) string {
	return strings.Replace(code, esbuildNamespace, nodeNamespace, 1)
}

// transformed is a module's code as esbuild gave it, with its source map
// to the original; async when it has top-level await; a factory when the
// code returns the module's function (tla.go) rather than being its body.
type transformed struct {
	code    string
	srcMap  []byte
	async   bool
	factory bool
}

// transformError is a module esbuild refuses: its first error.
type transformError struct {
	msg      string
	line     int
	column   int
	lineText string
}

func (e *transformError) Error() string { return e.msg }

// transform lowers src, the module at path: as an ES module (esm) into the
// CommonJS shape, else keeping its format (a CommonJS module with syntax
// goja lacks).
func transform(path, src string, esm bool) (*transformed, *transformError) {
	opts := api.TransformOptions{
		Loader: api.LoaderJS,
		// A name without .mjs: esbuild's "node mode" interop would give an
		// imported ES module's namespace as its default export; the loader's
		// import gives each module what node's import gives (lib/module.js).
		Sourcefile:     strings.TrimSuffix(filepath.Base(path), ".mjs") + ".js",
		Sourcemap:      api.SourceMapExternal,
		SourcesContent: api.SourcesContentExclude,
		Supported:      unsupported,
		Charset:        api.CharsetUTF8,
		LogLevel:       api.LogLevelSilent,
	}
	if esm {
		opts.Format = api.FormatCommonJS
		opts.Platform = api.PlatformNode
		opts.Define = esmDefines
	}
	r := api.Transform(src, opts)
	if esm && len(r.Errors) > 0 && allTLA(r.Errors) {
		return transformTLA(path, src, opts, r.Errors)
	}
	if len(r.Errors) > 0 {
		e := r.Errors[0]
		te := &transformError{msg: e.Text}
		if e.Location != nil {
			te.line, te.column, te.lineText = e.Location.Line, e.Location.Column+1, e.Location.LineText
		}
		return nil, te
	}
	code := string(r.Code)
	if esm {
		code = nodeNamespaces(code)
	} else {
		// A CommonJS module's import() (esbuild's __toESM(require(x))) is
		// the loader's import, with import's resolution and namespaces.
		code = strings.ReplaceAll(code, "__toESM(require(", "__toESM(__dgramjs_import(")
	}
	return &transformed{code: code, srcMap: shiftedMap(r.Map, filepath.Base(path))}, nil
}

// shiftedMap is esbuild's source map with one line more at the start (the
// wrapper's), naming the original file as name, or nil when it cannot be
// read.
func shiftedMap(m []byte, name string) []byte {
	var sm map[string]any
	if err := json.Unmarshal(m, &sm); err != nil {
		return nil
	}
	mappings, _ := sm["mappings"].(string)
	sm["mappings"] = ";" + mappings
	sm["sources"] = []string{name}
	delete(sm, "sourcesContent")
	out, err := json.Marshal(sm)
	if err != nil {
		return nil
	}
	return out
}
