// dns2, as its README shows: dns2.createServer({ udp: true, handle }) that
// answers with Packet.createResponseFromRequest and an A record, its
// 'request', 'listening' and 'close' events, server.listen({ udp }); and
// the client, new dns2({ nameServers, port }).resolveA(name), printing
// result.answers; then server.close(). The server's port is free (0), so
// the script prints its type, not its number.
'use strict';
const dns2 = require('dns2');
const { Packet } = dns2;
const deadline = require('./lib/peer').deadline;

deadline(5000, 'dns2');
const server = dns2.createServer({
  udp: true,
  handle: (request, send, rinfo) => {
    const response = Packet.createResponseFromRequest(request);
    const [ question ] = request.questions;
    const { name } = question;
    response.answers.push({
      name,
      type: Packet.TYPE.A,
      class: Packet.CLASS.IN,
      ttl: 300,
      address: '8.8.8.8'
    });
    send(response);
  }
});

server.on('request', (request, response, rinfo) => {
  console.log('request from ' + rinfo.address, request.questions[0]);
});

server.on('requestError', (error) => {
  console.log('Client sent an invalid request', error);
});

server.on('close', () => {
  console.log('server closed');
});

server.on('listening', async () => {
  const { udp } = server.addresses();
  console.log('listening:', udp.address, udp.family, typeof udp.port);
  const dns = new dns2({ nameServers: ['127.0.0.1'], port: udp.port });
  const result = await dns.resolveA('google.com');
  console.log(result.answers);
  server.close();
});

server.listen({
  udp: {
    port: 0,
    address: '127.0.0.1',
    type: 'udp4',
  },
});
