// hot-shots (StatsD/DogStatsD client), as its README shows: a client with
// global tags sends a counter, a timing, a gauge, a set, a histogram and an
// event; the peer is a StatsD server on a dgram socket that prints each
// metric line as it arrives, then the client is closed.
'use strict';
var dgram = require('dgram');
var StatsD = require('hot-shots');
var deadline = require('./lib/peer').deadline;

deadline(5000, 'hot-shots');
var server = dgram.createSocket('udp4');
var want = 6;
server.on('message', function (msg) {
  msg.toString().split('\n').forEach(function (line) {
    if (line === '') { return; }
    console.log('statsd got: ' + line);
    if (--want === 0) {
      client.close(function (err) {
        console.log('client closed: ' + (err || 'ok'));
        server.close();
      });
    }
  });
});

var client;
server.bind(0, '127.0.0.1', function () {
  client = new StatsD({
    host: '127.0.0.1',
    port: server.address().port,
    prefix: 'board.',
    globalTags: { env: 'test' },
    errorHandler: function (err) { console.log('socket error: ' + err.message); },
  });
  client.increment('my_counter');
  client.timing('response_time', 42);
  client.gauge('my_gauge', 123.45);
  client.set('my_unique', 'foobar');
  client.histogram('my_histogram', 42, ['foo', 'bar']);
  client.event('my_title', 'description', { date_happened: new Date(0), alert_type: 'info' }, ['ev']);
});
