'use strict';
// URL and URLSearchParams as util.inspect shows them, forEach's arguments,
// os.tmpdir after the script changes process.env, os.EOL read-only (run under
// node and dgramjs: the same output).
const { URL, URLSearchParams } = require('url');
console.log(new URL('https://u:p@a.com:81/x?y=1&z=2#h'));
console.log(new URLSearchParams('a=1&b=x%20y'), new URLSearchParams(''), Object.prototype.toString.call(new URLSearchParams('')));
console.log({ u: new URL('http://x.com/') });
new URLSearchParams('a=1&b=2').forEach((v, k, o) => console.log('forEach', v, k, o instanceof URLSearchParams));
const os = require('os');
process.env.TMPDIR = '/var/tmp/';
console.log(os.tmpdir());
delete process.env.TMPDIR;
try { (function () { 'use strict'; os.EOL = 'x'; })(); } catch (e) { console.log(e.name); }
