'use strict';
// comparisons: util.isDeepStrictEqual, after Node's
// lib/internal/util/comparisons.js (strict mode): the same prototype and
// type tag, Object.is for primitives, own enumerable keys (symbols
// included), Maps and Sets by content, boxed primitives, dates, regular
// expressions, errors and typed arrays by value, cycles allowed.

var types = require('./util_types');

function isDeepStrictEqual(a, b) { return innerDeepEqual(a, b, { a: [], b: [] }); }
exports.isDeepStrictEqual = isDeepStrictEqual;

function ownKeys(o) {
  var keys = Object.keys(o);
  var syms = Object.getOwnPropertySymbols(o);
  for (var i = 0; i < syms.length; i++) {
    if (Object.prototype.propertyIsEnumerable.call(o, syms[i])) { keys.push(syms[i]); }
  }
  return keys;
}

function innerDeepEqual(a, b, memo) {
  if (a === b) { return a !== 0 || Object.is(a, b); }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
  }
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) { return false; }
  var tag = Object.prototype.toString.call(a);
  if (tag !== Object.prototype.toString.call(b)) { return false; }
  if (Array.isArray(a) !== Array.isArray(b)) { return false; }
  if (Array.isArray(a) && a.length !== b.length) { return false; }
  if (types.isDate(a)) {
    if (!types.isDate(b) || a.getTime() !== b.getTime()) { return false; }
  } else if (types.isRegExp(a)) {
    if (!types.isRegExp(b) || a.source !== b.source || a.flags !== b.flags || a.lastIndex !== b.lastIndex) { return false; }
  } else if (types.isNativeError(a) || a instanceof Error) {
    if (a.message !== b.message || a.name !== b.name) { return false; }
  } else if (ArrayBuffer.isView(a)) {
    if (!ArrayBuffer.isView(b) || a.byteLength !== b.byteLength) { return false; }
    if (!types.isDataView(a) && types.isTypedArray(a)) {
      if (a.length !== b.length) { return false; }
      for (var i = 0; i < a.length; i++) {
        if (!Object.is(a[i], b[i])) { return false; }
      }
      // the own keys beyond the indexes
      return keysEqual(a, b, memo, true);
    }
    var ua = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    var ub = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    for (var j = 0; j < ua.length; j++) {
      if (ua[j] !== ub[j]) { return false; }
    }
  } else if (types.isAnyArrayBuffer(a)) {
    if (!types.isAnyArrayBuffer(b) || a.byteLength !== b.byteLength) { return false; }
    var va = new Uint8Array(a), vb = new Uint8Array(b);
    for (var k = 0; k < va.length; k++) {
      if (va[k] !== vb[k]) { return false; }
    }
  } else if (types.isBoxedPrimitive(a)) {
    if (!types.isBoxedPrimitive(b) || !Object.is(a.valueOf(), b.valueOf())) { return false; }
  } else if (types.isBoxedPrimitive(b) || (types.isWeakMap(a) || types.isWeakSet(a))) {
    return false;
  }
  return keysEqual(a, b, memo, false);
}

function keysEqual(a, b, memo, skipIndexes) {
  var ka = ownKeys(a), kb = ownKeys(b);
  if (skipIndexes) {
    ka = ka.filter(function (k) { return typeof k !== 'string' || !/^\d+$/.test(k); });
    kb = kb.filter(function (k) { return typeof k !== 'string' || !/^\d+$/.test(k); });
  }
  if (ka.length !== kb.length) { return false; }
  for (var i = 0; i < ka.length; i++) {
    if (!Object.prototype.propertyIsEnumerable.call(b, ka[i])) { return false; }
  }
  // cycles: a pair being compared is equal while it is compared
  for (var m = 0; m < memo.a.length; m++) {
    if (memo.a[m] === a && memo.b[m] === b) { return true; }
  }
  memo.a.push(a);
  memo.b.push(b);
  try {
    for (var j = 0; j < ka.length; j++) {
      if (!innerDeepEqual(a[ka[j]], b[ka[j]], memo)) { return false; }
    }
    if (types.isSet(a)) { return types.isSet(b) && setEqual(a, b, memo); }
    if (types.isMap(a)) { return types.isMap(b) && mapEqual(a, b, memo); }
    return !types.isSet(b) && !types.isMap(b);
  } finally {
    memo.a.pop();
    memo.b.pop();
  }
}

function setEqual(a, b, memo) {
  if (a.size !== b.size) { return false; }
  var rest = [];
  a.forEach(function (v) {
    if (typeof v === 'object' && v !== null) { rest.push(v); } else if (!b.has(v)) { rest.push(v); }
  });
  if (rest.length === 0) { return true; }
  var candidates = [];
  b.forEach(function (v) {
    if ((typeof v === 'object' && v !== null) || !a.has(v)) { candidates.push(v); }
  });
  for (var i = 0; i < rest.length; i++) {
    var found = -1;
    for (var j = 0; j < candidates.length; j++) {
      if (innerDeepEqual(rest[i], candidates[j], memo)) { found = j; break; }
    }
    if (found === -1) { return false; }
    candidates.splice(found, 1);
  }
  return true;
}

function mapEqual(a, b, memo) {
  if (a.size !== b.size) { return false; }
  var ok = true;
  var objKeys = [];
  a.forEach(function (v, k) {
    if (!ok) { return; }
    if (typeof k === 'object' && k !== null) { objKeys.push([k, v]); return; }
    if (!b.has(k) || !innerDeepEqual(v, b.get(k), memo)) { ok = false; }
  });
  if (!ok) { return false; }
  if (objKeys.length === 0) { return true; }
  var candidates = [];
  b.forEach(function (v, k) {
    if (typeof k === 'object' && k !== null) { candidates.push([k, v]); }
  });
  for (var i = 0; i < objKeys.length; i++) {
    var found = -1;
    for (var j = 0; j < candidates.length; j++) {
      if (innerDeepEqual(objKeys[i][0], candidates[j][0], memo) && innerDeepEqual(objKeys[i][1], candidates[j][1], memo)) { found = j; break; }
    }
    if (found === -1) { return false; }
    candidates.splice(found, 1);
  }
  return true;
}
