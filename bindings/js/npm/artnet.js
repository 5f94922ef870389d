// artnet, as its README shows: require('artnet')(options) with a host and
// port, set(channel, value, cb), set(channel, [values]) with null for
// channels left unchanged, set([values]) from channel 1, a trigger, then
// close(). The peer is an Art-Net node on a dgram socket that decodes each
// ArtDMX and ArtTrigger packet it receives, prints it, and only then lets
// the script make the next change (the package throttles to ~40 Hz, and
// changes made within one throttle window would be merged). A callback is
// called again when its send was throttled, so the script prints the last
// one's arguments, not each call.
'use strict';
var dgram = require('dgram');
var deadline = require('./lib/peer').deadline;

deadline(5000, 'artnet');
var node = dgram.createSocket('udp4');
var artnet;
var callback = 'not called';
var steps = [
  function () { artnet.set(1, 255); },
  function () { artnet.set(100, [10, 20, 30]); },
  function () { artnet.set(50, [255, null, 127]); },
  function () { artnet.set([255, 127]); },
  function () {
    artnet.set(1, 5, [1, 2, 3], function (err, res) {
      callback = [err, typeof res];
    });
  },
  function () { artnet.trigger(27243, 71, 2); },
  function () {
    console.log('set callback:', callback);
    artnet.close();
    node.close(function () { console.log('node closed'); });
  },
];

node.on('message', function (msg, rinfo) {
  var id = msg.toString('latin1', 0, 7);
  var opcode = msg.readUInt16LE(8);
  if (id !== 'Art-Net' || msg[7] !== 0) {
    console.log('not Art-Net: ' + msg.toString('hex'));
  } else if (opcode === 0x5000) {
    var universe = msg.readUInt16LE(14);
    var length = msg.readUInt16BE(16);
    var dmx = msg.subarray(18, 18 + length);
    var set = [];
    for (var i = 0; i < dmx.length; i++) {
      if (dmx[i] !== 0) { set.push((i + 1) + '=' + dmx[i]); }
    }
    console.log('ArtDMX v' + msg.readUInt16BE(10) + ' universe ' + universe + ', ' + length + ' channels, ' + (rinfo.size === msg.length ? 'whole' : 'cut') + ': ' + set.join(' '));
  } else if (opcode === 0x9900) {
    console.log('ArtTrigger oem ' + msg.readUInt16BE(14) + ' key ' + msg[16] + ' subkey ' + msg[17] + ', ' + msg.length + ' bytes');
  } else {
    console.log('opcode 0x' + opcode.toString(16));
  }
  steps.shift()();
});

node.bind(0, '127.0.0.1', function () {
  var options = {
    host: '127.0.0.1',
    port: node.address().port,
    refresh: 60000
  };
  artnet = require('artnet')(options);
  steps.shift()();
});
