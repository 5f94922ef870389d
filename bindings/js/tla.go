package dgramjs

import (
	"path/filepath"
	"strconv"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// Top-level await. esbuild converts an ES module to the CommonJS shape
// goja runs, but refuses top-level await in that shape; its errors name
// every top-level await, though. Each is hidden from it behind a marker
// that parses as what await is (a unary operator: "-~-~-", which code does
// not contain; a for await as a labelled for), the module is transformed,
// the markers become await again, and the module's function is async.
// esbuild folds a unary operator on a literal (-null is -0), so a literal
// operand is wrapped ([null][0]); an operand that is itself a unary
// expression (await -x) makes the module refused as before. A top-level for
// await, which goja lacks, is lowered by a second transform of the module's
// function, whose source map is chained to the first's.

// tlaMarker stands for a top-level await: a unary prefix as await is.
const tlaMarker = "-~-~-"

// forAwaitLabel labels a top-level for await loop, as a plain for.
const forAwaitLabel = "__dgramjs_for_await_"

// esmFunction is the ES module's function in the second transform, on a
// line of its own.
const esmFunction = "async function __dgramjs_esm(exports, require, module, __filename, __dirname, __dgramjs_meta) {'use strict';\n"

func allTLA(errs []api.Message) bool {
	for _, e := range errs {
		if !strings.Contains(e.Text, "Top-level await") || e.Location == nil {
			return false
		}
	}
	return true
}

// transformTLA transforms src with its top-level awaits (errs) marked.
func transformTLA(path, src string, opts api.TransformOptions, errs []api.Message) (*transformed, *transformError) {
	refuse := func() (*transformed, *transformError) {
		e := errs[0]
		return nil, &transformError{msg: "dgramjs cannot run this top-level await (of a unary expression such as await !x): put its operand in parentheses, or the code in an async function",
			line: e.Location.Line, column: e.Location.Column + 1, lineText: e.Location.LineText}
	}
	if strings.Contains(src, tlaMarker) || strings.Contains(src, forAwaitLabel) || strings.Contains(src, "__dgramjs_esm") {
		return refuse()
	}
	// The byte offset of each line's start.
	starts := []int{0}
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	offsets := make([]int, 0, len(errs))
	for _, e := range errs {
		l := e.Location.Line - 1
		if l < 0 || l >= len(starts) {
			return refuse()
		}
		off := starts[l] + e.Location.Column
		if off+5 > len(src) || src[off:off+5] != "await" {
			return refuse()
		}
		offsets = append(offsets, off)
	}
	// From the end, so that earlier offsets stay valid.
	out := src
	awaits, loops := 0, 0
	for i := len(offsets) - 1; i >= 0; i-- {
		off := offsets[i]
		before := strings.TrimRight(out[:off], " \t\r\n")
		if strings.HasSuffix(before, "for") && (len(before) == 3 || !isIdentChar(before[len(before)-4])) {
			forAt := len(before) - 3
			label := forAwaitLabel + strconv.Itoa(loops) + ": "
			out = out[:forAt] + label + out[forAt:off] + out[off+5:]
			loops++
			continue
		}
		operand, ok := literalOperand(out[off+5:])
		if !ok {
			return refuse()
		}
		rest := out[off+5:]
		if operand != "" {
			lead := len(rest) - len(strings.TrimLeft(rest, " \t\r\n"))
			rest = rest[:lead] + "[" + operand + "][0]" + rest[lead+len(operand):]
		}
		out = out[:off] + tlaMarker + rest
		awaits++
	}
	r := api.Transform(out, opts)
	if len(r.Errors) > 0 {
		return refuse()
	}
	code := string(r.Code)
	if strings.Count(code, tlaMarker) != awaits {
		return refuse()
	}
	for n := 0; n < loops; n++ {
		label := forAwaitLabel + strconv.Itoa(n) + ":"
		i := strings.Index(code, label)
		if i < 0 {
			return refuse()
		}
		rest := strings.TrimLeft(code[i+len(label):], " \t\r\n")
		if !strings.HasPrefix(rest, "for") {
			return refuse()
		}
		code = code[:i] + "for await" + rest[3:]
	}
	code = nodeNamespaces(strings.ReplaceAll(code, tlaMarker, "await "))
	if loops == 0 {
		return &transformed{code: code, srcMap: shiftedMap(r.Map, filepath.Base(path)), async: true}, nil
	}
	// The second transform lowers the for await loops, inside the module's
	// function; the result is a function that returns that function.
	r2 := api.Transform(esmFunction+code+"\n}\n", api.TransformOptions{
		Loader:         api.LoaderJS,
		Sourcefile:     "module.js",
		Sourcemap:      api.SourceMapExternal,
		SourcesContent: api.SourcesContentExclude,
		Supported:      unsupported,
		Charset:        api.CharsetUTF8,
		LogLevel:       api.LogLevelSilent,
	})
	if len(r2.Errors) > 0 {
		return refuse()
	}
	return &transformed{code: string(r2.Code) + "return __dgramjs_esm;", srcMap: shiftedMap(composeMaps(r2.Map, 1, r.Map, filepath.Base(path)), filepath.Base(path)), async: true, factory: true}, nil
}

// literalOperand looks at what follows an await: the literal token it
// starts with (a number, a string, null, true, false, undefined), which
// esbuild would fold under the marker, or "" for another operand; not ok
// for a unary operator, whose operand would fold.
func literalOperand(rest string) (string, bool) {
	rest = strings.TrimLeft(rest, " \t\r\n")
	if rest == "" {
		return "", false
	}
	switch c := rest[0]; {
	case c == '-' || c == '+' || c == '!' || c == '~':
		return "", false
	case c >= '0' && c <= '9' || c == '.' && len(rest) > 1 && rest[1] >= '0' && rest[1] <= '9':
		n := 1
		for n < len(rest) && (isIdentChar(rest[n]) || rest[n] == '.') {
			n++
		}
		return rest[:n], true
	case c == '\'' || c == '"':
		for n := 1; n < len(rest); n++ {
			switch rest[n] {
			case '\\', '\n':
				return "", false
			case c:
				return rest[:n+1], true
			}
		}
		return "", false
	case isIdentChar(c):
		n := 1
		for n < len(rest) && isIdentChar(rest[n]) {
			n++
		}
		switch word := rest[:n]; word {
		case "null", "true", "false", "undefined":
			return word, true
		case "void", "typeof", "delete":
			return "", false
		}
	}
	return "", true
}

// isIdentChar reports whether c may be part of an identifier.
func isIdentChar(c byte) bool {
	return c == '_' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}
