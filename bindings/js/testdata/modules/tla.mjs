// Top-level await in the main ES module, side by side with node.
import { EventEmitter, once } from 'node:events';
const e = new EventEmitter();
setTimeout(() => e.emit('go', 42), 10);
const [v] = await once(e, 'go');
console.log('got', v, await Promise.resolve('p'), await 3, await null, await 'q', await true);
await (async () => { for await (const x of (async function* () { yield 1; yield 2; })()) console.log('x', await x); })();
export const late = await new Promise((r) => setTimeout(() => r('late'), 5));
console.log(late);
try { await Promise.reject(new Error('rejected')); } catch (err) { console.log('caught', err.message); }
const m = await import('./lib/imp.mjs');
console.log(m.default);
await null;
console.log('end');
