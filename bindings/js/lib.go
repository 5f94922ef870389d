package dgramjs

import (
	"github.com/dgramkit/dgramkit/dgram"
	"github.com/dop251/goja"
)

// The host's libraries in JavaScript (lib/module.js, lib/process.js,
// lib/globals.js) are each a function of the host's Go functions, run at
// start-up; these are what they share.

// runLib runs the library src (lib/name) and calls it with natives;
// it returns what the library returns.
func (h *host) runLib(name, src string, natives map[string]any) goja.Value {
	f, err := h.vm.RunScript("dgramjs:"+name, src)
	if err != nil {
		panic(err)
	}
	fn, _ := goja.AssertFunction(f)
	v, err := fn(goja.Undefined(), h.nativeObject(natives))
	if err != nil {
		panic(err)
	}
	return v
}

// libNatives are the Go functions every library has: error(kind, code,
// message), a coded error as the host makes them; describe(value), the
// "Received ..." wording; builtin(id), a built-in module's exports or
// undefined.
func (h *host) libNatives(more map[string]any) map[string]any {
	natives := map[string]any{
		"error": func(kind, code, msg string) *goja.Object {
			return h.dgramless().codedError(dgram.Kind(kind), dgram.Code(code), msg)
		},
		"describe": describe,
		"builtin": func(id string) goja.Value {
			if v := h.loader.builtin(id); v != nil {
				return v
			}
			return goja.Undefined()
		},
	}
	for k, v := range more {
		natives[k] = v
	}
	return natives
}
