// CommonJS with syntax goja lacks (async generators, for await,
// import()), lowered by esbuild; positions stay the file's own.
async function* gen(n) {
  for (let i = 0; i < n; i++) {
    yield i;
  }
}
(async () => {
  const seen = [];
  for await (const v of gen(3)) seen.push(v);
  console.log('for await', seen.join());
  const m = await import('./lib/imp.mjs');
  console.log('import()', m.default, Object.keys(m).join());
  // import() resolves as import does: no extension is added.
  await import('./lib/dep').catch((e) => console.log('import() without extension', e.code));
  const c = await import('./lib/dep.js');
  console.log('import() cjs', c.default);
  try {
    throw new Error('where');
  } catch (e) {
    console.log('line', /modern\.js:(\d+)/.exec(e.stack)[1]);
  }
  console.log(typeof require, typeof module, __filename.endsWith('modern.js'));
})();
// An async iterable made by hand, and an async generator's own iterator,
// both found through Symbol.asyncIterator.
const iterable = {
  [Symbol.asyncIterator]() {
    let i = 0;
    return { next: () => Promise.resolve(i < 2 ? { value: 'h' + i++, done: false } : { value: undefined, done: true }) };
  }
};
(async () => {
  const got = [];
  for await (const v of iterable) got.push(v);
  const it = gen(2)[Symbol.asyncIterator]();
  got.push((await it.next()).value, typeof Symbol.asyncIterator);
  console.log('async iterables', got.join());
})();
