'use strict';
// querystring: Node 20's querystring as documented: parse (an object
// without prototype, maxKeys, a custom decodeURIComponent), stringify,
// escape, unescape and unescapeBuffer. (The npm ports are of older Nodes:
// they throw on a malformed escape and ignore the custom decoder.)

function escape(str) {
  if (typeof str !== 'string') {
    if (typeof str === 'object') { str = String(str); } else { str += ''; }
  }
  try {
    return encodeURIComponent(str);
  } catch (e) {
    var err = new URIError('URI malformed');
    err.code = 'ERR_INVALID_URI';
    throw err;
  }
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
