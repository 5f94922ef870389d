'use strict';
// http: lib/node/http.js's.
module.exports = require('./http').http;
