package dgramjs

import (
	"syscall"

	"github.com/dop251/goja"
)

// util (lib/node/util.js), util/types and string_decoder
// (lib/node/string_decoder.js, Node 20's algorithm: the npm port is of an
// older Node and differs on invalid UTF-8 and base64url).
func init() {
	jsModules["util"] = "util.js"
	jsModules["util/types"] = "util_types.js"
	jsModules["string_decoder"] = "string_decoder.js"
	bindings["util"] = (*host).utilBinding
}

// utilBinding is what lib/node/util.js needs from Go: lib/inspect.js's
// inspect and format, the checks JavaScript cannot make (a Proxy, a
// Promise, an Error's internal slot) and the errno names.
func (h *host) utilBinding() map[string]any {
	return map[string]any{
		"inspect":             h.inspect.Get("inspect"),
		"format":              h.inspect.Get("format"),
		"formatWithOptions":   h.inspect.Get("formatWithOptions"),
		"customPromisifyArgs": h.customPromisifyArgs(),
		"isProxy": func(v goja.Value) bool {
			o, ok := v.(*goja.Object)
			return ok && o.ExportType() == proxyType
		},
		"isPromise": func(v goja.Value) bool {
			o, ok := v.(*goja.Object)
			return ok && o.ExportType() == promiseType
		},
		"isNativeError": func(v goja.Value) bool {
			o, ok := v.(*goja.Object)
			return ok && o.ClassName() == "Error"
		},
		"errname": func(n int) string {
			if n <= 0 || n > 4095 {
				return ""
			}
			return errnoName(syscall.Errno(n))
		},
		"errnoList": func() [][]any {
			var list [][]any
			for n := 1; n < 4096; n++ {
				if name := errnoName(syscall.Errno(n)); name != "" {
					list = append(list, []any{name, n, syscall.Errno(n).Error()})
				}
			}
			return list
		},
	}
}

// customPromisifyArgs is the symbol under which a function names the
// values its callback gets, for util.promisify to resolve an object of
// them (Node's internal kCustomPromisifyArgs: dns.lookup's address and
// family), one per run.
func (h *host) customPromisifyArgs() goja.Value {
	if v := h.builtins.bindings["#customPromisifyArgs"]; v != nil {
		return v
	}
	s := h.vm.ToValue(goja.NewSymbol("customPromisifyArgs"))
	h.builtins.bindings["#customPromisifyArgs"] = s
	return s
}
