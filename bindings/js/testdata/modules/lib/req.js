module.exports = 'req';
