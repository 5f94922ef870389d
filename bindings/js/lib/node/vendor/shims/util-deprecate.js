'use strict';
// The npm package util-deprecate, which readable-stream requires:
// util.deprecate.
module.exports = require('util').deprecate;
