'use strict';
// path.win32: Windows paths as Node's path.win32 handles them (drive
// letters, UNC roots \\server\share, both separators), on any host.

var errors = require('./errors');
var validateString = errors.validateString;

var SLASH = 47, BACKSLASH = 92, COLON = 58, DOT = 46;

function cwd() {
  return typeof process.cwd === 'function' ? process.cwd() : binding('path').cwd();
}

function isSep(c) { return c === SLASH || c === BACKSLASH; }
function isDeviceRoot(c) { return (c >= 65 && c <= 90) || (c >= 97 && c <= 122); }

// normalizeString resolves . and .. in path (no root), as posix's does.
function normalizeString(path, allowAboveRoot, separator) {
  var res = '', lastSegmentLength = 0, lastSlash = -1, dots = 0, code = 0;
  for (var i = 0; i <= path.length; ++i) {
    if (i < path.length) {
      code = path.charCodeAt(i);
    } else if (isSep(code)) {
      break;
    } else {
      code = SLASH;
    }
    if (isSep(code)) {
      if (lastSlash === i - 1 || dots === 1) {
        // nothing: an empty or '.' segment
      } else if (dots === 2) {
        if (res.length < 2 || lastSegmentLength !== 2 || res.charCodeAt(res.length - 1) !== DOT || res.charCodeAt(res.length - 2) !== DOT) {
          if (res.length > 2) {
            var lastSlashIndex = res.lastIndexOf(separator);
            if (lastSlashIndex === -1) {
              res = '';
              lastSegmentLength = 0;
            } else {
              res = res.slice(0, lastSlashIndex);
              lastSegmentLength = res.length - 1 - res.lastIndexOf(separator);
            }
            lastSlash = i;
            dots = 0;
            continue;
          } else if (res.length !== 0) {
            res = '';
            lastSegmentLength = 0;
            lastSlash = i;
            dots = 0;
            continue;
          }
        }
        if (allowAboveRoot) {
          res += res.length > 0 ? separator + '..' : '..';
          lastSegmentLength = 2;
        }
      } else {
        if (res.length > 0) {
          res += separator + path.slice(lastSlash + 1, i);
        } else {
          res = path.slice(lastSlash + 1, i);
        }
        lastSegmentLength = i - lastSlash - 1;
      }
      lastSlash = i;
      dots = 0;
    } else if (code === DOT && dots !== -1) {
      ++dots;
    } else {
      dots = -1;
    }
  }
  return res;
}

// root parses the root of path: [rootEnd, device, isAbsolute].
function root(path) {
  var len = path.length;
  var rootEnd = 0, device = '', isAbsolute = false;
  if (len === 0) { return [0, '', false]; }
  var code = path.charCodeAt(0);
  if (len === 1) {
    if (isSep(code)) { return [1, '', true]; }
    return [0, '', false];
  }
  if (isSep(code)) {
    isAbsolute = true;
    if (!isSep(path.charCodeAt(1))) {
      rootEnd = 1;
    } else {
      // a UNC root: \\server\share
      var j = 2, last = j;
      while (j < len && !isSep(path.charCodeAt(j))) { j++; }
      if (j < len && j !== last) {
        var firstPart = path.slice(last, j);
        last = j;
        while (j < len && isSep(path.charCodeAt(j))) { j++; }
        if (j < len && j !== last) {
          last = j;
          while (j < len && !isSep(path.charCodeAt(j))) { j++; }
          if (j === len || j !== last) {
            device = '\\\\' + firstPart + '\\' + path.slice(last, j);
            rootEnd = j;
          }
        }
      }
    }
  } else if (isDeviceRoot(code) && path.charCodeAt(1) === COLON) {
    device = path.slice(0, 2);
    rootEnd = 2;
    if (len > 2 && isSep(path.charCodeAt(2))) {
      isAbsolute = true;
      rootEnd = 3;
    }
  }
  return [rootEnd, device, isAbsolute];
}

var win32 = {
  resolve: function resolve() {
    var resolvedDevice = '', resolvedTail = '', resolvedAbsolute = false;
    for (var i = arguments.length - 1; i >= -1; i--) {
      var path;
      if (i >= 0) {
        path = arguments[i];
        validateString(path, 'paths[' + i + ']');
        if (path.length === 0) { continue; }
      } else if (resolvedDevice.length === 0) {
        path = cwd();
      } else {
        path = process.env['=' + resolvedDevice] || cwd();
        if (path === undefined || (path.slice(0, 2).toLowerCase() !== resolvedDevice.toLowerCase() && path.charCodeAt(2) === BACKSLASH)) {
          path = resolvedDevice + '\\';
        }
      }
      var r = root(path);
      var rootEnd = r[0], device = r[1], isAbsolute = r[2];
      if (device.length > 0) {
        if (resolvedDevice.length > 0) {
          if (device.toLowerCase() !== resolvedDevice.toLowerCase()) { continue; }
        } else {
          resolvedDevice = device;
        }
      }
      if (resolvedAbsolute) {
        if (resolvedDevice.length > 0) { break; }
      } else {
        resolvedTail = path.slice(rootEnd) + '\\' + resolvedTail;
        resolvedAbsolute = isAbsolute;
        if (isAbsolute && resolvedDevice.length > 0) { break; }
      }
    }
    resolvedTail = normalizeString(resolvedTail, !resolvedAbsolute, '\\');
    return resolvedAbsolute ? resolvedDevice + '\\' + resolvedTail : (resolvedDevice + resolvedTail) || '.';
  },

  normalize: function normalize(path) {
    validateString(path, 'path');
    var len = path.length;
    if (len === 0) { return '.'; }
    var r = root(path);
    var rootEnd = r[0], device = r[1], isAbsolute = r[2];
    if (len === 1) { return isSep(path.charCodeAt(0)) ? '\\' : path; }
    if (rootEnd === len && device.length > 0 && device.charCodeAt(0) === BACKSLASH) {
      // a UNC root alone: \\server\share\
      return device + '\\';
    }
    var tail = rootEnd < len ? normalizeString(path.slice(rootEnd), !isAbsolute, '\\') : '';
    if (tail.length === 0 && !isAbsolute) { tail = '.'; }
    if (tail.length > 0 && isSep(path.charCodeAt(len - 1))) { tail += '\\'; }
    if (device === '') { return isAbsolute ? '\\' + tail : tail; }
    return isAbsolute ? device + '\\' + tail : device + tail;
  },

  isAbsolute: function isAbsolute(path) {
    validateString(path, 'path');
    var len = path.length;
    if (len === 0) { return false; }
    var code = path.charCodeAt(0);
    return isSep(code) || (len > 2 && isDeviceRoot(code) && path.charCodeAt(1) === COLON && isSep(path.charCodeAt(2)));
  },

  join: function join() {
    if (arguments.length === 0) { return '.'; }
    var joined, firstPart;
    for (var i = 0; i < arguments.length; ++i) {
      var arg = arguments[i];
      validateString(arg, 'path');
      if (arg.length > 0) {
        if (joined === undefined) {
          joined = firstPart = arg;
        } else {
          joined += '\\' + arg;
        }
      }
    }
    if (joined === undefined) { return '.'; }
    // keep a UNC root only when the first part gave one (\\server)
    var needsReplace = true, slashCount = 0;
    if (isSep(firstPart.charCodeAt(0))) {
      ++slashCount;
      var firstLen = firstPart.length;
      if (firstLen > 1 && isSep(firstPart.charCodeAt(1))) {
        ++slashCount;
        if (firstLen > 2) {
          if (isSep(firstPart.charCodeAt(2))) { ++slashCount; } else { needsReplace = false; }
        }
      }
    }
    if (needsReplace) {
      while (slashCount < joined.length && isSep(joined.charCodeAt(slashCount))) { slashCount++; }
      if (slashCount >= 2) { joined = '\\' + joined.slice(slashCount); }
    }
    return win32.normalize(joined);
  },

  // relative compares the resolved paths segment by segment, ignoring
  // case (so that a letter whose lower case is longer, as İ, does not shift
  // the result); different roots give the destination as it is.
  relative: function relative(from, to) {
    validateString(from, 'from');
    validateString(to, 'to');
    if (from === to) { return ''; }
    var fromOrig = win32.resolve(from);
    var toOrig = win32.resolve(to);
    if (fromOrig === toOrig || fromOrig.toLowerCase() === toOrig.toLowerCase()) { return ''; }
    function segments(p) {
      var parts = p.split('\\');
      while (parts.length > 1 && parts[parts.length - 1] === '') { parts.pop(); }
      return parts;
    }
    var fromParts = segments(fromOrig), toParts = segments(toOrig);
    var rootCount = fromOrig.slice(0, 2) === '\\\\' ? 3 : 1;
    var n = Math.min(fromParts.length, toParts.length);
    var common = 0;
    while (common < n && fromParts[common].toLowerCase() === toParts[common].toLowerCase()) { common++; }
    if (common < rootCount) { return toOrig; }
    var out = [];
    for (var i = common; i < fromParts.length; i++) { out.push('..'); }
    return out.concat(toParts.slice(common)).join('\\');
  },

  toNamespacedPath: function toNamespacedPath(path) {
    if (typeof path !== 'string' || path.length === 0) { return path; }
    var resolvedPath = win32.resolve(path);
    if (resolvedPath.length <= 2) { return path; }
    if (resolvedPath.charCodeAt(0) === BACKSLASH) {
      if (resolvedPath.charCodeAt(1) === BACKSLASH) {
        var code = resolvedPath.charCodeAt(2);
        if (code !== 63 && code !== DOT) { return '\\\\?\\UNC\\' + resolvedPath.slice(2); }
      }
    } else if (isDeviceRoot(resolvedPath.charCodeAt(0)) && resolvedPath.charCodeAt(1) === COLON && resolvedPath.charCodeAt(2) === BACKSLASH) {
      return '\\\\?\\' + resolvedPath;
    }
    return resolvedPath;
  },

  dirname: function dirname(path) {
    validateString(path, 'path');
    var len = path.length;
    if (len === 0) { return '.'; }
    var rootEnd = -1, offset = 0;
    var code = path.charCodeAt(0);
    if (len === 1) { return isSep(code) ? path : '.'; }
    if (isSep(code)) {
      rootEnd = offset = 1;
      if (isSep(path.charCodeAt(1))) {
        var j = 2, last = j;
        while (j < len && !isSep(path.charCodeAt(j))) { j++; }
        if (j < len && j !== last) {
          last = j;
          while (j < len && isSep(path.charCodeAt(j))) { j++; }
          if (j < len && j !== last) {
            last = j;
            while (j < len && !isSep(path.charCodeAt(j))) { j++; }
            if (j === len) { return path; } // a UNC root alone
            if (j !== last) { rootEnd = offset = j + 1; }
          }
        }
      }
    } else if (isDeviceRoot(code) && path.charCodeAt(1) === COLON) {
      rootEnd = len > 2 && isSep(path.charCodeAt(2)) ? 3 : 2;
      offset = rootEnd;
    }
    var end = -1, matchedSlash = true;
    for (var i = len - 1; i >= offset; --i) {
      if (isSep(path.charCodeAt(i))) {
        if (!matchedSlash) {
          end = i;
          break;
        }
      } else {
        matchedSlash = false;
      }
    }
    if (end === -1) {
      if (rootEnd === -1) { return '.'; }
      end = rootEnd;
    }
    return path.slice(0, end);
  },

  basename: function basename(path, suffix) {
    if (suffix !== undefined) { validateString(suffix, 'suffix'); }
    validateString(path, 'path');
    var start = 0, end = -1, matchedSlash = true, i;
    if (path.length >= 2 && isDeviceRoot(path.charCodeAt(0)) && path.charCodeAt(1) === COLON) { start = 2; }
    if (suffix !== undefined && suffix.length > 0 && suffix.length <= path.length) {
      if (suffix === path) { return ''; }
      var extIdx = suffix.length - 1, firstNonSlashEnd = -1;
      for (i = path.length - 1; i >= start; --i) {
        var code = path.charCodeAt(i);
        if (isSep(code)) {
          if (!matchedSlash) {
            start = i + 1;
            break;
          }
        } else {
          if (firstNonSlashEnd === -1) {
            matchedSlash = false;
            firstNonSlashEnd = i + 1;
          }
          if (extIdx >= 0) {
            if (code === suffix.charCodeAt(extIdx)) {
              if (--extIdx === -1) { end = i; }
            } else {
              extIdx = -1;
              end = firstNonSlashEnd;
            }
          }
        }
      }
      if (start === end) { end = firstNonSlashEnd; } else if (end === -1) { end = path.length; }
      return path.slice(start, end);
    }
    for (i = path.length - 1; i >= start; --i) {
      if (isSep(path.charCodeAt(i))) {
        if (!matchedSlash) {
          start = i + 1;
          break;
        }
      } else if (end === -1) {
        matchedSlash = false;
        end = i + 1;
      }
    }
    if (end === -1) { return ''; }
    return path.slice(start, end);
  },

  extname: function extname(path) {
    validateString(path, 'path');
    var start = 0, startDot = -1, startPart = 0, end = -1, matchedSlash = true, preDotState = 0;
    if (path.length >= 2 && path.charCodeAt(1) === COLON && isDeviceRoot(path.charCodeAt(0))) { start = startPart = 2; }
    for (var i = path.length - 1; i >= start; --i) {
      var code = path.charCodeAt(i);
      if (isSep(code)) {
        if (!matchedSlash) {
          startPart = i + 1;
          break;
        }
        continue;
      }
      if (end === -1) {
        matchedSlash = false;
        end = i + 1;
      }
      if (code === DOT) {
        if (startDot === -1) { startDot = i; } else if (preDotState !== 1) { preDotState = 1; }
      } else if (startDot !== -1) {
        preDotState = -1;
      }
    }
    if (startDot === -1 || end === -1 || preDotState === 0 ||
        (preDotState === 1 && startDot === end - 1 && startDot === startPart + 1)) {
      return '';
    }
    return path.slice(startDot, end);
  },

  format: function format(pathObject) {
    errors.validateObject(pathObject, 'pathObject');
    var dir = pathObject.dir || pathObject.root;
    var base = pathObject.base || ((pathObject.name || '') + formatExt(pathObject.ext));
    if (!dir) { return base; }
    return dir === pathObject.root ? dir + base : dir + '\\' + base;
  },

  parse: function parse(path) {
    validateString(path, 'path');
    var ret = { root: '', dir: '', base: '', ext: '', name: '' };
    if (path.length === 0) { return ret; }
    var len = path.length;
    var rootEnd = 0;
    var code = path.charCodeAt(0);
    if (len === 1) {
      if (isSep(code)) {
        ret.root = ret.dir = path;
        return ret;
      }
      ret.base = ret.name = path;
      return ret;
    }
    if (isSep(code)) {
      rootEnd = 1;
      if (isSep(path.charCodeAt(1))) {
        var j = 2, last = j;
        while (j < len && !isSep(path.charCodeAt(j))) { j++; }
        if (j < len && j !== last) {
          last = j;
          while (j < len && isSep(path.charCodeAt(j))) { j++; }
          if (j < len && j !== last) {
            last = j;
            while (j < len && !isSep(path.charCodeAt(j))) { j++; }
            if (j === len) { rootEnd = j; } else if (j !== last) { rootEnd = j + 1; }
          }
        }
      }
    } else if (isDeviceRoot(code) && path.charCodeAt(1) === COLON) {
      if (len <= 2) {
        ret.root = ret.dir = path;
        return ret;
      }
      rootEnd = 2;
      if (isSep(path.charCodeAt(2))) {
        if (len === 3) {
          ret.root = ret.dir = path;
          return ret;
        }
        rootEnd = 3;
      }
    }
    if (rootEnd > 0) { ret.root = path.slice(0, rootEnd); }
    var startDot = -1, startPart = rootEnd, end = -1, matchedSlash = true, i = path.length - 1, preDotState = 0;
    for (; i >= rootEnd; --i) {
      code = path.charCodeAt(i);
      if (isSep(code)) {
        if (!matchedSlash) {
          startPart = i + 1;
          break;
        }
        continue;
      }
      if (end === -1) {
        matchedSlash = false;
        end = i + 1;
      }
      if (code === DOT) {
        if (startDot === -1) { startDot = i; } else if (preDotState !== 1) { preDotState = 1; }
      } else if (startDot !== -1) {
        preDotState = -1;
      }
    }
    if (end !== -1) {
      if (startDot === -1 || preDotState === 0 || (preDotState === 1 && startDot === end - 1 && startDot === startPart + 1)) {
        ret.base = ret.name = path.slice(startPart, end);
      } else {
        ret.name = path.slice(startPart, startDot);
        ret.base = path.slice(startPart, end);
        ret.ext = path.slice(startDot, end);
      }
    }
    if (startPart > 0 && startPart !== rootEnd) {
      ret.dir = path.slice(0, startPart - 1);
    } else {
      ret.dir = ret.root;
    }
    return ret;
  },

  matchesGlob: function matchesGlob() { throw errors.notImplemented('path.matchesGlob()'); },
  sep: '\\',
  delimiter: ';'
};

function formatExt(ext) { return ext ? (ext[0] === '.' ? '' : '.') + ext : ''; }

win32._makeLong = win32.toNamespacedPath;
module.exports = win32;
