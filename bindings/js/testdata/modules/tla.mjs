// Top-level await in the main ES module, side by side with node.
import { EventEmitter, once, on } from 'node:events';
const e = new EventEmitter();
setTimeout(() => { e.emit('go', 42); setTimeout(() => { e.emit('m', 'm1'); e.emit('m', 'm2'); }, 5); }, 10);
const [v] = await once(e, 'go');
console.log('got', v, await Promise.resolve('p'), await 3, await null, await 'q', await true);
for await (const x of (async function* () { yield 1; yield 2; })()) console.log('x', await x);
let n = 0;
for await (const [m] of on(e, 'm')) {
  console.log('on', m);
  if (++n === 2) break;
}
export const late = await new Promise((r) => setTimeout(() => r('late'), 5));
console.log(late);
try { await Promise.reject(new Error('rejected')); } catch (err) { console.log('caught', err.message); }
const m = await import('./lib/imp.mjs');
console.log(m.default);
await null;
console.log('line', /tla\.mjs:(\d+)/.exec(new Error('here').stack)[1]);
console.log('end');
