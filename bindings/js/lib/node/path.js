'use strict';
// path: Node's POSIX path, as the npm package path-browserify 1.0.1 ports
// Node's lib/path.js (MIT, lib/node/vendor), with Node's argument checks;
// path.posix is path, path.win32 lib/node/path_win32.js.

var vendored = require('./vendor/path-browserify/index.js');
var errors = require('./errors');
var validateString = errors.validateString;

function cwd() {
  return typeof process.cwd === 'function' ? process.cwd() : binding('path').cwd();
}

var posix = {
  resolve: function resolve() {
    for (var i = 0; i < arguments.length; i++) { validateString(arguments[i], 'paths[' + i + ']'); }
    if (arguments.length === 0 || arguments[0][0] !== '/') {
      // path-browserify asks process.cwd() only when a relative path is left
      return vendored.resolve.apply(null, [cwd()].concat(Array.prototype.slice.call(arguments)));
    }
    return vendored.resolve.apply(null, arguments);
  },
  normalize: function normalize(path) {
    validateString(path, 'path');
    return vendored.normalize(path);
  },
  isAbsolute: function isAbsolute(path) {
    validateString(path, 'path');
    return vendored.isAbsolute(path);
  },
  join: function join() {
    for (var i = 0; i < arguments.length; i++) { validateString(arguments[i], 'path'); }
    return vendored.join.apply(null, arguments);
  },
  relative: function relative(from, to) {
    validateString(from, 'from');
    validateString(to, 'to');
    return vendored.relative(posix.resolve(from), posix.resolve(to));
  },
  toNamespacedPath: function toNamespacedPath(path) { return path; },
  dirname: function dirname(path) {
    validateString(path, 'path');
    return vendored.dirname(path);
  },
  basename: function basename(path, suffix) {
    if (suffix !== undefined) { validateString(suffix, 'suffix'); }
    validateString(path, 'path');
    return vendored.basename(path, suffix);
  },
  extname: function extname(path) {
    validateString(path, 'path');
    return vendored.extname(path);
  },
  format: function format(pathObject) {
    errors.validateObject(pathObject, 'pathObject');
    var dir = pathObject.dir || pathObject.root;
    var ext = pathObject.ext ? (pathObject.ext[0] === '.' ? '' : '.') + pathObject.ext : '';
    var base = pathObject.base || (pathObject.name || '') + ext;
    if (!dir) { return base; }
    return dir === pathObject.root ? dir + base : dir + '/' + base;
  },
  parse: function parse(path) {
    validateString(path, 'path');
    return vendored.parse(path);
  },
  matchesGlob: function matchesGlob() { throw errors.notImplemented('path.matchesGlob()'); },
  sep: '/',
  delimiter: ':'
};

var win32 = require('./path_win32');

posix.win32 = win32;
posix.posix = posix;
win32.win32 = win32;
win32.posix = posix;
posix._makeLong = posix.toNamespacedPath;
module.exports = posix;
