'use strict';
// events: Node's EventEmitter, as IoT.js scripts use it (on, once, emit,
// removeListener, removeAllListeners, listeners, ...). An 'error' emitted
// with no listener is thrown, as in Node.

function EventEmitter() {
  EventEmitter.init.call(this);
}

EventEmitter.init = function () {
  if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) {
    Object.defineProperty(this, '_events', { value: Object.create(null), writable: true, configurable: true });
  }
  if (this._maxListeners === undefined) {
    this._maxListeners = undefined;
  }
};

EventEmitter.EventEmitter = EventEmitter;
EventEmitter.defaultMaxListeners = 10;

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
  } else if (prepend) {
    ev[type] = [listener].concat(list);
  } else {
    ev[type] = list.concat([listener]);
  }
  return target;
}

EventEmitter.prototype.setMaxListeners = function (n) {
  this._maxListeners = n;
  return this;
};

EventEmitter.prototype.getMaxListeners = function () {
  return this._maxListeners === undefined ? EventEmitter.defaultMaxListeners : this._maxListeners;
};

EventEmitter.prototype.emit = function (type, a, b) {
  var list = events(this)[type];
  if (type === 'error' && (list === undefined || list.length === 0)) {
    var er = a;
    if (er instanceof Error) {
      throw er; // Unhandled 'error' event
    }
    var err = new Error('Unhandled error. (' + er + ')');
    err.code = 'ERR_UNHANDLED_ERROR';
    err.context = er;
    throw err;
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
  if (arguments.length === 0) {
    this._events = Object.create(null);
  } else {
    delete ev[type];
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

EventEmitter.prototype.listenerCount = function (type) {
  var list = events(this)[type];
  return list === undefined ? 0 : list.length;
};

EventEmitter.listenerCount = function (emitter, type) {
  return emitter.listenerCount(type);
};

EventEmitter.prototype.eventNames = function () {
  return Object.keys(events(this));
};

module.exports = EventEmitter;
