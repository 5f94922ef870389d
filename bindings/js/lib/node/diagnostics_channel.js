'use strict';
// diagnostics_channel: named channels that publish messages to their
// subscribers, and tracing channels (start, end, asyncStart, asyncEnd,
// error) around a call, as Node's. A subscriber that throws does not stop
// the others: its error is thrown on the next tick.

var errors = require('./errors');

var channels = new Map();

function checkName(name) {
  if (typeof name !== 'string' && typeof name !== 'symbol') {
    throw errors.invalidArgType('channel', ['string', 'symbol'], name);
  }
}

function Channel(name) {
  this._subscribers = [];
  this._stores = new Map();
  this.name = name;
}
Object.defineProperty(Channel.prototype, 'hasSubscribers', {
  get: function () { return this._subscribers.length > 0 || this._stores.size > 0; },
  enumerable: true,
  configurable: true
});
Channel.prototype.subscribe = function subscribe(subscription) {
  errors.validateFunction(subscription, 'subscription');
  this._subscribers = this._subscribers.concat([subscription]);
};
Channel.prototype.unsubscribe = function unsubscribe(subscription) {
  var i = this._subscribers.indexOf(subscription);
  if (i === -1) { return false; }
  this._subscribers = this._subscribers.slice(0, i).concat(this._subscribers.slice(i + 1));
  return true;
};
Channel.prototype.publish = function publish(data) {
  var subscribers = this._subscribers;
  for (var i = 0; i < subscribers.length; i++) {
    try {
      subscribers[i](data, this.name);
    } catch (err) {
      process.nextTick(function () { throw err; });
    }
  }
};
Channel.prototype.bindStore = function bindStore(store, transform) {
  this._stores.set(store, transform);
};
Channel.prototype.unbindStore = function unbindStore(store) {
  return this._stores.delete(store);
};
Channel.prototype.runStores = function runStores(data, fn, thisArg) {
  var args = Array.prototype.slice.call(arguments, 3);
  this.publish(data);
  return fn.apply(thisArg, args);
};

function channel(name) {
  checkName(name);
  var c = channels.get(name);
  if (c === undefined) {
    c = new Channel(name);
    channels.set(name, c);
  }
  return c;
}

function hasSubscribers(name) {
  checkName(name);
  var c = channels.get(name);
  return c !== undefined && c.hasSubscribers;
}

function subscribe(name, subscription) {
  channel(name).subscribe(subscription);
}

function unsubscribe(name, subscription) {
  return channel(name).unsubscribe(subscription);
}

var traceEvents = ['start', 'end', 'asyncStart', 'asyncEnd', 'error'];

function TracingChannel(nameOrChannels) {
  var self = this;
  if (typeof nameOrChannels === 'string') {
    traceEvents.forEach(function (e) { self[e] = channel('tracing:' + nameOrChannels + ':' + e); });
  } else if (nameOrChannels !== null && typeof nameOrChannels === 'object') {
    traceEvents.forEach(function (e) {
      if (!(nameOrChannels[e] instanceof Channel)) {
        throw errors.invalidArgType('nameOrChannels.' + e, 'Channel', nameOrChannels[e]);
      }
      self[e] = nameOrChannels[e];
    });
  } else {
    throw errors.invalidArgType('nameOrChannels', ['string', 'object', 'TracingChannel'], nameOrChannels);
  }
}
Object.defineProperty(TracingChannel.prototype, 'hasSubscribers', {
  get: function () {
    var self = this;
    return traceEvents.some(function (e) { return self[e].hasSubscribers; });
  },
  enumerable: true,
  configurable: true
});
TracingChannel.prototype.subscribe = function subscribe(handlers) {
  var self = this;
  traceEvents.forEach(function (e) { if (handlers[e]) { self[e].subscribe(handlers[e]); } });
};
TracingChannel.prototype.unsubscribe = function unsubscribe(handlers) {
  var self = this;
  var done = true;
  traceEvents.forEach(function (e) {
    if (handlers[e] && !self[e].unsubscribe(handlers[e])) { done = false; }
  });
  return done;
};
TracingChannel.prototype.traceSync = function traceSync(fn, context, thisArg) {
  var args = Array.prototype.slice.call(arguments, 3);
  if (!this.hasSubscribers) { return fn.apply(thisArg, args); }
  if (context === undefined) { context = {}; }
  this.start.publish(context);
  try {
    var result = fn.apply(thisArg, args);
    context.result = result;
    return result;
  } catch (err) {
    context.error = err;
    this.error.publish(context);
    throw err;
  } finally {
    this.end.publish(context);
  }
};
TracingChannel.prototype.tracePromise = function tracePromise(fn, context, thisArg) {
  var args = Array.prototype.slice.call(arguments, 3);
  if (!this.hasSubscribers) { return fn.apply(thisArg, args); }
  if (context === undefined) { context = {}; }
  var self = this;
  this.start.publish(context);
  try {
    var promise = fn.apply(thisArg, args);
    return Promise.resolve(promise).then(function (result) {
      context.result = result;
      self.asyncStart.publish(context);
      self.asyncEnd.publish(context);
      return result;
    }, function (err) {
      context.error = err;
      self.error.publish(context);
      self.asyncStart.publish(context);
      self.asyncEnd.publish(context);
      throw err;
    });
  } catch (err) {
    context.error = err;
    this.error.publish(context);
    throw err;
  } finally {
    this.end.publish(context);
  }
};
TracingChannel.prototype.traceCallback = function traceCallback(fn, position, context, thisArg) {
  var args = Array.prototype.slice.call(arguments, 4);
  if (!this.hasSubscribers) { return fn.apply(thisArg, args); }
  if (position === undefined) { position = -1; }
  if (context === undefined) { context = {}; }
  var self = this;
  var index = position < 0 ? args.length + position : position;
  var callback = args[index];
  errors.validateFunction(callback, 'callback');
  args[index] = function (err, res) {
    if (err) {
      context.error = err;
      self.error.publish(context);
    } else {
      context.result = res;
    }
    self.asyncStart.publish(context);
    try {
      return callback.apply(this, arguments);
    } finally {
      self.asyncEnd.publish(context);
    }
  };
  return this.traceSync.apply(this, [fn, context, thisArg].concat(args));
};

exports.channel = channel;
exports.hasSubscribers = hasSubscribers;
exports.subscribe = subscribe;
exports.unsubscribe = unsubscribe;
exports.tracingChannel = function tracingChannel(nameOrChannels) { return new TracingChannel(nameOrChannels); };
exports.Channel = Channel;
