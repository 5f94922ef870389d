// The clocks' shapes: process.hrtime, process.hrtime.bigint and
// performance.now, monotonic. Its output must be node's.
var t = process.hrtime();
console.log(Array.isArray(t), t.length, t.every(Number.isInteger), t[1] < 1e9);
var d = process.hrtime(t);
console.log(d[0] >= 0, d[1] >= 0, d[1] < 1e9);
var a = process.hrtime.bigint(), b = process.hrtime.bigint();
console.log(typeof a, b >= a);
var perf = require('perf_hooks').performance;
var p1 = perf.now(), p2 = performance.now();
console.log(typeof p1, p2 >= p1, p1 >= 0, perf === performance, typeof perf.timeOrigin, Math.abs(perf.timeOrigin + p2 - Date.now()) < 1000);
try { process.hrtime(5); } catch (e) { console.log(e.name, e.code, e.message); }
try { process.hrtime([1]); } catch (e) { console.log(e.name, e.code, e.message); }
var start = process.hrtime.bigint();
setTimeout(function () {
  var ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log('slept', ms >= 15 && ms < 2000);
}, 20);
