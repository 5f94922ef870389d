'use strict';
// util: Node's util module (lib/util.js of Node 20, MIT, ported to what
// goja has). inspect, format and formatWithOptions are lib/inspect.js's.

var native = binding('util');
var errors = require('./errors');
var types = require('./util_types');

var codedError = errors.codedError;
var validateFunction = errors.validateFunction;

exports.inspect = native.inspect;
exports.format = native.format;
exports.formatWithOptions = native.formatWithOptions;
exports.types = types;
exports.isDeepStrictEqual = function isDeepStrictEqual(a, b) { return require('./comparisons').isDeepStrictEqual(a, b); };
// TextEncoder and TextDecoder are loaded when first asked for.
Object.defineProperty(exports, 'TextEncoder', { get: function () { return require('./encoding').TextEncoder; }, enumerable: true, configurable: true });
Object.defineProperty(exports, 'TextDecoder', { get: function () { return require('./encoding').TextDecoder; }, enumerable: true, configurable: true });

exports.inherits = function inherits(ctor, superCtor) {
  if (ctor === undefined || ctor === null) {
    throw errors.invalidArgType('ctor', 'Function', ctor);
  }
  if (superCtor === undefined || superCtor === null) {
    throw errors.invalidArgType('superCtor', 'Function', superCtor);
  }
  if (superCtor.prototype === undefined) {
    throw errors.invalidArgType('superCtor.prototype', 'Object', superCtor.prototype);
  }
  Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
};

exports._extend = function _extend(target, source) {
  if (source === null || typeof source !== 'object') { return target; }
  var keys = Object.keys(source);
  for (var i = keys.length - 1; i >= 0; i--) { target[keys[i]] = source[keys[i]]; }
  return target;
};

// deprecate: fn wrapped to emit a DeprecationWarning the first time it is
// called (once per code), unless process.noDeprecation.
var codesWarned = Object.create(null);
exports.deprecate = function deprecate(fn, msg, code) {
  validateFunction(fn, 'fn');
  if (process.noDeprecation === true) { return fn; }
  if (code !== undefined && typeof code !== 'string') {
    throw errors.invalidArgType('code', 'string', code);
  }
  var warned = false;
  function deprecated() {
    if (!warned && !process.noDeprecation) {
      warned = true;
      if (code !== undefined) {
        if (!codesWarned[code]) {
          emitWarning(msg, 'DeprecationWarning', code, deprecated);
          codesWarned[code] = true;
        }
      } else {
        emitWarning(msg, 'DeprecationWarning', undefined, deprecated);
      }
    }
    if (new.target) { return Reflect.construct(fn, arguments, new.target); }
    return fn.apply(this, arguments);
  }
  Object.setPrototypeOf(deprecated, fn);
  if (fn.prototype) { deprecated.prototype = fn.prototype; }
  return deprecated;
};

var emitWarning = errors.emitWarning;

// debuglog: a logger for section that writes "SECTION pid: message" to
// standard error when NODE_DEBUG names the section (a comma-separated
// list, * as a wildcard), and does nothing otherwise.
var debugEnv;
function debugEnabled(set) {
  if (debugEnv === undefined) {
    debugEnv = [];
    var env = process.env.NODE_DEBUG;
    if (env) {
      env.split(/[\s,]+/).forEach(function (s) {
        if (s === '') { return; }
        var re = s.replace(/[|\\{}()[\]^$+?.]/g, '\\$&').replace(/\*/g, '.*').replace(/,/g, '$|^');
        debugEnv.push(new RegExp('^' + re + '$', 'i'));
      });
    }
  }
  for (var i = 0; i < debugEnv.length; i++) {
    if (debugEnv[i].test(set)) { return true; }
  }
  return false;
}

exports.debuglog = function debuglog(set, cb) {
  var enabled;
  var upper = String(set).toUpperCase();
  function init() {
    if (enabled === undefined) { enabled = debugEnabled(set); }
  }
  var logger = function debug() {
    init();
    if (!enabled) { return; }
    var msg = native.formatWithOptions({ colors: false }, ...arguments);
    var line = upper + ' ' + process.pid + ': ' + msg;
    if (process.stderr && typeof process.stderr.write === 'function') {
      process.stderr.write(line + '\n');
    } else {
      console.error(line);
    }
  };
  var once = true;
  var test = function () {
    init();
    if (once && typeof cb === 'function') {
      once = false;
      cb(logger);
    }
    return enabled;
  };
  var wrapped = function debuglog() {
    test();
    return logger.apply(this, arguments);
  };
  Object.defineProperty(wrapped, 'enabled', { get: test, configurable: true, enumerable: true });
  return wrapped;
};
exports.debug = exports.debuglog;

// promisify: a function taking a callback (err, value) as a function
// returning a Promise; fn[util.promisify.custom] when it has one.
var kCustomPromisify = Symbol.for('nodejs.util.promisify.custom');
var kCustomPromisifyArgs = native.customPromisifyArgs;

exports.promisify = function promisify(original) {
  validateFunction(original, 'original');
  if (original[kCustomPromisify]) {
    var custom = original[kCustomPromisify];
    validateFunction(custom, 'util.promisify.custom');
    return Object.defineProperty(custom, kCustomPromisify, { value: custom, enumerable: false, writable: false, configurable: true });
  }
  var argumentNames = original[kCustomPromisifyArgs];
  function fn() {
    var self = this;
    var args = Array.prototype.slice.call(arguments);
    return new Promise(function (resolve, reject) {
      args.push(function (err) {
        if (err) { return reject(err); }
        var values = Array.prototype.slice.call(arguments, 1);
        if (argumentNames !== undefined && values.length > 1) {
          var obj = {};
          for (var i = 0; i < argumentNames.length; i++) { obj[argumentNames[i]] = values[i]; }
          resolve(obj);
        } else {
          resolve(values[0]);
        }
      });
      Reflect.apply(original, self, args);
    });
  }
  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
  Object.defineProperty(fn, kCustomPromisify, { value: fn, enumerable: false, writable: false, configurable: true });
  var descriptors = Object.getOwnPropertyDescriptors(original);
  var keys = Reflect.ownKeys(descriptors);
  for (var i = 0; i < keys.length; i++) {
    var k = keys[i];
    if (k === 'length' || k === 'name' || k === 'prototype' || k === kCustomPromisify) { continue; }
    try { Object.defineProperty(fn, k, descriptors[k]); } catch (e) { /* a non-configurable property */ }
  }
  return fn;
};
exports.promisify.custom = kCustomPromisify;

// util.promisify(setTimeout) and (setImmediate) are timers/promises', as
// in Node (looked up when promisify asks).
[['setTimeout', globalThis.setTimeout], ['setImmediate', globalThis.setImmediate]].forEach(function (t) {
  if (typeof t[1] === 'function' && !Object.prototype.hasOwnProperty.call(t[1], kCustomPromisify)) {
    Object.defineProperty(t[1], kCustomPromisify, {
      get: function () { return require('timers/promises')[t[0]]; },
      configurable: true
    });
  }
});

// callbackify: an async function (returning a Promise) as a function
// taking a callback; a falsy rejection reason becomes
// ERR_FALSY_VALUE_REJECTION with the reason as .reason.
function callbackifyOnRejected(reason, cb) {
  if (!reason) {
    var e = codedError(Error, 'ERR_FALSY_VALUE_REJECTION', 'Promise was rejected with falsy value');
    e.reason = reason;
    reason = e;
  }
  return cb(reason);
}

exports.callbackify = function callbackify(original) {
  validateFunction(original, 'original');
  function callbackified() {
    var args = Array.prototype.slice.call(arguments);
    var maybeCb = args.pop();
    validateFunction(maybeCb, 'last argument');
    var cb = maybeCb.bind(this);
    Reflect.apply(original, this, args).then(
      function (ret) { process.nextTick(cb, null, ret); },
      function (rej) { process.nextTick(callbackifyOnRejected, rej, cb); });
  }
  var descriptors = Object.getOwnPropertyDescriptors(original);
  if (typeof descriptors.length.value === 'number') { descriptors.length.value++; }
  if (typeof descriptors.name.value === 'string') { descriptors.name.value += 'Callbackified'; }
  var propertiesValues = Object.values(descriptors);
  for (var i = 0; i < propertiesValues.length; i++) { Object.setPrototypeOf(propertiesValues[i], null); }
  Object.defineProperties(callbackified, descriptors);
  return callbackified;
};

// The deprecated type checks, still in Node 20.
exports.isArray = Array.isArray;
exports.isBoolean = function isBoolean(arg) { return typeof arg === 'boolean'; };
exports.isNull = function isNull(arg) { return arg === null; };
exports.isNullOrUndefined = function isNullOrUndefined(arg) { return arg === null || arg === undefined; };
exports.isNumber = function isNumber(arg) { return typeof arg === 'number'; };
exports.isString = function isString(arg) { return typeof arg === 'string'; };
exports.isSymbol = function isSymbol(arg) { return typeof arg === 'symbol'; };
exports.isUndefined = function isUndefined(arg) { return arg === undefined; };
exports.isRegExp = types.isRegExp;
exports.isObject = function isObject(arg) { return arg !== null && typeof arg === 'object'; };
exports.isDate = types.isDate;
exports.isError = function isError(e) { return types.isNativeError(e) || e instanceof Error; };
exports.isFunction = function isFunction(arg) { return typeof arg === 'function'; };
exports.isPrimitive = function isPrimitive(arg) { return arg === null || (typeof arg !== 'object' && typeof arg !== 'function'); };
exports.isBuffer = function isBuffer(b) { return Buffer.isBuffer(b); };

var months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function pad(n) { return n < 10 ? '0' + n : String(n); }
exports.log = function log() {
  var d = new Date();
  var time = [pad(d.getHours()), pad(d.getMinutes()), pad(d.getSeconds())].join(':');
  console.log('%s - %s', d.getDate() + ' ' + months[d.getMonth()] + ' ' + time, native.format.apply(null, arguments));
};

exports.getSystemErrorName = function getSystemErrorName(err) {
  if (typeof err !== 'number') { throw errors.invalidArgType('err', 'number', err); }
  if (err >= 0 || !Number.isSafeInteger(err)) {
    throw codedError(RangeError, 'ERR_OUT_OF_RANGE', 'The value of "err" is out of range. It must be a negative integer. Received ' + err);
  }
  var entry = native.errname(-err);
  return entry ? entry : 'Unknown system error ' + err;
};

exports.getSystemErrorMap = function getSystemErrorMap() {
  var m = new Map();
  var list = native.errnoList();
  for (var i = 0; i < list.length; i++) { m.set(-list[i][1], [list[i][0], list[i][2]]); }
  return m;
};

var ansi = new RegExp('[\\u001B\\u009B][[\\]()#;?]*' +
  '(?:(?:(?:(?:;[-a-zA-Z\\d\\/\\#&.:=?%@~_]+)*' +
  '|[a-zA-Z\\d]+(?:;[-a-zA-Z\\d\\/\\#&.:=?%@~_]*)*)?' +
  '(?:\\u0007|\\u001B\\u005C|\\u009C))' +
  '|(?:(?:\\d{1,4}(?:;\\d{0,4})*)?[\\dA-PR-TZcf-ntqry=><~]))', 'g');
exports.stripVTControlCharacters = function stripVTControlCharacters(str) {
  if (typeof str !== 'string') { throw errors.invalidArgType('str', 'string', str); }
  return str.replace(ansi, '');
};

exports.toUSVString = function toUSVString(input) {
  return String(input).replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/g, function (m, pre) {
    return (pre || '') + '\uFFFD';
  });
};

// styleText(format, text[, {validateStream, stream}]): text in the ANSI
// styles of util.inspect.colors, unless the stream would not show them.
var colors = {
  reset: [0, 0], bold: [1, 22], dim: [2, 22], italic: [3, 23], underline: [4, 24], blink: [5, 25], inverse: [7, 27], hidden: [8, 28],
  strikethrough: [9, 29], doubleunderline: [21, 24], black: [30, 39], red: [31, 39], green: [32, 39], yellow: [33, 39], blue: [34, 39],
  magenta: [35, 39], cyan: [36, 39], white: [37, 39], bgBlack: [40, 49], bgRed: [41, 49], bgGreen: [42, 49], bgYellow: [43, 49],
  bgBlue: [44, 49], bgMagenta: [45, 49], bgCyan: [46, 49], bgWhite: [47, 49], framed: [51, 54], overlined: [53, 55], gray: [90, 39],
  redBright: [91, 39], greenBright: [92, 39], yellowBright: [93, 39], blueBright: [94, 39], magentaBright: [95, 39], cyanBright: [96, 39],
  whiteBright: [97, 39], bgGray: [100, 49], bgRedBright: [101, 49], bgGreenBright: [102, 49], bgYellowBright: [103, 49],
  bgBlueBright: [104, 49], bgMagentaBright: [105, 49], bgCyanBright: [106, 49], bgWhiteBright: [107, 49]
};
if (exports.inspect.colors === undefined) {
  try { exports.inspect.colors = colors; } catch (e) { /* a frozen inspect keeps its own */ }
}
exports.styleText = function styleText(format, text, options) {
  var validateStream = true, stream = process.stdout;
  if (options !== undefined) {
    errors.validateObject(options, 'options');
    if (options.validateStream !== undefined) { validateStream = options.validateStream; }
    if (options.stream !== undefined) { stream = options.stream; }
  }
  var formats = Array.isArray(format) ? format : [format];
  var left = '', right = '';
  formats.forEach(function (key) {
    var code = typeof key === 'string' && Object.prototype.hasOwnProperty.call(colors, key) ? colors[key] : undefined;
    if (code === undefined) {
      throw errors.invalidArgValue('format', key, 'must be one of: ' + Object.keys(colors).map(function (k) { return "'" + k + "'"; }).join(', '));
    }
    left += '\u001b[' + code[0] + 'm';
    right = '\u001b[' + code[1] + 'm' + right;
  });
  errors.validateString(text, 'text');
  if (validateStream) {
    var env = process.env;
    var colorize = env.FORCE_COLOR !== undefined ? !['0', 'false'].includes(env.FORCE_COLOR) :
      !!(stream && stream.isTTY && (typeof stream.getColorDepth !== 'function' || stream.getColorDepth() > 2));
    if (!colorize) { return text; }
  }
  return left + text + right;
};

exports.aborted = function aborted(signal, resource) {
  if (signal === null || typeof signal !== 'object' || !('aborted' in signal)) {
    throw errors.invalidArgType('signal', 'AbortSignal', signal);
  }
  if (resource === null || (typeof resource !== 'object' && typeof resource !== 'function')) {
    throw errors.invalidArgType('resource', 'object', resource);
  }
  if (signal.aborted) { return Promise.resolve(); }
  return new Promise(function (resolve) {
    signal.addEventListener('abort', function () { resolve(); }, { once: true });
  });
};
