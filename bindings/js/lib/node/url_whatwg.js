'use strict';
// url_whatwg: URL and URLSearchParams are the WHATWG URL Standard as the npm package
// whatwg-url 7.1.0 implements it (jsdom's; vendored, MIT, with
// webidl-conversions 4.0.2, BSD-2-Clause; IDNA by golang.org/x/net/idna in
// place of tr46's table), with Node's errors (ERR_INVALID_URL 'Invalid URL'
// with input, ERR_MISSING_ARGS), URL.canParse, and util.inspect's view.
var errors = require('./errors');
var codedError = errors.codedError;
var whatwgURL = require('./vendor/whatwg-url/lib/public-api.js');
var WhatwgURL = whatwgURL.URL;
var URLSearchParams = whatwgURL.URLSearchParams;

// Node's checks over webidl2js's: ERR_INVALID_THIS where it says 'Illegal
// invocation', ERR_MISSING_ARGS where it says 'N arguments required'.
function missingArgs(names) {
  var list = names.map(function (n) { return '"' + n + '"'; });
  var what = list.length === 1 ? 'The ' + list[0] + ' argument' :
    'The ' + list.slice(0, -1).join(', ') + ' and ' + list[list.length - 1] + ' arguments';
  return codedError(TypeError, 'ERR_MISSING_ARGS', what + ' must be specified');
}
function paramNames(f) {
  var m = /^[^(]*\(([^)]*)\)/.exec(Function.prototype.toString.call(f));
  return m ? m[1].split(',').map(function (x) { return x.trim().replace(/\s*=.*$/, ''); }).filter(Boolean) : [];
}
function guardThis(proto, is, name) {
  function check(self) {
    if (!is(self)) { throw codedError(TypeError, 'ERR_INVALID_THIS', 'Value of "this" must be of type ' + name); }
  }
  Reflect.ownKeys(proto).forEach(function (key) {
    if (key === 'constructor') { return; }
    var d = Object.getOwnPropertyDescriptor(proto, key);
    if (!d.configurable) { return; }
    if (typeof d.value === 'function') {
      var f = d.value;
      var names = paramNames(f);
      d.value = { [f.name]: function () {
        check(this);
        if (arguments.length < f.length) { throw missingArgs(names.slice(0, f.length)); }
        return f.apply(this, arguments);
      } }[f.name];
      Object.defineProperty(d.value, 'length', { value: f.length });
    } else {
      if (d.get) {
        var g = d.get;
        d.get = { ['get ' + String(key)]: function () { check(this); return g.call(this); } }['get ' + String(key)];
      }
      if (d.set) {
        var st = d.set;
        d.set = { ['set ' + String(key)]: function (v) { check(this); return st.call(this, v); } }['set ' + String(key)];
      }
    }
    Object.defineProperty(proto, key, d);
  });
}
var whatwgUtils = require('./vendor/whatwg-url/lib/utils.js');
var isSearchParams = require('./vendor/whatwg-url/lib/URLSearchParams.js').is;
guardThis(WhatwgURL.prototype, require('./vendor/whatwg-url/lib/URL.js').is, 'URL');
guardThis(URLSearchParams.prototype, isSearchParams, 'URLSearchParams');
var searchParamsIterator = Object.getPrototypeOf(new URLSearchParams().entries());
guardThis(searchParamsIterator, function (self) {
  return self !== null && typeof self === 'object' && self[whatwgUtils.iterInternalSymbol] !== undefined;
}, 'URLSearchParamsIterator');

// new URLSearchParams(null) is empty, as in Node (webidl2js reads "null").
var WhatwgSearchParams = URLSearchParams;
URLSearchParams = function URLSearchParams(init) {
  if (!new.target) { throw new TypeError("Class constructor URLSearchParams cannot be invoked without 'new'"); }
  var args = arguments.length === 0 || init === null || init === undefined ? [] : [init];
  return Reflect.construct(WhatwgSearchParams, args, new.target === URLSearchParams ? WhatwgSearchParams : new.target);
};
URLSearchParams.prototype = WhatwgSearchParams.prototype;
Object.defineProperty(WhatwgSearchParams.prototype, 'constructor', { value: URLSearchParams, writable: true, configurable: true });

function invalidURL(input, base) {
  var err = codedError(TypeError, 'ERR_INVALID_URL', 'Invalid URL');
  err.input = String(input);
  if (base !== undefined) { err.base = String(base); }
  return err;
}

class URL extends WhatwgURL {
  constructor(input, base) {
    if (arguments.length === 0) {
      throw codedError(TypeError, 'ERR_MISSING_ARGS', 'The "url" argument must be specified');
    }
    try {
      if (base === undefined) { super(input); } else { super(input, base); }
    } catch (e) {
      if (e instanceof TypeError && /^Invalid (base )?URL/.test(e.message)) { throw invalidURL(input, base); }
      throw e;
    }
  }

  static revokeObjectURL(url) {
    if (arguments.length === 0) { throw codedError(TypeError, 'ERR_MISSING_ARGS', 'The "url" argument must be specified'); }
  }

  static createObjectURL() {
    throw errors.notImplemented('URL.createObjectURL()');
  }

  static canParse(input, base) {
    return whatwgURL.parseURL(String(input), base === undefined ? undefined : { baseURL: whatwgURL.parseURL(String(base)) }) !== null &&
      (base === undefined || whatwgURL.parseURL(String(base)) !== null);
  }
}
Object.defineProperty(URL.prototype, Symbol.toStringTag, { value: 'URL', configurable: true });
var hrefSetter = Object.getOwnPropertyDescriptor(WhatwgURL.prototype, 'href').set;
Object.defineProperty(URL.prototype, 'href', {
  get: Object.getOwnPropertyDescriptor(WhatwgURL.prototype, 'href').get,
  set: function (v) {
    try {
      hrefSetter.call(this, v);
    } catch (e) {
      if (e instanceof TypeError && /^Invalid URL/.test(e.message)) { throw invalidURL(v); }
      throw e;
    }
  },
  enumerable: true,
  configurable: true
});

// util.inspect shows a URL and a URLSearchParams as Node does.
var inspectCustom = Symbol.for('nodejs.util.inspect.custom');
Object.defineProperty(URL.prototype, inspectCustom, {
  value: function (depth, opts) {
    if (typeof depth === 'number' && depth < 0) { return this; }
    var obj = {
      href: this.href, origin: this.origin, protocol: this.protocol, username: this.username, password: this.password,
      host: this.host, hostname: this.hostname, port: this.port, pathname: this.pathname, search: this.search,
      searchParams: this.searchParams, hash: this.hash
    };
    return 'URL ' + require('util').inspect(obj, opts);
  },
  configurable: true,
  writable: true
});
// size (Node 19.8 and later; the standard since 2023)
Object.defineProperty(URLSearchParams.prototype, 'size', {
  get: function () {
    var n = 0;
    var it = this.entries();
    for (var e = it.next(); !e.done; e = it.next()) { n++; }
    return n;
  },
  enumerable: true,
  configurable: true
});
Object.defineProperty(URLSearchParams.prototype, inspectCustom, {
  value: function (depth, opts) {
    if (typeof depth === 'number' && depth < 0) { return '[Object]'; }
    var inspect = require('util').inspect;
    var parts = [];
    var it = this.entries();
    for (var e = it.next(); !e.done; e = it.next()) { parts.push(inspect(e.value[0], opts) + ' => ' + inspect(e.value[1], opts)); }
    if (parts.length === 0) { return 'URLSearchParams {}'; }
    var one = 'URLSearchParams { ' + parts.join(', ') + ' }';
    var breakLength = opts && typeof opts.breakLength === 'number' ? opts.breakLength : 80;
    if (one.length <= breakLength) { return one; }
    return 'URLSearchParams {\n  ' + parts.join(',\n  ') + ' }';
  },
  configurable: true,
  writable: true
});

exports.URL = URL;
exports.URLSearchParams = URLSearchParams;
