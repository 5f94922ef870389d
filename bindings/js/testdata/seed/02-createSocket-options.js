var dgram = require('dgram');
var server = dgram.createSocket({ type: 'udp4', reuseAddr: true});
