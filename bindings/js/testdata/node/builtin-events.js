'use strict';
// events in full: once, on, errorMonitor, captureRejections,
// setMaxListeners, getEventListeners, listenerCount, defaultMaxListeners
// (run under node and dgramjs: the same output).
const events = require('node:events');
const { EventEmitter, once, on, errorMonitor, getEventListeners } = events;
console.log(require('events') === events, events.EventEmitter === events, EventEmitter.defaultMaxListeners, typeof events.captureRejectionSymbol);
const e = new EventEmitter();
e.on(errorMonitor, (err) => console.log('monitor', err.message));
e.on('error', (err) => console.log('error', err.message));
e.emit('error', new Error('boom'));
const f = () => {};
e.on('x', f);
e.once('x', f);
console.log(getEventListeners(e, 'x').length, EventEmitter.listenerCount(e, 'x'), e.listenerCount('x'), e.eventNames().length);
try { e.setMaxListeners(-1); } catch (err) { console.log(err.code, err.message); }
try { EventEmitter.defaultMaxListeners = 'a'; } catch (err) { console.log(err.code, err.message); }
e.setMaxListeners(1);
console.log(e.getMaxListeners());
const removed = [];
e.on('removeListener', (name) => removed.push(String(name)));
e.removeAllListeners();
console.log(removed.join(','), e.listenerCount('x'));
try { new EventEmitter().emit('error', 'text'); } catch (err) { console.log(err.code, err.message); }
(async () => {
  const a = new EventEmitter();
  setImmediate(() => a.emit('ready', 1, 2));
  console.log('once', await once(a, 'ready'));
  setImmediate(() => a.emit('error', new Error('failed')));
  try { await once(a, 'ready'); } catch (err) { console.log('once rejected', err.message); }
  const b = new EventEmitter();
  setImmediate(() => { b.emit('data', 'a'); b.emit('data', 'b'); b.emit('data', 'c'); });
  const it = on(b, 'data');
  const got = [];
  for (let i = 0; i < 3; i++) { got.push((await it.next()).value[0]); }
  await it.return();
  console.log('on', got.join(''), b.listenerCount('data'), b.listenerCount('error'));
  const c = new EventEmitter({ captureRejections: true });
  c.on('evt', async () => { throw new Error('rejected'); });
  c.on('error', (err) => console.log('captured', err.message));
  c.emit('evt');
  await new Promise((r) => setImmediate(r));
  const d = new EventEmitter({ captureRejections: true });
  d[events.captureRejectionSymbol] = (err, name, arg) => console.log('rejection symbol', err.message, name, arg);
  d.on('evt', () => Promise.reject(new Error('r2')));
  d.emit('evt', 42);
  await new Promise((r) => setImmediate(r));
  events.setMaxListeners(3, a);
  console.log(a.getMaxListeners());
  class My extends EventEmitter {}
  const m = new My();
  m.prependListener('p', () => console.log('second'));
  m.prependOnceListener('p', () => console.log('first'));
  m.emit('p'); m.emit('p');
  console.log(m.rawListeners('p').length, m.listeners('p').length);
})();
