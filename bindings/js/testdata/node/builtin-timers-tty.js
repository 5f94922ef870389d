'use strict';
// timers/promises and tty (run under node and dgramjs: the same output).
const tp = require('node:timers/promises');
const tty = require('tty');
console.log(tty.isatty(0), tty.isatty(1), tty.isatty(99), tty.isatty(-1), tty.isatty('1'), typeof tty.WriteStream, typeof tty.ReadStream);
try { new tty.WriteStream(99); } catch (e) { console.log(e.name, e.code); }
const w = Object.create(tty.WriteStream.prototype);
console.log(w.getColorDepth({ TERM: 'xterm-256color' }), w.getColorDepth({ TERM: 'dumb' }), w.getColorDepth({ COLORTERM: 'truecolor' }), w.getColorDepth({ FORCE_COLOR: '3' }), w.hasColors(256, { TERM: 'xterm-256color' }), w.hasColors({ TERM: 'xterm' }));
(async () => {
  console.log(await tp.setTimeout(5, 'timeout value'));
  console.log(await tp.setImmediate('immediate value'));
  // a signal as AbortSignal behaves (the global AbortController is the host's)
  const listeners = [];
  const ac = { signal: { aborted: false, reason: undefined, addEventListener: (t, f) => listeners.push(f), removeEventListener: () => {} },
    abort() { this.signal.aborted = true; listeners.forEach((f) => f()); } };
  const p = tp.setTimeout(1000, 'never', { signal: ac.signal });
  ac.abort();
  try { await p; } catch (e) { console.log(e.name, e.code, e.message); }
  let n = 0;
  const it = tp.setInterval(2, 'tick');
  for (;;) { const { value } = await it.next(); console.log(value, ++n); if (n === 3) { await it.return(); break; } }
  await tp.scheduler.wait(1);
  console.log('waited', await tp.setTimeout(1, 'x', { ref: false }));
  try { await tp.setTimeout('a'); } catch (e) { console.log(e.code, e.message); }
  console.log(await require('util').promisify(setTimeout)(3, 'promisified'));
})();
