'use strict';
// net: TCP and Unix-socket clients and servers, as Node's net documents
// them, on Go's net package (mod_net.go). Socket is a Duplex stream
// (connect, write, end, on('data'), setTimeout, setNoDelay, setKeepAlive,
// ref/unref, address and peer), Server listens and emits 'connection'.
// BlockList and SocketAddress throw ERR_METHOD_NOT_IMPLEMENTED when made.

var native = binding('net');
var isIPNative = binding('dns').isIP;
var EventEmitter = require('events');
var errors = require('./errors');

// stream is loaded with the first Socket: a script that only requires net
// (many do at start-up, for an optional TCP transport) does not pay for it.
var stream = null;
function streams() {
  if (stream === null) {
    stream = require('stream');
    Object.setPrototypeOf(Socket.prototype, stream.Duplex.prototype);
    Object.setPrototypeOf(Socket, stream.Duplex);
  }
}
var codedError = errors.codedError;

function isIP(input) { return typeof input === 'string' ? isIPNative(input) : 0; }
function isIPv4(input) { return isIP(input) === 4; }
function isIPv6(input) { return isIP(input) === 6; }

function validatePort(port, name) {
  if ((typeof port !== 'number' && typeof port !== 'string') || (typeof port === 'string' && port.trim() === '') ||
      +port !== (+port >>> 0) || port > 0xFFFF) {
    throw codedError(RangeError, 'ERR_SOCKET_BAD_PORT', (name || 'Port') + ' should be >= 0 and < 65536. Received ' + errors.describe(port) + '.');
  }
  return +port;
}

function isPipeName(s) { return typeof s === 'string' && String(Number(s)) !== s; }

// normalizeArgs: connect's and listen's argument forms as [options, cb].
function normalizeArgs(args) {
  if (args.length === 0) { return [{}, null]; }
  var arg0 = args[0];
  var options = {};
  if (arg0 !== null && typeof arg0 === 'object') {
    options = arg0;
  } else if (isPipeName(arg0)) {
    options.path = arg0;
  } else {
    options.port = arg0;
    if (args.length > 1 && typeof args[1] === 'string') { options.host = args[1]; }
  }
  var cb = args[args.length - 1];
  return [options, typeof cb === 'function' ? cb : null];
}

function Socket(options) {
  if (!(this instanceof Socket)) { return new Socket(options); }
  if (typeof options === 'number') { options = { fd: options }; } else if (options === undefined) { options = {}; }
  if (options.fd !== undefined) { throw errors.notImplemented('Socket({ fd })'); }
  streams();
  stream.Duplex.call(this, {
    allowHalfOpen: Boolean(options.allowHalfOpen),
    emitClose: false,
    autoDestroy: true,
    decodeStrings: true,
    highWaterMark: options.highWaterMark
  });
  this.connecting = false;
  this._handle = null;
  this._peer = null;
  this._sockname = null;
  this._reading = false;
  this._readWanted = false;
  this._hadError = false;
  this._refd = true;
  this._timeoutMs = 0;
  this._timer = null;
  this._noDelay = undefined;
  this._keepAlive = undefined;
  this.bytesRead = 0;
  this._bytesWritten = 0;
  this.server = null;
  this._server = null;
  if (options.handle) {
    this._attach(options.handle, options.local, options.remote);
    this.read(0); // reading starts, as in Node, so that the end of input is seen
  }
  if (options.signal) { stream.addAbortSignal(options.signal, this); }
}
Socket.prototype._attach = function (handle, local, remote) {
  this._handle = handle;
  this._sockname = local;
  this._peer = remote;
  if (!this._refd) { native.ref(handle, false); }
  if (this._noDelay !== undefined) { native.setNoDelay(handle, this._noDelay); }
  if (this._keepAlive !== undefined) { native.setKeepAlive(handle, this._keepAlive[0], this._keepAlive[1]); }
};

Socket.prototype.connect = function connect() {
  var args = Array.prototype.slice.call(arguments);
  var norm = Array.isArray(args[0]) ? args[0] : normalizeArgs(args);
  var options = norm[0], cb = norm[1];
  if (this.destroyed) {
    this._readableState.reading = false;
    this._readableState.ended = false;
    this._readableState.endEmitted = false;
    this._writableState.ended = false;
    this._writableState.ending = false;
    this._writableState.finished = false;
    this._writableState.errorEmitted = false;
    this._readableState.destroyed = false;
    this._writableState.destroyed = false;
  }
  var network = 'tcp', host, port = -1;
  if (options.path !== undefined && options.path !== null) {
    errors.validateString(options.path, 'options.path');
    network = 'unix';
    host = options.path;
  } else {
    if (options.port === undefined || options.port === null) {
      throw codedError(TypeError, 'ERR_MISSING_ARGS', 'The "options" or "port" or "path" argument must be specified');
    }
    port = validatePort(options.port);
    host = options.host || 'localhost';
    if (typeof host !== 'string') { throw errors.invalidArgType('options.host', 'string', host); }
    if (options.family === 4 && host === 'localhost') { network = 'tcp4'; }
    if (options.family === 6) { network = 'tcp6'; }
  }
  if (cb !== null) { this.once('connect', cb); }
  if (options.timeout) { this.setTimeout(options.timeout); }
  if (options.noDelay) { this.setNoDelay(true); }
  if (options.keepAlive) { this.setKeepAlive(true, options.keepAliveInitialDelay); }
  this.connecting = true;
  this._host = host;
  var self = this;
  native.connect(network, host, port, 0, function (err, handle, local, remote) {
    if (self.destroyed) {
      if (handle) { native.close(handle, false); }
      return;
    }
    self.connecting = false;
    if (err) {
      self.destroy(err);
      return;
    }
    self._attach(handle, local, remote);
    self._touch();
    self.emit('connect');
    self.emit('ready');
    if (self._readWanted && !self.isPaused()) { self._read(); } else if (!self.isPaused()) { self.read(0); }
  });
  return this;
};

Socket.prototype._read = function () {
  if (this._handle === null || this.connecting) {
    this._readWanted = true;
    return;
  }
  if (this._reading) { return; }
  this._reading = true;
  var self = this;
  native.read(this._handle, function (err, chunk) {
    self._reading = false;
    if (err) { return self.destroy(err); }
    if (chunk === null) {
      // as Node's onStreamRead: the end is seen even with no reader
      self.push(null);
      self.read(0);
      return;
    }
    self.bytesRead += chunk.length;
    self._touch();
    self.push(chunk);
  });
};

Socket.prototype._write = function (chunk, encoding, cb) {
  var self = this;
  if (this.connecting) {
    this.once('connect', function () { self._write(chunk, encoding, cb); });
    return;
  }
  if (this._handle === null) {
    return cb(codedError(Error, 'ERR_SOCKET_CLOSED', 'Socket is closed'));
  }
  native.write(this._handle, chunk, function (err) {
    if (!err) {
      self._bytesWritten += chunk.length;
      self._touch();
    }
    cb(err);
  });
};

Socket.prototype._final = function (cb) {
  var self = this;
  if (this.connecting) {
    this.once('connect', function () { self._final(cb); });
    return;
  }
  if (this._handle === null) { return cb(); }
  native.shutdown(this._handle, cb);
};

Socket.prototype._destroy = function (err, cb) {
  this._clearTimer();
  this.connecting = false;
  if (this._handle !== null) {
    native.close(this._handle, !!this._reset);
    this._handle = null;
  }
  var self = this;
  cb(err);
  // as Node's, after the handle's close callback: in a later turn of the loop
  setImmediate(function () { self.emit('close', !!err); });
  if (this._server) {
    this._server._connections--;
    this._server._emitCloseIfDrained();
  }
};

Socket.prototype.destroySoon = function destroySoon() {
  if (this.writable) { this.end(); }
  if (this.writableFinished) { this.destroy(); } else { this.once('finish', this.destroy); }
};

Socket.prototype.resetAndDestroy = function resetAndDestroy() {
  this._reset = true;
  return this.destroy();
};

// setTimeout: 'timeout' after msecs without activity (the timer does not
// hold the loop).
Socket.prototype.setTimeout = function setTimeout(msecs, callback) {
  errors.validateNumber(msecs, 'msecs', 0);
  this._timeoutMs = msecs;
  if (callback !== undefined) {
    errors.validateFunction(callback, 'callback');
    if (msecs === 0) { this.removeListener('timeout', callback); } else { this.once('timeout', callback); }
  }
  this._touch();
  return this;
};
Socket.prototype._clearTimer = function () {
  if (this._timer !== null) {
    clearTimeout(this._timer);
    this._timer = null;
  }
};
Socket.prototype._touch = function () {
  this._clearTimer();
  if (this._timeoutMs > 0 && !this.destroyed) {
    var self = this;
    this._timer = setTimeout(function () {
      self._timer = null;
      self.emit('timeout');
    }, this._timeoutMs);
    this._timer.unref();
  }
};
Object.defineProperty(Socket.prototype, 'timeout', {
  get: function () { return this._timeoutMs || undefined; },
  configurable: true
});

Socket.prototype.setNoDelay = function setNoDelay(enable) {
  this._noDelay = enable === undefined ? true : Boolean(enable);
  if (this._handle) { native.setNoDelay(this._handle, this._noDelay); }
  return this;
};
Socket.prototype.setKeepAlive = function setKeepAlive(enable, initialDelay) {
  this._keepAlive = [Boolean(enable), ~~(initialDelay || 0)];
  if (this._handle) { native.setKeepAlive(this._handle, this._keepAlive[0], this._keepAlive[1]); }
  return this;
};
Socket.prototype.ref = function ref() {
  this._refd = true;
  if (this._handle) { native.ref(this._handle, true); }
  return this;
};
Socket.prototype.unref = function unref() {
  this._refd = false;
  if (this._handle) { native.ref(this._handle, false); }
  return this;
};
Socket.prototype.address = function address() {
  if (!this._sockname) { return {}; }
  if (this._sockname[1] < 0) { return this._sockname[0]; }
  return { address: this._sockname[0], family: this._sockname[2], port: this._sockname[1] };
};
function peer(i) { return function () { return this._peer && this._peer[1] >= 0 ? this._peer[i] : undefined; }; }
function local(i) { return function () { return this._sockname && this._sockname[1] >= 0 ? this._sockname[i] : undefined; }; }
Object.defineProperties(Socket.prototype, {
  remoteAddress: { get: peer(0), configurable: true },
  remotePort: { get: peer(1), configurable: true },
  remoteFamily: { get: peer(2), configurable: true },
  localAddress: { get: local(0), configurable: true },
  localPort: { get: local(1), configurable: true },
  localFamily: { get: local(2), configurable: true },
  bytesWritten: { get: function () { return this._bytesWritten; }, configurable: true },
  bufferSize: { get: function () { return this._handle ? this.writableLength : undefined; }, configurable: true },
  pending: { get: function () { return !this._handle || this.connecting; }, configurable: true },
  readyState: {
    get: function () {
      if (this.connecting) { return 'opening'; }
      if (this.readable && this.writable) { return 'open'; }
      if (this.readable && !this.writable) { return 'readOnly'; }
      if (!this.readable && this.writable) { return 'writeOnly'; }
      return 'closed';
    },
    configurable: true
  }
});

function Server(options, connectionListener) {
  if (!(this instanceof Server)) { return new Server(options, connectionListener); }
  EventEmitter.call(this);
  if (typeof options === 'function') {
    connectionListener = options;
    options = {};
  } else if (options === undefined || options === null) {
    options = {};
  } else if (typeof options !== 'object') {
    throw errors.invalidArgType('options', 'Object', options);
  }
  if (connectionListener) { this.on('connection', connectionListener); }
  this._handle = null;
  this._address = null;
  this._connections = 0;
  this._refd = true;
  this.allowHalfOpen = Boolean(options.allowHalfOpen);
  this.pauseOnConnect = Boolean(options.pauseOnConnect);
  this.noDelay = Boolean(options.noDelay);
  this.keepAlive = Boolean(options.keepAlive);
  this.keepAliveInitialDelay = ~~((options.keepAliveInitialDelay || 0) / 1000);
  this.maxConnections = undefined;
}
Object.setPrototypeOf(Server.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Server, EventEmitter);

Server.prototype.listen = function listen() {
  var args = Array.prototype.slice.call(arguments);
  var norm = normalizeArgs(args);
  var options = norm[0], cb = norm[1];
  if (this._handle) {
    throw codedError(Error, 'ERR_SERVER_ALREADY_LISTEN', 'Listen method has been called more than once without closing.');
  }
  if (cb !== null) { this.once('listening', cb); }
  var network = 'tcp', host = '', port = 0;
  if (options.path !== undefined && options.path !== null) {
    network = 'unix';
    host = options.path;
  } else {
    if (options.port !== undefined && options.port !== null) { port = validatePort(options.port, 'options.port'); }
    if (options.host !== undefined && options.host !== null) {
      errors.validateString(options.host, 'options.host');
      host = options.host;
    }
    if (host === '' && options.ipv6Only) { network = 'tcp6'; }
  }
  var self = this;
  var result;
  try {
    result = native.listen(network, host, port, function (handle, local, remote) { self._onConnection(handle, local, remote); });
  } catch (err) {
    process.nextTick(function () { self.emit('error', err); });
    return this;
  }
  this._handle = result[0];
  var addr = result[1];
  this._address = addr[1] < 0 ? addr[0] : { address: addr[0], family: addr[2], port: addr[1] };
  if (!this._refd) { native.serverRef(this._handle, false); }
  process.nextTick(function () { if (self._handle) { self.emit('listening'); } });
  return this;
};

Server.prototype._onConnection = function (handle, local, remote) {
  if (this._handle === null || (this.maxConnections !== undefined && this._connections >= this.maxConnections)) {
    native.close(handle, false);
    if (this._handle !== null) {
      this.emit('drop', { localAddress: local[0], localPort: local[1], localFamily: local[2], remoteAddress: remote[0], remotePort: remote[1], remoteFamily: remote[2] });
    }
    return;
  }
  var socket = new Socket({ handle: handle, local: local, remote: remote, allowHalfOpen: this.allowHalfOpen });
  socket.server = this;
  socket._server = this;
  this._connections++;
  if (this.noDelay) { socket.setNoDelay(true); }
  if (this.keepAlive) { socket.setKeepAlive(true, this.keepAliveInitialDelay * 1000); }
  if (this.pauseOnConnect) { socket.pause(); }
  this.emit('connection', socket);
};

Server.prototype.address = function address() {
  return this._handle ? this._address : null;
};

Server.prototype.close = function close(cb) {
  if (typeof cb === 'function') {
    if (!this._handle) {
      this.once('close', function () {
        cb(codedError(Error, 'ERR_SERVER_NOT_RUNNING', 'Server is not running.'));
      });
    } else {
      this.once('close', cb);
    }
  }
  if (this._handle) {
    native.serverClose(this._handle);
    this._handle = null;
  }
  this._emitCloseIfDrained();
  return this;
};

Server.prototype._emitCloseIfDrained = function () {
  if (this._handle || this._connections > 0 || this._closeQueued) { return; }
  this._closeQueued = true;
  var self = this;
  process.nextTick(function () {
    self._closeQueued = false;
    self.emit('close');
  });
};

Server.prototype.getConnections = function getConnections(cb) {
  var n = this._connections;
  process.nextTick(cb, null, n);
  return this;
};
Server.prototype.ref = function ref() {
  this._refd = true;
  if (this._handle) { native.serverRef(this._handle, true); }
  return this;
};
Server.prototype.unref = function unref() {
  this._refd = false;
  if (this._handle) { native.serverRef(this._handle, false); }
  return this;
};
Object.defineProperty(Server.prototype, 'listening', {
  get: function () { return !!this._handle; },
  configurable: true,
  enumerable: true
});

function connect() {
  var args = Array.prototype.slice.call(arguments);
  var norm = normalizeArgs(args);
  var options = norm[0];
  var socket = new Socket(options);
  if (options.timeout) { socket.setTimeout(options.timeout); }
  return socket.connect(norm);
}

var autoSelectFamily = true, autoSelectFamilyAttemptTimeout = 250;

exports.connect = connect;
exports.createConnection = connect;
exports.createServer = function createServer(options, connectionListener) { return new Server(options, connectionListener); };
exports.isIP = isIP;
exports.isIPv4 = isIPv4;
exports.isIPv6 = isIPv6;
exports.Server = Server;
exports.Socket = Socket;
exports.Stream = Socket;
exports.getDefaultAutoSelectFamily = function () { return autoSelectFamily; };
exports.setDefaultAutoSelectFamily = function (value) { autoSelectFamily = Boolean(value); };
exports.getDefaultAutoSelectFamilyAttemptTimeout = function () { return autoSelectFamilyAttemptTimeout; };
exports.setDefaultAutoSelectFamilyAttemptTimeout = function (value) {
  errors.validateInteger(value, 'value', 1);
  autoSelectFamilyAttemptTimeout = value < 10 ? 10 : value;
};
exports.BlockList = function BlockList() { throw errors.notImplemented('BlockList()'); };
exports.SocketAddress = function SocketAddress() { throw errors.notImplemented('SocketAddress()'); };
exports._normalizeArgs = normalizeArgs;
