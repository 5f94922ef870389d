// exit: 1
// stderr: syntax-err.js:2
// stderr: SyntaxError: Unexpected identifier
// A module's SyntaxError whose message became a throwing getter, thrown
// again uncaught: reported as the module's syntax error, as node's, with
// no call of the getter (and no crash of the host).
try {
  require('./modules/lib/syntax-err');
} catch (e) {
  Object.defineProperty(e, 'stack', { get() { throw new Error('getter'); } });
  Object.defineProperty(e, 'message', { get() { throw new Error('getter'); } });
  throw e;
}
