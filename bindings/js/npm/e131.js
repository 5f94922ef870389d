// needs: sandbox
// e131 (E1.31 sACN), as its README shows, over multicast: a Server for
// universes 1 and 2 (it joins their multicast groups on the default
// interface, on the default port 5568, which is why it runs only in the
// test's private network namespace) prints each packet as the README's
// example does; a Client for universe 1 sends a packet made with
// createPacket(24) (source name, universe, the PREVIEW option, priority),
// changes its slots and sends again from the send callback, three times,
// the last with the TERMINATED option; a second Client sends universe 2 to
// the group by address. The server closes after the four packets, and
// the script exits (the package's Client has no close()).
'use strict';
var e131 = require('e131');
var deadline = require('./lib/peer').deadline;

deadline(5000, 'e131');
var server = new e131.Server([0x0001, 0x0002]);
var remaining = 4;
server.on('listening', function () {
  console.log('server listening on port %d, universes %j', this.port, this.universes);
  setImmediate(start);
});
server.on('packet', function (packet) {
  var sourceName = packet.getSourceName().replace(/\0+$/, '');  // NUL-padded
  var sequenceNumber = packet.getSequenceNumber();
  var universe = packet.getUniverse();
  var slotsData = packet.getSlotsData();
  console.log('source="%s", seq=%d, universe=%d, slots=%d, preview=%s, terminated=%s, priority=%d',
    sourceName, sequenceNumber, universe, slotsData.length,
    packet.getOption(packet.Options.PREVIEW), packet.getOption(packet.Options.TERMINATED), packet.getPriority());
  console.log('slots data = %s', slotsData.toString('hex'));
  if (--remaining === 0) {
    server.close();
  }
});
server.on('packet-out-of-order', function (packet) { console.log('out of order: seq %d', packet.getSequenceNumber()); });
server.on('packet-error', function (packet, err) { console.log('packet error: %s', err); });
server.on('close', function () {
  console.log('server closed');
  process.exit(0);  // the clients have no close()
});

function start() {
  var client = new e131.Client(1);  // the universe's multicast group
  var packet = client.createPacket(24);  // we want 8 RGB (x3) slots
  var slotsData = packet.getSlotsData();
  packet.setSourceName('test E1.31 client');
  packet.setUniverse(0x01);  // make universe number consistent with the client
  packet.setOption(packet.Options.PREVIEW, true);  // don't really change any fixture
  packet.setPriority(packet.DEFAULT_PRIORITY);  // not strictly needed, done automatically
  packet.setSequenceNumber(1);  // the server discards a first packet numbered 0

  var color = 0;
  var cycles = 3;
  function cycleColor() {
    for (var idx = 0; idx < slotsData.length; idx++) {
      slotsData[idx] = color % 0xff;
      color = color + 90;
    }
    if (--cycles === 0) {
      packet.setOption(packet.Options.TERMINATED, true);
    }
    client.send(packet, function () {
      if (cycles > 0) {
        setTimeout(cycleColor, 10);
      }
    });
  }
  cycleColor();

  var other = new e131.Client('239.255.0.2');
  var p2 = other.createPacket(3);
  p2.setSourceName('second source');
  p2.setUniverse(0x02);
  p2.setSlotsData(Buffer.from([1, 2, 3]));
  p2.setSequenceNumber(1);
  other.send(p2);
}
