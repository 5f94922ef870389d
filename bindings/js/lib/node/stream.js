'use strict';
// stream: Node's stream module. Readable, Writable, Duplex, Transform,
// PassThrough, pipeline and finished are Node's own streams as the npm
// package readable-stream 3.6.2 ports them (MIT, lib/node/vendor); the
// module is the legacy Stream, as in Node, with the classes on it.

var Stream = require('./stream_legacy').Stream;
var rs = './vendor/readable-stream/lib/';
var Readable = require(rs + '_stream_readable.js');
var Writable = require(rs + '_stream_writable.js');
var Duplex = require(rs + '_stream_duplex.js');
var Transform = require(rs + '_stream_transform.js');
var PassThrough = require(rs + '_stream_passthrough.js');
var finished = require(rs + 'internal/streams/end-of-stream.js');
var pipeline = require(rs + 'internal/streams/pipeline.js');
var errors = require('./errors');

Stream.Stream = Stream;
Stream.Readable = Readable;
Stream.Writable = Writable;
Stream.Duplex = Duplex;
Stream.Transform = Transform;
Stream.PassThrough = PassThrough;
Stream.finished = finished;
Stream.pipeline = pipeline;

function isStream(s) { return s !== null && typeof s === 'object' && typeof s.on === 'function'; }

Stream.destroy = function destroy(stream, err) {
  if (isStream(stream) && typeof stream.destroy === 'function') { stream.destroy(err); }
};
Stream.isDisturbed = function isDisturbed(stream) {
  var state = stream && stream._readableState;
  return !!(state && (state.endEmitted || state.flowing !== null || state.length > 0 || state.reading));
};
Stream.isErrored = function isErrored(stream) {
  return !!(stream && ((stream._readableState && stream._readableState.errorEmitted) ||
    (stream._writableState && stream._writableState.errorEmitted)));
};
Stream.isReadable = function isReadable(stream) {
  var state = stream && stream._readableState;
  if (!state) { return null; }
  return !!(stream.readable !== false && !state.destroyed && !state.endEmitted && !state.ended);
};
Stream.addAbortSignal = function addAbortSignal(signal, stream) {
  errors.validateAbortSignal(signal, 'signal');
  if (!isStream(stream)) { throw errors.invalidArgType('stream', 'stream.Stream', stream); }
  function onAbort() { stream.destroy(new errors.AbortError(undefined, { cause: signal.reason })); }
  if (signal.aborted) {
    onAbort();
  } else {
    signal.addEventListener('abort', onAbort, { once: true });
    finished(stream, function () { signal.removeEventListener('abort', onAbort); });
  }
  return stream;
};
Stream.compose = function compose() { throw errors.notImplemented('compose()'); };

var highWaterMark = { object: 16, bytes: 16 * 1024 };
Stream.getDefaultHighWaterMark = function getDefaultHighWaterMark(objectMode) {
  return objectMode ? highWaterMark.object : highWaterMark.bytes;
};
Stream.setDefaultHighWaterMark = function setDefaultHighWaterMark(objectMode, value) {
  errors.validateInteger(value, 'value', 0);
  highWaterMark[objectMode ? 'object' : 'bytes'] = value;
};

Stream._isUint8Array = function isUint8Array(v) { return v instanceof Uint8Array; };
Stream._uint8ArrayToBuffer = function _uint8ArrayToBuffer(chunk) {
  return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
};

Object.defineProperty(Stream, 'promises', {
  configurable: true,
  enumerable: true,
  get: function () { return require('./stream_promises'); }
});

module.exports = Stream;
