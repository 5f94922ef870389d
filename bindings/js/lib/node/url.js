'use strict';
// url: the WHATWG URL and URLSearchParams, Node's legacy parse, format and
// resolve as the npm package url 0.11.0 ports
// Node's lib/url.js (MIT, lib/node/vendor, with punycode 1.4.1), and Node
// 20's fileURLToPath, pathToFileURL, urlToHttpOptions and format(URL).

var native = binding('url');
var legacy = require('./vendor/url/url.js');
var errors = require('./errors');
var codedError = errors.codedError;

// URL and URLSearchParams (lib/node/url_whatwg.js) are loaded when first
// asked for: a script that only parses URLs the legacy way does not pay for
// them.
var whatwgCache = null;
function whatwg() {
  if (whatwgCache === null) { whatwgCache = require('./url_whatwg'); }
  return whatwgCache;
}

function domainToASCII(domain) {
  if (arguments.length < 1) { throw codedError(TypeError, 'ERR_MISSING_ARGS', 'The "domain" argument must be specified'); }
  return native.idnaToASCII(String(domain), false, false) || '';
}

function domainToUnicode(domain) {
  if (arguments.length < 1) { throw codedError(TypeError, 'ERR_MISSING_ARGS', 'The "domain" argument must be specified'); }
  var ascii = native.idnaToASCII(String(domain), false, false);
  return ascii === null ? '' : native.idnaToUnicode(ascii);
}

function isURL(v) { return whatwgCache !== null && v instanceof whatwgCache.URL; }

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
    if (unicode && u.hostname) { host = host.replace(u.hostname, domainToUnicode(u.hostname)); }
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
    path = new (whatwg().URL)(path);
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
  return new (whatwg().URL)('file://' + encodeURI(resolved).replace(/%25([0-9A-F]{2})/g, '%$1'));
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
Object.defineProperty(exports, 'URL', { get: function () { return whatwg().URL; }, enumerable: true, configurable: true });
Object.defineProperty(exports, 'URLSearchParams', { get: function () { return whatwg().URLSearchParams; }, enumerable: true, configurable: true });
exports.domainToASCII = domainToASCII;
exports.domainToUnicode = domainToUnicode;
exports.pathToFileURL = pathToFileURL;
exports.fileURLToPath = fileURLToPath;
exports.urlToHttpOptions = urlToHttpOptions;
