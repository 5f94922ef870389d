package dgramjs

import (
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The seed's examples (testdata/seed, the ```js blocks of
// spec/seed/DGRAM.md, verbatim) run unchanged. Those that end by
// themselves run as they are; the others (servers, and sockets left open)
// run under a harness script beside them that requires the example
// unchanged, drives it (sends it a datagram, waits for its output) and
// ends the run with process.exit(0), so that exit code 0 means the
// example threw nothing. Outside the private network namespace the
// unicast examples get a free port in place of their fixed one (the only
// edit the issue allows), and the multicast and broadcast ones skip.

// seedExample is how one example is run and what it must print.
type seedExample struct {
	file    string
	port    string // the fixed port in the example, "" when none
	sandbox bool   // uses default interfaces: only in the private namespace
	drive   string // the harness's code after require; "" runs the example alone
	stdout  []string
}

// harness heads every harness script: when(line, fn) calls fn once the
// example has printed line, and fails the run after 5 s.
const harness = `var lines = [];
var log = console.log;
console.log = function (s) { lines.push(String(s)); log.apply(console, arguments); };
function when(text, fn) {
  var t0 = Date.now();
  (function poll() {
    if (lines.indexOf(text) >= 0) { return fn(); }
    if (Date.now() - t0 > 5000) { console.error('harness: timed out waiting for: ' + text); process.exit(2); }
    setTimeout(poll, 20);
  })();
}
function after(ms) { setTimeout(function () { process.exit(0); }, ms); }
require('./seed.js');
`

var seedExamples = []seedExample{
	{file: "01-server.js", port: "41234",
		drive: `var c = require('dgram').createSocket('udp4');
when('server listening at PORT', function () {
  setInterval(function () { c.send('hello', PORT, '127.0.0.1'); }, 50);
  when('server got: hello', function () { process.exit(0); });
});`,
		stdout: []string{"server listening at PORT", "server got: hello"}},
	{file: "02-createSocket-options.js"},
	{file: "03-createSocket-type.js"},
	{file: "04-addMembership.js", port: "12345", sandbox: true,
		drive: `var c = require('dgram').createSocket('udp4');
setTimeout(function () { c.send('to the group', PORT, '230.255.255.250', function (err) { if (err) throw err; after(200); }); }, 200);`},
	{file: "05-address.js", port: "12345",
		drive:  `when('Addr: 0.0.0.0 port: PORT', function () { process.exit(0); });`,
		stdout: []string{"Addr: 0.0.0.0 port: PORT"}},
	{file: "06-bind-port.js", port: "12345",
		drive:  `when('Listening for packets', function () { process.exit(0); });`,
		stdout: []string{"Listening for packets"}},
	{file: "07-bind-options.js", port: "12345",
		drive:  `when('Listening for packets', function () { process.exit(0); });`,
		stdout: []string{"Listening for packets"}},
	{file: "08-close.js", stdout: []string{"Socket is closed"}},
	{file: "09-dropMembership.js", port: "12345", sandbox: true,
		// One datagram: the example drops the membership when it arrives
		// (a second one would make it drop twice, which throws).
		drive: `var c = require('dgram').createSocket('udp4');
setTimeout(function () { c.send('to the group', PORT, '230.255.255.250', function (err) { if (err) throw err; after(300); }); }, 200);`},
	{file: "10-setBroadcast.js", port: "41237", drive: `after(300);`},
	{file: "11-send.js", port: "41237", sandbox: true, drive: `after(500);`},
	{file: "12-setMulticastLoopback.js", port: "41237", drive: `after(300);`},
	{file: "13-setMulticastTTL.js", port: "41237", drive: `after(300);`},
	{file: "14-setTTL.js", port: "41237", drive: `after(300);`},
}

// freePort is a UDP port nothing uses now on 127.0.0.1 and 0.0.0.0.
func freePort(t *testing.T) string {
	t.Helper()
	c, err := net.ListenPacket("udp4", "0.0.0.0:0")
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	return strconv.Itoa(c.LocalAddr().(*net.UDPAddr).Port)
}

func TestSeedExamples(t *testing.T) {
	if files, _ := filepath.Glob("testdata/seed/*.js"); len(files) != len(seedExamples) {
		t.Fatalf("testdata/seed has %d examples, the table %d", len(files), len(seedExamples))
	}
	for _, ex := range seedExamples {
		t.Run(strings.TrimSuffix(ex.file, ".js"), func(t *testing.T) {
			if ex.sandbox {
				needSandbox(t)
			}
			src, err := os.ReadFile(filepath.Join("testdata", "seed", ex.file))
			if err != nil {
				t.Fatal(err)
			}
			port := ex.port
			if port != "" && !inSandbox {
				// In the host namespace the example's fixed port may be in
				// use: the one edit allowed, a free port in its place.
				port = freePort(t)
				src = []byte(strings.ReplaceAll(string(src), ex.port, port))
			}
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "seed.js"), src, 0o644); err != nil {
				t.Fatal(err)
			}
			script := filepath.Join(dir, "seed.js")
			if ex.drive != "" {
				script = filepath.Join(dir, "harness.js")
				if err := os.WriteFile(script, []byte(harness+strings.ReplaceAll(ex.drive, "PORT", port)+"\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			r := run(t, 20*time.Second, script)
			if r.code != 0 || r.stderr != "" {
				t.Fatalf("want exit code 0 and no error output\n%v", r)
			}
			for _, want := range ex.stdout {
				if want = strings.ReplaceAll(want, "PORT", port); !containsLine(r.stdout, want) {
					t.Errorf("stdout lacks the line %q\n%v", want, r)
				}
			}
		})
	}
}

// TestSeedFilesAreTheSeeds checks that testdata/seed holds the seed's
// examples verbatim, in order.
func TestSeedFilesAreTheSeeds(t *testing.T) {
	md, err := os.ReadFile("../../spec/seed/DGRAM.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```js\n(.*?)```").FindAllStringSubmatch(string(md), -1)
	if len(blocks) != len(seedExamples) {
		t.Fatalf("the seed has %d examples, the table %d", len(blocks), len(seedExamples))
	}
	for i, b := range blocks {
		got, err := os.ReadFile(filepath.Join("testdata", "seed", seedExamples[i].file))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != b[1] {
			t.Errorf("testdata/seed/%s is not the seed's example %d verbatim", seedExamples[i].file, i+1)
		}
	}
}
