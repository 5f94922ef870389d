'use strict';
// fs: Node's fs module as far as configuration, certificates, logs and
// small data files need it, on the host's system calls (mod_fs.go): the
// Sync forms, the callback forms (on a goroutine, the callback on the
// loop) and fs.promises; Stats and Dirent; file descriptors; read and
// write streams. watch, watchFile, cp and the vectored and ownership
// calls throw ERR_METHOD_NOT_IMPLEMENTED when called.

var native = binding('fs');
var errors = require('./errors');
var EventEmitter = require('events');

var constants = {};
native.constants().forEach(function (kv) { constants[kv[0]] = kv[1]; });
var O = constants;

function toPath(p, name) {
  name = name || 'path';
  if (typeof p === 'string') {
    // a string is the path as it is
  } else if (Buffer.isBuffer(p)) {
    p = p.toString();
  } else if (p !== null && typeof p === 'object' && typeof p.href === 'string' && typeof p.protocol === 'string') {
    p = require('url').fileURLToPath(p);
  } else {
    throw errors.invalidArgType(name, ['string', 'Buffer', 'URL'], p);
  }
  if (p.indexOf('\u0000') !== -1) {
    throw errors.invalidArgValue(name, p, 'must be a string, Uint8Array, or URL without null bytes');
  }
  return p;
}

var flagsTable = {
  r: O.O_RDONLY, rs: O.O_RDONLY | O.O_SYNC, sr: O.O_RDONLY | O.O_SYNC,
  'r+': O.O_RDWR, 'rs+': O.O_RDWR | O.O_SYNC, 'sr+': O.O_RDWR | O.O_SYNC,
  w: O.O_TRUNC | O.O_CREAT | O.O_WRONLY, wx: O.O_TRUNC | O.O_CREAT | O.O_WRONLY | O.O_EXCL, xw: O.O_TRUNC | O.O_CREAT | O.O_WRONLY | O.O_EXCL,
  'w+': O.O_TRUNC | O.O_CREAT | O.O_RDWR, 'wx+': O.O_TRUNC | O.O_CREAT | O.O_RDWR | O.O_EXCL, 'xw+': O.O_TRUNC | O.O_CREAT | O.O_RDWR | O.O_EXCL,
  a: O.O_APPEND | O.O_CREAT | O.O_WRONLY, ax: O.O_APPEND | O.O_CREAT | O.O_WRONLY | O.O_EXCL, xa: O.O_APPEND | O.O_CREAT | O.O_WRONLY | O.O_EXCL,
  as: O.O_APPEND | O.O_CREAT | O.O_WRONLY | O.O_SYNC, sa: O.O_APPEND | O.O_CREAT | O.O_WRONLY | O.O_SYNC,
  'a+': O.O_APPEND | O.O_CREAT | O.O_RDWR, 'ax+': O.O_APPEND | O.O_CREAT | O.O_RDWR | O.O_EXCL, 'xa+': O.O_APPEND | O.O_CREAT | O.O_RDWR | O.O_EXCL,
  'as+': O.O_APPEND | O.O_CREAT | O.O_RDWR | O.O_SYNC, 'sa+': O.O_APPEND | O.O_CREAT | O.O_RDWR | O.O_SYNC
};
function stringToFlags(flags, name) {
  if (typeof flags === 'number') { return flags; }
  if (flags == null) { return O.O_RDONLY; }
  var f = flagsTable[flags];
  if (f === undefined) { throw errors.invalidArgValue(name || 'flags', flags); }
  return f;
}

function parseMode(mode, name, def) {
  if (mode === undefined || mode === null) { return def; }
  if (typeof mode === 'string') {
    if (!/^[0-7]+$/.test(mode)) { throw errors.invalidArgValue(name, mode, 'must be a 32-bit unsigned integer or an octal string'); }
    return parseInt(mode, 8);
  }
  errors.validateInteger(mode, name, 0, 4294967295);
  return mode;
}

function getOptions(options, defaults) {
  if (options === null || options === undefined || typeof options === 'function') { return defaults; }
  if (typeof options === 'string') {
    var o = Object.assign({}, defaults);
    o.encoding = options;
    options = o;
  } else if (typeof options !== 'object') {
    throw errors.invalidArgType('options', ['string', 'Object'], options);
  } else {
    options = Object.assign({}, defaults, options);
  }
  if (options.encoding !== undefined && options.encoding !== null && options.encoding !== 'buffer' && !Buffer.isEncoding(options.encoding)) {
    throw errors.invalidArgValue('encoding', options.encoding, 'is invalid encoding');
  }
  return options;
}

function maybeCallback(cb) {
  if (typeof cb !== 'function') { throw errors.invalidArgType('cb', 'Function', cb); }
  return cb;
}

function encoded(buf, encoding) {
  return encoding && encoding !== 'buffer' ? buf.toString(encoding) : buf;
}

function toData(data, encoding, name) {
  if (typeof data === 'string') { return Buffer.from(data, encoding || 'utf8'); }
  if (ArrayBuffer.isView(data)) { return Buffer.from(data.buffer, data.byteOffset, data.byteLength); }
  throw errors.invalidArgType(name || 'data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
}

// Stats and Dirent, as Node's.
var kType = Symbol('type');
function Stats(f) {
  this.dev = f[0]; this.mode = f[1]; this.nlink = f[2]; this.uid = f[3]; this.gid = f[4]; this.rdev = f[5];
  this.blksize = f[6]; this.ino = f[7]; this.size = f[8]; this.blocks = f[9];
  this.atimeMs = f[10]; this.mtimeMs = f[11]; this.ctimeMs = f[12]; this.birthtimeMs = f[13];
  this.atime = new Date(f[10]); this.mtime = new Date(f[11]); this.ctime = new Date(f[12]); this.birthtime = new Date(f[13]);
}
function modeIs(type) { return function () { return (this.mode & O.S_IFMT) === type; }; }
Stats.prototype.isFile = modeIs(O.S_IFREG);
Stats.prototype.isDirectory = modeIs(O.S_IFDIR);
Stats.prototype.isSymbolicLink = modeIs(O.S_IFLNK);
Stats.prototype.isFIFO = modeIs(O.S_IFIFO);
Stats.prototype.isSocket = modeIs(O.S_IFSOCK);
Stats.prototype.isCharacterDevice = modeIs(O.S_IFCHR);
Stats.prototype.isBlockDevice = modeIs(O.S_IFBLK);

function bigStats(f) {
  var s = new Stats(f);
  ['dev', 'mode', 'nlink', 'uid', 'gid', 'rdev', 'blksize', 'ino', 'size', 'blocks'].forEach(function (k) { s[k] = BigInt(s[k]); });
  ['atimeMs', 'mtimeMs', 'ctimeMs', 'birthtimeMs'].forEach(function (k) {
    s[k.replace('Ms', 'Ns')] = BigInt(Math.round(s[k] * 1e6));
    s[k] = BigInt(Math.floor(s[k]));
  });
  return s;
}

function Dirent(name, type, path) {
  this.name = name;
  this.parentPath = path;
  this.path = path;
  this[kType] = type;
}
function direntIs(t) { return function () { return this[kType] === t; }; }
Dirent.prototype.isFile = direntIs(1);
Dirent.prototype.isDirectory = direntIs(2);
Dirent.prototype.isSymbolicLink = direntIs(3);
Dirent.prototype.isFIFO = direntIs(4);
Dirent.prototype.isSocket = direntIs(5);
Dirent.prototype.isCharacterDevice = direntIs(6);
Dirent.prototype.isBlockDevice = direntIs(7);

// Each operation: prepare(args) gives the binding's arguments (checked),
// shape(result, args) what the caller gets.
function op(name, prepare, shape) {
  function sync() {
    var a = prepare.apply(null, arguments);
    var r = native.call(name, a);
    return shape ? shape(r, a) : r;
  }
  function async() {
    var args = Array.prototype.slice.call(arguments);
    var cb = maybeCallback(args.pop());
    var a = prepare.apply(null, args);
    native.call(name, a, function (err, r) {
      if (err) { return cb(err); }
      cb(null, shape ? shape(r, a) : r);
    });
  }
  function promise() {
    var args = Array.prototype.slice.call(arguments);
    return new Promise(function (resolve, reject) {
      var a = prepare.apply(null, args);
      native.call(name, a, function (err, r) {
        if (err) { reject(err); } else { resolve(shape ? shape(r, a) : r); }
      });
    });
  }
  return { sync: sync, async: async, promise: promise };
}

var ops = {};
ops.readFile = op('readFile', function (path, options) {
  options = getOptions(options, { flag: 'r' });
  if (Number.isInteger(path) && path >= 0) { return { fd: path, encoding: options.encoding }; }
  return { path: toPath(path), flags: stringToFlags(options.flag, 'flags'), encoding: options.encoding };
}, function (buf, a) { return encoded(buf, a.encoding); });

function writeArgs(defaultFlag) {
  return function (path, data, options) {
    options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: defaultFlag });
    if (Number.isInteger(path) && path >= 0) { return { fd: path, data: toData(data, options.encoding) }; }
    return { path: toPath(path, 'path'), data: toData(data, options.encoding), flags: stringToFlags(options.flag, 'flags'), mode: parseMode(options.mode, 'mode', 0o666) };
  };
}
ops.writeFile = op('writeFile', writeArgs('w'));
ops.appendFile = op('writeFile', writeArgs('a'));

function statArgs(follow) {
  return function (path, options) {
    var o = getOptions(options, { bigint: false, throwIfNoEntry: true });
    return { path: toPath(path), follow: follow, force: o.throwIfNoEntry === false, bigint: o.bigint };
  };
}
function statShape(f, a) {
  if (f === undefined) { return undefined; }
  return a.bigint ? bigStats(f) : new Stats(f);
}
ops.stat = op('stat', statArgs(true), statShape);
ops.lstat = op('stat', statArgs(false), statShape);
ops.fstat = op('fstat', function (fd, options) {
  var o = getOptions(options, { bigint: false });
  return { fd: checkFd(fd), bigint: o.bigint };
}, statShape);

ops.readdir = op('readdir', function (path, options) {
  var o = getOptions(options, { encoding: 'utf8', withFileTypes: false });
  if (o.recursive) { throw errors.notImplemented('readdir({ recursive: true })'); }
  return { path: toPath(path), withFileTypes: !!o.withFileTypes, encoding: o.encoding };
}, function (list, a) {
  return list.map(function (e) {
    var name = a.encoding === 'buffer' ? Buffer.from(e[0]) : e[0];
    return a.withFileTypes ? new Dirent(name, e[1], a.path) : name;
  });
});

ops.mkdir = op('mkdir', function (path, options) {
  var mode = 0o777, recursive = false;
  if (typeof options === 'number' || typeof options === 'string') {
    mode = parseMode(options, 'mode', 0o777);
  } else if (options) {
    if (options.recursive !== undefined) {
      if (typeof options.recursive !== 'boolean') { throw errors.invalidArgType('options.recursive', 'boolean', options.recursive); }
      recursive = options.recursive;
    }
    mode = parseMode(options.mode, 'options.mode', 0o777);
  }
  return { path: toPath(path), mode: mode, recursive: recursive };
});

ops.rmdir = op('rmdir', function (path, options) {
  if (options && options.recursive) { return { path: toPath(path), recursive: true, force: false }; }
  return { path: toPath(path) };
});
ops.rm = op('rm', function (path, options) {
  var o = options || {};
  return { path: toPath(path), recursive: !!o.recursive, force: !!o.force };
});
ops.unlink = op('unlink', function (path) { return { path: toPath(path) }; });
ops.rename = op('rename', function (oldPath, newPath) { return { path: toPath(oldPath, 'oldPath'), dest: toPath(newPath, 'newPath') }; });
ops.copyFile = op('copyFile', function (src, dest, mode) {
  return { path: toPath(src, 'src'), dest: toPath(dest, 'dest'), flags: mode === undefined || typeof mode === 'function' ? 0 : mode };
});
ops.access = op('access', function (path, mode) {
  return { path: toPath(path), mode: mode === undefined || typeof mode === 'function' ? O.F_OK : mode };
});
ops.realpath = op('realpath', function (path, options) {
  var o = getOptions(options, { encoding: 'utf8' });
  return { path: toPath(path), encoding: o.encoding };
}, function (p, a) { return a.encoding === 'buffer' ? Buffer.from(p) : p; });
ops.readlink = op('readlink', function (path, options) {
  var o = getOptions(options, { encoding: 'utf8' });
  return { path: toPath(path), encoding: o.encoding };
}, function (p, a) { return a.encoding === 'buffer' ? Buffer.from(p) : p; });
ops.symlink = op('symlink', function (target, path) { return { path: toPath(target, 'target'), dest: toPath(path) }; });
ops.link = op('link', function (existingPath, newPath) { return { path: toPath(existingPath, 'existingPath'), dest: toPath(newPath, 'newPath') }; });
ops.chmod = op('chmod', function (path, mode) { return { path: toPath(path), mode: parseMode(mode, 'mode') }; });
ops.truncate = op('truncate', function (path, len) {
  if (len === undefined || typeof len === 'function') { len = 0; }
  errors.validateInteger(len, 'len');
  return { path: toPath(path), length: Math.max(0, len) };
});
function toTime(t, name) {
  if (typeof t === 'number') { return t; }
  if (t instanceof Date) { return t.getTime() / 1000; }
  if (typeof t === 'string' && +t == t) { return +t; }
  throw errors.invalidArgType(name, ['number', 'string', 'Date'], t);
}
ops.utimes = op('utimes', function (path, atime, mtime) {
  return { path: toPath(path), atime: toTime(atime, 'atime'), mtime: toTime(mtime, 'mtime') };
});
ops.mkdtemp = op('mkdtemp', function (prefix) {
  errors.validateString(prefix, 'prefix');
  return { prefix: prefix };
});

function checkFd(fd) {
  errors.validateInteger(fd, 'fd', 0, 2147483647);
  return fd;
}
ops.open = op('open', function (path, flags, mode) {
  if (typeof flags === 'function') { flags = undefined; }
  if (typeof mode === 'function') { mode = undefined; }
  return { path: toPath(path), flags: stringToFlags(flags), mode: parseMode(mode, 'mode', 0o666) };
});
ops.close = op('close', function (fd) { return { fd: checkFd(fd) }; });
ops.fsync = op('fsync', function (fd) { return { fd: checkFd(fd) }; });
ops.fdatasync = op('fsync', function (fd) { return { fd: checkFd(fd) }; });
ops.ftruncate = op('ftruncate', function (fd, len) {
  if (len === undefined || typeof len === 'function') { len = 0; }
  return { fd: checkFd(fd), length: Math.max(0, len) };
});

// read(fd, buffer, offset, length, position) and its options forms.
function readArgs(fd, buffer, offsetOrOptions, length, position) {
  checkFd(fd);
  var offset = offsetOrOptions;
  if (offset !== null && typeof offset === 'object') {
    position = offset.position;
    length = offset.length;
    offset = offset.offset;
  }
  if (!ArrayBuffer.isView(buffer)) { throw errors.invalidArgType('buffer', ['Buffer', 'TypedArray', 'DataView'], buffer); }
  var view = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  if (offset === undefined || offset === null) { offset = 0; }
  errors.validateInteger(offset, 'offset', 0);
  if (length === undefined || length === null) { length = view.length - offset; }
  if (length === 0) { return { fd: fd, data: view, offset: 0, length: 0, position: position, empty: true }; }
  errors.validateInteger(length, 'length', 0, view.length - offset);
  if (typeof position === 'bigint') { position = Number(position); }
  return { fd: fd, data: view, offset: offset, length: length, position: typeof position === 'number' ? position : -1 };
}
ops.read = op('read', readArgs);
ops.write = op('write', function (fd, buffer, offset, length, position) {
  checkFd(fd);
  var data;
  if (typeof buffer === 'string') {
    // write(fd, string[, position[, encoding]])
    data = Buffer.from(buffer, typeof length === 'string' ? length : 'utf8');
    return { fd: fd, data: data, offset: 0, length: data.length, position: typeof offset === 'number' ? offset : -1 };
  }
  if (!ArrayBuffer.isView(buffer)) { throw errors.invalidArgType('buffer', ['string', 'Buffer', 'TypedArray', 'DataView'], buffer); }
  data = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  if (offset !== null && typeof offset === 'object') {
    position = offset.position;
    length = offset.length;
    offset = offset.offset;
  }
  if (offset === undefined || offset === null) { offset = 0; }
  errors.validateInteger(offset, 'offset', 0, data.length);
  if (length === undefined || length === null) { length = data.length - offset; }
  errors.validateInteger(length, 'length', 0, data.length - offset);
  return { fd: fd, data: data, offset: offset, length: length, position: typeof position === 'number' ? position : -1 };
});

// The exported API.
Object.keys(ops).forEach(function (name) {
  exports[name + 'Sync'] = ops[name].sync;
  exports[name] = ops[name].async;
});
// read's callback also gets the buffer; write's the buffer or string.
exports.read = function read(fd, buffer, offset, length, position, callback) {
  var args = Array.prototype.slice.call(arguments);
  var cb = maybeCallback(args.pop());
  var a = readArgs.apply(null, args);
  native.call('read', a, function (err, n) { cb(err, n || 0, buffer); });
};
var writeAsync = exports.write;
exports.write = function write(fd, buffer) {
  var args = Array.prototype.slice.call(arguments);
  var cb = maybeCallback(args.pop());
  writeAsync.apply(null, args.concat([function (err, n) { cb(err, n || 0, buffer); }]));
};
exports.existsSync = function existsSync(path) {
  try {
    native.call('access', { path: toPath(path), mode: O.F_OK });
    return true;
  } catch (e) {
    return false;
  }
};
exports.exists = function exists(path, callback) {
  maybeCallback(callback);
  var p;
  try { p = toPath(path); } catch (e) { return process.nextTick(callback, false); }
  native.call('access', { path: p, mode: O.F_OK }, function (err) { callback(!err); });
};
Object.defineProperty(exports.exists, binding('util').customPromisifyArgs, { value: undefined });
exports.Stats = Stats;
exports.Dirent = Dirent;
exports.constants = constants;
exports.F_OK = O.F_OK;
exports.R_OK = O.R_OK;
exports.W_OK = O.W_OK;
exports.X_OK = O.X_OK;

// Streams over a file.
function ReadStream(path, options) {
  var Readable = require('stream').Readable;
  if (!(this instanceof ReadStream)) { return new ReadStream(path, options); }
  options = getOptions(options, {});
  Readable.call(this, { highWaterMark: options.highWaterMark || 64 * 1024, encoding: options.encoding, emitClose: true, autoDestroy: true });
  this.path = typeof path === 'number' ? undefined : toPath(path);
  this.fd = typeof options.fd === 'number' ? options.fd : typeof path === 'number' ? path : null;
  this.flags = options.flags === undefined ? 'r' : options.flags;
  this.mode = options.mode === undefined ? 0o666 : options.mode;
  this.start = options.start;
  this.end = options.end === undefined ? Infinity : options.end;
  this.pos = this.start;
  this.bytesRead = 0;
  this.autoClose = options.autoClose === undefined ? true : options.autoClose;
}
function WriteStream(path, options) {
  var Writable = require('stream').Writable;
  if (!(this instanceof WriteStream)) { return new WriteStream(path, options); }
  options = getOptions(options, {});
  Writable.call(this, { highWaterMark: options.highWaterMark, decodeStrings: true, emitClose: true, autoDestroy: true });
  this.path = typeof path === 'number' ? undefined : toPath(path);
  this.fd = typeof options.fd === 'number' ? options.fd : typeof path === 'number' ? path : null;
  this.flags = options.flags === undefined ? 'w' : options.flags;
  this.mode = options.mode === undefined ? 0o666 : options.mode;
  this.start = options.start;
  this.pos = this.start;
  this.bytesWritten = 0;
  this.autoClose = options.autoClose === undefined ? true : options.autoClose;
}
var streamsReady = false;
function streams() {
  if (streamsReady) { return; }
  streamsReady = true;
  var stream = require('stream');
  Object.setPrototypeOf(ReadStream.prototype, stream.Readable.prototype);
  Object.setPrototypeOf(WriteStream.prototype, stream.Writable.prototype);
  function openThen(self, next) {
    if (self.fd !== null) { return next(); }
    exports.open(self.path, self.flags, self.mode, function (err, fd) {
      if (err) { return self.destroy(err); }
      self.fd = fd;
      self.emit('open', fd);
      self.emit('ready');
      next();
    });
  }
  function destroyFd(self, err, cb) {
    if (self.fd !== null && self.autoClose) {
      var fd = self.fd;
      self.fd = null;
      exports.close(fd, function (e) { cb(err || e); });
    } else {
      cb(err);
    }
  }
  ReadStream.prototype._read = function (n) {
    var self = this;
    openThen(this, function () {
      if (self.destroyed) { return; }
      var toRead = n;
      if (self.pos !== undefined) { toRead = Math.min(self.end - self.pos + 1, n); } else if (self.end !== Infinity) { toRead = Math.min(self.end - self.bytesRead + 1, n); }
      if (toRead <= 0) { return self.push(null); }
      var buf = Buffer.alloc(toRead);
      exports.read(self.fd, buf, 0, toRead, self.pos === undefined ? null : self.pos, function (err, bytes) {
        if (err) { return self.destroy(err); }
        if (bytes === 0) { return self.push(null); }
        if (self.pos !== undefined) { self.pos += bytes; }
        self.bytesRead += bytes;
        self.push(buf.subarray(0, bytes));
      });
    });
  };
  ReadStream.prototype._destroy = function (err, cb) { destroyFd(this, err, cb); };
  ReadStream.prototype.close = function (cb) {
    if (typeof cb === 'function') { require('stream').finished(this, cb); }
    this.destroy();
  };
  WriteStream.prototype._write = function (chunk, encoding, cb) {
    var self = this;
    openThen(this, function () {
      exports.write(self.fd, chunk, 0, chunk.length, self.pos === undefined ? null : self.pos, function (err, bytes) {
        if (err) { return cb(err); }
        self.bytesWritten += bytes;
        if (self.pos !== undefined) { self.pos += bytes; }
        cb();
      });
    });
  };
  WriteStream.prototype._final = function (cb) { openThen(this, cb); };
  WriteStream.prototype._destroy = function (err, cb) { destroyFd(this, err, cb); };
  WriteStream.prototype.close = function (cb) {
    if (typeof cb === 'function') { require('stream').finished(this, cb); }
    if (!this.writableEnded) { this.end(); } else { this.destroy(); }
  };
  WriteStream.prototype.destroySoon = WriteStream.prototype.end;
}
exports.ReadStream = ReadStream;
exports.WriteStream = WriteStream;
exports.createReadStream = function createReadStream(path, options) {
  streams();
  var s = new ReadStream(path, options);
  if (s.fd === null) { process.nextTick(function () { s.read(0); }); }
  return s;
};
exports.createWriteStream = function createWriteStream(path, options) {
  streams();
  return new WriteStream(path, options);
};
var origReadStream = ReadStream, origWriteStream = WriteStream;
exports.ReadStream = function ReadStream(path, options) { streams(); return new origReadStream(path, options); };
exports.WriteStream = function WriteStream(path, options) { streams(); return new origWriteStream(path, options); };

['watch', 'watchFile', 'unwatchFile', 'cp', 'cpSync', 'readv', 'readvSync', 'writev', 'writevSync', 'chown', 'chownSync',
  'fchown', 'fchownSync', 'lchown', 'lchownSync', 'fchmod', 'fchmodSync', 'lchmod', 'lchmodSync', 'futimes', 'futimesSync',
  'lutimes', 'lutimesSync', 'opendir', 'opendirSync', 'statfs', 'statfsSync', 'openAsBlob'].forEach(function (name) {
  exports[name] = function () { throw errors.notImplemented(name + '()'); };
});

Object.defineProperty(exports, 'promises', {
  configurable: true,
  enumerable: true,
  get: function () { return require('./fs_promises'); }
});
exports._ops = ops;
void EventEmitter;
