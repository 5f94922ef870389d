'use strict';
// querystring: Node 20's querystring as documented: parse (an object
// without prototype, maxKeys, a custom decodeURIComponent), stringify,
// escape, unescape and unescapeBuffer. (The npm ports are of older Nodes:
// they throw on a malformed escape and ignore the custom decoder.)

// escape is Node's qsEscape: UTF-8 percent-encoding of all but
// A-Z a-z 0-9 - . _ ~ ! ' ( ) *; a high surrogate takes the next code unit
// as its pair whatever it is, and one at the end is ERR_INVALID_URI.
var hexTable = [];
for (var h = 0; h < 256; h++) { hexTable.push('%' + (h < 16 ? '0' : '') + h.toString(16).toUpperCase()); }
var noEscape = /[A-Za-z0-9\-._~!'()*]/;
function escape(str) {
  if (typeof str !== 'string') {
    if (typeof str === 'object') { str = String(str); } else { str += ''; }
  }
  var out = '';
  for (var i = 0; i < str.length; i++) {
    var c = str.charCodeAt(i);
    if (c < 0x80) {
      out += noEscape.test(str[i]) ? str[i] : hexTable[c];
    } else if (c < 0x800) {
      out += hexTable[0xC0 | (c >> 6)] + hexTable[0x80 | (c & 0x3F)];
    } else if (c < 0xD800 || c >= 0xE000) {
      out += hexTable[0xE0 | (c >> 12)] + hexTable[0x80 | ((c >> 6) & 0x3F)] + hexTable[0x80 | (c & 0x3F)];
    } else {
      ++i;
      if (i >= str.length) {
        var err = new URIError('URI malformed');
        err.code = 'ERR_INVALID_URI';
        throw err;
      }
      var c2 = str.charCodeAt(i) & 0x3FF;
      c = 0x10000 + (((c & 0x3FF) << 10) | c2);
      out += hexTable[0xF0 | (c >> 18)] + hexTable[0x80 | ((c >> 12) & 0x3F)] + hexTable[0x80 | ((c >> 6) & 0x3F)] + hexTable[0x80 | (c & 0x3F)];
    }
  }
  return out;
}

function unescapeBuffer(s, decodeSpaces) {
  var out = Buffer.alloc(s.length);
  var n = 0;
  for (var i = 0; i < s.length; i++) {
    var c = s.charCodeAt(i);
    if (c === 43 && decodeSpaces) {
      out[n++] = 32;
    } else if (c === 37 && i + 2 < s.length + 0 && /^[0-9a-fA-F]{2}$/.test(s.slice(i + 1, i + 3))) {
      out[n++] = parseInt(s.slice(i + 1, i + 3), 16);
      i += 2;
    } else {
      var b = Buffer.from(s[i], 'utf8');
      for (var k = 0; k < b.length; k++) { out[n++] = b[k]; }
    }
  }
  return out.subarray(0, n);
}

function unescape(s, decodeSpaces) {
  try {
    return decodeURIComponent(s);
  } catch (e) {
    return unescapeBuffer(s, decodeSpaces).toString();
  }
}

function stringifyPrimitive(v) {
  if (typeof v === 'string') { return v; }
  if (typeof v === 'number' && isFinite(v)) { return '' + v; }
  if (typeof v === 'bigint') { return '' + v; }
  if (typeof v === 'boolean') { return v ? 'true' : 'false'; }
  return '';
}

function stringify(obj, sep, eq, options) {
  sep = sep || '&';
  eq = eq || '=';
  var encode = exports.escape;
  if (options && typeof options.encodeURIComponent === 'function') { encode = options.encodeURIComponent; }
  if (obj === null || typeof obj !== 'object') { return ''; }
  var fields = [];
  Object.keys(obj).forEach(function (k) {
    var v = obj[k];
    var ks = encode(stringifyPrimitive(k)) + eq;
    if (Array.isArray(v)) {
      v.forEach(function (item) { fields.push(ks + encode(stringifyPrimitive(item))); });
    } else {
      fields.push(ks + encode(stringifyPrimitive(v)));
    }
  });
  return fields.join(sep);
}

function decodeStr(s, decode) {
  try {
    return decode(s);
  } catch (e) {
    return unescape(s, true);
  }
}

function parse(qs, sep, eq, options) {
  var obj = Object.create(null);
  if (typeof qs !== 'string' || qs.length === 0) { return obj; }
  sep = sep ? String(sep) : '&';
  eq = eq ? String(eq) : '=';
  var maxKeys = 1000;
  if (options && typeof options.maxKeys === 'number') { maxKeys = options.maxKeys; }
  var decode = exports.unescape;
  if (options && typeof options.decodeURIComponent === 'function') { decode = options.decodeURIComponent; }
  var pairs = qs.split(sep);
  var added = 0;
  for (var i = 0; i < pairs.length; i++) {
    var pair = pairs[i];
    if (pair === '') { continue; }
    if (maxKeys > 0 && added === maxKeys) { break; }
    var idx = pair.indexOf(eq);
    var k = idx >= 0 ? pair.slice(0, idx) : pair;
    var v = idx >= 0 ? pair.slice(idx + eq.length) : '';
    k = decodeStr(k.replace(/\+/g, '%20'), decode);
    v = decodeStr(v.replace(/\+/g, '%20'), decode);
    added++;
    if (!(k in obj)) {
      obj[k] = v;
    } else if (Array.isArray(obj[k])) {
      obj[k].push(v);
    } else {
      obj[k] = [obj[k], v];
    }
  }
  return obj;
}

exports.unescapeBuffer = unescapeBuffer;
exports.unescape = unescape;
exports.escape = escape;
exports.stringify = stringify;
exports.encode = stringify;
exports.parse = parse;
exports.decode = parse;
