// dns-socket, as its README shows: socket.query(query, port, host, cb)
// from one dns-socket to another bound with socket.bind(), which answers
// its 'query' events with socket.response(query, response, port, host);
// then both are destroyed. Query ids are random: the script prints whether
// the response's id is the one the server saw, not the id.
'use strict';
var dnsSocket = require('dns-socket');
var deadline = require('./lib/peer').deadline;

deadline(5000, 'dns-socket');
var server = dnsSocket();
var queryId;
server.on('query', function (query, port, host) {
  queryId = query.id;
  console.log('server got a query from ' + host + ' for ' + JSON.stringify(query.questions));
  server.response(query, {
    answers: [
      { type: 'A', name: query.questions[0].name, ttl: 60, data: '198.51.100.1' },
      { type: 'AAAA', name: query.questions[0].name, ttl: 60, data: '2001:db8::1' },
    ],
  }, port, host);
});

server.bind(0, '127.0.0.1', function () {
  var socket = dnsSocket();
  socket.query({
    questions: [{
      type: 'A',
      name: 'board.example'
    }]
  }, server.socket.address().port, '127.0.0.1', function (err, res) {
    console.log('error: ' + err);
    console.log('id matches: ' + (res.id === queryId));
    delete res.id;
    console.log(res);
    console.log('inflight: ' + socket.inflight);
    socket.destroy(function () {
      console.log('client destroyed');
      server.destroy(function () { console.log('server destroyed'); });
    });
  });
});
