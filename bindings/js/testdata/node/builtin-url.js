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
console.log(url.fileURLToPath('file:///tmp/a%20b.txt'), url.pathToFileURL('/tmp/a b#c?.txt').href, url.pathToFileURL('/tmp/dir/').href);
for (const f of [() => url.fileURLToPath('http://x/'), () => url.fileURLToPath('file://host/x'), () => url.fileURLToPath('file:///a%2fb'), () => url.parse(1), () => new url.URL('nope')]) { try { f(); } catch (e) { console.log(e.code, e.message); } }
console.log(url.urlToHttpOptions(new url.URL('http://a:b@[::1]:81/x?y=1')), url.format(w, { fragment: false, auth: false, search: false }), url.domainToASCII('español.com'), require('punycode').encode('mañana'));
{
const { URL } = url;
const a = new URL('http://a:b@[::1]:81/x?y=1'); console.log(a.hostname, a.host, a.href);
const b = new URL('file://'); b.pathname = '/tmp/dir/'; console.log(b.href);
const c = new URL('https://u:p@h.com/'); c.username = ''; c.password=''; console.log(c.href);
const d = new URL('HTTP://EXAMPLE.com:80/a/../b/./c?x#y'); console.log(d.href, d.port, d.origin);
console.log(new URL('/path?q', 'http://base.com/dir/').href, new URL('mailto:x@y.com').pathname, new URL('http://x.com/ä?ä=ü').href, JSON.stringify(new URL('http://x.com')), String(new URL('http://x.com')));
console.log(new URL('http://x.com').searchParams.toString(), Object.prototype.toString.call(new URL('http://x.com')));
}
console.log(new url.URL('http://x.com/a/../b/').href, new url.URL('HTTP://[::1]:80/').href, url.URL.canParse('x'), url.URL.canParse('/x', 'http://a/'), JSON.stringify({ u: new url.URL('http://a/?b#c') }));
for (const f of [() => new url.URL(), () => { const u = new url.URL('http://a/'); u.href = 'nope'; }, () => new url.URL('/x', 'nope')]) { try { f(); } catch (e) { console.log(e.name, e.code, e.message, e.input, e.base); } }
const sp2 = new url.URLSearchParams({ b: '2', a: '1' }); sp2.sort(); sp2.set('c', 'x y&z'); console.log(sp2.toString(), sp2.has('a'), sp2.size, [...sp2].length);
