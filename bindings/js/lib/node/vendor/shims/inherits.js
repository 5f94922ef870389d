'use strict';
// The npm package inherits, which the vendored ports require: util.inherits.
module.exports = require('util').inherits;
