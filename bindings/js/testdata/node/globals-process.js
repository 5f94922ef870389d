// process as node has it (stdout and stderr streams, version, pid, ...)
// and the globals node has (global, queueMicrotask, structuredClone,
// AbortController, EventTarget, TextEncoder, ...), side by side with node.
process.stdout.write('hello ');
process.stdout.write(Buffer.from('world\n'));
process.stdout.write('written', () => console.log('write callback'));
process.stdout.write('\n');
console.log(process.stdout.fd, process.stderr.fd, process.stdout.isTTY, typeof process.stdout.on, process.stdout.writable);
console.log(/^v20\.\d+\.\d+$/.test(process.version), process.versions.node === process.version.slice(1), process.arch, process.platform, process.release.name);
console.log(typeof process.pid, typeof process.ppid, __dirname.startsWith(process.cwd() + '/'), typeof process.uptime());
console.log(Object.keys(process.memoryUsage()).join(), process.memoryUsage().rss > 1e6, typeof process.memoryUsage.rss());
console.log(Array.isArray(process.execArgv), typeof process.execPath, typeof process.emitWarning, typeof process.env.PATH);
console.log(typeof global, global === globalThis, typeof queueMicrotask, typeof structuredClone, typeof AbortController, typeof EventTarget,
  typeof TextEncoder, typeof TextDecoder, typeof setImmediate, typeof clearImmediate, typeof DOMException);
const o = { a: [1, { b: new Date(0) }], m: new Map([[1, new Set([2])]]), buf: new Uint8Array([1, 2]), re: /x/g, n: null, u: undefined };
o.self = o;
const c = structuredClone(o);
console.log(c !== o, c.self === c, c.a[1].b.getTime(), c.m.get(1).has(2), c.buf[1], c.buf.constructor.name, c.re.flags, c.n, 'u' in c);
console.log(structuredClone(Buffer.from('ab')).constructor.name, structuredClone(new Error('boom')).message);
for (const bad of [() => {}, Symbol('s')]) {
  try { structuredClone(bad); } catch (e) { console.log(e.name, e.message, e.code, e instanceof Error); }
}
try { structuredClone(); } catch (e) { console.log(e.name, e.code, e.message); }
const ac = new AbortController();
ac.signal.addEventListener('abort', (e) => console.log('abort event', e.type, ac.signal.aborted, ac.signal.reason.name, ac.signal.reason.code));
ac.signal.onabort = (e) => console.log('onabort', e.type);
console.log(ac.signal.aborted);
ac.abort();
ac.abort();
try { ac.signal.throwIfAborted(); } catch (e) { console.log('thrown', e.name, e.message); }
console.log(AbortSignal.abort().reason.message, AbortSignal.abort('x').reason, AbortSignal.any([AbortSignal.abort('y')]).reason);
try { new AbortSignal(); } catch (e) { console.log(e.name, e.code); }
const et = new EventTarget();
et.addEventListener('foo', (e) => console.log('foo', e instanceof Event, e.target === et, e.type), { once: true });
et.addEventListener('bar', { handleEvent(e) { console.log('handleEvent', e.type); } });
const cancel = (e) => e.preventDefault();
et.addEventListener('c', cancel);
console.log(et.dispatchEvent(new Event('foo')), et.dispatchEvent(new Event('foo')), et.dispatchEvent(new Event('bar')));
console.log(et.dispatchEvent(new Event('c', { cancelable: true })), et.dispatchEvent(new Event('c')));
et.removeEventListener('c', cancel);
console.log(et.dispatchEvent(new Event('c', { cancelable: true })), new CustomEvent('x', { detail: 5 }).detail);
// (dgramjs runs promise jobs before process.nextTick callbacks, node after.)
let microtask = false;
queueMicrotask(() => { microtask = true; });
try { queueMicrotask(1); } catch (e) { console.log(e.code, e.message); }
const x = {};
x.__defineGetter__('g', () => 42);
x.__defineSetter__('s', function (v) { this.v = v; });
x.s = 7;
console.log(x.g, x.v, typeof x.__lookupGetter__('g'), typeof x.__lookupSetter__('s'), x.__lookupGetter__('nope'));
function MyErr(msg) { this.message = msg; this.name = 'MyErr'; Error.captureStackTrace(this, MyErr); }
const me = new MyErr('m');
console.log(me.stack.split('\n')[0], typeof Error.captureStackTrace, typeof new WeakRef({ a: 1 }).deref(), typeof FinalizationRegistry);
console.log(new TextEncoder().encode('hé').length, new TextDecoder().decode(new Uint8Array([104, 195, 169])));
process.on('warning', (w) => console.log('warning event', w.name, w.code, w.message));
process.emitWarning('careful', 'DeprecationWarning', 'DEP0001');
process.emitWarning(new Error('an error warning'));
setImmediate(() => console.log('immediate', microtask));
