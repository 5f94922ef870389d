// ntp-time, as its README shows: an NTP server (new Server(), handle()
// setting the transmit timestamp and answering with response(message),
// listen(port, cb)) and a client (new Client(server, port, { timeout })
// and syncTime().then(time => ...)), then the server's socket is closed.
// The handler sets every timestamp it answers with to a fixed time, so
// the client's result is stable; the script prints the fields that do not
// depend on the clock, and checks that those that do are numbers. listen()
// takes 0 as its default port, so the script asks the kernel for a free
// port first.
'use strict';
const { Client, Server } = require('ntp-time');
const peer = require('./lib/peer');

peer.deadline(5000, 'ntp-time');
const fixed = Date.UTC(2024, 0, 2, 3, 4, 5) / 1000;
const server = new Server();

server.handle((message, response) => {
  console.log('Server message: mode', message.mode, 'version', message.version, 'stratum', message.stratum);
  message.stratum = 1;
  message.referenceIdentifier = 0x47505300; // "GPS\0"
  message.referenceTimestamp = fixed;
  message.receiveTimestamp = fixed;
  message.transmitTimestamp = fixed;
  response(message);
});

peer.freePort((port) => {
  server.listen(port, '127.0.0.1');
  server.socket.on('listening', () => {
    console.log('Server listening');
    const client = new Client('127.0.0.1', port, { timeout: 3000 });
    client
      .syncTime()
      .then(time => {
        console.log('mode', time.mode, 'version', time.version, 'stratum', time.stratum, 'leap', time.leapIndicator);
        console.log('reference', JSON.stringify(time.referenceIdentifier.toString('latin1')));
        console.log('time', time.time.toISOString());
        console.log('offset and delay are numbers:', typeof time.t === 'number' && typeof time.d === 'number');
      })
      .catch(err => console.log('sync failed:', err.message))
      .then(() => server.socket.close(() => console.log('server closed')));
  });
});
