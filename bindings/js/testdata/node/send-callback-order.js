// A send's callback runs before the datagrams that came after the send
// are delivered, to any socket, as in Node (libuv completes a send before
// it polls again): artnet's and net-snmp's scripts rely on it.
const dgram = require('dgram');

const a = dgram.createSocket('udp4');
const b = dgram.createSocket('udp4');
const rounds = 50;
let n = 0;
let sent = -1;
b.on('message', (msg) => {
  const i = Number(msg.toString());
  if (sent !== i) console.log('round', i, ': message before the send callback');
  if (++n === rounds) {
    console.log(rounds, 'rounds');
    a.close();
    b.close();
    return;
  }
  send(n);
});
function send(i) {
  a.send(String(i), b.address().port, '127.0.0.1', (err) => {
    if (err) throw err;
    sent = i;
  });
}
b.bind(0, '127.0.0.1', () => a.bind(0, '127.0.0.1', () => send(0)));
