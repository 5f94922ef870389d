// process.exitCode set, in an 'exit' handler, to an object whose valueOf
// throws: Node's ERR_INVALID_ARG_TYPE (valueOf is never called), and exit
// code 1.
// exit: 1
// stderr: TypeError [ERR_INVALID_ARG_TYPE]: The "code" argument must be of type number. Received an instance of Object
// stdout: exit 0
process.on('exit', function (code) {
  console.log('exit ' + code);
  process.exitCode = { valueOf: function () { throw new Error('valueOf'); } };
  console.log('not reached');
});
