'use strict';
// url: the WHATWG URL and URLSearchParams (goja_nodejs's, in Go), Node's
// legacy parse, format and resolve as the npm package url 0.11.0 ports
// Node's lib/url.js (MIT, lib/node/vendor, with punycode 1.4.1), and Node
// 20's fileURLToPath, pathToFileURL, urlToHttpOptions and format(URL).

var whatwg = binding('url');
var legacy = require('./vendor/url/url.js');
var errors = require('./errors');
var codedError = errors.codedError;

var GoURL = whatwg.URL;

// URL is goja_nodejs's, with Node's 'Invalid URL' error (code
// ERR_INVALID_URL, input) and, fixed on a prototype over goja_nodejs's, hostname of an IPv6 host,
// origin with its port, and the toStringTag.
function URL(input, base) {
  if (!new.target) { throw new TypeError("Class constructor URL cannot be invoked without 'new'"); }
  try {
    var u = arguments.length < 2 || base === undefined ? new GoURL(input) : new GoURL(input, base);
    Object.setPrototypeOf(u, new.target.prototype);
    return u;
  } catch (e) {
    if (e && e.code === 'ERR_INVALID_URL') {
      var err = codedError(TypeError, 'ERR_INVALID_URL', 'Invalid URL');
      err.input = String(input);
      if (base !== undefined) { err.base = String(base); }
      throw err;
    }
    throw e;
  }
}
URL.prototype = Object.create(GoURL.prototype, {
  constructor: { value: URL, writable: true, configurable: true }
});
Object.getOwnPropertyNames(GoURL).forEach(function (k) {
  if (k !== 'prototype' && k !== 'length' && k !== 'name') {
    Object.defineProperty(URL, k, Object.getOwnPropertyDescriptor(GoURL, k));
  }
});
URL.canParse = function canParse(input, base) {
  try {
    if (base === undefined) { new GoURL(input); } else { new GoURL(input, base); }
    return true;
  } catch (e) {
    return false;
  }
};
var hostGetter = Object.getOwnPropertyDescriptor(GoURL.prototype, 'host').get;
var protocolGetter = Object.getOwnPropertyDescriptor(GoURL.prototype, 'protocol').get;
var hostnameDesc = Object.getOwnPropertyDescriptor(GoURL.prototype, 'hostname');
Object.defineProperty(URL.prototype, 'hostname', {
  get: function () {
    var host = hostGetter.call(this);
    if (host[0] === '[') { return host.slice(0, host.indexOf(']') + 1); }
    return host.replace(/:\d*$/, '');
  },
  set: hostnameDesc.set,
  enumerable: true,
  configurable: true
});
var special = { 'http:': true, 'https:': true, 'ws:': true, 'wss:': true, 'ftp:': true };
Object.defineProperty(URL.prototype, 'origin', {
  get: function () {
    var protocol = protocolGetter.call(this);
    return special[protocol] ? protocol + '//' + hostGetter.call(this) : 'null';
  },
  enumerable: true,
  configurable: true
});
Object.defineProperty(URL.prototype, Symbol.toStringTag, { value: 'URL', configurable: true });

function isURL(v) { return v instanceof URL; }

function format(urlObject, options) {
  if (isURL(urlObject)) {
    var fragment = true, unicode = false, search = true, auth = true;
    if (options !== undefined) {
      errors.validateObject(options, 'options');
      if (options.fragment !== undefined) { fragment = Boolean(options.fragment); }
      if (options.unicode !== undefined) { unicode = Boolean(options.unicode); }
      if (options.search !== undefined) { search = Boolean(options.search); }
      if (options.auth !== undefined) { auth = Boolean(options.auth); }
    }
    var u = urlObject;
    var host = u.host;
    if (unicode && u.hostname) { host = host.replace(u.hostname, whatwg.domainToUnicode(u.hostname)); }
    var href = u.protocol;
    if (host !== '' || u.protocol === 'file:') { href += '//'; }
    if (auth && (u.username || u.password)) { href += u.username + (u.password ? ':' + u.password : '') + '@'; }
    href += host + u.pathname;
    if (search) { href += u.search; }
    if (fragment) { href += u.hash; }
    return href;
  }
  if (typeof urlObject !== 'string' && (urlObject === null || typeof urlObject !== 'object')) {
    throw errors.invalidArgType('urlObject', ['Object', 'string'], urlObject);
  }
  return legacy.format(urlObject);
}

function parse(url, parseQueryString, slashesDenoteHost) {
  if (typeof url !== 'string') { throw errors.invalidArgType('url', 'string', url); }
  return legacy.parse(url, parseQueryString, slashesDenoteHost);
}

function fileURLToPath(path) {
  if (typeof path === 'string') {
    path = new URL(path);
  } else if (!isURL(path)) {
    throw errors.invalidArgType('path', ['string', 'URL'], path);
  }
  if (path.protocol !== 'file:') {
    throw codedError(TypeError, 'ERR_INVALID_URL_SCHEME', 'The URL must be of scheme file');
  }
  if (path.hostname !== '') {
    throw codedError(TypeError, 'ERR_INVALID_FILE_URL_HOST', 'File URL host must be "localhost" or empty on linux');
  }
  var pathname = path.pathname;
  for (var n = 0; n < pathname.length; n++) {
    if (pathname[n] === '%') {
      var third = pathname.codePointAt(n + 2) | 0x20;
      if (pathname[n + 1] === '2' && third === 102) {
        throw codedError(TypeError, 'ERR_INVALID_FILE_URL_PATH', 'File URL path must not include encoded / characters');
      }
    }
  }
  return decodeURIComponent(pathname);
}

function pathToFileURL(filepath) {
  errors.validateString(filepath, 'path');
  var resolved = require('path').resolve(filepath);
  if (filepath.charCodeAt(filepath.length - 1) === 47 && resolved[resolved.length - 1] !== '/') { resolved += '/'; }
  resolved = resolved.replace(/%/g, '%25').replace(/\\/g, '%5C').replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/\t/g, '%09');
  // the path percent-encode set, as URL's pathname setter applies it
  resolved = resolved.replace(/[\x00-\x20"#<>?`{}\x7f]/g, function (c) {
    return '%' + (c.charCodeAt(0) < 16 ? '0' : '') + c.charCodeAt(0).toString(16).toUpperCase();
  });
  return new URL('file://' + encodeURI(resolved).replace(/%25([0-9A-F]{2})/g, '%$1'));
}

function urlToHttpOptions(url) {
  var options = {
    __proto__: null,
    protocol: url.protocol,
    hostname: typeof url.hostname === 'string' && url.hostname[0] === '[' ? url.hostname.slice(1, -1) : url.hostname,
    hash: url.hash,
    search: url.search,
    pathname: url.pathname,
    path: (url.pathname || '') + (url.search || ''),
    href: url.href
  };
  if (url.port !== '') { options.port = Number(url.port); }
  if (url.username || url.password) {
    options.auth = decodeURIComponent(url.username) + ':' + decodeURIComponent(url.password);
  }
  return options;
}

exports.Url = legacy.Url;
exports.parse = parse;
exports.resolve = legacy.resolve;
exports.resolveObject = legacy.resolveObject;
exports.format = format;
exports.URL = URL;
exports.URLSearchParams = whatwg.URLSearchParams;
exports.domainToASCII = whatwg.domainToASCII;
exports.domainToUnicode = whatwg.domainToUnicode;
exports.pathToFileURL = pathToFileURL;
exports.fileURLToPath = fileURLToPath;
exports.urlToHttpOptions = urlToHttpOptions;
