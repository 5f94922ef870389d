// coap (CoAP), as its README's basic example shows: coap.createServer()
// answers 'request' with res.end('Hello ' + name), server.listen(cb), and
// coap.request(url) pipes the response to process.stdout and exits with
// process.exit(0) at its 'end'. Beside it, made first, a confirmable POST
// with a JSON payload and a query string, answered with a content format
// and a code, checks the request side (method, url, payload, options) and
// the response side (code, headers). The two requests share coap's global
// agent, in flight together: the agent closes its socket once none is
// pending, so a request made after the first response could find it
// closing (coap's own race, under node too). The server listens on a free
// port (0) on 127.0.0.1.
'use strict';
const coap = require('coap');
const deadline = require('./lib/peer').deadline;

deadline(5000, 'coap');
const server = coap.createServer();

server.on('request', (req, res) => {
  if (req.method === 'POST') {
    console.log('server got', req.method, req.url, 'payload', req.payload.toString(), 'content-format', req.headers['Content-Format']);
    res.code = '2.01';
    res.setOption('Content-Format', 'application/json');
    res.end(JSON.stringify({ stored: JSON.parse(req.payload).value * 2 }));
    return;
  }
  console.log('server got', req.method, req.url);
  res.end('Hello ' + req.url.split('/')[1] + '\n');
});

server.listen(0, '127.0.0.1', () => {
  const port = server._sock.address().port;
  let posted = false;
  const post = coap.request({ hostname: '127.0.0.1', port, pathname: '/sensors/temp', query: 'unit=c', method: 'POST', confirmable: true });
  post.setOption('Content-Format', 'application/json');
  post.on('response', (res) => {
    console.log('POST answered', res.code, res.headers['Content-Format'], res.payload.toString());
    posted = true;
  });
  post.end(JSON.stringify({ value: 21 }));

  const req = coap.request('coap://127.0.0.1:' + port + '/Matteo');
  req.on('response', (res) => {
    res.pipe(process.stdout);
    res.on('end', () => {
      if (!posted) { console.log('the POST was not answered first'); }
      process.exit(0);
    });
  });
  req.end();
});
