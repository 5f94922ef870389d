'use strict';
// url: the legacy API, URL and URLSearchParams, file URLs (run under node and
// dgramjs: the same output).
const url = require('node:url');
const u = url.parse('http://user:pw@Example.com:8080/p/a/t/h?query=string&a=1#hash', true);
console.log(u.protocol, u.auth, u.host, u.port, u.hostname, u.hash, u.search, u.query, u.pathname, u.path, u.href, u.slashes);
console.log(url.format({ protocol: 'https', hostname: 'example.com', pathname: '/some/path', query: { page: 1, format: 'json' } }));
console.log(url.resolve('/one/two/three', 'four'), url.resolve('http://example.com/', '/one'), url.resolve('http://example.com/one', '/two'));
const w = new url.URL('https://user:pass@sub.example.com:8080/p/a/t/h?query=string#hash');
console.log(w.href, w.origin, w.protocol, w.username, w.host, w.hostname, w.port, w.pathname, w.search, w.hash, w.searchParams.get('query'));
const sp = new url.URLSearchParams('a=1&b=2&a=3'); sp.append('c', 'x y'); console.log(sp.toString(), sp.getAll('a'), [...sp.keys()].join());
console.log(url.fileURLToPath('file:///tmp/a%20b.txt'), url.pathToFileURL('/tmp/a b#c?.txt').href);
for (const f of [() => url.fileURLToPath('http://x/'), () => url.fileURLToPath('file://host/x'), () => url.fileURLToPath('file:///a%2fb'), () => url.parse(1), () => new url.URL('nope')]) { try { f(); } catch (e) { console.log(e.code, e.message); } }
console.log(url.urlToHttpOptions(new url.URL('http://a:b@[::1]:81/x?y=1')), url.format(w, { fragment: false, auth: false, search: false }), url.domainToASCII('español.com'), require('punycode').encode('mañana'));
