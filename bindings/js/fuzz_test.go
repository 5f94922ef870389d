package dgramjs

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dgramkit/dgramkit/spec"
)

// jsFuzzValues are the JavaScript values FuzzJSArgs builds argument lists
// from: every type a script can pass, numbers that are not integers or
// not exact, numeric strings (ports), options objects, and messages.
var jsFuzzValues = []string{
	"undefined", "null", "0", "1", "-1", "1.5", "NaN", "Infinity", "-Infinity", "-0",
	"65535", "65536", "41234", "255", "256", "2**53", "2**53+2", "1e300", "-1e300",
	"'41234'", "' 7 '", "''", "'abc'", "'0x10'", "'1e3'", "'udp4'", "'udp6'", "'udp5'",
	"'127.0.0.1'", "'::1'", "'230.1.2.3'", "'1.2.3'", "true", "false", "{}", "[]",
	"['a', Buffer.from('b')]", "[1]", "[Symbol('x')]", "Buffer.from('abc')", "new Uint8Array(4)",
	"new DataView(new ArrayBuffer(2))", "function () {}", "Symbol('x')", "10n",
	"({ port: 70000 })", "({ port: '1' })", "({ port: 1.5 })", "({ address: 5 })", "({ type: 'udp4' })",
	"({ type: 'udp4', recvBufferSize: -1 })", "({ type: 'udp4', platform: 'nuttx' })", "({ type: 'udp4', platform: 7 })",
	"({ type: 'udp4', sendBufferSize: 'x' })", "new Date(0)", "/re/", "new Error('e')",
	"Object.create(null)", "({ toString: function () { throw new Error('boom'); } })",
	"({ valueOf: function () { return 5; } })", "'\\u00e9\\u0000'", "new Array(3)",
}

// jsFuzzCalls are the calls FuzzJSArgs makes: every socket method on a
// closed socket (so that whatever passes the argument checks stops at
// ERR_SOCKET_DGRAM_NOT_RUNNING, and nothing is sent or bound), and
// createSocket.
var jsFuzzCalls = []string{
	"closed.send", "closed.sendto", "closed.bind", "closed.close", "closed.address",
	"closed.setTTL", "closed.setMulticastTTL", "closed.setBroadcast", "closed.setMulticastLoopback",
	"closed.addMembership", "closed.dropMembership", "dgram.createSocket",
}

// FuzzJSArgs drives the JavaScript argument reading (form choice as Node
// makes it, integers from JavaScript numbers and strings, messages,
// options objects, optional functions) with argument lists drawn from
// jsFuzzValues. Every call must end in a thrown error carrying a spec
// code, worded in JavaScript's terms (no Go type in its message), or, for
// createSocket, in a socket: never an uncaught Go panic, a JavaScript
// TypeError without a code, or a crash of the host.
func FuzzJSArgs(f *testing.F) {
	f.Add(uint8(0), []byte{19, 3})        // send('41234', 1)
	f.Add(uint8(0), []byte{39, 3, 4, 12}) // send(buf, 1, -1, 41234)
	f.Add(uint8(1), []byte{21, 5, 5, 10})
	f.Add(uint8(2), []byte{45})
	f.Add(uint8(2), []byte{6, 28})
	f.Add(uint8(5), []byte{5})
	f.Add(uint8(9), []byte{34})
	f.Add(uint8(11), []byte{49, 42})
	f.Add(uint8(11), []byte{27})
	f.Add(uint8(0), []byte{38, 3})
	f.Add(uint8(0), []byte{58, 3})
	codes := map[string]bool{}
	sp, err := spec.Load("../../spec/dgram.yaml")
	if err != nil {
		f.Fatal(err)
	}
	for _, e := range sp.Errors {
		codes[e.Code] = true
	}
	dir, err := os.MkdirTemp("", "jsfuzz")
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { os.RemoveAll(dir) })
	script := filepath.Join(dir, "fuzz.js")
	f.Fuzz(func(t *testing.T, call uint8, argv []byte) {
		if len(argv) > 7 {
			argv = argv[:7]
		}
		fn := jsFuzzCalls[int(call)%len(jsFuzzCalls)]
		var args []string
		for _, b := range argv {
			args = append(args, jsFuzzValues[int(b)%len(jsFuzzValues)])
		}
		expr := fn + "(" + strings.Join(args, ", ") + ")"
		src := `var dgram = require('dgram');
var closed = dgram.createSocket('udp4');
closed.close();
var r;
try { r = ` + expr + `; console.log('OK'); }
catch (e) { console.log('THROW|' + (e && e.code) + '|' + (e && e.name) + '|' + (e && e.message)); }
if (r && r !== closed && typeof r.close === 'function') r.close();
`
		if err := os.WriteFile(script, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		var out, errb bytes.Buffer
		code, err := Run(script, Options{Stdout: &out, Stderr: &errb})
		if err != nil || code != 0 || errb.Len() != 0 {
			t.Fatalf("%s: exit %d, %v\n%s%s", expr, code, err, out.String(), errb.String())
		}
		line := strings.TrimSpace(out.String())
		if line == "OK" {
			if fn != "dgram.createSocket" {
				t.Fatalf("%s did not throw on a closed socket", expr)
			}
			return
		}
		parts := strings.SplitN(line, "|", 4)
		if len(parts) != 4 || parts[0] != "THROW" {
			t.Fatalf("%s: output %q", expr, line)
		}
		if !codes[parts[1]] {
			t.Fatalf("%s threw %s %q without a spec code (code %s)", expr, parts[2], parts[3], parts[1])
		}
		for _, goism := range []string{"type int", "[]byte", "[]uint8", "[]any", "<nil>", "%!", "int64", "dgram.Platform", "Platform("} {
			if strings.Contains(parts[3], goism) {
				t.Fatalf("%s: message %q speaks Go (%q)", expr, parts[3], goism)
			}
		}
	})
}
