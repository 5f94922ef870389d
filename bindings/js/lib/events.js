'use strict';
// events: Node's EventEmitter, as IoT.js scripts use it (on, once, emit,
// removeListener, removeAllListeners, listeners, ...). An 'error' emitted
// with no listener is thrown, as in Node.

function EventEmitter(opts) {
  EventEmitter.init.call(this, opts);
}

var kCapture = Symbol('kCapture');
var kRejection = Symbol.for('nodejs.rejection');
var errorMonitor = Symbol('events.errorMonitor');
var defaultMaxListeners = 10;

EventEmitter.init = function (opts) {
  if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) {
    Object.defineProperty(this, '_events', { value: Object.create(null), writable: true, configurable: true });
  }
  if (this._maxListeners === undefined) {
    this._maxListeners = undefined;
  }
  if (opts !== undefined && opts !== null && opts.captureRejections !== undefined) {
    if (typeof opts.captureRejections !== 'boolean') {
      throw invalidArgType('options.captureRejections', 'boolean', opts.captureRejections);
    }
    this[kCapture] = opts.captureRejections;
  } else {
    this[kCapture] = EventEmitter.prototype[kCapture];
  }
};

EventEmitter.EventEmitter = EventEmitter;
EventEmitter.usingDomains = false;
EventEmitter.captureRejectionSymbol = kRejection;
EventEmitter.errorMonitor = errorMonitor;
Object.defineProperty(EventEmitter, 'captureRejections', {
  get: function () { return EventEmitter.prototype[kCapture]; },
  set: function (value) {
    if (typeof value !== 'boolean') { throw invalidArgType('EventEmitter.captureRejections', 'boolean', value); }
    EventEmitter.prototype[kCapture] = value;
  },
  enumerable: true
});
Object.defineProperty(EventEmitter.prototype, kCapture, { value: false, writable: true, enumerable: false });
Object.defineProperty(EventEmitter, 'defaultMaxListeners', {
  get: function () { return defaultMaxListeners; },
  set: function (n) {
    checkMax(n, 'defaultMaxListeners');
    defaultMaxListeners = n;
  },
  enumerable: true
});

function describe(v) {
  if (v === null || v === undefined) { return String(v); }
  if (typeof v === 'function') { return 'function ' + v.name; }
  if (typeof v === 'object') { return 'an instance of ' + ((v.constructor && v.constructor.name) || 'Object'); }
  return 'type ' + typeof v + ' (' + (typeof v === 'string' ? "'" + v + "'" : String(v)) + ')';
}

function coded(Ctor, code, message) {
  var err = new Ctor(message);
  err.code = code;
  return err;
}

function invalidArgType(name, type, v) {
  return coded(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "' + name + '" ' + (name.indexOf('.') === -1 ? 'argument' : 'property') +
    ' must be ' + (type[0] === type[0].toUpperCase() ? 'an instance of ' : 'of type ') + type + '. Received ' + describe(v));
}

function checkMax(n, name) {
  if (typeof n !== 'number') { throw invalidArgType(name, 'number', n); }
  if (n < 0 || n !== n) {
    throw coded(RangeError, 'ERR_OUT_OF_RANGE', 'The value of "' + name + '" is out of range. It must be >= 0. Received ' + n);
  }
}

function checkListener(listener) {
  if (typeof listener !== 'function') {
    var received = listener === null ? 'null' : listener === undefined ? 'undefined' :
      typeof listener === 'object' ? 'an instance of ' + ((listener.constructor && listener.constructor.name) || 'Object') :
      'type ' + typeof listener + ' (' + (typeof listener === 'string' ? "'" + listener + "'" : String(listener)) + ')';
    var err = new TypeError('The "listener" argument must be of type function. Received ' + received);
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
}

function events(emitter) {
  if (emitter._events === undefined) {
    EventEmitter.init.call(emitter);
  }
  return emitter._events;
}

function addListener(target, type, listener, prepend) {
  checkListener(listener);
  var ev = events(target);
  if (ev.newListener !== undefined) {
    target.emit('newListener', type, listener.listener ? listener.listener : listener);
    ev = events(target);
  }
  var list = ev[type];
  if (list === undefined) {
    ev[type] = [listener];
    return target;
  }
  var next = prepend ? [listener].concat(list) : list.concat([listener]);
  next.warned = list.warned;
  ev[type] = next;
  var m = target._maxListeners === undefined ? defaultMaxListeners : target._maxListeners;
  if (m > 0 && next.length > m && !next.warned) {
    next.warned = true;
    var w = new Error('Possible EventEmitter memory leak detected. ' + next.length + ' ' + String(type) + ' listeners added to ' +
      require('util').inspect(target, { depth: -1 }) + '. Use emitter.setMaxListeners() to increase limit');
    w.name = 'MaxListenersExceededWarning';
    w.emitter = target;
    w.type = type;
    w.count = next.length;
    if (typeof process.emitWarning === 'function') {
      process.emitWarning(w);
    } else {
      console.error('(node:' + process.pid + ') ' + w.name + ': ' + w.message);
    }
  }
  return target;
}

EventEmitter.prototype.setMaxListeners = function (n) {
  checkMax(n, 'setMaxListeners');
  this._maxListeners = n;
  return this;
};

EventEmitter.prototype.getMaxListeners = function () {
  return this._maxListeners === undefined ? defaultMaxListeners : this._maxListeners;
};

EventEmitter.prototype.emit = function (type, a, b) {
  var ev = events(this);
  if (type === 'error' && ev[errorMonitor] !== undefined) {
    this.emit.apply(this, [errorMonitor].concat(Array.prototype.slice.call(arguments, 1)));
  }
  var list = ev[type];
  if (type === 'error' && (list === undefined || list.length === 0)) {
    var er = a;
    if (er instanceof Error) {
      throw er; // Unhandled 'error' event
    }
    var shown;
    try { shown = require('util').inspect(er); } catch (e) { shown = String(er); }
    var err = new Error('Unhandled error. (' + shown + ')');
    err.code = 'ERR_UNHANDLED_ERROR';
    err.context = er;
    throw err;
  }
  if (list !== undefined && this[kCapture]) {
    return emitCapturing(this, type, list, Array.prototype.slice.call(arguments, 1));
  }
  if (list === undefined) {
    return false;
  }
  // Listeners added or removed while emitting do not change this emit, as
  // in Node: addListener and removeListener replace the list, never change
  // it, so this one needs no copy. Up to two arguments are passed without
  // building an array (every dgram event has at most two).
  var n = arguments.length, args;
  for (var i = 0; i < list.length; i++) {
    if (n === 3) {
      list[i].call(this, a, b);
    } else if (n === 2) {
      list[i].call(this, a);
    } else if (n === 1) {
      list[i].call(this);
    } else {
      if (args === undefined) {
        args = Array.prototype.slice.call(arguments, 1);
      }
      list[i].apply(this, args);
    }
  }
  return true;
};

EventEmitter.prototype.addListener = function (type, listener) {
  return addListener(this, type, listener, false);
};

EventEmitter.prototype.on = EventEmitter.prototype.addListener;

EventEmitter.prototype.prependListener = function (type, listener) {
  return addListener(this, type, listener, true);
};

function onceWrapper(target, type, listener) {
  var state = { fired: false, target: target, type: type, listener: listener };
  function wrapped() {
    if (!state.fired) {
      state.target.removeListener(state.type, wrapped);
      state.fired = true;
      return state.listener.apply(state.target, arguments);
    }
  }
  wrapped.listener = listener;
  return wrapped;
}

// once calls this.on, as Node's does (a socket's bind callback is added
// so); V8's TypeError when it is not a function.
function checkOn(target) {
  if (typeof target.on !== 'function') {
    throw new TypeError('this.on is not a function');
  }
}

EventEmitter.prototype.once = function (type, listener) {
  checkListener(listener);
  checkOn(this);
  this.on(type, onceWrapper(this, type, listener));
  return this;
};

EventEmitter.prototype.prependOnceListener = function (type, listener) {
  checkListener(listener);
  this.prependListener(type, onceWrapper(this, type, listener));
  return this;
};

EventEmitter.prototype.removeListener = function (type, listener) {
  checkListener(listener);
  var ev = events(this);
  var list = ev[type];
  if (list === undefined) {
    return this;
  }
  for (var i = list.length - 1; i >= 0; i--) {
    if (list[i] === listener || list[i].listener === listener) {
      var removed = list[i];
      list = list.slice(0, i).concat(list.slice(i + 1));
      if (list.length === 0) {
        delete ev[type];
      } else {
        ev[type] = list;
      }
      if (ev.removeListener !== undefined) {
        this.emit('removeListener', type, removed.listener || removed);
      }
      break;
    }
  }
  return this;
};

EventEmitter.prototype.off = EventEmitter.prototype.removeListener;

EventEmitter.prototype.removeAllListeners = function (type) {
  var ev = events(this);
  if (ev.removeListener === undefined) {
    if (arguments.length === 0) {
      this._events = Object.create(null);
    } else {
      delete ev[type];
    }
    return this;
  }
  // Each removal is announced, 'removeListener' last, as in Node.
  if (arguments.length === 0) {
    var self = this;
    Reflect.ownKeys(ev).forEach(function (key) {
      if (key !== 'removeListener') { self.removeAllListeners(key); }
    });
    this.removeAllListeners('removeListener');
    this._events = Object.create(null);
    return this;
  }
  var list = ev[type];
  if (list !== undefined) {
    for (var i = list.length - 1; i >= 0; i--) { this.removeListener(type, list[i]); }
  }
  return this;
};

EventEmitter.prototype.listeners = function (type) {
  var list = events(this)[type];
  if (list === undefined) {
    return [];
  }
  return list.map(function (l) { return l.listener || l; });
};

EventEmitter.prototype.rawListeners = function (type) {
  var list = events(this)[type];
  return list === undefined ? [] : list.slice();
};

EventEmitter.prototype.listenerCount = function (type, listener) {
  var list = events(this)[type];
  if (list === undefined) { return 0; }
  if (listener === undefined || listener === null) { return list.length; }
  var n = 0;
  for (var i = 0; i < list.length; i++) {
    if (list[i] === listener || list[i].listener === listener) { n++; }
  }
  return n;
};

EventEmitter.listenerCount = function (emitter, type) {
  return emitter.listenerCount(type);
};

EventEmitter.prototype.eventNames = function () {
  return Reflect.ownKeys(events(this));
};

// emitCapturing is emit for an emitter made with captureRejections: a
// listener's promise that rejects is the emitter's 'error' (or its
// Symbol.for('nodejs.rejection') method's), as in Node.
function emitCapturing(target, type, list, args) {
  for (var i = 0; i < list.length; i++) {
    var result = list[i].apply(target, args);
    if (result !== undefined && result !== null && typeof result.then === 'function') {
      result.then(undefined, function (err) {
        process.nextTick(function () {
          if (typeof target[kRejection] === 'function') {
            target[kRejection].apply(target, [err, type].concat(args));
            return;
          }
          var prev = target[kCapture];
          try {
            target[kCapture] = false;
            target.emit('error', err);
          } finally {
            target[kCapture] = prev;
          }
        });
      });
    }
  }
  return true;
}

function isEventTarget(t) {
  return t !== null && typeof t === 'object' && typeof t.addEventListener === 'function' && typeof t.removeEventListener === 'function' &&
    typeof t.on !== 'function';
}

function abortError(signal) {
  var err = new Error('The operation was aborted', { cause: signal && signal.reason });
  err.name = 'AbortError';
  err.code = 'ABORT_ERR';
  return err;
}

function validateSignal(options) {
  if (options === undefined) { return undefined; }
  if (options === null || typeof options !== 'object') { throw invalidArgType('options', 'Object', options); }
  var signal = options.signal;
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw invalidArgType('options.signal', 'AbortSignal', signal);
  }
  return signal;
}

// events.once(emitter, name[, {signal}]): a Promise of the arguments of the
// next name event; an 'error' event first rejects it.
EventEmitter.once = function once(emitter, name, options) {
  var signal = validateSignal(options);
  if (signal && signal.aborted) { return Promise.reject(abortError(signal)); }
  if (!isEventTarget(emitter) && (emitter === null || typeof emitter !== 'object' || typeof emitter.once !== 'function')) {
    return Promise.reject(coded(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "emitter" argument must be an instance of EventEmitter. Received ' +
      describe(emitter)));
  }
  return new Promise(function (resolve, reject) {
    var errorListener, abortListener;
    function cleanup() {
      if (errorListener !== undefined) { emitter.removeListener('error', errorListener); }
      if (abortListener !== undefined) { signal.removeEventListener('abort', abortListener); }
    }
    function resolver() {
      cleanup();
      resolve(Array.prototype.slice.call(arguments));
    }
    if (isEventTarget(emitter)) {
      emitter.addEventListener(name, function (ev) { cleanup(); resolve([ev]); }, { once: true });
    } else {
      emitter.once(name, resolver);
      if (name !== 'error') {
        errorListener = function (err) {
          emitter.removeListener(name, resolver);
          cleanup();
          reject(err);
        };
        emitter.once('error', errorListener);
      }
    }
    if (signal) {
      abortListener = function () {
        emitter.removeListener(name, resolver);
        cleanup();
        reject(abortError(signal));
      };
      signal.addEventListener('abort', abortListener, { once: true });
    }
  });
};

// events.on(emitter, name[, {signal}]): an async iterator of the
// arguments of each name event; an 'error' event ends it with the error.
EventEmitter.on = function on(emitter, event, options) {
  var signal = validateSignal(options);
  if (signal && signal.aborted) { throw abortError(signal); }
  var unconsumed = [], pending = [], error = null, finished = false;
  var iterator = {
    next: function () {
      if (unconsumed.length > 0) { return Promise.resolve({ value: unconsumed.shift(), done: false }); }
      if (error) {
        var p = Promise.reject(error);
        error = null;
        return p;
      }
      if (finished) { return Promise.resolve({ value: undefined, done: true }); }
      return new Promise(function (resolve, reject) { pending.push({ resolve: resolve, reject: reject }); });
    },
    return: function () {
      close();
      return Promise.resolve({ value: undefined, done: true });
    },
    throw: function (err) {
      if (!err || !(err instanceof Error)) { throw invalidArgType('EventEmitter.AsyncIterator', 'Error', err); }
      error = err;
      close();
      return Promise.resolve({ value: undefined, done: true });
    }
  };
  iterator[Symbol.asyncIterator] = function () { return this; };
  function eventHandler() {
    var args = Array.prototype.slice.call(arguments);
    if (pending.length > 0) { pending.shift().resolve({ value: args, done: false }); } else { unconsumed.push(args); }
  }
  function errorHandler(err) {
    if (pending.length > 0) { pending.shift().reject(err); } else { error = err; }
    close();
  }
  function abortListener() { errorHandler(abortError(signal)); }
  function close() {
    if (finished) { return; }
    finished = true;
    emitter.removeListener(event, eventHandler);
    emitter.removeListener('error', errorHandler);
    if (signal) { signal.removeEventListener('abort', abortListener); }
    while (pending.length > 0) { pending.shift().resolve({ value: undefined, done: true }); }
  }
  emitter.on(event, eventHandler);
  if (event !== 'error') { emitter.on('error', errorHandler); }
  if (signal) { signal.addEventListener('abort', abortListener, { once: true }); }
  return iterator;
};

// events.getEventListeners(emitter, name): a copy of its listeners.
EventEmitter.getEventListeners = function getEventListeners(emitterOrTarget, type) {
  if (emitterOrTarget !== null && typeof emitterOrTarget === 'object' && typeof emitterOrTarget.listeners === 'function') {
    return emitterOrTarget.listeners(type);
  }
  if (isEventTarget(emitterOrTarget)) {
    return typeof emitterOrTarget.getEventListeners === 'function' ? emitterOrTarget.getEventListeners(type) : [];
  }
  throw invalidArgType('emitter', 'EventEmitter', emitterOrTarget);
};

// events.setMaxListeners(n[, ...eventTargets]): the default, or of each.
EventEmitter.setMaxListeners = function setMaxListeners(n) {
  if (n === undefined) { n = defaultMaxListeners; }
  checkMax(n, 'setMaxListeners');
  if (arguments.length <= 1) {
    defaultMaxListeners = n;
    return;
  }
  for (var i = 1; i < arguments.length; i++) {
    var target = arguments[i];
    if (target !== null && typeof target === 'object' && typeof target.setMaxListeners === 'function') {
      target.setMaxListeners(n);
    } else if (isEventTarget(target)) {
      target[kMaxEventTargetListeners] = n;
    } else {
      throw invalidArgType('eventTargets', 'EventEmitter', target);
    }
  }
};

var kMaxEventTargetListeners = Symbol('events.maxEventTargetListeners');
EventEmitter.getMaxListeners = function getMaxListeners(emitter) {
  if (emitter !== null && typeof emitter === 'object' && typeof emitter.getMaxListeners === 'function') {
    return emitter.getMaxListeners();
  }
  if (isEventTarget(emitter)) {
    return emitter[kMaxEventTargetListeners] === undefined ? defaultMaxListeners : emitter[kMaxEventTargetListeners];
  }
  throw invalidArgType('emitter', 'EventEmitter', emitter);
};

// events.addAbortListener(signal, listener): a Disposable that removes it.
EventEmitter.addAbortListener = function addAbortListener(signal, listener) {
  if (signal === undefined) { throw invalidArgType('signal', 'AbortSignal', signal); }
  checkListener(listener);
  var removed = false;
  if (signal.aborted) {
    process.nextTick(function () { listener(); });
  } else {
    signal.addEventListener('abort', listener, { once: true });
  }
  var disposable = {};
  disposable[Symbol.dispose || Symbol.for('nodejs.dispose')] = function () {
    if (!removed) {
      removed = true;
      signal.removeEventListener('abort', listener);
    }
  };
  return disposable;
};

module.exports = EventEmitter;
