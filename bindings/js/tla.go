package dgramjs

import (
	"path/filepath"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// Top-level await. esbuild converts an ES module to the CommonJS shape
// goja runs, but refuses top-level await in that shape; its errors name
// every top-level await, though. Each is hidden from it behind a marker
// that parses as what await is (a unary operator: "-~-~-", which code does
// not contain), the module is transformed, the markers become await again,
// and the module's function is async. A literal operand that esbuild folds
// (await null) loses its marker, and a top-level for await would have to be
// lowered after the transform: such a module is refused as before.

// tlaMarker stands for a top-level await: a unary prefix as await is.
const tlaMarker = "-~-~-"

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
		return nil, &transformError{msg: e.Text, line: e.Location.Line, column: e.Location.Column + 1, lineText: e.Location.LineText}
	}
	if strings.Contains(src, tlaMarker) {
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
	for i := len(offsets) - 1; i >= 0; i-- {
		off := offsets[i]
		before := strings.TrimRight(out[:off], " \t\r\n")
		if strings.HasSuffix(before, "for") && (len(before) == 3 || !isIdentChar(before[len(before)-4])) {
			return refuse() // a top-level for await
		}
		out = out[:off] + tlaMarker + out[off+5:]
	}
	r := api.Transform(out, opts)
	if len(r.Errors) > 0 {
		return refuse()
	}
	code := string(r.Code)
	if strings.Count(code, tlaMarker) != len(offsets) {
		return refuse()
	}
	code = strings.ReplaceAll(code, tlaMarker, "await ")
	return &transformed{code: code, srcMap: shiftedMap(r.Map, filepath.Base(path)), async: true}, nil
}

// isIdentChar reports whether c may be part of an identifier.
func isIdentChar(c byte) bool {
	return c == '_' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}
