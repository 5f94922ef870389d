// close() right after a send that binds implicitly: the implicit bind and
// the datagram's write happen within send(), so the datagram is sent and
// its callback runs before 'close'; the socket closed before its
// 'listening' was emitted, so there is none. (Node queues the datagram
// behind its asynchronous bind and drops it, with no callback, when close()
// follows in the same tick: docs/JS.md lists the difference.)
// stdout: sent:null,close
var dgram = require('dgram');
var server = dgram.createSocket('udp4');
var got = [];
server.on('message', function (m) { got.push(m.toString()); });
server.bind(0, '127.0.0.1', function () {
  var client = dgram.createSocket('udp4');
  var order = [];
  client.on('listening', function () { order.push('listening'); });
  client.on('close', function () {
    order.push('close');
    console.log(order.join(','));
    setTimeout(function () {
      if (got.join() !== 'queued') throw new Error('the server got ' + JSON.stringify(got));
      server.close();
    }, 100);
  });
  client.send('queued', server.address().port, '127.0.0.1', function (err) { order.push('sent:' + err); });
  client.close();
});
