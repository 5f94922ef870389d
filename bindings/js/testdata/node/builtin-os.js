'use strict';
// os, as Node documents it (run under node and dgramjs: the same output).
const os = require('node:os');
console.log(Object.keys(os).sort().join(' '));
console.log(JSON.stringify(os.networkInterfaces()));
console.log(JSON.stringify(os.constants));
console.log(os.EOL === '\n', os.platform(), os.type(), os.arch(), os.endianness(), os.tmpdir(), os.homedir(), os.hostname(), os.release(), os.version(), os.machine(), os.devNull);
console.log(os.cpus().length, Object.keys(os.cpus()[0]).join(), Object.keys(os.cpus()[0].times).join(), typeof os.cpus()[0].model, os.availableParallelism() >= 1);
console.log(os.totalmem() > os.freemem(), os.freemem() > 0, os.loadavg().length, os.uptime() > 0);
const ui = os.userInfo(); console.log(ui, Object.getPrototypeOf(ui), Buffer.isBuffer(os.userInfo({ encoding: 'buffer' }).username));
console.log(os.getPriority(), os.getPriority(0));
try { os.setPriority('x'); } catch (e) { console.log(e.code, e.message); }
try { os.getPriority(1.5); } catch (e) { console.log(e.code, e.message); }
console.log(require('os') === os);
