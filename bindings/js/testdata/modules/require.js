// require: Node's resolution, side by side with node (TestModulesAsNode).
const here = __dirname;
function rel(s) { return typeof s === 'string' ? s.split(here).join('<dir>') : s; }
function show(what) {
  try {
    const v = require(what);
    console.log('ok', JSON.stringify(what), JSON.stringify(v));
  } catch (e) {
    // goja's syntax error messages are its own: only the name is compared;
    // of a package.json that does not parse and of an addon, the path.
    let msg = e.name === 'SyntaxError' && !e.message.startsWith('Error parsing ') ? '' : rel(e.message);
    if (e.code === 'ERR_DLOPEN_FAILED' || msg.startsWith('Error parsing ')) { msg = msg.slice(0, msg.indexOf(': ')); }
    console.log('err', JSON.stringify(what), e.name, e.code, JSON.stringify(msg), rel(e.path), rel(e.requestPath), JSON.stringify(rel(e.requireStack)));
  }
}
[
  './lib/dep', './lib/dep.js', './lib/data', './lib/data.json', './lib/dir', './lib/dir/', './lib/ext.cjs', './lib/ext',
  '#dep', '#cond', '#int/x', '#int/none', '#pkg', '#missing', '#undefined-import',
  'modfix/self', 'modfix', 'modfix/other',
  'exp-only', 'exp-only/feature', 'exp-only/lib/a', 'exp-only/lib/internal/x', 'exp-only/data.json', 'exp-only/missing', 'exp-only/pkg', 'exp-only/nothing', 'exp-only/cjs.js',
  'main-only', 'main-only/lib/main', 'main-bad', 'main-bad-index', 'dir-index', '@scope/pkg', '@scope/pkg/index.cjs', '@scope/none',
  'cond', 'arr', 'bad-target', 'mixed', 'dual', 'dual/package.json',
  'nonexistent', './nonexistent', '../nonexistent', '/nonexistent/x', 'node:nonexistent', 'node:events',
  './lib/syntax-err', './lib/bad.json',
  'linked', 'badjson', 'dirmain', 'patterns/feat/a.js', 'patterns/feat/special.js', 'patterns/feat/c', 'patterns/feat/a',
  'patterns/x/1/y/2', 'natives', 'msync',
].forEach(show);

// Cycles, the cache, and a module that throws (not cached).
console.log(JSON.stringify(require('./lib/cycle-a')));
for (let i = 0; i < 2; i++) {
  try { require('./lib/throws'); } catch (e) { console.log(e.message); }
}
const dep = require.resolve('./lib/dep');
console.log(rel(dep), require.cache[dep] !== undefined, require.cache[dep].loaded, rel(require.cache[dep].id));
delete require.cache[dep];
console.log(require('./lib/dep'), require.cache[dep] !== undefined);
console.log(require.main === module, module.id, rel(module.filename), module.loaded, module.children.length > 0, rel(module.paths[0]));
console.log(rel(require.resolve('exp-only')), require.resolve('events'), require.resolve('node:events'));
console.log(JSON.stringify(require.resolve.paths('events')), rel(JSON.stringify(require.resolve.paths('./x'))), rel(require.resolve.paths('x')[0]));
console.log(rel(require.resolve('./dep', { paths: [here + '/lib'] })));
try { require.resolve('./nope', { paths: [here + '/lib'] }); } catch (e) { console.log(e.code, rel(e.message)); }
for (const bad of [1, null, {}, '']) {
  try { require(bad); } catch (e) { console.log(e.name, e.code, e.message); }
}
const { createRequire, builtinModules, isBuiltin } = require('module');
const r2 = createRequire(here + '/lib/int/');
console.log(r2('./x'), r2('#dep'), typeof r2.resolve, isBuiltin('events'), isBuiltin('node:events'), isBuiltin('nope'), Array.isArray(builtinModules));
console.log(require('module') === require('node:module'), typeof require('module').Module);
// require() of an ES module with top-level await is node's error.
try { require('./lib/tla-dep.mjs'); } catch (e) { console.log(e.name, e.code); }
