// A SIGINT listener keeps the script from dying at Ctrl-C: it gets the
// signal's name and lets the run end. TestSignalsAsNode sends the signal
// once "ready" is printed.
const t = setInterval(() => {}, 1000);
process.on('SIGTERM', () => {});
process.removeAllListeners('SIGTERM'); // let go again
process.on('SIGINT', (name) => {
  console.log('got', name);
  clearInterval(t);
  process.exitCode = 3;
});
console.log('ready');
