'use strict';
// dns/promises: the dns functions returning Promises, and their Resolver.

var dns = require('./dns');

function promised(fn, self, args, shape) {
  return new Promise(function (resolve, reject) {
    fn.apply(self, args.concat([function (err, a, b) {
      if (err) { reject(err); } else { resolve(shape ? shape(a, b) : a); }
    }]));
  });
}

exports.lookup = function lookup(hostname, options) {
  var all = options !== null && typeof options === 'object' && options.all === true;
  return promised(dns.lookup, null, [hostname, options === undefined ? {} : options], function (a, family) {
    return all ? a : { address: a, family: family };
  });
};
exports.lookupService = function lookupService(address, port) {
  return promised(dns.lookupService, null, [address, port], function (hostname, service) {
    return { hostname: hostname, service: service };
  });
};

function Resolver(options) {
  if (!(this instanceof Resolver)) { throw new TypeError("Class constructor Resolver cannot be invoked without 'new'"); }
  this._callbacks = new dns.Resolver(options);
}
Resolver.prototype.getServers = function getServers() { return this._callbacks.getServers(); };
Resolver.prototype.setServers = function setServers(servers) { this._callbacks.setServers(servers); };
Resolver.prototype.cancel = function cancel() {};
Resolver.prototype.setLocalAddress = function setLocalAddress() {};
['resolve', 'resolve4', 'resolve6', 'resolveCname', 'resolveMx', 'resolveNs', 'resolvePtr', 'resolveSrv', 'resolveTxt', 'reverse'].forEach(function (name) {
  Resolver.prototype[name] = function () {
    var args = Array.prototype.slice.call(arguments);
    var cb = this._callbacks;
    return promised(cb[name], cb, args);
  };
});
['resolveAny', 'resolveCaa', 'resolveNaptr', 'resolveSoa'].forEach(function (name) {
  Resolver.prototype[name] = function () { return dns.Resolver.prototype[name](); };
});

var defaultResolver = new Resolver();
defaultResolver._callbacks = dns._resolver;
['getServers', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCaa', 'resolveCname', 'resolveMx', 'resolveNaptr',
  'resolveNs', 'resolvePtr', 'resolveSoa', 'resolveSrv', 'resolveTxt', 'reverse', 'setServers'].forEach(function (name) {
  exports[name] = Resolver.prototype[name].bind(defaultResolver);
});
exports.Resolver = Resolver;
exports.getDefaultResultOrder = dns.getDefaultResultOrder;
exports.setDefaultResultOrder = dns.setDefaultResultOrder;
dns._codes.forEach(function (c) { exports[c] = 'E' + c; });
