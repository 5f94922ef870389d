// The line of an error thrown in an ES module is the file's own.
const a = 1;

function f() {
  throw new Error('esm line');
}
try { f(); } catch (e) { console.log('line', /esm-throws\.mjs:(\d+)/.exec(e.stack)[1]); }
f();
