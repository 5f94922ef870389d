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
		"web": func() goja.Value {
			return h.runLib("web.js", webJS, h.libNatives(map[string]any{
				"now": func() float64 { return float64(time.Since(h.start).Nanoseconds()) / 1e6 },
			}))
		},
	}))
}
