package dgramjs

import "os"

// path (and path/posix): Node's own code as the npm package
// path-browserify 1.0.1 ports it (MIT, lib/node/vendor), with Node 20's
// checks (lib/node/path.js); querystring (lib/node/querystring.js).
func init() {
	jsModules["path"] = "path.js"
	jsModules["path/posix"] = "path.js"
	jsModules["querystring"] = "querystring.js"
}

func init() {
	bindings["path"] = func(h *host) map[string]any {
		return map[string]any{"cwd": func() string {
			d, _ := os.Getwd()
			return d
		}}
	}
}

func init() {
	jsModules["path/win32"] = "path_win32.js"
}
