package dgramjs

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// jsBadCase is a case of the bad-input table (testdata/badinput_gen.json,
// written by gen.BadInput; the fields are documented there).
type jsBadCase struct {
	ID     string `json:"id"`
	Call   string `json:"call"`
	State  string `json:"state"`
	Type   string `json:"type"`
	JS     string `json:"js"`
	Code   string `json:"code"`
	How    string `json:"how"`
	JSSkip string `json:"jsSkip"`
}

// badInputScript runs every case in one dgramjs process, one after the
// other: it brings a new socket s to the case's state, makes the call (with
// PORT a receiver's port and cb a send callback), reports how it failed,
// and then sends a datagram from s to the receiver, which must arrive.
// Each case prints "id|outcome|works".
const badInputScript = `var dgram = require('dgram');
var recv = dgram.createSocket('udp4');
var waiting = {};
recv.on('message', function (m) {
  var k = m.toString();
  if (waiting[k]) { var f = waiting[k]; delete waiting[k]; f(); }
});
var PORT;
function report(c, outcome, works) { console.log(c.id + '|' + outcome + '|' + works); }
function stillWorks(c, s, done) {
  var key = 'after ' + c.id;
  var timer = setTimeout(function () { delete waiting[key]; done('lost'); }, 5000);
  waiting[key] = function () { clearTimeout(timer); done('works'); };
  try {
    s.send(key, PORT, '127.0.0.1', function (err) { if (err) { clearTimeout(timer); delete waiting[key]; done('send-error:' + err.code); } });
  } catch (e) { clearTimeout(timer); delete waiting[key]; done('send-throws:' + e.code); }
}
function runCase(c, next) {
  if (c.state === '') {
    var outcome = 'ok';
    try { var r = c.run(null, PORT, null); if (r && typeof r.close === 'function') r.close(); }
    catch (e) { outcome = 'throw:' + e.code; }
    var s2 = dgram.createSocket('udp4');
    stillWorks(c, s2, function (w) { report(c, outcome, w); s2.close(next); });
    return;
  }
  var s = dgram.createSocket(c.type);
  var events = [];
  s.on('error', function (e) { events.push(e); });
  function go() {
    var sent = [], outcome = 'ok';
    var cb = function (err) { sent.push(err); };
    try { c.run(s, PORT, cb); } catch (e) { outcome = 'throw:' + (e && e.code); }
    function finish(outcome) {
      if (c.state === 'closed' || (c.call === 'close' && outcome === 'ok')) {
        report(c, outcome, 'closed');
        setImmediate(next);
        return;
      }
      // connected (by the case, or for it): dissolve it, so that s sends
      // to the receiver by address; a connect the case made counts from
      // its 'connect' event on
      function dissolve() {
        try { s.disconnect(); } catch (e) { if (e.code !== 'ERR_SOCKET_DGRAM_NOT_CONNECTED') throw e; }
        stillWorks(c, s, function (w) { report(c, outcome, w); s.close(next); });
      }
      if (c.call === 'connect' && outcome === 'ok') s.once('connect', dissolve); else dissolve();
    }
    if (c.how === 'throw') { finish(outcome); return; }
    var waited = 0;
    (function poll() {
      var got = c.how === 'emitted' ? events.shift() : sent.shift();
      if (got !== undefined) { finish(c.how + ':' + (got && got.code)); return; }
      if (++waited > 500) { finish(outcome + ',no-' + c.how); return; }
      setTimeout(poll, 10);
    })();
  }
  switch (c.state) {
  case 'bound': s.bind(0, '127.0.0.1', go); break;
  case 'connected': s.connect(PORT, '127.0.0.1', go); break;
  case 'closed': s.close(go); break;
  default: go();
  }
}
var i = 0;
function next() {
  if (i === cases.length) { recv.close(); return; }
  runCase(cases[i++], next);
}
recv.bind(0, '127.0.0.1', function () { PORT = recv.address().port; next(); });
`

// TestBadInput runs the bad-input table in JavaScript: each call must throw
// the spec's code, or emit it as 'error' or give it to the send callback
// where the spec says so, and afterwards the socket still works. Cases
// JavaScript cannot express say so in the table (jsSkip).
func TestBadInput(t *testing.T) {
	data, err := os.ReadFile("../../testdata/badinput_gen.json")
	if err != nil {
		t.Fatal(err)
	}
	var table struct{ Cases []jsBadCase }
	if err := json.Unmarshal(data, &table); err != nil {
		t.Fatal(err)
	}
	var js strings.Builder
	js.WriteString("var cases = [\n")
	want := map[string]string{}
	var order []string
	skipped := 0
	for _, c := range table.Cases {
		if c.JSSkip != "" {
			skipped++
			continue
		}
		fmt.Fprintf(&js, "  { id: %q, call: %q, state: %q, type: %q, how: %q, run: function (s, PORT, cb) { return %s; } },\n",
			c.ID, c.Call, c.State, c.Type, c.How, c.JS)
		outcome := "ok"
		if c.Code != "" {
			outcome = c.How + ":" + c.Code
		}
		works := "works"
		if c.State == "closed" || (c.Call == "close" && c.Code == "") {
			works = "closed"
		}
		want[c.ID] = outcome + "|" + works
		order = append(order, c.ID)
	}
	js.WriteString("];\n")
	js.WriteString(badInputScript)
	script := filepath.Join(t.TempDir(), "badinput.js")
	if err := os.WriteFile(script, []byte(js.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	r := run(t, 120*time.Second, script)
	if r.code != 0 {
		t.Fatalf("the bad-input script failed:\n%v", r)
	}
	got := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		id, rest, _ := strings.Cut(line, "|")
		got[id] = rest
	}
	for _, id := range order {
		if got[id] != want[id] {
			t.Errorf("%s: got %q, want %q", id, got[id], want[id])
		}
	}
	t.Logf("bad-input table: %d cases run in JavaScript, %d not expressible in JavaScript", len(order), skipped)
}
