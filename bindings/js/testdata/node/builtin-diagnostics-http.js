'use strict';
// diagnostics_channel, and http/https as far as loading them (run under node
// and dgramjs: the same output).
const dc = require('node:diagnostics_channel');
const ch = dc.channel('my-channel');
console.log(ch.hasSubscribers, dc.hasSubscribers('my-channel'), dc.channel('my-channel') === ch, ch.name);
const onMessage = (msg, name) => console.log('got', msg, name);
ch.subscribe(onMessage);
console.log(ch.hasSubscribers, dc.hasSubscribers('my-channel'));
ch.publish({ a: 1 });
console.log(ch.unsubscribe(onMessage), ch.unsubscribe(onMessage), ch.hasSubscribers);
dc.subscribe('other', (m) => console.log('other', m));
dc.channel('other').publish(2);
const tc = dc.tracingChannel('op');
console.log(tc.hasSubscribers, tc.start.name);
tc.subscribe({ start: (c) => console.log('start', c.x), end: (c) => console.log('end', c.result), error: (c) => console.log('error', c.error.message) });
console.log(tc.traceSync((a, b) => a + b, { x: 1 }, null, 2, 3));
try { tc.traceSync(() => { throw new Error('bad'); }, { x: 2 }); } catch (e) { console.log('caught', e.message); }
try { dc.channel(1); } catch (e) { console.log(e.code, e.message); }
const http = require('http'); const https = require('https');
console.log(http.STATUS_CODES[404], http.METHODS.length, typeof http.Agent, new https.Agent({ keepAlive: true }).defaultPort, http.globalAgent.defaultPort, https.globalAgent.protocol, http.maxHeaderSize);
