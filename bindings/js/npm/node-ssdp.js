// needs: sandbox
// node-ssdp (SSDP, UPnP discovery), as its README shows: a Server with
// addUSN() for a media server's root device and services, start(), and a
// Client whose search() for the ContentDirectory service is answered by the
// server ('response' with headers, status code and rinfo); then the
// server's advertise-bye and stop(). SSDP uses the default interfaces, the
// group 239.255.255.250 and port 1900, which is why it runs only in the
// test's private network namespace. The location and the server signature
// (which names the runtime's version) are set, so the output is stable.
'use strict';
var Server = require('node-ssdp').Server;
var Client = require('node-ssdp').Client;
var deadline = require('./lib/peer').deadline;

deadline(5000, 'node-ssdp');
var server = new Server({
  location: 'http://10.200.0.1:8080/description.xml',
  udn: 'uuid:6bd5eabd-b7c8-4f7b-ae6c-a30ccdeb5988',
  ssdpSig: 'board/1.0 UPnP/1.1 node-ssdp/4',
  adInterval: 60000,
});
server.addUSN('upnp:rootdevice');
server.addUSN('urn:schemas-upnp-org:device:MediaServer:1');
server.addUSN('urn:schemas-upnp-org:service:ContentDirectory:1');
server.addUSN('urn:schemas-upnp-org:service:ConnectionManager:1');

var client = new Client({ ssdpSig: 'board/1.0 UPnP/1.1 node-ssdp/4' });
var responses = 0;
client.on('response', function (headers, statusCode, rinfo) {
  responses++;
  console.log('Got a response to an m-search:', statusCode, 'from', rinfo.address);
  console.log({ ST: headers.ST, USN: headers.USN, LOCATION: headers.LOCATION, SERVER: headers.SERVER, 'CACHE-CONTROL': headers['CACHE-CONTROL'] });
  if (responses === 1) {
    client.stop();
    server.stop();
    console.log('stopped');
  }
});

// start the server
server.start(function () {
  console.log('server started');
  // search for a service type
  client.search('urn:schemas-upnp-org:service:ContentDirectory:1');
});
