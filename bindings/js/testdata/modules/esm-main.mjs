// ES modules: import of CommonJS, ES modules, packages with conditions,
// JSON, import(), import.meta, side by side with node (TestModulesAsNode).
import Thing, { named, counter, bump, cjs, ticks } from 'esm-pkg';
import * as ns from 'esm-pkg';
import * as expOnly from 'exp-only';
import { kind } from 'exp-only';
import dual, { from as dualFrom } from 'dual';
import dep from '#dep';
import msync from 'msync';
import cond from '#cond';
import depDefault, * as depNs from './lib/dep.js';
import { EventEmitter } from 'node:events';
import { createRequire } from 'module';
import data from './lib/data.json' with { type: 'json' };

const here = import.meta.dirname;
const rel = (s) => typeof s === 'string' ? s.split(here).join('<dir>') : s;
console.log(typeof Thing, new Thing() instanceof EventEmitter, named, cjs);
console.log(counter); bump(); console.log(counter, ns.counter);
console.log(JSON.stringify(expOnly), kind, dual, dualFrom, dep, cond, depDefault, typeof depNs.default);
console.log(JSON.stringify(data), msync);
console.log(rel(import.meta.url), rel(import.meta.filename), typeof module, typeof exports, typeof __filename, this === undefined);
console.log(rel(import.meta.resolve('./lib/dep.js')), rel(import.meta.resolve('./not-there.js')), rel(import.meta.resolve('../x y.js')), import.meta.resolve('events'), import.meta.resolve('node:events'));
const require = createRequire(import.meta.url);
console.log(require('./lib/dep'), require('#cond'));
// (Top-level await is what dgramjs does not run: docs/JS.md.)
(async () => {
  for await (const t of ticks(3)) console.log('tick', t);
  const m = await import('./lib/imp.mjs');
  console.log(m.default, Object.keys(m).join());
  const c = await import('./lib/dep.js');
  console.log(c.default);
  for (const s of ['./nope.js', './lib', 'nopkg', 'exp-only/nothing', '#nothing', 'node:nope']) {
    await import(s).catch((e) => console.log(e.name, e.code, rel(e.message)));
  }
})();
