// 'close' events come in the order the program closed its sockets, across
// sockets, as in Node (net-snmp closes a session, then an agent, and
// prints both). (Node emits each on the next tick of its close(); dgramjs
// once the socket's earlier callbacks ran: docs/JS.md.)
const dgram = require('dgram');

const names = ['a', 'b', 'c', 'd'];
const socks = names.map((n) => {
  const s = dgram.createSocket('udp4');
  s.on('close', () => console.log(n, 'close'));
  return s;
});
let bound = 0;
socks.forEach((s) => s.bind(0, '127.0.0.1', () => {
  if (++bound < socks.length) return;
  setTimeout(() => {
    socks[0].close();
    socks[1].close(() => console.log('b close callback'));
    socks[3].close();
    socks[2].close();
    console.log('closed all');
  }, 1);
}));
// An unbound socket closed at once, and one closed while its bind is
// under way.
const u = dgram.createSocket('udp4');
u.on('close', () => console.log('unbound close'));
u.close();
const w = dgram.createSocket('udp4');
w.on('close', () => console.log('binding close'));
w.bind(0, '127.0.0.1');
w.close();
