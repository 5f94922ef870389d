'use strict';
// timers/promises: setTimeout, setImmediate and setInterval as Promises
// and an async iterator, with AbortSignal and ref, and scheduler.wait and
// scheduler.yield, on the host's timers.

var errors = require('./errors');
var AbortError = errors.AbortError;

function checkOptions(options) {
  if (options === undefined) { return {}; }
  errors.validateObject(options, 'options');
  errors.validateAbortSignal(options.signal, 'options.signal');
  if (options.ref !== undefined && typeof options.ref !== 'boolean') {
    throw errors.invalidArgType('options.ref', 'boolean', options.ref);
  }
  return options;
}

function later(set, clear, args, value, options) {
  var opts;
  try {
    opts = checkOptions(options);
  } catch (e) {
    return Promise.reject(e);
  }
  var signal = opts.signal;
  if (signal && signal.aborted) { return Promise.reject(new AbortError(undefined, { cause: signal.reason })); }
  return new Promise(function (resolve, reject) {
    var onAbort;
    var handle = set.apply(null, [function () {
      if (signal) { signal.removeEventListener('abort', onAbort); }
      resolve(value);
    }].concat(args));
    if (opts.ref === false && handle && typeof handle.unref === 'function') { handle.unref(); }
    if (signal) {
      onAbort = function () {
        clear(handle);
        reject(new AbortError(undefined, { cause: signal.reason }));
      };
      signal.addEventListener('abort', onAbort, { once: true });
    }
  });
}

exports.setTimeout = function setTimeout(delay, value, options) {
  if (delay !== undefined && typeof delay !== 'number') {
    return Promise.reject(errors.invalidArgType('delay', 'number', delay));
  }
  return later(globalThis.setTimeout, globalThis.clearTimeout, [delay], value, options);
};

exports.setImmediate = function setImmediate(value, options) {
  return later(globalThis.setImmediate, globalThis.clearImmediate, [], value, options);
};

exports.setInterval = function setInterval(delay, value, options) {
  var opts = checkOptions(options);
  var signal = opts.signal;
  var pending = [], ticks = 0, done = false;
  var handle;
  function onAbort() { finish(new AbortError(undefined, { cause: signal.reason })); }
  function finish(err) {
    if (done) { return; }
    done = true;
    globalThis.clearInterval(handle);
    if (signal) { signal.removeEventListener('abort', onAbort); }
    while (pending.length > 0) {
      var p = pending.shift();
      if (err) { p.reject(err); } else { p.resolve({ value: undefined, done: true }); }
    }
  }
  var iterator = {
    next: function () {
      if (signal && signal.aborted) { return Promise.reject(new AbortError(undefined, { cause: signal.reason })); }
      if (ticks > 0) {
        ticks--;
        return Promise.resolve({ value: value, done: false });
      }
      if (done) { return Promise.resolve({ value: undefined, done: true }); }
      return new Promise(function (resolve, reject) { pending.push({ resolve: resolve, reject: reject }); });
    },
    return: function () {
      finish();
      return Promise.resolve({ value: undefined, done: true });
    }
  };
  iterator[Symbol.asyncIterator] = function () { return this; };
  if (!(signal && signal.aborted)) {
    handle = globalThis.setInterval(function () {
      if (pending.length > 0) { pending.shift().resolve({ value: value, done: false }); } else { ticks++; }
    }, delay);
    if (opts.ref === false) { handle.unref(); }
    if (signal) { signal.addEventListener('abort', onAbort, { once: true }); }
  }
  return iterator;
};

exports.scheduler = {
  wait: function wait(delay, options) { return exports.setTimeout(delay, undefined, options); },
  yield: function yield_() { return exports.setImmediate(); }
};
