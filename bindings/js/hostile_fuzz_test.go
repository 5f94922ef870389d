package dgramjs

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// hostileFragments are the statements FuzzHostileScripts builds scripts
// from (a fuzz input's bytes pick them modulo the list's length, so the
// corpus in testdata/fuzz/FuzzHostileScripts means other scripts once the
// list changes: append to it, and regenerate the corpus): overrides of
// the socket's EventEmitter methods and of its
// prototype chain, messages and arguments whose properties lie, throw,
// close the socket or change between reads, Proxies, and the host's own
// globals (process.exitCode, nextTick, timers, promises, console). Each
// runs in a try block with s (a bound socket), u (an unbound one), PORT
// (s's port, on 127.0.0.1) and cb (a callback) in scope. goja's own
// built-ins are not the host's: a fragment never gives msg (which may be
// a sparse array of length 2**32-1) to one that walks its length, such as
// JSON.stringify or Number (goja walks it all; V8 soon throws "Invalid
// string length").
var hostileFragments = []string{
	// the socket's emitter methods
	"s.on = null", "s.on = 5", "s.once = 5", "s.emit = 5", "s.removeListener = 1",
	"s.emit = function () { throw new Error('emit'); }",
	"s.emit = function () { s.close(); }",
	"u.on = function () { throw new Error('on'); }",
	"dgram.Socket.prototype.on = 1",
	"require('events').prototype.emit = 'x'",
	"require('events').prototype.once = null",
	"Object.setPrototypeOf(s, null)",
	"Object.setPrototypeOf(u, new Proxy({}, { get: function () { throw new Error('trap'); } }))",
	"Object.defineProperty(s, '_events', { get: function () { throw new Error('events'); } })",
	"s._events = null", "u._events = 5",
	// calls with hostile arguments
	"u.bind(0, '127.0.0.1', cb)", "u.bind({ port: 0, address: '127.0.0.1' }, cb)",
	"u.bind({ get port() { u.close(); return 0; }, address: '127.0.0.1' })",
	"u.bind(new Proxy({}, { get: function (t, k) { return k === 'port' ? 0 : k === 'address' ? '127.0.0.1' : undefined; } }))",
	"u.bind({ port: { valueOf: function () { return 0; } }, address: '127.0.0.1' })",
	"s.send(msg, PORT, '127.0.0.1', cb)", "s.send(msg, 0, 1, PORT, '127.0.0.1', cb)",
	"u.send(msg, PORT, '127.0.0.1', cb)", "s.sendto(msg, 0, 1, PORT, '127.0.0.1')",
	"s.send('x', { valueOf: function () { s.close(); return PORT; } }, '127.0.0.1')",
	"s.send('x', PORT, { toString: function () { throw new Error('addr'); } })",
	"s.close(cb)", "u.close()", "s.address()", "u.address()",
	"s.setTTL({ valueOf: function () { s.close(); return 5; } })", "s.setBroadcast(msg)",
	"s.addMembership(msg)", "s.setMulticastTTL(msg)", "s.setMulticastLoopback(new Proxy({}, {}))",
	"dgram.createSocket({ get type() { throw new Error('type'); } })",
	"dgram.createSocket({ type: 'udp4', recvBufferSize: { valueOf: function () { return 1; } } })",
	"dgram.createSocket(new Proxy({ type: 'udp4' }, {}), cb)",
	"new dgram.Socket('udp4', cb).close()",
	"dgram.Socket.prototype.send.call(new Proxy(s, {}), 'x', PORT)",
	"dgram.Socket.prototype.close.call({})",
	// messages
	"msg = new DataView(new ArrayBuffer(4), 1, 2); Object.defineProperty(msg, 'byteLength', { value: 1e9 })",
	"msg = new Uint16Array(3); Object.defineProperty(msg, 'byteOffset', { get: function () { s.close(); return -1; } })",
	"msg = new Uint8Array(2); Object.defineProperty(msg, 'buffer', { value: 5 })",
	"msg = []; msg.length = 2 ** 32 - 1",
	"msg = ['a', Buffer.from('b')]; Object.defineProperty(msg, 1, { get: function () { s.close(); return 'c'; } })",
	"msg = new Proxy(['a'], { get: function (t, k) { return k === 'length' ? 1e9 : 'x'; } })",
	"msg = new Proxy(Buffer.from('ab'), {})",
	"var n = 0; msg = ['a']; Object.defineProperty(msg, 'length', { get: function () { return n++ ? 1e9 : 1; } })",
	"msg = { length: 3, 0: 1 }", "msg = Buffer.alloc(70000)", "msg = 'x'",
	// the host's globals
	"process.exitCode = Symbol('x')",
	"process.exitCode = { valueOf: function () { throw new Error('v'); } }",
	"process.exitCode = 2.5", "process.nextTick(new Proxy(function () {}, {}))",
	"process.nextTick(function () { s.close(); s.close(); })",
	"setTimeout(new Proxy(function () { u.close(); }, {}), 1)",
	"setImmediate(function () { throw new Error('immediate'); })",
	"Promise.reject(new Proxy({}, {}))", "Promise.reject(msg)",
	"(async function () { s.close(); await null; throw new Error('async'); })()",
	"console.log(msg, s.address && 1)", "console.log(new Proxy({}, { get: function () { throw new Error('log'); } }))",
	"s.on('message', function () { s.close(); s.close(); })",
	"s.on('error', function () { throw new Error('error listener'); })",
	"u.on('listening', function () { u.close(); u.close(); })",
	"s.on('close', function () { s.send('x', PORT); })",
	"process.on('exit', function () { s.close(); u.close(); process.exitCode = Symbol(); })",
	"Buffer.from(msg, 'latin1')", "require(msg)", "require('./missing')",
	// Buffer, with lengths that lie or change between reads
	"Buffer.from({ length: 2 ** 40 })", "var k = 0; Buffer.from({ get length() { return k++ ? 2 ** 40 : 1; } })",
	"Buffer.concat([Buffer.from('a')], 2 ** 40)", "Buffer.concat(msg)", "Buffer.prototype.toString.call(msg)",
	"Buffer.prototype.readUInt8.call({ length: 2 ** 40 })", "Buffer.prototype.slice.call(msg, 0, 1)", "new Buffer(msg)",
	"Buffer.alloc(3, msg)", "Buffer.from(msg).toString('ucs2')", "Buffer.byteLength(msg, 'latin1')", "Buffer.allocUnsafe(msg)",
	"Buffer = 5", "Object.setPrototypeOf(Buffer.prototype, null)",
	// inspect and format
	"console.log(require('util').inspect(msg, { depth: Infinity }))", "console.log(s, u)", "console.log('%s %o %O', msg, msg, msg)", "console.log('%d %j', s, u)",
	"var c = {}; c.c = c; c[require('util').inspect.custom] = function () { throw new Error('custom'); }; console.log(c)",
	"console.log(Object.defineProperty({}, 'x', { get: function () { s.close(); return 1; }, enumerable: true }))",
	"console.log(new Proxy(function () {}, { apply: function () { throw new Error('apply'); } }))",
	"console.log({ toString: function () { s.close(); return 'x'; } } + '')",
	// the clocks and the command line's globals
	"process.hrtime(msg)", "process.hrtime([1])", "performance.now(msg)", "process.exit = 5",
	// uncaught values whose getters and conversions throw
	"setTimeout(function () { throw new Proxy({}, { get: function () { throw new Error('trap'); } }); }, 1)",
	"setTimeout(function () { throw { toString: function () { throw 1; } }; }, 1)",
	"process.on('exit', function () { throw { toString: function () { throw 1; } }; })",
	"var e = new Error('m'); Object.defineProperty(e, 'stack', { get: function () { throw 4; } }); setTimeout(function () { throw e; }, 1)",
	"s.on('message', function () { throw Symbol('m'); }); s.send('x', PORT, '127.0.0.1')",
	// process itself
	"Object.defineProperty(process, 'emit', { get: function () { throw new Error('emit getter'); } })",
	"Object.setPrototypeOf(process, new Proxy({}, { get: function () { throw new Error('process trap'); } }))",
	"Object.setPrototypeOf(process, null)", "process.listenerCount = 5; Promise.reject(1)",
	"process.removeAllListeners('exit')", "process.on('exit', function () { process.exit(Symbol()); })",
}

// hostileScript is the script of fuzz input sel: up to eight fragments,
// run after s is bound, then the end of the run after 30 ms whatever the
// fragments did.
func hostileScript(sel []byte) string {
	var b strings.Builder
	b.WriteString(`var dgram = require('dgram');
var s = dgram.createSocket('udp4');
var u = dgram.createSocket('udp4');
var msg = 'm', PORT, cb = function () {};
setTimeout(function () { process.exit(0); }, 30);
s.bind(0, '127.0.0.1', function () {
  PORT = s.address().port;
`)
	for i, c := range sel {
		if i == 8 {
			break
		}
		fmt.Fprintf(&b, "  try { %s; } catch (e) {}\n", hostileFragments[int(c)%len(hostileFragments)])
	}
	b.WriteString("});\n")
	return b.String()
}

// FuzzHostileScripts runs scripts made of hostile fragments in the host,
// in process: whatever they do, the run must end with a JavaScript-level
// outcome (exit code 0 or 1, an uncaught exception reported as such),
// never a Go panic, a fatal error or a hang.
func FuzzHostileScripts(f *testing.F) {
	for _, seed := range [][]byte{
		{0, 21}, {2, 16}, {3}, {5, 21}, {6, 21}, {8, 16}, {12, 21}, {13, 21},
		{42, 21}, {43, 21}, {45, 21}, {46, 21}, {47, 21}, {48, 21}, {49, 21},
		{56}, {57}, {59}, {63}, {64}, {65}, {66}, {72}, {73},
	} {
		f.Add(seed)
	}
	dir := f.TempDir()
	n := 0
	f.Fuzz(func(t *testing.T, sel []byte) {
		src := hostileScript(sel)
		n++
		script := filepath.Join(dir, fmt.Sprintf("hostile%d.js", n))
		if err := os.WriteFile(script, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		defer os.Remove(script)
		type outcome struct {
			code  int
			err   error
			panic any
		}
		var out, errb bytes.Buffer
		done := make(chan outcome, 1)
		go func() {
			defer func() {
				if r := recover(); r != nil {
					done <- outcome{panic: r}
				}
			}()
			code, err := Run(script, Options{Stdout: &out, Stderr: &errb})
			done <- outcome{code: code, err: err}
		}()
		select {
		case o := <-done:
			switch {
			case o.panic != nil:
				t.Fatalf("Go panic: %v\n%s", o.panic, src)
			case o.err != nil:
				t.Fatalf("%v\n%s", o.err, src)
			case o.code != 0 && o.code != 1:
				t.Fatalf("exit code %d\n%s\n%s", o.code, src, errb.String())
			}
			if strings.Contains(errb.String(), "goroutine ") || strings.Contains(errb.String(), "runtime error") {
				t.Fatalf("Go error on stderr\n%s\n%s", src, errb.String())
			}
		case <-time.After(20 * time.Second):
			t.Fatalf("the run did not end within 20s\n%s", src)
		}
	})
}
