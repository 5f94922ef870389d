// The 'exit' handlers see the exit code, and may change it.
// exit: 3
// stdout: exit handler saw 2
var assert = require('assert');
process.exitCode = 2;
process.on('exit', function (code) {
  assert.strictEqual(code, 2);
  console.log('exit handler saw ' + code);
  process.exitCode = 3;
});
