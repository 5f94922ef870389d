const a = require('./cycle-a');
exports.seen = JSON.stringify(a);
