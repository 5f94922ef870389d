package dgramjs

// stream (lib/node/stream.js: Node's own streams as readable-stream 3.6.2
// ports them, vendored in lib/node/vendor) and stream/promises.
func init() {
	jsModules["stream"] = "stream.js"
	jsModules["stream/promises"] = "stream_promises.js"
	libAliases["string_decoder/"] = "string_decoder"
}
