'use strict';
// fs/promises: the fs operations returning Promises, and a FileHandle of
// open's descriptor.

var fs = require('./fs');
var errors = require('./errors');
var ops = fs._ops;

['readFile', 'writeFile', 'appendFile', 'stat', 'lstat', 'readdir', 'mkdir', 'rmdir', 'rm', 'unlink', 'rename', 'copyFile',
  'access', 'realpath', 'readlink', 'symlink', 'link', 'chmod', 'truncate', 'utimes', 'mkdtemp'].forEach(function (name) {
  exports[name] = ops[name].promise;
});

function FileHandle(fd) { this.fd = fd; }
FileHandle.prototype.close = function close() { return ops.close.promise(this.fd); };
FileHandle.prototype.stat = function stat(options) { return ops.fstat.promise(this.fd, options); };
FileHandle.prototype.sync = function sync() { return ops.fsync.promise(this.fd); };
FileHandle.prototype.datasync = FileHandle.prototype.sync;
FileHandle.prototype.truncate = function truncate(len) { return ops.ftruncate.promise(this.fd, len); };
FileHandle.prototype.read = function read(buffer, offset, length, position) {
  var self = this;
  if (buffer === undefined) { buffer = Buffer.alloc(16384); }
  return ops.read.promise(this.fd, buffer, offset, length, position).then(function (n) {
    void self;
    return { bytesRead: n, buffer: buffer };
  });
};
FileHandle.prototype.write = function write(buffer, offset, length, position) {
  return ops.write.promise(this.fd, buffer, offset, length, position).then(function (n) {
    return { bytesWritten: n, buffer: buffer };
  });
};
FileHandle.prototype.readFile = function readFile(options) {
  var self = this;
  var opts = typeof options === 'string' ? { encoding: options } : options || {};
  var chunks = [];
  function next() {
    var buf = Buffer.alloc(65536);
    return ops.read.promise(self.fd, buf, 0, buf.length, null).then(function (n) {
      if (n === 0) {
        var all = Buffer.concat(chunks);
        return opts.encoding ? all.toString(opts.encoding) : all;
      }
      chunks.push(buf.subarray(0, n));
      return next();
    });
  }
  return next();
};
FileHandle.prototype.writeFile = function writeFile(data, options) {
  var opts = typeof options === 'string' ? { encoding: options } : options || {};
  var buf = typeof data === 'string' ? Buffer.from(data, opts.encoding || 'utf8') : data;
  return ops.write.promise(this.fd, buf, 0, buf.length, null).then(function () {});
};
FileHandle.prototype.appendFile = FileHandle.prototype.writeFile;

exports.open = function open(path, flags, mode) {
  return ops.open.promise(path, flags, mode).then(function (fd) { return new FileHandle(fd); });
};
exports.FileHandle = FileHandle;
exports.constants = fs.constants;
['watch', 'cp', 'opendir', 'statfs', 'lchown', 'chown', 'lchmod', 'lutimes'].forEach(function (name) {
  exports[name] = function () { return Promise.reject(errors.notImplemented(name + '()')); };
});
