'use strict';
// stream: Readable, Writable, Duplex, Transform, PassThrough, pipeline,
// finished, stream/promises, string_decoder through setEncoding, and
// crypto's Hash as a stream (run under node and dgramjs: the same output;
// each case waits for the one before, since the order of ticks between
// independent streams is the implementation's).
const stream = require('node:stream');
const { Readable, Writable, Duplex, Transform, PassThrough, pipeline, finished } = stream;
const cases = [];
const step = (name, fn) => cases.push([name, fn]);
console.log(typeof stream, stream.Stream === stream, typeof stream.promises.pipeline, require('stream/promises') === stream.promises,
  new Readable() instanceof stream, new Writable() instanceof require('events'));

step('pipeline', (done) => {
  const up = new Transform({ transform(chunk, enc, cb) { cb(null, chunk.toString().toUpperCase()); } });
  const out = [];
  const w = new Writable({ write(chunk, enc, cb) { out.push(chunk.toString()); cb(); } });
  pipeline(Readable.from(['a', 'b', 'c']), up, new PassThrough(), w, (err) => { console.log('pipeline done', err, out.join('')); done(); });
});
step('pipeline error', (done) => {
  const bad = new Transform({ transform(chunk, enc, cb) { cb(new Error('bad chunk')); } });
  pipeline(Readable.from(['a']), bad, new PassThrough(), (err) => { console.log('pipeline error', err.message); done(); });
});
step('push and end', (done) => {
  const r = new Readable({ read() {} });
  r.on('data', (d) => console.log('data', d.toString()));
  r.on('end', () => console.log('end'));
  finished(r, (err) => { console.log('finished', err); done(); });
  r.push('x');
  r.push(null);
});
step('paused read', (done) => {
  const r = new Readable({ read() {} });
  r.push('ab');
  r.push('cd');
  r.push(null);
  r.once('readable', () => {
    let chunk;
    const parts = [];
    while ((chunk = r.read(1)) !== null) { parts.push(chunk.toString()); }
    console.log('read(1)', parts.join('|'));
    r.on('end', done);
    r.read();
  });
});
step('setEncoding', (done) => {
  const r = new PassThrough();
  r.setEncoding('utf8');
  const got = [];
  r.on('data', (s) => got.push(typeof s + ':' + s));
  r.on('end', () => { console.log('utf8', got.join(',')); done(); });
  const euro = Buffer.from('€');
  r.write(euro.subarray(0, 1));
  r.write(euro.subarray(1));
  r.end();
});
step('objectMode and backpressure', (done) => {
  const seen = [];
  const w = new Writable({ objectMode: true, highWaterMark: 2, write(obj, enc, cb) { seen.push(obj.n); setImmediate(cb); } });
  const results = [w.write({ n: 1 }), w.write({ n: 2 }), w.write({ n: 3 })];
  console.log('write returns', results.join(), w.writableLength, w.writableHighWaterMark);
  w.once('drain', () => console.log('drain'));
  w.end({ n: 4 }, () => { console.log('objects', seen.join()); done(); });
});
step('duplex', (done) => {
  const d = new Duplex({
    read() { this.push('from duplex'); this.push(null); },
    write(chunk, enc, cb) { console.log('duplex got', chunk.toString()); cb(); }
  });
  d.on('data', (c) => console.log('duplex data', c.toString()));
  d.on('end', () => { console.log('duplex end'); d.end('to duplex', done); });
});
step('destroy', (done) => {
  const r = new Readable({ read() {} });
  r.on('error', (e) => console.log('error', e.message));
  r.on('close', () => { console.log('close', r.destroyed); done(); });
  r.destroy(new Error('gone'));
});
step('write after end', (done) => {
  const w = new Writable({ write(c, e, cb) { cb(); } });
  w.on('error', (e) => { console.log(e.code, e.message); done(); });
  w.end();
  w.write('late');
});
step('async iterator', (done) => {
  (async () => {
    const it = Readable.from(['x', 'y', 'z'])[Symbol.asyncIterator]();
    const out = [];
    for (;;) {
      const { value, done: end } = await it.next();
      if (end) { break; }
      out.push(value);
    }
    console.log('iterated', out.join(''));
    done();
  })();
});
step('promises', (done) => {
  stream.promises.pipeline(Readable.from([Buffer.from('q')]), new Writable({ write(c, e, cb) { console.log('promise write', c.toString()); cb(); } }))
    .then(() => stream.promises.finished(Readable.from([]).resume()))
    .then(() => { console.log('promises done'); done(); });
});
step('hash stream', (done) => {
  const h = require('crypto').createHash('sha1');
  h.on('readable', () => { const d = h.read(); if (d) { console.log('hash stream', d.toString('hex')); done(); } });
  h.write('abc');
  h.end();
});
step('legacy pipe', (done) => {
  const src = new stream.Stream();
  src.readable = true;
  const dst = new PassThrough();
  dst.on('data', (c) => console.log('legacy', c.toString()));
  dst.on('finish', done);
  src.pipe(dst);
  src.emit('data', 'old');
  src.emit('end');
});
(function next(i) {
  if (i === cases.length) { return; }
  cases[i][1](() => next(i + 1));
})(0);
