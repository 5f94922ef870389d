// needs: sandbox
// multicast-dns, as its README shows, on the mDNS group 224.0.0.251:5353
// (the default interfaces and port, which is why it runs only in the
// test's private network namespace): a responder answers the 'query' for
// board.local with mdns.respond(); a querier sends mdns.query({ questions })
// and prints the 'response' packet it gets. Each instance also hears its
// own packets (multicast loopback); the script prints what each heard
// from the other, then destroys both.
'use strict';
var mdns = require('multicast-dns');
var deadline = require('./lib/peer').deadline;

deadline(5000, 'multicast-dns');
var responder = mdns();
var querier = mdns();
var answered = false;

responder.on('query', function (query) {
  if (query.questions.length === 0 || query.questions[0].name !== 'board.local') { return; }
  console.log('responder got a query packet:', query);
  if (answered) { return; }
  answered = true;
  responder.respond({
    answers: [{ name: 'board.local', type: 'A', ttl: 120, flush: true, data: '10.200.0.1' }],
    additionals: [{ name: 'board.local', type: 'TXT', ttl: 120, data: ['id=7', 'model=pi'] }],
  });
});

querier.on('response', function (response) {
  if (response.answers.length === 0 || response.answers[0].name !== 'board.local') { return; }
  console.log('querier got a response packet:', response);
  querier.destroy(function () {
    console.log('querier destroyed');
    responder.destroy(function () { console.log('responder destroyed'); });
  });
});

querier.on('ready', function () {
  // lets query for an A record for 'board.local'
  querier.query({
    questions: [{
      name: 'board.local',
      type: 'A'
    }]
  });
});
