var dgram = require('dgram');
var server = dgram.createSocket('udp4');
