'use strict';
// http and https: what a program needs to load them (the constants, the
// classes to extend, an Agent); the client and the server are not built,
// and throw ERR_METHOD_NOT_IMPLEMENTED when called. dgram programs that
// offer DNS over HTTPS or a web page load these modules without using them.

var EventEmitter = require('events');
var errors = require('./errors');

var METHODS = ['ACL', 'BIND', 'CHECKOUT', 'CONNECT', 'COPY', 'DELETE', 'GET', 'HEAD', 'LINK', 'LOCK', 'M-SEARCH', 'MERGE',
  'MKACTIVITY', 'MKCALENDAR', 'MKCOL', 'MOVE', 'NOTIFY', 'OPTIONS', 'PATCH', 'POST', 'PROPFIND', 'PROPPATCH', 'PURGE', 'PUT',
  'QUERY', 'REBIND', 'REPORT', 'SEARCH', 'SOURCE', 'SUBSCRIBE', 'TRACE', 'UNBIND', 'UNLINK', 'UNLOCK', 'UNSUBSCRIBE'];

var STATUS_CODES = {
  100: 'Continue', 101: 'Switching Protocols', 102: 'Processing', 103: 'Early Hints', 200: 'OK', 201: 'Created', 202: 'Accepted',
  203: 'Non-Authoritative Information', 204: 'No Content', 205: 'Reset Content', 206: 'Partial Content', 207: 'Multi-Status',
  208: 'Already Reported', 226: 'IM Used', 300: 'Multiple Choices', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other',
  304: 'Not Modified', 305: 'Use Proxy', 307: 'Temporary Redirect', 308: 'Permanent Redirect', 400: 'Bad Request',
  401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  406: 'Not Acceptable', 407: 'Proxy Authentication Required', 408: 'Request Timeout', 409: 'Conflict', 410: 'Gone',
  411: 'Length Required', 412: 'Precondition Failed', 413: 'Payload Too Large', 414: 'URI Too Long', 415: 'Unsupported Media Type',
  416: 'Range Not Satisfiable', 417: 'Expectation Failed', 418: "I'm a Teapot", 421: 'Misdirected Request',
  422: 'Unprocessable Entity', 423: 'Locked', 424: 'Failed Dependency', 425: 'Too Early', 426: 'Upgrade Required',
  428: 'Precondition Required', 429: 'Too Many Requests', 431: 'Request Header Fields Too Large',
  451: 'Unavailable For Legal Reasons', 500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway',
  503: 'Service Unavailable', 504: 'Gateway Timeout', 505: 'HTTP Version Not Supported', 506: 'Variant Also Negotiates',
  507: 'Insufficient Storage', 508: 'Loop Detected', 509: 'Bandwidth Limit Exceeded', 510: 'Not Extended',
  511: 'Network Authentication Required'
};

// Agent keeps its options, as Node's, so that a program may make one.
function Agent(options) {
  if (!(this instanceof Agent)) { return new Agent(options); }
  EventEmitter.call(this);
  this.options = Object.assign({ __proto__: null }, options);
  this.defaultPort = 80;
  this.protocol = 'http:';
  this.keepAlive = !!(options && options.keepAlive);
  this.maxSockets = (options && options.maxSockets) || Infinity;
  this.maxFreeSockets = (options && options.maxFreeSockets) || 256;
  this.requests = Object.create(null);
  this.sockets = Object.create(null);
  this.freeSockets = Object.create(null);
}
Object.setPrototypeOf(Agent.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Agent, EventEmitter);
Agent.defaultMaxSockets = Infinity;
Agent.prototype.destroy = function destroy() {};

function notBuilt(name) {
  var f = function () { throw errors.notImplemented(name + '()'); };
  Object.defineProperty(f, 'name', { value: name });
  return f;
}

function notBuiltClass(name) {
  var C = function () { throw errors.notImplemented(name + '()'); };
  Object.defineProperty(C, 'name', { value: name });
  Object.setPrototypeOf(C.prototype, EventEmitter.prototype);
  return C;
}

function make(protocol, defaultPort) {
  var m = {};
  var A = function Agent(options) {
    var a = new Agent0(options);
    a.defaultPort = defaultPort;
    a.protocol = protocol;
    return a;
  };
  var Agent0 = Agent;
  A.prototype = Agent.prototype;
  m.Agent = protocol === 'http:' ? Agent : A;
  m.globalAgent = new m.Agent();
  m.METHODS = METHODS.slice();
  m.STATUS_CODES = STATUS_CODES;
  m.maxHeaderSize = 16384;
  ['createServer', 'request', 'get', 'validateHeaderName', 'validateHeaderValue', 'setMaxIdleHTTPParsers'].forEach(function (n) {
    m[n] = notBuilt((protocol === 'http:' ? 'http.' : 'https.') + n);
  });
  ['Server', 'ClientRequest', 'IncomingMessage', 'OutgoingMessage', 'ServerResponse'].forEach(function (n) {
    m[n] = notBuiltClass(n);
  });
  return m;
}

exports.http = make('http:', 80);
exports.https = make('https:', 443);
