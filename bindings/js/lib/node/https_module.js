'use strict';
// https: lib/node/http.js's.
module.exports = require('./http').https;
