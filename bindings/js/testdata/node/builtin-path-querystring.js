'use strict';
// path and querystring (run under node and dgramjs: the same output).
const path = require('node:path'); const qs = require('querystring');
console.log(path.join('/a', 'b', '../c'), path.resolve('x'), path.resolve('/a', 'b'), path.relative('/a/b', '/a/c/d'), path.dirname('/a/b/c.txt'), path.basename('/a/b/c.txt', '.txt'), path.extname('x.tar.gz'), path.parse('/home/u/f.txt'), path.format({ dir: '/x', base: 'y.js' }), path.normalize('/a//b/../c/.'), path.isAbsolute('a'), path.sep, path.delimiter, path.posix === path);
for (const f of [() => path.join(1), () => path.resolve('a', null), () => path.basename('a', 1), () => path.relative(1, 'a'), () => path.format(null)]) { try { f(); } catch (e) { console.log(e.code, e.message); } }
console.log(qs.parse('a=1&b=2&a=3&c=%E2%82%AC&d=%zz&e+f=g+h'), qs.stringify({ a: [1, 2], b: 'x y', c: '€', d: true, e: null, f: 10n }), qs.escape("a b!'()*~"), qs.unescape('%E2%82%AC%'), qs.unescapeBuffer('a%20b+c', true), qs.parse('a:1;b:2', ';', ':'), qs.parse('a=1&b=2', null, null, { maxKeys: 1 }));
console.log(qs.parse('a=1&&b=2&'), qs.parse('=b&c'), qs.parse('a=1=2'), qs.parse('a==1', null, '=='), qs.parse('x', '', ''), qs.parse(1), qs.parse('a=%E2%82', null, null, {decodeURIComponent: (s) => s.toUpperCase()}), qs.parse('a=1&b=2&c=3', '&', '=', {maxKeys: 0}));
