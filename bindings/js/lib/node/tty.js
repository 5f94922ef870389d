'use strict';
// tty: isatty, and ReadStream and WriteStream over a terminal's file
// descriptor (mod_tty.go): a WriteStream writes synchronously, as Node's
// does for a terminal, and knows its size and colour depth; a ReadStream
// reads in the background and has setRawMode.

var native = binding('tty');
var errors = require('./errors');

// stream is loaded with the first WriteStream or ReadStream: a script that
// only asks isatty (the debug package does, at start-up) does not pay for it.
var stream = null;
function streams() {
  if (stream === null) {
    stream = require('stream');
    Object.setPrototypeOf(WriteStream.prototype, stream.Writable.prototype);
    Object.setPrototypeOf(WriteStream, stream.Writable);
    Object.setPrototypeOf(ReadStream.prototype, stream.Readable.prototype);
    Object.setPrototypeOf(ReadStream, stream.Readable);
  }
}

function isatty(fd) {
  return Number.isInteger(fd) && fd >= 0 && fd <= 2147483647 && native.isatty(fd);
}

function checkFd(fd) {
  if (!Number.isInteger(fd) || fd < 0) { throw errors.outOfRange('fd', '>= 0 && <= 2147483647', fd); }
  if (!native.isatty(fd)) {
    var e = errors.codedError(Error, 'ERR_TTY_INIT_FAILED', 'TTY initialization failed: uv_tty_init returned EINVAL (invalid argument)');
    e.name = 'SystemError';
    throw e;
  }
}

function WriteStream(fd) {
  if (!(this instanceof WriteStream)) { return new WriteStream(fd); }
  checkFd(fd);
  streams();
  stream.Writable.call(this, { decodeStrings: true });
  this.fd = fd;
  this._type = 'tty';
  this.isTTY = true;
  var size = native.size(fd);
  this.columns = size[0];
  this.rows = size[1];
}
WriteStream.prototype._write = function (chunk, encoding, cb) {
  try {
    native.write(this.fd, chunk);
  } catch (e) {
    return cb(e);
  }
  cb();
};
WriteStream.prototype.getWindowSize = function getWindowSize() {
  var size = native.size(this.fd);
  return [size[0], size[1]];
};
WriteStream.prototype._refreshSize = function () {
  var size = native.size(this.fd);
  if (size[0] !== this.columns || size[1] !== this.rows) {
    this.columns = size[0];
    this.rows = size[1];
    this.emit('resize');
  }
};

// getColorDepth: Node's reading of the environment (lib/internal/tty.js), in
// short: 1, 4, 8 or 24 bits.
WriteStream.prototype.getColorDepth = function getColorDepth(env) {
  if (env === undefined) { env = process.env; }
  if (env.FORCE_COLOR !== undefined) {
    switch (env.FORCE_COLOR) {
      case '': case '1': case 'true': return 4;
      case '2': return 8;
      case '3': return 24;
      default: return 1;
    }
  }
  if (env.NODE_DISABLE_COLORS !== undefined || env.NO_COLOR !== undefined || env.TERM === 'dumb') { return 1; }
  if (env.TMUX) { return 24; }
  if (env.CI) { return 8; }
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') { return 24; }
  var term = env.TERM;
  if (term) {
    if (/truecolor/.test(term)) { return 24; }
    if (/-256(color)?$/.test(term) || /^(kitty|xterm-ghostty)$/.test(term)) { return 8; }
    if (/^(xterm|screen|vt100|vt220|rxvt|color|ansi|cygwin|linux|con\d+x\d+|eterm|konsole|putty|tmux)/.test(term)) { return 4; }
  }
  if (env.COLORTERM) { return 4; }
  return 1;
};
WriteStream.prototype.hasColors = function hasColors(count, env) {
  if (env === undefined && (count === undefined || (typeof count === 'object' && count !== null))) {
    env = count;
    count = 16;
  } else if (count === undefined) {
    count = 16;
  } else {
    errors.validateInteger(count, 'count', 2);
  }
  return count <= Math.pow(2, this.getColorDepth(env));
};
// The cursor functions of readline, as the methods of a WriteStream.
var CSI = '\x1b[';
WriteStream.prototype.cursorTo = function cursorTo(x, y, cb) {
  if (typeof y === 'function') { cb = y; y = undefined; }
  if (!Number.isFinite(x)) { throw errors.invalidArgValue('x', x); }
  return this.write(typeof y !== 'number' ? CSI + (x + 1) + 'G' : CSI + (y + 1) + ';' + (x + 1) + 'H', cb);
};
WriteStream.prototype.moveCursor = function moveCursor(dx, dy, cb) {
  var data = '';
  if (dx < 0) { data += CSI + -dx + 'D'; } else if (dx > 0) { data += CSI + dx + 'C'; }
  if (dy < 0) { data += CSI + -dy + 'A'; } else if (dy > 0) { data += CSI + dy + 'B'; }
  return this.write(data, cb);
};
WriteStream.prototype.clearLine = function clearLine(dir, cb) {
  return this.write(dir < 0 ? CSI + '1K' : dir > 0 ? CSI + '0K' : CSI + '2K', cb);
};
WriteStream.prototype.clearScreenDown = function clearScreenDown(cb) { return this.write(CSI + '0J', cb); };

function ReadStream(fd, options) {
  if (!(this instanceof ReadStream)) { return new ReadStream(fd, options); }
  checkFd(fd);
  streams();
  stream.Readable.call(this, options);
  this.fd = fd;
  this.isTTY = true;
  this.isRaw = false;
  this._reading = false;
}
ReadStream.prototype._read = function () {
  if (this._reading) { return; }
  this._reading = true;
  var self = this;
  native.read(this.fd, function (err, chunk) {
    self._reading = false;
    if (err) { self.destroy(err); return; }
    self.push(chunk);
  });
};
ReadStream.prototype.setRawMode = function setRawMode(flag) {
  flag = !!flag;
  native.setRawMode(this.fd, flag);
  this.isRaw = flag;
  return this;
};

exports.isatty = isatty;
exports.WriteStream = WriteStream;
exports.ReadStream = ReadStream;
