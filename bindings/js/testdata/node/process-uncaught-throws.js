// An 'uncaughtException' listener that throws ends the run with code 7, as
// node does; the 'exit' listeners see it.
process.on('uncaughtException', () => { throw new Error('again'); });
process.on('exit', (code) => console.log('exit', code));
setTimeout(() => console.log('never'), 5);
throw new Error('first');
