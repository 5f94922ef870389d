module.exports = 'ext-cjs:' + typeof require;
