'use strict';
// net: 4 MiB echoed with backpressure, a socket timeout, a Unix socket, an
// unref'd server (run under node and dgramjs: the same output).
const net = require('net');
const path = require('path');
const os = require('os');
const fs = require('fs');
const crypto = require('crypto');
// 4 MiB echoed through a server that pauses its reading, a socket
// timeout, and a Unix socket; each step after the one before.
const steps = [];
const next = () => { const s = steps.shift(); if (s) { s(); } };
steps.push(() => {
  const data = Buffer.alloc(4 * 1024 * 1024);
  for (let i = 0; i < data.length; i++) { data[i] = (i * 7) & 255; }
  const server = net.createServer((sock) => {
    sock.on('data', (chunk) => {
      if (!sock.write(chunk)) {
        sock.pause();
        sock.once('drain', () => sock.resume());
      }
    });
    sock.on('end', () => sock.end());
  });
  server.listen(0, '127.0.0.1', () => {
    const c = net.connect(server.address().port, '127.0.0.1');
    const h = crypto.createHash('sha256');
    let n = 0;
    c.on('data', (d) => { n += d.length; h.update(d); });
    c.on('end', () => {
      console.log('echoed', n, h.digest('hex') === crypto.createHash('sha256').update(data).digest('hex'));
      server.close(next);
    });
    c.end(data);
  });
});
steps.push(() => {
  const server = net.createServer((sock) => { sock.on('close', () => server.close(next)); });
  server.listen(0, '127.0.0.1', () => {
    const c = net.connect({ port: server.address().port, host: '127.0.0.1' });
    c.setTimeout(30, () => {
      console.log('timeout', c.timeout);
      c.destroy();
    });
  });
});
steps.push(() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dgramjs-net-'));
  const sockPath = path.join(dir, 's.sock');
  const server = net.createServer((sock) => sock.end('over unix'));
  server.listen(sockPath, () => {
    console.log('unix address', server.address() === sockPath);
    const c = net.connect(sockPath);
    c.setEncoding('utf8');
    c.on('data', (d) => console.log('unix data', d));
    c.on('close', () => server.close(() => { fs.rmSync(dir, { recursive: true, force: true }); next(); }));
  });
});
steps.push(() => {
  // an unref'd server does not keep the run alive
  const server = net.createServer();
  server.listen(0, '127.0.0.1', () => { server.unref(); console.log('unref listening', server.listening); });
});
next();
