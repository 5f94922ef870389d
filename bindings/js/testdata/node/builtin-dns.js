'use strict';
// dns: lookup (hosts file and literals; no name that would send a query
// off this machine), its promise forms, errors and
// checks (run under node and dgramjs: the same output; callbacks sorted).
const dns = require('node:dns');
const out = [];
const log = (...a) => out.push(a.map((x) => typeof x === 'object' && x !== null && !(x instanceof Error) ? JSON.stringify(x) : String(x)).join(' '));
const err = (e) => [e.message, e.errno, e.code, e.syscall, e.hostname].join(' ');
dns.lookup('localhost', { all: true }, (e, a) => log('all', e, a));
dns.lookup('localhost', (e, a, f) => log('localhost', e, a, f));
dns.lookup('127.0.0.1', (e, a, f) => log('literal', e, a, f));
dns.lookup('::1', { all: true }, (e, a) => log('literal6', e, a));
dns.lookup('', (e, a, f) => log('empty', e, a, f));
for (const f of [() => dns.lookup(1, () => {}), () => dns.lookup('x', { family: 5 }, () => {}), () => dns.lookup('x', 5, () => {}), () => dns.lookup('x', 'a', () => {}), () => dns.lookup('x'), () => dns.setServers(['nope']), () => dns.resolve('x', 'BOGUS', () => {})]) {
  try { f(); } catch (e) { console.log(e.code, e.message); }
}
dns.promises.lookup('localhost').then((r) => log('promise', r));
dns.promises.lookup('localhost', { all: true }).then((r) => log('promise all', r));
require('util').promisify(dns.lookup)('127.0.0.1').then((r) => log('promisify', r));
console.log(dns.NOTFOUND, dns.ADDRCONFIG, dns.getDefaultResultOrder(), typeof dns.Resolver, typeof dns.promises.Resolver, Array.isArray(dns.getServers()));
process.on('exit', () => console.log(out.sort().join('\n')));
