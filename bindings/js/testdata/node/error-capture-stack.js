// Error.captureStackTrace with Error.prepareStackTrace's CallSite objects,
// as packages that find their caller use them (depd, callsites), beside node.
function getCaller() {
  const prep = Error.prepareStackTrace;
  Error.prepareStackTrace = (_, stack) => stack;
  const obj = {};
  Error.captureStackTrace(obj, getCaller);
  const stack = obj.stack;
  Error.prepareStackTrace = prep;
  return stack;
}
function outer() { return getCaller(); }
const s = outer();
console.log(Array.isArray(s), typeof s[0].getFileName(), s[0].getFileName() === __filename, s[0].getLineNumber() - 2, s[0].getFunctionName());
function MyError(m) { this.message = m; Error.captureStackTrace(this, MyError); }
MyError.prototype.name = 'MyError';
const e = new MyError('x');
console.log(e.stack.split('\n')[0], /error-capture-stack\.js:(\d+)/.exec(e.stack.split('\n')[1])[1]);
