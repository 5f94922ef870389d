// syslog-client, as its README shows: createClient(target, options) with
// the UDP transport, then log() with the defaults and with an explicit
// facility and severity in RFC 3164 format, and in RFC 5424 format with a
// msgid (back-dated, so the output is stable). The peer is a syslog
// collector on a dgram socket: it prints each message as it arrives (the
// RFC 5424 procid checked against process.pid) and asks for the next one;
// then the client is closed.
'use strict';
var dgram = require('dgram');
var syslog = require('syslog-client');
var deadline = require('./lib/peer').deadline;

deadline(5000, 'syslog-client');
var when = new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6));
var messages = [
  ['example message', { timestamp: when }],
  ['disk full', { facility: syslog.Facility.Daemon, severity: syslog.Severity.Critical, timestamp: when }],
  ['rfc 5424 message', { rfc3164: false, msgid: 'ID47', timestamp: when }],
];
var client;

function next() {
  var m = messages.shift();
  if (!m) {
    client.close();
    return;
  }
  client.log(m[0], m[1], function (err) {
    if (err) { console.log('log error: ' + err.message); }
  });
}

var collector = dgram.createSocket('udp4');
collector.on('message', function (msg, rinfo) {
  var text = msg.toString();
  var own = ' ' + process.pid + ' ';
  if (text.indexOf(own) >= 0) {
    text = text.replace(own, ' <process.pid> ');
  }
  console.log('syslog got from ' + rinfo.address + ' (' + (rinfo.size === msg.length ? 'whole' : 'size ' + rinfo.size) + '): ' + JSON.stringify(text));
  next();
});

collector.bind(0, '127.0.0.1', function () {
  client = syslog.createClient('127.0.0.1', {
    syslogHostname: 'board',
    appName: 'sensord',
    transport: syslog.Transport.Udp,
    port: collector.address().port,
  });
  client.on('close', function () {
    console.log('client closed');
    collector.close();
  });
  client.on('error', function (err) { console.log('client error: ' + err.message); });
  next();
});
