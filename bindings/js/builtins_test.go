package dgramjs

import (
	"strings"
	"testing"
)

// TestBufferStubs: every function lib/node/buffer_more.js puts on
// Buffer.prototype, Buffer or the buffer module had a start-up stub
// (mod_buffer.go), and no stub is left once the file is loaded, so the
// stub list and the file cannot drift apart.
func TestBufferStubs(t *testing.T) {
	const script = `
const buffer = require('buffer');
const mark = Symbol.for('dgramjs.stub');
const objs = [['Buffer.prototype', Buffer.prototype], ['Buffer', Buffer], ['buffer', buffer]];
const snap = objs.map(([n, o]) => [n, o, new Map(Object.getOwnPropertyNames(o).map((k) => [k, Object.getOwnPropertyDescriptor(o, k).value]))]);
let stubs = 0;
for (const [, , m] of snap) for (const v of m.values()) if (typeof v === 'function' && v[mark]) stubs++;
Buffer.alloc(2).copy(Buffer.alloc(2)); // the first call loads buffer_more.js
const bad = [];
for (const [n, o, m] of snap) {
  for (const k of Object.getOwnPropertyNames(o)) {
    const v = Object.getOwnPropertyDescriptor(o, k).value;
    if (typeof v !== 'function') continue;
    if (v[mark]) bad.push(n + '.' + k + ' is still a stub');
    const old = m.get(k);
    if (v !== old && !(old && old[mark])) bad.push(n + '.' + k + ' was defined without a stub');
  }
}
console.log(stubs > 50 ? 'stubs ok' : 'only ' + stubs + ' stubs');
console.log(bad.length ? bad.join('\n') : 'none left');
`
	r := runCmd(t, dgramjsBin, "-e", script)
	if r.code != 0 || strings.TrimSpace(r.stdout) != "stubs ok\nnone left" {
		t.Errorf("buffer stubs: %v", r)
	}
}
