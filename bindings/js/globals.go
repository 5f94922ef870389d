package dgramjs

import (
	_ "embed"
	"time"

	"github.com/dop251/goja"
)

// The globals node has and goja lacks (lib/globals.js).

//go:embed lib/globals.js
var globalsJS string

//go:embed lib/web.js
var webJS string

// globalsLib runs lib/globals.js.
func (h *host) globalsLib() {
	h.runLib("globals.js", globalsJS, h.libNatives(map[string]any{
		// callSites are the frames of the stack above
		// Error.captureStackTrace's caller's call: {file, line, column,
		// name, native}.
		"callSites": func() []map[string]any {
			frames := h.vm.CaptureCallStack(0, nil)
			var out []map[string]any
			for i, f := range frames {
				if i < 2 { // callSites itself and captureStackTrace
					continue
				}
				p := f.Position()
				name := f.FuncName()
				if name == "<anonymous>" || name == "<native>" {
					name = ""
				}
				out = append(out, map[string]any{"file": f.SrcName(), "line": p.Line, "column": p.Column, "name": name, "native": f.SrcName() == "<native>"})
			}
			return out
		},
		"web": func() goja.Value {
			return h.runLib("web.js", webJS, h.libNatives(map[string]any{
				"now": func() float64 { return float64(time.Since(h.start).Nanoseconds()) / 1e6 },
			}))
		},
	}))
}
