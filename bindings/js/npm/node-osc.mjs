// node-osc (Open Sound Control), as its README shows, as an ES module with
// top-level await: a Server (on port 0: node-osc then sets server.port to
// the bound one) whose callback says it listens and whose 'message' and
// 'bundle' events print what arrives; a Client that sends a message with
// await client.send(address, value), one with several typed arguments with
// the callback form, and a Bundle; then both are closed.
import { once } from 'node:events';
import { Bundle, Client, Server } from 'node-osc';
import peer from './lib/peer.js';

peer.deadline(5000, 'node-osc');
const oscServer = new Server(0, '127.0.0.1', () => {
  console.log('OSC Server is listening');
});

oscServer.on('message', function (msg) {
  console.log(`Message: ${msg}`);
});

oscServer.on('bundle', function (bundle) {
  bundle.elements.forEach((element, i) => {
    console.log(`Bundle element ${i}: ${element}`);
  });
});

await once(oscServer, 'listening');
const client = new Client('127.0.0.1', oscServer.port);
// Each wait for the server's event starts before the send: the datagram
// may arrive before the send's callback.
let got = once(oscServer, 'message');
await client.send('/oscAddress', 200);
await got;

got = once(oscServer, 'message');
await new Promise((resolve) => {
  client.send('/synth/note', 'C4', 0.5, true, () => resolve());
});
await got;

const bundle = new Bundle(['/one', 1], ['/two', 2], ['/three', 3]);
got = once(oscServer, 'bundle');
await client.send(bundle);
await got;

await client.close();
await oscServer.close();
console.log('closed');
