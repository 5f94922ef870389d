// Stand-in for Node's test/common/udp.js: the options of a reusePort
// socket, and a promise that a socket with them binds (rejected when bind
// fails, as where the system has no load-balancing SO_REUSEPORT).
'use strict';
var dgram = require('dgram');

var options = { type: 'udp4', reusePort: true };

function checkSupportReusePort() {
  return new Promise(function (resolve, reject) {
    var probe = dgram.createSocket(options);
    probe.on('error', function (err) {
      probe.close();
      reject(err);
    });
    probe.bind(0, function () {
      probe.close(resolve);
    });
  });
}

module.exports = { checkSupportReusePort: checkSupportReusePort, options: options };
