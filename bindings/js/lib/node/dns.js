'use strict';
// dns: Node's dns module on Go's resolver (mod_dns.go). lookup resolves as
// getaddrinfo does (the hosts file, then the name servers), the way the
// dgram module resolves; resolve*, reverse and lookupService ask the
// servers (dns.setServers or a Resolver's own); dns.promises alike.
// resolveAny, resolveCaa, resolveNaptr and resolveSoa throw
// ERR_METHOD_NOT_IMPLEMENTED when called.

var native = binding('dns');
var errors = require('./errors');
var kCustomPromisifyArgs = binding('util').customPromisifyArgs;

var errnos = { ENOTFOUND: -3008, EAI_AGAIN: -3001, EAI_FAIL: -3007 };
var defaultOrder = 'verbatim';

function dnsException(code, syscall, hostname) {
  var e = new Error(syscall + ' ' + code + (hostname ? ' ' + hostname : ''));
  e.errno = syscall === 'getaddrinfo' ? errnos[code] : undefined;
  e.code = code;
  e.syscall = syscall;
  if (hostname) { e.hostname = hostname; }
  return e;
}

function oneOf(value, name, list, property) {
  if (list.indexOf(value) === -1) {
    var e = errors.invalidArgValue(name, value, 'must be one of: ' + list.join(', '));
    if (!property) { e.message = e.message.replace("The property '", "The argument '"); }
    throw e;
  }
}

function isIP(s) { return typeof s === 'string' ? native.isIP(s) : 0; }

function ordered(list, order) {
  if (order === 'ipv4first' || order === 'ipv6first') {
    var first = order === 'ipv4first' ? 4 : 6;
    return list.filter(function (a) { return a[1] === first; }).concat(list.filter(function (a) { return a[1] !== first; }));
  }
  return list;
}

function lookup(hostname, options, callback) {
  var family = 0, all = false, order = defaultOrder;
  if (hostname) { errors.validateString(hostname, 'hostname'); }
  if (typeof options === 'function') {
    callback = options;
  } else if (typeof options === 'number') {
    errors.validateFunction(callback, 'callback');
    oneOf(options, 'family', [0, 4, 6], false);
    family = options;
  } else if (options !== undefined && typeof options !== 'object') {
    errors.validateFunction(arguments.length === 2 ? options : callback, 'callback');
    throw errors.invalidArgType('options', ['integer', 'object'], options);
  } else {
    errors.validateFunction(callback, 'callback');
    if (options != null && options.hints != null) { errors.validateNumber(options.hints, 'options.hints'); }
    if (options != null && options.family != null) {
      if (options.family === 'IPv4') { family = 4; } else if (options.family === 'IPv6') { family = 6; } else {
        oneOf(options.family, 'options.family', [0, 4, 6], true);
        family = options.family;
      }
    }
    if (options != null && options.all != null) {
      if (typeof options.all !== 'boolean') { throw errors.invalidArgType('options.all', 'boolean', options.all); }
      all = options.all;
    }
    if (options != null && options.verbatim != null) {
      if (typeof options.verbatim !== 'boolean') { throw errors.invalidArgType('options.verbatim', 'boolean', options.verbatim); }
      order = options.verbatim ? 'verbatim' : 'ipv4first';
    }
    if (options != null && options.order != null) {
      oneOf(options.order, 'options.order', ['ipv4first', 'ipv6first', 'verbatim'], true);
      order = options.order;
    }
  }
  if (!hostname) {
    errors.emitWarning('The provided hostname "' + String(hostname) + '" is not a valid hostname, and is supported in the dns module solely for compatibility.',
      'DeprecationWarning', 'DEP0118');
    if (all) { process.nextTick(callback, null, []); } else { process.nextTick(callback, null, null, family === 6 ? 6 : 4); }
    return {};
  }
  var matched = isIP(hostname);
  if (matched) {
    if (all) { process.nextTick(callback, null, [{ address: hostname, family: matched }]); } else { process.nextTick(callback, null, hostname, matched); }
    return {};
  }
  native.lookup(hostname, family, function (code, list) {
    if (code) { return callback(dnsException(code, 'getaddrinfo', hostname)); }
    list = ordered(list, order);
    if (all) {
      callback(null, list.map(function (a) { return { address: a[0], family: a[1] }; }));
    } else {
      callback(null, list[0][0], list[0][1]);
    }
  });
  return {};
}
Object.defineProperty(lookup, kCustomPromisifyArgs, { value: ['address', 'family'], enumerable: false });

function lookupService(address, port, callback) {
  if (arguments.length !== 3) { throw errors.codedError(TypeError, 'ERR_MISSING_ARGS', 'The "address", "port", and "callback" arguments must be specified'); }
  errors.validateString(address, 'address');
  if (isIP(address) === 0) { throw errors.invalidArgValue('address', address); }
  if (typeof port !== 'number' || !(port >= 0 && port < 65536)) {
    throw errors.codedError(RangeError, 'ERR_SOCKET_BAD_PORT', 'Port should be >= 0 and < 65536. Received ' + require('util').inspect(port) + '.');
  }
  errors.validateFunction(callback, 'callback');
  native.lookupService(address, port, function (code, host, service) {
    if (code) { return callback(dnsException(code, 'getnameinfo', address)); }
    callback(null, host, service);
  });
  return {};
}
Object.defineProperty(lookupService, kCustomPromisifyArgs, { value: ['hostname', 'service'], enumerable: false });

var rrtypes = { A: 'resolve4', AAAA: 'resolve6', CNAME: 'resolveCname', MX: 'resolveMx', NS: 'resolveNs', TXT: 'resolveTxt', SRV: 'resolveSrv', PTR: 'resolvePtr' };
var queryNames = { A: 'queryA', AAAA: 'queryAaaa', CNAME: 'queryCname', MX: 'queryMx', NS: 'queryNs', TXT: 'queryTxt', SRV: 'querySrv', PTR: 'queryPtr' };

function checkServer(s) {
  errors.validateString(s, 'servers[0]');
  var ip = s;
  var m = /^\[([^\]]+)\](?::(\d+))?$/.exec(s);
  if (m) { ip = m[1]; } else if (/^[^:]+:\d+$/.test(s)) { ip = s.split(':')[0]; }
  if (isIP(ip) === 0) { throw errors.codedError(TypeError, 'ERR_INVALID_IP_ADDRESS', 'Invalid IP address: ' + s); }
  return s;
}

function Resolver(options) {
  if (!(this instanceof Resolver)) { throw new TypeError("Class constructor Resolver cannot be invoked without 'new'"); }
  if (options !== undefined) { errors.validateObject(options, 'options'); }
  this._servers = null;
}
Resolver.prototype.getServers = function getServers() { return this._servers === null ? native.servers() : this._servers.slice(); };
Resolver.prototype.setServers = function setServers(servers) {
  if (!Array.isArray(servers)) { throw errors.invalidArgType('servers', 'Array', servers); }
  this._servers = servers.map(checkServer);
};
Resolver.prototype.cancel = function cancel() {};
Resolver.prototype.setLocalAddress = function setLocalAddress() {};

function query(rrtype, ttlAllowed) {
  return function (hostname, options, callback) {
    errors.validateString(hostname, 'name');
    if (typeof options === 'function') {
      callback = options;
      options = {};
    }
    errors.validateFunction(callback, 'callback');
    var ttl = Boolean(ttlAllowed && options && options.ttl);
    native.resolve(this._servers, hostname, rrtype, ttl, function (code, records) {
      if (code) { return callback(dnsException(code, queryNames[rrtype], hostname)); }
      callback(null, records);
    });
    return {};
  };
}
Object.keys(rrtypes).forEach(function (rr) {
  Resolver.prototype[rrtypes[rr]] = query(rr, rr === 'A' || rr === 'AAAA');
});
Resolver.prototype.resolve = function resolve(hostname, rrtype, callback) {
  errors.validateString(hostname, 'name');
  if (typeof rrtype === 'function') {
    callback = rrtype;
    rrtype = 'A';
  } else if (typeof rrtype !== 'string') {
    throw errors.invalidArgType('rrtype', 'string', rrtype);
  }
  var method = rrtypes[rrtype];
  if (method === undefined) {
    if (['ANY', 'CAA', 'NAPTR', 'SOA'].indexOf(rrtype) !== -1) { throw errors.notImplemented('resolve' + rrtype[0] + rrtype.slice(1).toLowerCase() + '()'); }
    throw errors.invalidArgValue('rrtype', rrtype);
  }
  return this[method](hostname, callback);
};
Resolver.prototype.reverse = function reverse(ip, callback) {
  errors.validateString(ip, 'ip');
  errors.validateFunction(callback, 'callback');
  native.reverse(this._servers, ip, function (code, names) {
    if (code) { return callback(dnsException(code, 'getHostByAddr', ip)); }
    callback(null, names);
  });
  return {};
};
['resolveAny', 'resolveCaa', 'resolveNaptr', 'resolveSoa'].forEach(function (name) {
  Resolver.prototype[name] = function () { throw errors.notImplemented(name + '()'); };
});

var defaultResolver = new Resolver();
var resolverMethods = ['getServers', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCaa', 'resolveCname', 'resolveMx',
  'resolveNaptr', 'resolveNs', 'resolvePtr', 'resolveSoa', 'resolveSrv', 'resolveTxt', 'reverse'];

exports.lookup = lookup;
exports.lookupService = lookupService;
exports.Resolver = Resolver;
exports.getDefaultResultOrder = function getDefaultResultOrder() { return defaultOrder; };
exports.setDefaultResultOrder = function setDefaultResultOrder(order) {
  oneOf(order, 'dnsOrder', ['verbatim', 'ipv4first', 'ipv6first'], false);
  defaultOrder = order;
};
exports.setServers = function setServers(servers) { defaultResolver.setServers(servers); };
resolverMethods.forEach(function (name) { exports[name] = Resolver.prototype[name].bind(defaultResolver); });
exports.ADDRCONFIG = 32;
exports.ALL = 16;
exports.V4MAPPED = 8;
var codes = ['NODATA', 'FORMERR', 'SERVFAIL', 'NOTFOUND', 'NOTIMP', 'REFUSED', 'BADQUERY', 'BADNAME', 'BADFAMILY', 'BADRESP',
  'CONNREFUSED', 'TIMEOUT', 'EOF', 'FILE', 'NOMEM', 'DESTRUCTION', 'BADSTR', 'BADFLAGS', 'NONAME', 'BADHINTS', 'NOTINITIALIZED',
  'LOADIPHLPAPI', 'ADDRGETNETWORKPARAMS', 'CANCELLED'];
codes.forEach(function (c) { exports[c] = 'E' + c; });
Object.defineProperty(exports, 'promises', {
  configurable: true,
  enumerable: true,
  get: function () { return require('./dns_promises'); }
});
exports._resolver = defaultResolver;
exports._codes = codes;
