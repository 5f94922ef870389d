module.exports = 'int-x';
