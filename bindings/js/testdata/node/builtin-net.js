'use strict';
// net: a TCP server and client, Node's errors (ECONNREFUSED, EADDRINUSE) and
// argument checks (run under node and dgramjs: the same output).
const net = require('node:net');
// The server's and the client's events race each other: each side's are
// printed in their own order at the end.
const S = [], C = [];
const sv = (...a) => S.push(a.join(' '));
const cl = (...a) => C.push(a.join(' '));
process.on('exit', () => console.log(S.join('\n') + '\n--\n' + C.join('\n')));
console.log(net.isIP('1.2.3.4'), net.isIP('::1'), net.isIP('x'), net.isIPv4('1.2.3.4'), net.isIPv6('1.2.3.4'), typeof net.Socket, net.Stream === net.Socket);
for (const f of [() => net.connect(), () => net.connect({ port: 'x' }), () => net.connect(70000)]) {
  try { f(); } catch (e) { console.log(e.code, e.message); }
}
const server = net.createServer((sock) => {
  sv('server: connection from', sock.remoteAddress, typeof sock.remotePort, sock.localPort === server.address().port);
  sock.setEncoding('utf8');
  let got = '';
  sock.on('data', (d) => { got += d; });
  sock.on('end', () => {
    sv('server: got', JSON.stringify(got));
    sock.end('bye ' + got.length);
  });
  sock.on('close', (hadError) => sv('server: socket close', hadError));
});
server.on('listening', () => {
  const addr = server.address();
  sv('listening', addr.address, addr.family, typeof addr.port, server.listening);
  const client = net.createConnection({ port: addr.port, host: '127.0.0.1' }, () => {
    cl('client: connect', client.remoteAddress, client.remotePort === addr.port, client.readyState);
    client.write('hello ');
    client.write(Buffer.from('world'));
    client.end();
  });
  let reply = '';
  client.on('data', (d) => { reply += d; });
  client.on('end', () => cl('client: end', reply, client.bytesRead, client.bytesWritten));
  client.on('close', (hadError) => {
    cl('client: close', hadError, client.readyState);
    const refused = net.connect(1, '127.0.0.1');
    refused.on('error', (e) => {
      cl('refused', e.message, e.errno, e.code, e.syscall, e.address, e.port);
      const s2 = net.createServer();
      s2.on('error', (e2) => {
        cl('in use', e2.code, e2.syscall, e2.message.replace(/:\d+$/, ':PORT'));
        server.close(() => sv('server: close'));
      });
      s2.listen(addr.port, '127.0.0.1');
    });
    refused.on('close', (hadError) => cl('refused close', hadError));
  });
});
server.listen(0, '127.0.0.1');
