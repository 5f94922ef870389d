// dns-packet with dgram, as its README shows: a query for google.com's A
// record is encoded and sent with socket.send(buf, 0, buf.length, port,
// host), and the response is decoded and printed with console.log. The
// peer is a DNS server on a dgram socket that decodes the query with
// dns-packet, checks it, and answers with an A and a TXT record.
'use strict';
var dnsPacket = require('dns-packet');
var dgram = require('dgram');
var deadline = require('./lib/peer').deadline;

deadline(5000, 'dns-packet');
var server = dgram.createSocket('udp4');
server.on('message', function (message, rinfo) {
  var query = dnsPacket.decode(message);
  console.log('server got a ' + query.type + ' id ' + query.id + ' for ' + query.questions.map(function (q) { return q.type + ' ' + q.name; }).join(', ') +
    (query.flags & dnsPacket.RECURSION_DESIRED ? ', recursion desired' : ''));
  var answer = dnsPacket.encode({
    type: 'response',
    id: query.id,
    flags: dnsPacket.AUTHORITATIVE_ANSWER,
    questions: query.questions,
    answers: [
      { type: 'A', name: 'google.com', ttl: 300, data: '192.0.2.7' },
      { type: 'TXT', name: 'google.com', ttl: 60, data: ['v=spf1 -all', Buffer.from([0, 1, 2])] },
    ],
  });
  server.send(answer, 0, answer.length, rinfo.port, rinfo.address);
});

server.bind(0, '127.0.0.1', function () {
  var socket = dgram.createSocket('udp4');

  var buf = dnsPacket.encode({
    type: 'query',
    id: 1,
    flags: dnsPacket.RECURSION_DESIRED,
    questions: [{
      type: 'A',
      name: 'google.com'
    }]
  });

  socket.on('message', function (message) {
    console.log(dnsPacket.decode(message));
    socket.close();
    server.close();
  });

  socket.send(buf, 0, buf.length, server.address().port, '127.0.0.1');
});
