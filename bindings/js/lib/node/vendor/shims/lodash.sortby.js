'use strict';
// The npm package lodash.sortby as whatwg-url uses it: a stable sort of a
// list of pairs by the property named (sortBy(list, [0])).
module.exports = function sortBy(list, keys) {
  var key = keys[0];
  return list.map(function (item, i) { return [item, i]; }).sort(function (a, b) {
    var x = a[0][key], y = b[0][key];
    if (x < y) { return -1; }
    if (x > y) { return 1; }
    return a[1] - b[1];
  }).map(function (p) { return p[0]; });
};
