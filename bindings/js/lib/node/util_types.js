'use strict';
// util.types: Node's brand checks, by the internal slots the value has
// (a prototype method that throws on anything else), not by its
// Symbol.toStringTag.

var native = binding('util');

function brand(method) {
  return function (v) {
    if (v === null || typeof v !== 'object') { return false; }
    try { method.call(v); return true; } catch (e) { return false; }
  };
}
function getter(proto, name) { return Object.getOwnPropertyDescriptor(proto, name).get; }

var TypedArrayProto = Object.getPrototypeOf(Uint8Array.prototype);
var typedArrayTag = getter(TypedArrayProto, Symbol.toStringTag);
function typedArrayName(v) { return typedArrayTag.call(v); }
function isTyped(name) {
  return function (v) { return typedArrayName(v) === name; };
}

exports.isExternal = function isExternal() { return false; };
exports.isDate = brand(Date.prototype.getTime);
exports.isArgumentsObject = function isArgumentsObject(v) {
  return v !== null && typeof v === 'object' && Object.prototype.toString.call(v) === '[object Arguments]' && !(Symbol.toStringTag in v);
};
exports.isBigIntObject = brand(BigInt.prototype.valueOf);
exports.isBooleanObject = brand(Boolean.prototype.valueOf);
exports.isNumberObject = brand(Number.prototype.valueOf);
exports.isStringObject = brand(String.prototype.valueOf);
exports.isSymbolObject = brand(Symbol.prototype.valueOf);
exports.isBoxedPrimitive = function isBoxedPrimitive(v) {
  return exports.isNumberObject(v) || exports.isStringObject(v) || exports.isBooleanObject(v) ||
    exports.isBigIntObject(v) || exports.isSymbolObject(v);
};
exports.isNativeError = function isNativeError(v) { return native.isNativeError(v); };
var regExpSource = getter(RegExp.prototype, 'source');
exports.isRegExp = function isRegExp(v) {
  return v !== RegExp.prototype && brand(regExpSource)(v);
};
var AsyncFunctionProto = Object.getPrototypeOf(async function () {});
var GeneratorFunctionProto = Object.getPrototypeOf(function* () {});
var GeneratorProto = GeneratorFunctionProto.prototype;
exports.isAsyncFunction = function isAsyncFunction(v) {
  return typeof v === 'function' && Object.getPrototypeOf(v) === AsyncFunctionProto;
};
exports.isGeneratorFunction = function isGeneratorFunction(v) {
  return typeof v === 'function' && Object.getPrototypeOf(v) === GeneratorFunctionProto;
};
exports.isGeneratorObject = function isGeneratorObject(v) {
  if (v === null || typeof v !== 'object') { return false; }
  for (var p = Object.getPrototypeOf(v); p !== null; p = Object.getPrototypeOf(p)) {
    if (p === GeneratorProto) { return true; }
  }
  return false;
};
exports.isPromise = function isPromise(v) { return native.isPromise(v); };
exports.isMap = brand(getter(Map.prototype, 'size'));
exports.isSet = brand(getter(Set.prototype, 'size'));
var MapIteratorProto = Object.getPrototypeOf(new Map().entries());
var SetIteratorProto = Object.getPrototypeOf(new Set().entries());
exports.isMapIterator = function isMapIterator(v) {
  return v !== null && typeof v === 'object' && v !== MapIteratorProto && Object.getPrototypeOf(v) === MapIteratorProto;
};
exports.isSetIterator = function isSetIterator(v) {
  return v !== null && typeof v === 'object' && v !== SetIteratorProto && Object.getPrototypeOf(v) === SetIteratorProto;
};
exports.isWeakMap = brand(WeakMap.prototype.has);
exports.isWeakSet = brand(WeakSet.prototype.has);
exports.isArrayBuffer = brand(getter(ArrayBuffer.prototype, 'byteLength'));
exports.isDataView = brand(getter(DataView.prototype, 'byteLength'));
exports.isSharedArrayBuffer = typeof SharedArrayBuffer === 'function' ? brand(getter(SharedArrayBuffer.prototype, 'byteLength')) : function () { return false; };
exports.isProxy = function isProxy(v) { return native.isProxy(v); };
exports.isModuleNamespaceObject = function isModuleNamespaceObject(v) {
  return v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === null && v[Symbol.toStringTag] === 'Module' && Object.isSealed(v);
};
exports.isAnyArrayBuffer = function isAnyArrayBuffer(v) { return exports.isArrayBuffer(v) || exports.isSharedArrayBuffer(v); };
exports.isArrayBufferView = function isArrayBufferView(v) { return ArrayBuffer.isView(v); };
exports.isTypedArray = function isTypedArray(v) { return typedArrayName(v) !== undefined; };
['Uint8Array', 'Uint8ClampedArray', 'Uint16Array', 'Uint32Array', 'Int8Array', 'Int16Array', 'Int32Array',
  'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array'].forEach(function (name) {
  exports['is' + name] = isTyped(name);
});
exports.isKeyObject = function isKeyObject() { return false; };
exports.isCryptoKey = function isCryptoKey() { return false; };
