// process.exit(code): the 'exit' handlers run with the code, nothing after
// it runs, and an open socket does not hold the process.
// exit: 4
// stdout: exit 4
// args: a b
var assert = require('assert');
var dgram = require('dgram');
assert.strictEqual(process.argv.length, 4);
assert.ok(/process-exit\.js$/.test(process.argv[1]));
assert.deepStrictEqual(process.argv.slice(2), ['a', 'b']);
process.on('exit', function (code) { console.log('exit ' + code); });
var s = dgram.createSocket('udp4');
s.bind(0, '127.0.0.1', function () {
  setTimeout(function () {
    process.exit(4);
    console.log('not reached');
  }, 10);
});
