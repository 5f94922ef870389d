package dgramjs

// diagnostics_channel (lib/node/diagnostics_channel.js), and http and https
// as far as loading them goes (lib/node/http.js: constants, Agent, classes
// to extend; the client and server throw ERR_METHOD_NOT_IMPLEMENTED).
func init() {
	jsModules["diagnostics_channel"] = "diagnostics_channel.js"
	jsModules["http"] = "http_module.js"
	jsModules["https"] = "https_module.js"
}
