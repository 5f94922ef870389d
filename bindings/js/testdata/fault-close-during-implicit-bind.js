// close() right after sends that bind implicitly: the implicit bind and
// the datagrams' writes happen within send(), so the datagrams are sent, in
// the program's order; but the socket was closed before its 'listening',
// so it emits nothing but 'close': neither 'listening' nor the sends'
// callbacks (as in Node, where the sends wait behind the bind and close()
// drops them; Node's test-dgram-oob-buffer.js). docs/JS.md lists the
// difference: Node emits 'listening' and sends nothing.
// stdout: close
// stdout: the server got queued,second
var dgram = require('dgram');
var server = dgram.createSocket('udp4');
var got = [];
server.on('message', function (m) {
  got.push(m.toString());
  if (got.length === 2) {
    console.log('the server got ' + got.join());
    server.close();
  }
});
server.bind(0, '127.0.0.1', function () {
  var client = dgram.createSocket('udp4');
  var order = [];
  client.on('listening', function () { order.push('listening'); });
  client.on('close', function () {
    order.push('close');
    console.log(order.join(','));
  });
  client.send('queued', server.address().port, '127.0.0.1', function (err) { order.push('sent:' + err); });
  client.send('second', server.address().port, '127.0.0.1', function (err) { order.push('sent:' + err); });
  client.close();
});
