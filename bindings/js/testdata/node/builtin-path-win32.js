'use strict';
// path.win32 (drives, UNC roots, both separators) and path.format's ext dot
// (run under node and dgramjs, in the package directory: the same output).
const path = require('path');
const w = path.win32;
const cases = ['C:\\a\\b\\c.txt', 'C:', 'C:\\', 'c:..\\x', '\\\\server\\share\\dir\\f.js', '\\\\server\\share', '/a/b', 'a\\b\\..\\c', '', '.', 'D:foo.bar.baz', '\\\\?\\C:\\x'];
for (const p of cases) {
  console.log(JSON.stringify([p, w.normalize(p || '.'), w.isAbsolute(p), w.dirname(p), w.basename(p), w.basename(p, '.txt'), w.extname(p), w.parse(p), w.toNamespacedPath(p)]));
}
console.log(w.join('C:\\a', '..', 'b', 'c'), w.join('\\\\server', 'share', 'x'), w.resolve('C:\\a', 'b', '..\\c'), w.resolve('C:\\a', 'D:\\b'), w.relative('C:\\a\\b', 'C:\\a\\c\\d'), w.relative('C:\\a', 'D:\\b'), w.relative('c:\\A\\b', 'C:\\a\\B'));
console.log(w.format({ root: 'C:\\', dir: 'C:\\x', name: 'f', ext: 'js' }), path.format({ name: 'x', ext: 'png' }), w.sep, w.delimiter, path.win32 === require('path/win32'), path.posix === require('path/posix'), w.posix === path.posix);
