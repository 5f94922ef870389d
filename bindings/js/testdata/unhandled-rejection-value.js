// A promise rejected with a value that is not an Error: Node's
// UnhandledPromiseRejection (ERR_UNHANDLED_REJECTION), exit 1; a rejection
// handled in the same turn is not reported, and an 'unhandledRejection'
// listener takes them instead.
// exit: 1
// stderr: UnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "#<Object>".
// stderr: code: ERR_UNHANDLED_REJECTION
// stdout: listener got 42
// stdout: exit 1
var handled = Promise.reject(new Error('handled'));
handled.catch(function () {});
process.on('exit', function (code) { console.log('exit ' + code); });
function listener(reason) {
  console.log('listener got ' + reason);
  process.removeListener('unhandledRejection', listener);
  setTimeout(function () { Promise.reject({ a: 1 }); }, 1);
}
process.on('unhandledRejection', listener);
Promise.reject(42);
