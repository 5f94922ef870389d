'use strict';
// The web platform's globals that node has: DOMException, structuredClone,
// Event, CustomEvent, EventTarget, AbortSignal and AbortController. Made
// when a script first uses one of them (lib/globals.js); called with the
// host's Go functions, returns them.
(function (native) {
  function define(obj, name, value) {
    Object.defineProperty(obj, name, { value: value, writable: true, configurable: true, enumerable: false });
  }
  function argType(name, what, value) {
    return native.error('TypeError', 'ERR_INVALID_ARG_TYPE', 'The "' + name + '" argument must be ' + what + '. Received ' + native.describe(value));
  }

  // DOMException, as node's (the legacy codes of the names it uses).
  var codes = {
    IndexSizeError: 1, HierarchyRequestError: 3, WrongDocumentError: 4, InvalidCharacterError: 5, NoModificationAllowedError: 7,
    NotFoundError: 8, NotSupportedError: 9, InvalidStateError: 11, SyntaxError: 12, InvalidModificationError: 13,
    NamespaceError: 14, InvalidAccessError: 15, TypeMismatchError: 17, SecurityError: 18, NetworkError: 19, AbortError: 20,
    URLMismatchError: 21, QuotaExceededError: 22, TimeoutError: 23, InvalidNodeTypeError: 24, DataCloneError: 25
  };
  class DOMException extends Error {
    constructor(message, options) {
      super(message === undefined ? '' : String(message));
      var name = 'Error';
      if (options !== null && typeof options === 'object') {
        if ('name' in options) { name = String(options.name); }
        if ('cause' in options) { define(this, 'cause', options.cause); }
      } else if (options !== undefined) {
        name = String(options);
      }
      define(this, 'name', name);
      define(this, 'code', codes[name] || 0);
    }
  }
  Object.keys(codes).forEach(function (name) {
    var constant = name.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase().replace(/_ERROR$/, '_ERR');
    Object.defineProperty(DOMException, constant, { value: codes[name], enumerable: true });
  });

  // structuredClone: the HTML structured clone of plain data (objects,
  // arrays, Date, RegExp, Map, Set, ArrayBuffer and views, errors, boxed
  // primitives), cycles kept; functions and symbols are DataCloneError.
  function structuredClone(value, options) {
    if (arguments.length === 0) {
      throw native.error('TypeError', 'ERR_MISSING_ARGS', 'The value argument must be specified');
    }
    var seen = new Map();
    function fail(v) {
      var s;
      try { s = typeof v === 'symbol' ? v.toString() : String(v); } catch (e) { s = Object.prototype.toString.call(v); }
      return new DOMException(s + ' could not be cloned.', 'DataCloneError');
    }
    function clone(v) {
      if (typeof v === 'function' || typeof v === 'symbol') { throw fail(v); }
      if (v === null || typeof v !== 'object') { return v; }
      if (seen.has(v)) { return seen.get(v); }
      var out;
      var tag = Object.prototype.toString.call(v);
      if (v instanceof Date) {
        out = new Date(v.getTime());
      } else if (v instanceof RegExp) {
        out = new RegExp(v.source, v.flags);
      } else if (v instanceof ArrayBuffer) {
        out = v.slice(0);
      } else if (ArrayBuffer.isView(v)) {
        var buf = clone(v.buffer);
        // A Buffer is cloned as the Uint8Array it is, as in node.
        out = v instanceof DataView ? new DataView(buf, v.byteOffset, v.byteLength) : new globalThis[tag.slice(8, -1)](buf, v.byteOffset, v.length);
      } else if (v instanceof Map) {
        out = new Map();
        seen.set(v, out);
        v.forEach(function (val, key) { out.set(clone(key), clone(val)); });
        return out;
      } else if (v instanceof Set) {
        out = new Set();
        seen.set(v, out);
        v.forEach(function (val) { out.add(clone(val)); });
        return out;
      } else if (v instanceof Error) {
        var ctors = { EvalError: EvalError, RangeError: RangeError, ReferenceError: ReferenceError, SyntaxError: SyntaxError, TypeError: TypeError, URIError: URIError };
        var E = ctors[v.name] || Error;
        out = new E(v.message);
        if (v.stack !== undefined) { define(out, 'stack', String(v.stack)); }
        if ('cause' in v) { define(out, 'cause', clone(v.cause)); }
        seen.set(v, out);
        return out;
      } else if (tag === '[object Boolean]' || tag === '[object Number]' || tag === '[object String]' || tag === '[object BigInt]') {
        out = Object(v.valueOf());
      } else if (v instanceof WeakMap || v instanceof WeakSet || v instanceof Promise || tag === '[object Symbol]') {
        throw fail(v);
      } else if (Array.isArray(v)) {
        out = new Array(v.length);
        seen.set(v, out);
        Object.keys(v).forEach(function (k) { out[k] = clone(v[k]); });
        return out;
      } else {
        out = {};
        seen.set(v, out);
        Object.keys(v).forEach(function (k) { out[k] = clone(v[k]); });
        return out;
      }
      seen.set(v, out);
      return out;
    }
    if (options !== undefined && options !== null && typeof options !== 'object') {
      throw argType('options', 'of type object', options);
    }
    return clone(value);
  }

  // Event and EventTarget, as node's (lib/internal/event_target.js): no
  // bubbling; a listener's throw is an uncaught exception, after the
  // dispatch.
  var kStop = Symbol('kStop');
  class Event {
    constructor(type, options) {
      if (arguments.length === 0) { throw native.error('TypeError', 'ERR_MISSING_ARGS', 'The "type" argument must be specified'); }
      if (options !== undefined && options !== null && typeof options !== 'object') {
        throw argType('options', 'of type object', options);
      }
      var o = options || {};
      define(this, '_type', String(type));
      define(this, '_cancelable', !!o.cancelable);
      define(this, '_bubbles', !!o.bubbles);
      define(this, '_composed', !!o.composed);
      define(this, '_defaultPrevented', false);
      define(this, '_timeStamp', native.now());
      define(this, '_target', null);
      define(this, '_current', null);
      define(this, kStop, false);
      define(this, '_propagationStopped', false);
    }
    get type() { return this._type; }
    get cancelable() { return this._cancelable; }
    get bubbles() { return this._bubbles; }
    get composed() { return this._composed; }
    get defaultPrevented() { return this._cancelable && this._defaultPrevented; }
    get returnValue() { return !this.defaultPrevented; }
    get timeStamp() { return this._timeStamp; }
    get target() { return this._target; }
    get currentTarget() { return this._current; }
    get srcElement() { return this._target; }
    get eventPhase() { return this._current ? Event.AT_TARGET : Event.NONE; }
    get isTrusted() { return false; }
    get cancelBubble() { return this._propagationStopped; }
    set cancelBubble(v) { if (v) { this.stopPropagation(); } }
    composedPath() { return this._current ? [this._current] : []; }
    preventDefault() { this._defaultPrevented = true; }
    stopPropagation() { this._propagationStopped = true; }
    stopImmediatePropagation() { this[kStop] = true; this._propagationStopped = true; }
  }
  Object.defineProperty(Event.prototype, Symbol.toStringTag, { value: 'Event', configurable: true });
  [['NONE', 0], ['CAPTURING_PHASE', 1], ['AT_TARGET', 2], ['BUBBLING_PHASE', 3]].forEach(function (c) {
    Object.defineProperty(Event, c[0], { value: c[1], enumerable: true });
    Object.defineProperty(Event.prototype, c[0], { value: c[1], enumerable: true });
  });

  class CustomEvent extends Event {
    constructor(type, options) {
      super(type, options);
      define(this, '_detail', options && options.detail !== undefined ? options.detail : null);
    }
    get detail() { return this._detail; }
  }

  var kListeners = Symbol('kListeners');
  function listenersOf(target, type) {
    if (!target[kListeners]) { define(target, kListeners, new Map()); }
    var m = target[kListeners];
    if (!m.has(type)) { m.set(type, []); }
    return m.get(type);
  }
  function flags(options) {
    if (typeof options === 'boolean') { return { capture: options }; }
    return options && typeof options === 'object' ? options : {};
  }
  class EventTarget {
    addEventListener(type, listener, options) {
      if (arguments.length < 2) {
        throw native.error('TypeError', 'ERR_MISSING_ARGS', 'The "type" and "listener" arguments must be specified');
      }
      var o = flags(options);
      if (listener === null || listener === undefined) {
        process.emitWarning('addEventListener called with ' + listener + ' which has no effect.', 'AddEventListenerArgumentTypeWarning');
        return;
      }
      if (typeof listener !== 'function' && (typeof listener !== 'object' || listener === null)) {
        throw argType('listener', 'an instance of EventListener', listener);
      }
      var signal = o.signal;
      if (signal && signal.aborted) { return; }
      type = String(type);
      var list = listenersOf(this, type);
      var capture = !!o.capture;
      for (var i = 0; i < list.length; i++) {
        if (list[i].listener === listener && list[i].capture === capture) { return; }
      }
      var entry = { listener: listener, capture: capture, once: !!o.once, removed: false };
      list.push(entry);
      var self = this;
      if (signal) {
        signal.addEventListener('abort', function () { self.removeEventListener(type, listener, { capture: capture }); }, { once: true });
      }
    }
    removeEventListener(type, listener, options) {
      var capture = !!flags(options).capture;
      var list = this[kListeners] && this[kListeners].get(String(type));
      if (!list) { return; }
      for (var i = 0; i < list.length; i++) {
        if (list[i].listener === listener && list[i].capture === capture) {
          list[i].removed = true;
          list.splice(i, 1);
          return;
        }
      }
    }
    dispatchEvent(event) {
      if (!(event instanceof Event)) { throw argType('event', 'an instance of Event', event); }
      if (event._target !== null) {
        throw native.error('Error', 'ERR_EVENT_RECURSION', 'The event "' + event.type + '" is already being dispatched');
      }
      event._target = this;
      event._current = this;
      var list = this[kListeners] && this[kListeners].get(event.type);
      var entries = list ? list.slice() : [];
      for (var i = 0; i < entries.length && !event[kStop]; i++) {
        var e = entries[i];
        if (e.removed) { continue; }
        if (e.once) { this.removeEventListener(event.type, e.listener, { capture: e.capture }); }
        try {
          if (typeof e.listener === 'function') {
            var r = e.listener.call(this, event);
            if (r && typeof r.then === 'function') { r.then(undefined, uncaught); }
          } else if (typeof e.listener.handleEvent === 'function') {
            e.listener.handleEvent(event);
          }
        } catch (err) {
          uncaught(err);
        }
      }
      event._current = null;
      return !event.defaultPrevented;
    }
  }
  Object.defineProperty(EventTarget.prototype, Symbol.toStringTag, { value: 'EventTarget', configurable: true });
  function uncaught(err) {
    process.nextTick(function () { throw err; });
  }
  // on<event> handler attributes (signal.onabort).
  function defineHandler(proto, type) {
    var kHandler = Symbol('on' + type);
    Object.defineProperty(proto, 'on' + type, {
      get: function () { return this[kHandler] ? this[kHandler].fn : null; },
      set: function (fn) {
        if (this[kHandler]) { this.removeEventListener(type, this[kHandler].wrapper); this[kHandler] = undefined; }
        if (typeof fn === 'function' || (fn !== null && typeof fn === 'object')) {
          var self = this;
          var wrapper = function (event) { return typeof fn === 'function' ? fn.call(self, event) : undefined; };
          define(this, kHandler, { fn: fn, wrapper: wrapper });
          this.addEventListener(type, wrapper);
        }
      },
      configurable: true,
      enumerable: true
    });
  }

  // AbortController and AbortSignal.
  var kCreate = Symbol('kCreate');
  class AbortSignal extends EventTarget {
    constructor(key) {
      if (key !== kCreate) { throw native.error('TypeError', 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor'); }
      super();
      define(this, '_aborted', false);
      define(this, '_reason', undefined);
    }
    get aborted() { return this._aborted; }
    get reason() { return this._reason; }
    throwIfAborted() { if (this._aborted) { throw this._reason; } }
    static abort(reason) {
      var s = new AbortSignal(kCreate);
      s._aborted = true;
      s._reason = reason === undefined ? new DOMException('This operation was aborted', 'AbortError') : reason;
      return s;
    }
    static timeout(delay) {
      if (typeof delay !== 'number') { throw argType('delay', 'of type number', delay); }
      var s = new AbortSignal(kCreate);
      var t = setTimeout(function () {
        abortSignal(s, new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
      }, delay);
      if (t && typeof t.unref === 'function') { t.unref(); }
      return s;
    }
    static any(signals) {
      var s = new AbortSignal(kCreate);
      for (var i = 0; i < signals.length; i++) {
        if (signals[i].aborted) {
          s._aborted = true;
          s._reason = signals[i].reason;
          return s;
        }
      }
      Array.prototype.forEach.call(signals, function (sig) {
        sig.addEventListener('abort', function () { abortSignal(s, sig.reason); }, { once: true });
      });
      return s;
    }
  }
  Object.defineProperty(AbortSignal.prototype, Symbol.toStringTag, { value: 'AbortSignal', configurable: true });
  defineHandler(AbortSignal.prototype, 'abort');
  function abortSignal(signal, reason) {
    if (signal._aborted) { return; }
    signal._aborted = true;
    signal._reason = reason;
    signal.dispatchEvent(new Event('abort'));
  }
  class AbortController {
    constructor() { define(this, '_signal', new AbortSignal(kCreate)); }
    get signal() { return this._signal; }
    abort(reason) {
      abortSignal(this._signal, reason === undefined ? new DOMException('This operation was aborted', 'AbortError') : reason);
    }
  }
  Object.defineProperty(AbortController.prototype, Symbol.toStringTag, { value: 'AbortController', configurable: true });


  return {
    DOMException: DOMException, structuredClone: structuredClone, Event: Event, CustomEvent: CustomEvent,
    EventTarget: EventTarget, AbortSignal: AbortSignal, AbortController: AbortController
  };
})
