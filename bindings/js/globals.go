package dgramjs

import (
	_ "embed"
	"time"

	"github.com/dgramkit/dgramkit/dgram"
	"github.com/dop251/goja"
)

// The globals node has and goja lacks (lib/globals.js).

//go:embed lib/globals.js
var globalsJS string

// globalsLib runs lib/globals.js.
func (h *host) globalsLib() {
	vm := h.vm
	f, err := vm.RunScript("dgramjs:globals.js", globalsJS)
	if err != nil {
		panic(err)
	}
	fn, _ := goja.AssertFunction(f)
	natives := map[string]any{
		"describe": describe,
		"error": func(kind, code, msg string) *goja.Object {
			return h.dgramless().codedError(dgram.Kind(kind), dgram.Code(code), msg)
		},
		"now": func() float64 { return float64(time.Since(h.start).Nanoseconds()) / 1e6 },
		"builtin": func(id string) goja.Value {
			if v := h.loader.builtin(id); v != nil {
				return v
			}
			return goja.Undefined()
		},
	}
	if _, err := fn(goja.Undefined(), h.nativeObject(natives)); err != nil {
		panic(err)
	}
}
