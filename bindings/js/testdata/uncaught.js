// An uncaught exception in a timer: exit code 1, the stack on stderr, and
// the 'exit' handlers called with 1.
// exit: 1
// stderr: Uncaught Error: boom
// stderr: uncaught.js
// stdout: exit 1
process.on('exit', function (code) { console.log('exit ' + code); });
setTimeout(function explode() {
  throw new Error('boom');
}, 5);
setTimeout(function () { console.log('not reached'); }, 200);
