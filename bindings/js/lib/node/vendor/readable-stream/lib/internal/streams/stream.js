module.exports = require('../../../../../stream_legacy').Stream;
