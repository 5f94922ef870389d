'use strict';
// The globals node has and goja lacks: global, Symbol.asyncIterator,
// queueMicrotask, structuredClone, DOMException, Event, EventTarget,
// CustomEvent, AbortController, AbortSignal (lib/web.js), and TextEncoder, TextDecoder, URL,
// URLSearchParams, atob and btoa from their built-in modules when first
// used; and V8's Error.captureStackTrace, Object.prototype.__defineGetter__
// and friends, WeakRef and FinalizationRegistry. Called with the host's Go
// functions (globals.go).
(function (native) {
  function define(obj, name, value) {
    Object.defineProperty(obj, name, { value: value, writable: true, configurable: true, enumerable: false });
  }
  function argType(name, what, value) {
    return native.error('TypeError', 'ERR_INVALID_ARG_TYPE', 'The "' + name + '" argument must be ' + what + '. Received ' + native.describe(value));
  }

  define(globalThis, 'global', globalThis);

  // Symbol.asyncIterator, which goja lacks: the symbol esbuild's lowered
  // async generators and for await fall back to, so that an iterator made
  // by either is found by the other.
  if (typeof Symbol.asyncIterator !== 'symbol') {
    Object.defineProperty(Symbol, 'asyncIterator', { value: Symbol.for('Symbol.asyncIterator') });
  }

  define(globalThis, 'queueMicrotask', function queueMicrotask(callback) {
    if (typeof callback !== 'function') { throw argType('callback', 'of type function', callback); }
    Promise.resolve().then(function () { callback(); });
  });

  // The web platform's globals (lib/web.js), made when first used.
  var web;
  ['DOMException', 'structuredClone', 'Event', 'CustomEvent', 'EventTarget', 'AbortSignal', 'AbortController'].forEach(function (name) {
    Object.defineProperty(globalThis, name, {
      get: function () {
        if (web === undefined) {
          web = native.web();
          Object.keys(web).forEach(function (n) {
            if (Object.getOwnPropertyDescriptor(globalThis, n).get) { define(globalThis, n, web[n]); }
          });
        }
        return web[name];
      },
      set: function (v) { define(globalThis, name, v); },
      configurable: true,
      enumerable: false
    });
  });

  // The globals that are a built-in module's: looked up when first used
  // (start-up loads none of these modules), undefined where the host has
  // no such module; a script may assign them.
  [['TextEncoder', 'util'], ['TextDecoder', 'util'], ['URL', 'url'], ['URLSearchParams', 'url'],
    ['atob', 'buffer'], ['btoa', 'buffer'], ['Blob', 'buffer']].forEach(function (g) {
    var name = g[0], module = g[1];
    Object.defineProperty(globalThis, name, {
      get: function () {
        var m = native.builtin(module);
        var v = m ? m[name] : undefined;
        if (v !== undefined) { define(globalThis, name, v); }
        return v;
      },
      set: function (v) { define(globalThis, name, v); },
      configurable: true,
      enumerable: false
    });
  });

  // V8's Error.captureStackTrace(obj[, fn]): obj.stack, the stack here
  // (above the frame of fn, when given) under obj's name and message, or
  // what Error.prepareStackTrace(obj, callSites) makes of V8's CallSite
  // objects, as packages that find their caller (depd, callsites) use.
  if (typeof Error.captureStackTrace !== 'function') {
    var CallSite = function CallSite(f) { this._f = f; };
    var site = CallSite.prototype;
    site.getFileName = function () { return this._f.native ? undefined : this._f.file; };
    site.getScriptNameOrSourceURL = site.getFileName;
    site.getLineNumber = function () { return this._f.native ? null : this._f.line; };
    site.getColumnNumber = function () { return this._f.native ? null : this._f.column; };
    site.getFunctionName = function () { return this._f.name || null; };
    site.getMethodName = function () { return null; };
    site.getTypeName = function () { return null; };
    site.getThis = function () { return undefined; };
    site.getFunction = function () { return undefined; };
    site.getEvalOrigin = function () { return undefined; };
    site.isNative = function () { return this._f.native; };
    site.isToplevel = function () { return !this._f.name; };
    site.isEval = function () { return false; };
    site.isConstructor = function () { return false; };
    site.isAsync = function () { return false; };
    site.isPromiseAll = function () { return false; };
    site.getPromiseIndex = function () { return null; };
    site.toString = function () {
      var f = this._f;
      var where = f.native ? 'native' : f.file + ':' + f.line + ':' + f.column;
      return f.name ? f.name + ' (' + where + ')' : where;
    };
    define(Error, 'captureStackTrace', function captureStackTrace(obj, fn) {
      if (obj === null || (typeof obj !== 'object' && typeof obj !== 'function')) {
        throw argType('object', 'of type object', obj);
      }
      var frames = native.callSites(); // the caller's frame first
      if (typeof fn === 'function' && fn.name) {
        for (var i = 0; i < frames.length; i++) {
          if (frames[i].name === fn.name) { frames = frames.slice(i + 1); break; }
        }
      }
      var limit = Error.stackTraceLimit;
      if (typeof limit === 'number' && limit >= 0) { frames = frames.slice(0, limit); }
      var stack;
      if (typeof Error.prepareStackTrace === 'function') {
        stack = Error.prepareStackTrace(obj, frames.map(function (f) { return new CallSite(f); }));
      } else {
        var header;
        try { header = Error.prototype.toString.call(obj); } catch (e) { header = 'Error'; }
        stack = header + frames.map(function (f) { return '\n    at ' + CallSite.prototype.toString.call({ _f: f }); }).join('');
      }
      Object.defineProperty(obj, 'stack', { value: stack, writable: true, configurable: true, enumerable: false });
    });
    if (!('stackTraceLimit' in Error)) { Error.stackTraceLimit = 10; }
  }

  // Object.prototype.__defineGetter__ and friends (Annex B).
  if (typeof Object.prototype.__defineGetter__ !== 'function') {
    define(Object.prototype, '__defineGetter__', function __defineGetter__(name, getter) {
      if (typeof getter !== 'function') { throw new TypeError('Object.prototype.__defineGetter__: Expecting function'); }
      Object.defineProperty(Object(this), name, { get: getter, enumerable: true, configurable: true });
    });
    define(Object.prototype, '__defineSetter__', function __defineSetter__(name, setter) {
      if (typeof setter !== 'function') { throw new TypeError('Object.prototype.__defineSetter__: Expecting function'); }
      Object.defineProperty(Object(this), name, { set: setter, enumerable: true, configurable: true });
    });
    var lookup = function (kind) {
      return function (name) {
        for (var o = Object(this); o !== null; o = Object.getPrototypeOf(o)) {
          var d = Object.getOwnPropertyDescriptor(o, name);
          if (d) { return d[kind]; }
        }
        return undefined;
      };
    };
    define(Object.prototype, '__lookupGetter__', lookup('get'));
    define(Object.prototype, '__lookupSetter__', lookup('set'));
  }

  // WeakRef and FinalizationRegistry: a reference the collector never
  // clears and a registry it never calls back are what the specification
  // allows (collection is never guaranteed).
  if (typeof WeakRef !== 'function') {
    var targets = new WeakMap();
    class WeakRef {
      constructor(target) {
        if (target === null || (typeof target !== 'object' && typeof target !== 'function')) {
          throw new TypeError('WeakRef: target must be an object');
        }
        targets.set(this, target);
      }
      deref() { return targets.get(this); }
    }
    Object.defineProperty(WeakRef.prototype, Symbol.toStringTag, { value: 'WeakRef', configurable: true });
    define(globalThis, 'WeakRef', WeakRef);
  }
  if (typeof FinalizationRegistry !== 'function') {
    class FinalizationRegistry {
      constructor(cleanup) {
        if (typeof cleanup !== 'function') { throw new TypeError('FinalizationRegistry: cleanup must be callable'); }
      }
      register(target) {
        if (target === null || (typeof target !== 'object' && typeof target !== 'function')) {
          throw new TypeError('FinalizationRegistry.prototype.register: invalid target');
        }
      }
      unregister() { return false; }
    }
    Object.defineProperty(FinalizationRegistry.prototype, Symbol.toStringTag, { value: 'FinalizationRegistry', configurable: true });
    define(globalThis, 'FinalizationRegistry', FinalizationRegistry);
  }
})
