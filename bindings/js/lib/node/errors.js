'use strict';
// errors: Node's coded errors (lib/internal/errors.js), as the built-ins
// throw them: String(err) is "Name [CODE]: message".

function codedError(Ctor, code, message) {
  var e = new Ctor(message);
  Object.defineProperty(e, 'code', { value: code, writable: true, enumerable: true, configurable: true });
  Object.defineProperty(e, 'toString', {
    value: function toString() { return this.name + ' [' + this.code + ']: ' + this.message; },
    writable: true, configurable: true
  });
  return e;
}
exports.codedError = codedError;

// describe words a value as Node's determineSpecificType does.
function describe(v) {
  if (v === null || v === undefined) { return String(v); }
  if (typeof v === 'function') { return 'function ' + v.name; }
  if (typeof v === 'object') {
    if (v.constructor && v.constructor.name) { return 'an instance of ' + v.constructor.name; }
    return require('util').inspect(v, { depth: -1 });
  }
  var s = typeof v === 'symbol' ? v.toString() : String(v);
  if (typeof v === 'string') {
    if (s.length > 28) { s = s.slice(0, 25) + '...'; }
    s = s.indexOf("'") === -1 ? "'" + s + "'" : JSON.stringify(s);
  }
  if (typeof v === 'number' && Object.is(v, -0)) { s = '-0'; }
  return 'type ' + typeof v + ' (' + s + (typeof v === 'bigint' ? 'n' : '') + ')';
}
exports.describe = describe;

var classRe = /^[A-Z][a-zA-Z0-9]*$/;
var kTypes = ['string', 'function', 'number', 'object', 'Function', 'Object', 'boolean', 'bigint', 'symbol'];

// invalidArgType is ERR_INVALID_ARG_TYPE for argument name, which must be
// of the type(s) or instance(s) in expected.
function invalidArgType(name, expected, actual) {
  if (!Array.isArray(expected)) { expected = [expected]; }
  var msg = 'The ';
  if (name.slice(-9) === ' argument') {
    msg += name + ' ';
  } else {
    msg += '"' + name + '" ' + (name.indexOf('.') === -1 ? 'argument' : 'property') + ' ';
  }
  msg += 'must be ';
  var typesList = [], instances = [], other = [];
  expected.forEach(function (value) {
    if (kTypes.indexOf(value) !== -1) { typesList.push(value.toLowerCase()); }
    else if (classRe.test(value)) { instances.push(value); }
    else { other.push(value); }
  });
  if (instances.length > 0) {
    var pos = typesList.indexOf('object');
    if (pos !== -1) { typesList.splice(pos, 1); instances.push('Object'); }
  }
  if (typesList.length > 0) {
    if (typesList.length > 2) {
      var last = typesList.pop();
      msg += 'one of type ' + typesList.join(', ') + ', or ' + last;
    } else if (typesList.length === 2) {
      msg += 'one of type ' + typesList[0] + ' or ' + typesList[1];
    } else {
      msg += 'of type ' + typesList[0];
    }
    if (instances.length > 0 || other.length > 0) { msg += ' or '; }
  }
  if (instances.length > 0) {
    if (instances.length > 2) {
      var lastI = instances.pop();
      msg += 'an instance of ' + instances.join(', ') + ', or ' + lastI;
    } else {
      msg += 'an instance of ' + instances[0];
      if (instances.length === 2) { msg += ' or ' + instances[1]; }
    }
    if (other.length > 0) { msg += ' or '; }
  }
  if (other.length > 0) {
    if (other.length > 2) {
      var lastO = other.pop();
      msg += 'one of ' + other.join(', ') + ', or ' + lastO;
    } else if (other.length === 2) {
      msg += 'one of ' + other[0] + ' or ' + other[1];
    } else {
      if (other[0].toLowerCase() !== other[0]) { msg += 'an '; }
      msg += other[0];
    }
  }
  msg += '. Received ' + describe(actual);
  return codedError(TypeError, 'ERR_INVALID_ARG_TYPE', msg);
}
exports.invalidArgType = invalidArgType;

function addNumericalSeparator(val) {
  var res = '';
  var i = val.length;
  var start = val[0] === '-' ? 1 : 0;
  for (; i >= start + 4; i -= 3) { res = '_' + val.slice(i - 3, i) + res; }
  return val.slice(0, i) + res;
}

// outOfRange is ERR_OUT_OF_RANGE, the value received worded as Node's.
exports.outOfRange = function outOfRange(name, range, input) {
  var received;
  if (Number.isInteger(input) && Math.abs(input) > Math.pow(2, 32)) {
    received = addNumericalSeparator(String(input));
  } else if (typeof input === 'bigint') {
    received = String(input);
    var limit = BigInt(2) ** BigInt(32);
    if (input > limit || input < -limit) { received = addNumericalSeparator(received); }
    received += 'n';
  } else {
    received = require('util').inspect(input);
  }
  return codedError(RangeError, 'ERR_OUT_OF_RANGE', 'The value of "' + name + '" is out of range. It must be ' + range + '. Received ' + received);
};

exports.invalidArgValue = function invalidArgValue(name, value, reason) {
  var inspected = require('util').inspect(value);
  if (inspected.length > 128) { inspected = inspected.slice(0, 128) + '...'; }
  var type = name.indexOf('.') !== -1 ? 'property' : 'argument';
  return codedError(TypeError, 'ERR_INVALID_ARG_VALUE', 'The ' + type + " '" + name + "' " + (reason || 'is invalid') + '. Received ' + inspected);
};

exports.notImplemented = function notImplemented(what) {
  return codedError(Error, 'ERR_METHOD_NOT_IMPLEMENTED', 'The ' + what + ' method is not implemented');
};

exports.validateFunction = function validateFunction(v, name) {
  if (typeof v !== 'function') { throw invalidArgType(name, 'Function', v); }
};

exports.validateString = function validateString(v, name) {
  if (typeof v !== 'string') { throw invalidArgType(name, 'string', v); }
};

exports.validateNumber = function validateNumber(v, name, min, max) {
  if (typeof v !== 'number') { throw invalidArgType(name, 'number', v); }
  if ((min != null && v < min) || (max != null && v > max) || ((min != null || max != null) && Number.isNaN(v))) {
    throw exports.outOfRange(name, (min != null ? '>= ' + min : '') + (min != null && max != null ? ' && ' : '') + (max != null ? '<= ' + max : ''), v);
  }
};

exports.validateInteger = function validateInteger(v, name, min, max) {
  if (min === undefined) { min = Number.MIN_SAFE_INTEGER; }
  if (max === undefined) { max = Number.MAX_SAFE_INTEGER; }
  if (typeof v !== 'number') { throw invalidArgType(name, 'number', v); }
  if (!Number.isInteger(v)) { throw exports.outOfRange(name, 'an integer', v); }
  if (v < min || v > max) { throw exports.outOfRange(name, '>= ' + min + ' && <= ' + max, v); }
};

exports.validateObject = function validateObject(v, name) {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) { throw invalidArgType(name, 'Object', v); }
};

exports.validateAbortSignal = function validateAbortSignal(signal, name) {
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw invalidArgType(name, 'AbortSignal', signal);
  }
};

// AbortError is Node's error for an operation an AbortSignal ended.
function AbortError(message, options) {
  if (message === undefined) { message = 'The operation was aborted'; }
  var e = new Error(message, options);
  Object.setPrototypeOf(e, AbortError.prototype);
  e.code = 'ABORT_ERR';
  return e;
}
AbortError.prototype = Object.create(Error.prototype, {
  constructor: { value: AbortError, writable: true, configurable: true },
  name: { value: 'AbortError', writable: true, configurable: true }
});
exports.AbortError = AbortError;

// emitWarning is process.emitWarning, or Node's way of it (a 'warning'
// event, then the warning on standard error) until the host's process has it.
function emitWarning(msg, type, code, ctor) {
  if (typeof process.emitWarning === 'function') {
    process.emitWarning(msg, type, code, ctor);
    return;
  }
  // Node's process.emitWarning, until the host's process has it.
  var w = new Error(msg);
  w.name = type;
  if (code !== undefined) { w.code = code; }
  if (process.throwDeprecation) { throw w; }
  process.nextTick(function () {
    process.emit('warning', w);
    var text = '(node:' + process.pid + ') ' + (code ? '[' + code + '] ' : '') + type + ': ' + msg +
      '\n(Use `node --trace-deprecation ...` to show where the warning was created)';
    if (process.stderr && typeof process.stderr.write === 'function') {
      process.stderr.write(text + '\n');
    } else {
      console.error(text);
    }
  });
}

exports.emitWarning = emitWarning;
