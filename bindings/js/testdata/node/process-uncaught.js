// process.on('uncaughtException'): the listeners (and the monitor's) take
// what was thrown at the top of the script, a timer or a nextTick callback,
// and rejections no one handled, and the run goes on, side by side with node.
process.on('uncaughtExceptionMonitor', (e, origin) => console.log('monitor', e.message, origin));
process.on('uncaughtException', (e, origin) => console.log('caught', e.message, origin));
process.nextTick(() => {
  // The rest of the queue after a throw runs later, but it runs.
  process.nextTick(() => {
    console.log('the next tick still runs');
    setTimeout(() => { throw new Error('from a timer'); }, 1);
    setTimeout(() => {
      console.log('the run went on');
      // Rejections no one handles go to the listeners too, each of them.
      Promise.reject(new Error('a rejection'));
      Promise.reject(42);
    }, 5);
  });
  throw new Error('from nextTick');
});
process.on('exit', (code) => console.log('exit', code));
throw new Error('from the top');
