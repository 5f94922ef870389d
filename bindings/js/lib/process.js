'use strict';
// process as node has it, beyond what the prelude sets: stdout and stderr
// (writable streams with fd, isTTY and write), version and versions, pid,
// ppid, arch, release, memoryUsage, cwd, chdir, emitWarning, execPath and
// the rest. Called with the host's Go functions (process.go).
(function (native) {
  function define(name, value) {
    Object.defineProperty(process, name, { value: value, writable: true, configurable: true, enumerable: true });
  }

  define('version', native.version);
  define('versions', native.versions);
  define('arch', native.arch);
  define('platform', native.platform);
  define('release', native.release);
  define('pid', native.pid);
  define('ppid', native.ppid);
  define('execPath', native.execPath);
  define('argv0', native.argv0);
  define('execArgv', []);
  define('features', { inspector: false, debug: false, uv: true, ipv6: true, tls_alpn: false, tls_sni: false, tls_ocsp: false, tls: false, cached_builtins: true });
  define('config', { target_defaults: {}, variables: {} });
  process.cwd = function cwd() { return native.cwd(); };
  process.chdir = function chdir(directory) {
    if (typeof directory !== 'string') {
      throw native.error('TypeError', 'ERR_INVALID_ARG_TYPE', 'The "directory" argument must be of type string. Received ' + native.describe(directory));
    }
    native.chdir(directory);
  };
  process.memoryUsage = function memoryUsage() {
    var m = native.memoryUsage(); // [rss, heapTotal, heapUsed]
    return { rss: m[0], heapTotal: m[1], heapUsed: m[2], external: 0, arrayBuffers: 0 };
  };
  process.memoryUsage.rss = function rss() { return native.memoryUsage()[0]; };
  process.cpuUsage = function cpuUsage(previous) {
    var u = native.cpuUsage();
    if (previous) { return { user: u.user - previous.user, system: u.system - previous.system }; }
    return u;
  };
  ['getuid', 'geteuid', 'getgid', 'getegid'].forEach(function (name) {
    process[name] = native[name];
  });
  process.umask = function umask() { return 0o22; };
  process.abort = function abort() { native.exit(134); };

  // emitWarning(warning[, type[, code]][, ctor]) or (warning, options):
  // the warning goes to the 'warning' listeners on the next tick, and to
  // standard error as node prints it.
  var traceHint = false;
  process.emitWarning = function emitWarning(warning, type, code, ctor) {
    var detail;
    if (type !== null && typeof type === 'object' && !Array.isArray(type)) {
      ctor = type.ctor;
      code = type.code;
      if (typeof type.detail === 'string') { detail = type.detail; }
      type = type.type || 'Warning';
    } else if (typeof type === 'function') {
      ctor = type;
      code = undefined;
      type = 'Warning';
    }
    if (type === undefined) { type = 'Warning'; }
    if (typeof type !== 'string') {
      throw native.error('TypeError', 'ERR_INVALID_ARG_TYPE', 'The "type" argument must be of type string. Received ' + native.describe(type));
    }
    if (typeof code === 'function') {
      ctor = code;
      code = undefined;
    } else if (code !== undefined && typeof code !== 'string') {
      throw native.error('TypeError', 'ERR_INVALID_ARG_TYPE', 'The "code" argument must be of type string. Received ' + native.describe(code));
    }
    if (typeof warning === 'string') {
      var w = new Error(warning);
      w.name = String(type);
      if (code !== undefined) { w.code = code; }
      if (detail !== undefined) { w.detail = detail; }
      warning = w;
    } else if (!(warning instanceof Error)) {
      throw native.error('TypeError', 'ERR_INVALID_ARG_TYPE', 'The "warning" argument must be of type string or an instance of Error. Received ' + native.describe(warning));
    }
    if (warning.name === 'DeprecationWarning') {
      if (process.noDeprecation) { return; }
      if (process.throwDeprecation) { throw warning; }
    }
    process.nextTick(function () {
      var text = '(' + process.release.name + ':' + process.pid + ') ' + (warning.code ? '[' + warning.code + '] ' : '') +
        warning.name + ': ' + warning.message;
      if (typeof warning.detail === 'string') { text += '\n' + warning.detail; }
      if (!traceHint) {
        traceHint = true;
        text += '\n(Use `' + process.release.name + (warning.name === 'DeprecationWarning' ? ' --trace-deprecation' : ' --trace-warnings') + ' ...` to show where the warning was created)';
      }
      native.stderrWrite(text + '\n');
      process.emit('warning', warning);
    });
  };

  // Signals: while process has a listener for a signal ('SIGINT'), the
  // host catches it and emits it, as node does.
  process.on('newListener', function startListeningIfSignal(event) {
    if (typeof event === 'string' && process.listenerCount(event) === 0 && native.isSignal(event)) { native.signalStart(event); }
  });
  process.on('removeListener', function stopListeningIfSignal(event) {
    if (typeof event === 'string' && process.listenerCount(event) === 0 && native.isSignal(event)) { native.signalStop(event); }
  });

  // stdout and stderr: made when first used, as node's are: Writables of
  // the stream module, writing at once (in order with console.log).
  function makeStdio(fd, write) {
    var Writable = native.builtin('stream').Writable;
    var stream = new Writable({
      decodeStrings: false,
      write: function (chunk, encoding, cb) {
        write(typeof chunk === 'string' && encoding !== 'utf8' && encoding !== 'utf-8' ? Buffer.from(chunk, encoding) : chunk);
        cb();
      }
    });
    stream.destroySoon = stream.destroy;
    stream._destroy = function (err, cb) { cb(err); };
    stream.fd = fd;
    stream._type = native.isatty(fd) ? 'tty' : 'fs';
    stream._isStdio = true;
    if (native.isatty(fd)) {
      stream.isTTY = true;
      var size = native.windowSize(fd);
      stream.columns = size[0];
      stream.rows = size[1];
      stream.getWindowSize = function getWindowSize() { return native.windowSize(fd); };
      stream.hasColors = function hasColors() { return native.colorDepth() > 1; };
      stream.getColorDepth = function getColorDepth() { return native.colorDepth(); };
    }
    return stream;
  }
  var stdout, stderr;
  Object.defineProperty(process, 'stdout', {
    get: function () { return stdout || (stdout = makeStdio(1, native.stdoutWrite)); },
    configurable: true,
    enumerable: true
  });
  Object.defineProperty(process, 'stderr', {
    get: function () { return stderr || (stderr = makeStdio(2, native.stderrWrite)); },
    configurable: true,
    enumerable: true
  });
})
