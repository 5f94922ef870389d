'use strict';
// stream/promises: pipeline and finished returning Promises.

var Stream = require('./stream');

exports.pipeline = function pipeline() {
  var streams = Array.prototype.slice.call(arguments);
  var last = streams[streams.length - 1];
  var signal = undefined; // initialized: goja fills an uninitialized captured var of a function using arguments with an argument
  if (last !== null && typeof last === 'object' && !(typeof last.on === 'function') && 'signal' in last) {
    signal = streams.pop().signal;
  }
  return new Promise(function (resolve, reject) {
    var ended = false;
    var all = streams.length === 1 && Array.isArray(streams[0]) ? streams[0] : streams;
    if (signal) { Stream.addAbortSignal(signal, all[all.length - 1]); }
    Stream.pipeline.apply(null, all.concat([function (err, value) {
      if (ended) { return; }
      ended = true;
      if (err) { reject(err); } else { resolve(value); }
    }]));
  });
};

exports.finished = function finished(stream, opts) {
  return new Promise(function (resolve, reject) {
    Stream.finished(stream, opts || {}, function (err) {
      if (err) { reject(err); } else { resolve(); }
    });
  });
};
