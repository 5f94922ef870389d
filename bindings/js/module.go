package dgramjs

import (
	"encoding/json"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/dop251/goja"
	"github.com/dop251/goja/parser"
	"github.com/go-sourcemap/sourcemap"
)

// moduleWrapper is the CommonJS wrapper of a module, on a line of its own
// before the script, so that the script's columns are its own.
const moduleWrapper = "(function(exports, require, module, __filename, __dirname) {\n"

// loweredWrapper is the wrapper of a CommonJS module whose syntax esbuild
// lowered (esm.go): its import() calls are the loader's import.
const loweredWrapper = "(function(exports, require, module, __filename, __dirname, __dgramjs_import) {\n"

// maxMappedSource is the largest script whose positions are mapped back
// past the wrapper line (the map has an entry per byte). A larger one is
// wrapped on its first line, whose columns are then shifted.
const maxMappedSource = 1 << 20

// compileWrapped compiles src inside wrapper (which ends with a newline),
// the wrapper on a line of its own. srcMap, when given, maps the wrapped
// code's positions to the original file (a transform's map, shifted by the
// wrapper's line); without it the wrapper's line is taken out.
func compileWrapped(path, src, wrapper string, srcMap []byte) (*goja.Program, error) {
	mapped := len(src) <= maxMappedSource && (path == "[eval]" || (&url.URL{Path: path}).String() == path)
	if !mapped {
		wrapper = strings.TrimSuffix(wrapper, "\n")
	}
	ast, err := parser.ParseFile(nil, path, wrapper+src+"\n})", 0, parser.WithDisableSourceMaps)
	if err != nil {
		return nil, syntaxError(err, src, mapped, len(wrapper))
	}
	if mapped {
		if srcMap == nil {
			srcMap = lineShiftMap(filepath.Base(path), src)
		}
		m, err := sourcemap.Parse("", srcMap)
		if err != nil {
			return nil, err
		}
		ast.File.SetSourceMap(m)
	}
	return goja.CompileAST(ast, false)
}

// syntaxError words a parse error as Node reports one: the file and line,
// the line's text with a caret under the column, and the error.
func syntaxError(err error, src string, mapped bool, wrapperLen int) error {
	list, ok := err.(parser.ErrorList)
	if !ok || len(list) == 0 {
		return err
	}
	e := list[0]
	line, col := e.Position.Line, e.Position.Column
	if mapped {
		line--
	} else if line == 1 {
		col -= wrapperLen
	}
	lines := strings.Split(src, "\n")
	text := ""
	if line >= 1 && line <= len(lines) {
		text = strings.TrimRight(lines[line-1], "\r")
	}
	caret := strings.Repeat(" ", max(col-1, 0)) + "^"
	return &scriptSyntaxError{fmt.Sprintf("%s:%d\n%s\n%s\n\nSyntaxError: %s", e.Position.Filename, line, text, caret, e.Message)}
}

// scriptSyntaxError is a script that does not parse, worded as Node's
// report of one.
type scriptSyntaxError struct{ report string }

func (e *scriptSyntaxError) Error() string { return e.report }

// lineShiftMap is a source map (version 3) from the wrapped script to
// src, which is the wrapped script less its first line: line n+1 of the
// wrapped script is line n of src, column for column. goja reports a
// position's column as the mapping's, so each byte of a line has one.
func lineShiftMap(name, src string) []byte {
	var b strings.Builder
	b.Grow(len(src)*5 + 16)
	prevCol := 0
	first := true
	for line := range strings.SplitSeq(src, "\n") {
		b.WriteByte(';') // the end of the wrapper line, or of the previous line
		// the first column: line +1 (except for the first line), column back to 0
		b.WriteString("AA")
		if first {
			b.WriteByte('A')
			first = false
		} else {
			b.WriteByte('C')
		}
		writeVLQ(&b, -prevCol)
		for range len(line) + 1 {
			b.WriteString(",CAAC")
		}
		prevCol = len(line) + 1
	}
	out, _ := json.Marshal(map[string]any{"version": 3, "sources": []string{name}, "names": []string{}, "mappings": b.String()})
	return out
}

// writeVLQ writes n in the source map's base64 VLQ.
func writeVLQ(b *strings.Builder, n int) {
	const digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	v := n << 1
	if n < 0 {
		v = (-n << 1) | 1
	}
	for {
		d := v & 31
		v >>= 5
		if v > 0 {
			d |= 32
		}
		b.WriteByte(digits[d])
		if v == 0 {
			return
		}
	}
}
