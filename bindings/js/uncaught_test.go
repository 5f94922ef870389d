package dgramjs

import (
	"bytes"
	"strings"
	"testing"
)

// TestUncaughtValues throws, uncaught, values whose getters and
// conversions throw (found while fuzzing the host): the report must not
// call them, and the run must end with exit code 1 and "Uncaught" and the
// value on standard error, never a Go panic.
func TestUncaughtValues(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"throw new Proxy({}, { get: function () { throw new Error('trap'); } })", "Uncaught {}"},
		{"throw { toString: function () { throw 1; } }", "Uncaught { toString: [Function: toString] }"},
		{"throw Symbol('s')", "Uncaught Symbol(s)"},
		{"throw null", "Uncaught null"},
		{"setTimeout(function () { throw new Proxy(new Error('x'), { get: function () { throw 2; } }); })", "Uncaught Error: x"},
		{"var e = new Error('m'); Object.defineProperty(e, 'stack', { get: function () { throw 4; } }); throw e", "Uncaught a thrown value of type object"},
		{"var e = new Error('m'); e.name = { toString: function () { throw 5; } }; throw e", "Uncaught a thrown value of type object"},
		{"var e = new Error('m'); e.code = { toString: function () { throw 5; } }; throw e", "Uncaught Error: m"},
		{"process.on('exit', function () { throw { toString: function () { throw 1; } }; })", "Uncaught { toString: [Function: toString] }"},
		{"Promise.reject(new Proxy({}, { get: function () { throw 3; } }))", `The promise rejected with the reason "#<Object>".`},
		{"Object.defineProperty(process, 'emit', { get: function () { throw new Error('emit getter'); } })", "Uncaught Error: emit getter"},
		{"Object.setPrototypeOf(process, new Proxy({}, { get: function () { throw new Error('trap'); } }))", "Uncaught Error: trap"},
		// found by FuzzHostileScripts: a Proxy whose every property is 'x'
		{"Promise.reject(new Proxy(['a'], { get: function (t, k) { return k === 'length' ? 1e9 : 'x'; } }))", `The promise rejected with the reason "#<Object>".`},
		{"throw new Proxy(['a'], { get: function (t, k) { return k === 'length' ? 1e9 : 'x'; } })", "Uncaught [ 'a' ]"},
	} {
		var out, errb bytes.Buffer
		code := Eval(c.src, Options{Stdout: &out, Stderr: &errb})
		if code != 1 || !strings.Contains(errb.String(), c.want) {
			t.Errorf("%s: exit %d, want 1 and %q on stderr\n%s%s", c.src, code, c.want, out.String(), errb.String())
		}
	}
}
