// A failed assertion in an 'exit' handler: non-zero, with the stack.
// exit: 1
// stderr: AssertionError
// stderr: 0 === 5
var assert = require('assert');
process.on('exit', function (code) {
  assert.strictEqual(code, 5);
});
