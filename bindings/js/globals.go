package dgramjs

import (
	_ "embed"
	"time"
)

// The globals node has and goja lacks (lib/globals.js).

//go:embed lib/globals.js
var globalsJS string

// globalsLib runs lib/globals.js.
func (h *host) globalsLib() {
	h.runLib("globals.js", globalsJS, h.libNatives(map[string]any{
		"now": func() float64 { return float64(time.Since(h.start).Nanoseconds()) / 1e6 },
	}))
}
