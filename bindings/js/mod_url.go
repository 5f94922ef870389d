package dgramjs

import (
	"github.com/dop251/goja_nodejs/url"
)

// url (lib/node/url.js): the WHATWG URL and URLSearchParams of
// goja_nodejs's url package (Go), and the legacy API as the npm package url
// 0.11.0 ports Node's (vendored, with punycode 1.4.1, which is also the
// punycode module).
func init() {
	jsModules["url"] = "url.js"
	jsModules["punycode"] = "vendor/punycode/punycode.js"
	bindings["url"] = (*host).urlBinding
}

// urlBinding is goja_nodejs's url module: URL, URLSearchParams,
// domainToASCII and domainToUnicode.
func (h *host) urlBinding() map[string]any {
	module := h.vm.NewObject()
	exports := h.vm.NewObject()
	module.Set("exports", exports)
	url.Require(h.vm, module)
	m := map[string]any{}
	for _, k := range exports.Keys() {
		m[k] = exports.Get(k)
	}
	return m
}
