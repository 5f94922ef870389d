'use strict';
// util.inspect and util.format as Node's (lib/internal/util/inspect.js),
// without colors: the formats console.log prints. It is called with the
// host's Go functions: details(v) tells a Proxy's target (inspected
// without running its traps, as Node does) and a Promise's state.
(function (native) {
  // The built-ins used, as they were before the script ran (a script may
  // replace them; Node's inspect uses its own copies too).
  var ObjectKeys = Object.keys;
  var ObjectGetOwnPropertySymbols = Object.getOwnPropertySymbols;
  var ObjectGetOwnPropertyNames = Object.getOwnPropertyNames;
  var ObjectGetOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
  var ObjectGetPrototypeOf = Object.getPrototypeOf;
  var ObjectAssign = Object.assign;
  var ArrayIsArray = Array.isArray;
  var ArrayBufferIsView = ArrayBuffer.isView;
  var MathMin = Math.min;
  var MathMax = Math.max;
  var MathSqrt = Math.sqrt;
  var MathRound = Math.round;
  var MathFloor = Math.floor;
  var JSONStringify = JSON.stringify;
  var SymbolToStringTag = Symbol.toStringTag;
  var SymbolFor = Symbol.for;
  var customInspect = SymbolFor('nodejs.util.inspect.custom');
  var keyStrRegExp = /^[a-zA-Z_][a-zA-Z_0-9]*$/;
  var numberRegExp = /^(0|[1-9][0-9]*)$/;
  var kObjectType = 0;
  var kArrayType = 1;
  var kArrayExtrasType = 2;
  var maxBufferBytes = 50; // buffer.INSPECT_MAX_BYTES
  var hasOwn = Object.prototype.hasOwnProperty;
  var isEnumerable = Object.prototype.propertyIsEnumerable;
  var fnToString = Function.prototype.toString;
  var objToString = Object.prototype.toString;

  var defaults = {
    showHidden: false, depth: 2, colors: false, customInspect: true, showProxy: false,
    maxArrayLength: 100, maxStringLength: 10000, breakLength: 80, compact: 3, sorted: false, getters: false
  };

  var meta = [];
  (function () {
    for (var i = 0; i < 0xa0; i++) {
      meta.push('\\x' + (i < 16 ? '0' : '') + i.toString(16).toUpperCase());
    }
    meta[8] = '\\b'; meta[9] = '\\t'; meta[10] = '\\n'; meta[12] = '\\f'; meta[13] = '\\r';
    meta[39] = "\\'"; meta[92] = '\\\\';
    for (var j = 32; j < 127; j++) {
      if (j !== 39 && j !== 92) { meta[j] = undefined; }
    }
  })();

  function strEscape(str) {
    var quote = "'";
    if (str.indexOf("'") !== -1) {
      if (str.indexOf('"') === -1) {
        quote = '"';
      } else if (str.indexOf('`') === -1 && str.indexOf('${') === -1) {
        quote = '`';
      }
    }
    var out = '';
    var last = 0;
    for (var i = 0; i < str.length; i++) {
      var c = str.charCodeAt(i);
      if (c < 0xa0 && meta[c] !== undefined && (c !== 39 || quote === "'")) {
        out += str.slice(last, i) + meta[c];
        last = i + 1;
      }
    }
    return quote + out + str.slice(last) + quote;
  }

  function formatNumber(n) {
    if (n === 0 && 1 / n < 0) { return '-0'; }
    return String(n);
  }

  function formatPrimitive(ctx, value) {
    switch (typeof value) {
      case 'string': {
        var trailer = '';
        if (value.length > ctx.maxStringLength) {
          var remaining = value.length - ctx.maxStringLength;
          value = value.slice(0, ctx.maxStringLength);
          trailer = '... ' + remaining + ' more character' + (remaining > 1 ? 's' : '');
        }
        if (ctx.compact !== true && value.length > 16 && value.length > ctx.breakLength - ctx.indentationLvl - 4) {
          var lines = value.split('\n');
          var parts = [];
          for (var i = 0; i < lines.length; i++) {
            var line = i < lines.length - 1 ? lines[i] + '\n' : lines[i];
            if (line !== '') { parts.push(strEscape(line)); }
          }
          return parts.join(' +\n' + ' '.repeat(ctx.indentationLvl + 2)) + trailer;
        }
        return strEscape(value) + trailer;
      }
      case 'number': return formatNumber(value);
      case 'bigint': return String(value) + 'n';
      case 'boolean': return String(value);
      case 'undefined': return 'undefined';
      default: return value.toString(); // a symbol
    }
  }

  function getConstructorName(obj) {
    var o = obj;
    var first;
    while (o !== null && o !== undefined) {
      var d = ObjectGetOwnPropertyDescriptor(o, 'constructor');
      if (d !== undefined && typeof d.value === 'function' && d.value.name !== '' && isInstance(obj, d.value)) {
        return String(d.value.name);
      }
      o = ObjectGetPrototypeOf(o);
      if (first === undefined) { first = o; }
    }
    if (first === null) { return null; }
    return 'Object';
  }

  function isInstance(obj, ctor) {
    try { return obj instanceof ctor; } catch (e) { return false; }
  }

  function getPrefix(constructor, tag, fallback, size) {
    size = size || '';
    if (constructor === null) {
      if (tag !== '' && fallback !== tag) {
        return '[' + fallback + size + ': null prototype] [' + tag + '] ';
      }
      return '[' + fallback + size + ': null prototype] ';
    }
    if (tag !== '' && constructor !== tag) {
      return constructor + size + ' [' + tag + '] ';
    }
    return constructor + size + ' ';
  }

  function getKeys(value, showHidden) {
    var keys;
    var symbols = ObjectGetOwnPropertySymbols(value);
    if (showHidden) {
      keys = ObjectGetOwnPropertyNames(value);
      if (symbols.length !== 0) { keys = keys.concat(symbols); }
    } else {
      keys = ObjectKeys(value);
      for (var i = 0; i < symbols.length; i++) {
        if (isEnumerable.call(value, symbols[i])) { keys.push(symbols[i]); }
      }
    }
    return keys;
  }

  function getNonIndexKeys(value, showHidden) {
    return getKeys(value, showHidden).filter(function (k) {
      return typeof k === 'symbol' || !numberRegExp.test(k) || +k > 4294967294;
    });
  }

  function isClass(fn) {
    var s;
    try { s = fnToString.call(fn); } catch (e) { return false; }
    return s.slice(0, 5) === 'class' && s.slice(-1) === '}';
  }

  function getFunctionBase(value, constructor, tag) {
    if (isClass(value)) {
      var name = (hasOwn.call(value, 'name') && value.name) || '(anonymous)';
      var cbase = 'class ' + name;
      if (constructor !== 'Function' && constructor !== null) { cbase += ' [' + constructor + ']'; }
      if (tag !== '' && constructor !== tag) { cbase += ' [' + tag + ']'; }
      if (constructor !== null) {
        var superName = ObjectGetPrototypeOf(value).name;
        if (superName) { cbase += ' extends ' + superName; }
      } else {
        cbase += ' extends [null prototype]';
      }
      return '[' + cbase + ']';
    }
    var type = 'Function';
    if (constructor === 'AsyncFunction' || constructor === 'GeneratorFunction' || constructor === 'AsyncGeneratorFunction') {
      type = constructor;
    }
    var base = '[' + type;
    if (constructor === null) { base += ' (null prototype)'; }
    if (value.name === '' || typeof value.name !== 'string') {
      base += ' (anonymous)';
    } else {
      base += ': ' + value.name;
    }
    base += ']';
    if (constructor !== type && constructor !== null) { base += ' ' + constructor; }
    if (tag !== '' && constructor !== tag) { base += ' [' + tag + ']'; }
    return base;
  }

  function hexBytes(bytes, n) {
    var s = '';
    for (var i = 0; i < n; i++) {
      s += (i ? ' ' : '') + (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    }
    return s;
  }

  function moreBytes(remaining) {
    return remaining > 0 ? ' ... ' + remaining + ' more byte' + (remaining > 1 ? 's' : '') : '';
  }

  function moreItems(remaining) {
    return '... ' + remaining + ' more item' + (remaining > 1 ? 's' : '');
  }

  function formatError(err, constructor, tag, ctx, keys) {
    var name = err.name != null ? String(err.name) : 'Error';
    var message = err.message != null ? String(err.message) : '';
    var stack = typeof err.stack === 'string' && err.stack !== '' ? err.stack : Error.prototype.toString.call(err);
    // goja's frames ("\tat f (file:1:2(34))") as Node's ("    at f (file:1:2)")
    stack = stack.replace(/\n\tat /g, '\n    at ').replace(/\(\d+\)(\)?)(?=\n|$)/g, '$1').replace(/\n+$/, '');
    ['name', 'message', 'stack'].forEach(function (k) {
      var i = keys.indexOf(k);
      if (i !== -1 && stack.indexOf(String(err[k])) !== -1) { keys.splice(i, 1); }
    });
    if (constructor === null || (name.slice(-5) === 'Error' && stack.indexOf(name) !== 0 &&
        (stack.indexOf(constructor) !== 0))) {
      var fallback = constructor === null ? 'Error' : constructor;
      stack = getPrefix(constructor, tag, fallback).trim() + ': ' + message + stack.slice(stack.indexOf('\n') === -1 ? stack.length : stack.indexOf('\n'));
    }
    if (stack.indexOf('\n    at') === -1) {
      stack = '[' + stack + ']';
    }
    if (ctx.indentationLvl !== 0) {
      stack = stack.replace(/\n/g, '\n' + ' '.repeat(ctx.indentationLvl));
    }
    return stack;
  }

  function formatValue(ctx, value, recurseTimes, typedArray) {
    if (typeof value !== 'object' && typeof value !== 'function') {
      return formatPrimitive(ctx, value);
    }
    if (value === null) { return 'null'; }
    var d = native.details(value);
    if (d.proxy !== undefined) {
      if (d.proxy === null) { return '<Revoked Proxy>'; }
      if (ctx.showProxy) {
        return 'Proxy [ ' + formatValue(ctx, d.proxy, recurseTimes) + ', ' + formatValue(ctx, d.handler, recurseTimes) + ' ]';
      }
      return formatValue(ctx, d.proxy, recurseTimes, typedArray);
    }
    if (ctx.customInspect) {
      var custom = value[customInspect];
      if (typeof custom === 'function' && custom !== inspect &&
          !(value.constructor && value.constructor.prototype === value)) {
        var depth = ctx.depth === null ? null : ctx.depth - recurseTimes;
        var opts = ObjectAssign({}, ctx.userOptions, { depth: depth, indentationLvl: ctx.indentationLvl });
        var ret = custom.call(value, depth, opts, inspect);
        if (ret !== value) {
          if (typeof ret !== 'string') { return formatValue(ctx, ret, recurseTimes); }
          return ret.replace(/\n/g, '\n' + ' '.repeat(ctx.indentationLvl));
        }
      }
    }
    if (ctx.seen.indexOf(value) !== -1) {
      var index = 1;
      if (ctx.circular === undefined) {
        ctx.circular = new Map();
        ctx.circular.set(value, index);
      } else {
        index = ctx.circular.get(value);
        if (index === undefined) {
          index = ctx.circular.size + 1;
          ctx.circular.set(value, index);
        }
      }
      return '[Circular *' + index + ']';
    }
    return formatRaw(ctx, value, recurseTimes, typedArray, d);
  }

  function formatRaw(ctx, value, recurseTimes, typedArray, d) {
    var keys;
    var constructor = getConstructorName(value);
    var tag = value[SymbolToStringTag];
    if (typeof tag !== 'string' || (tag !== '' && (ctx.showHidden ? hasOwn : isEnumerable).call(value, SymbolToStringTag))) {
      tag = '';
    }
    var base = '';
    var formatter = formatNone;
    var braces;
    var noIterator = true;
    var extrasType = kObjectType;
    var kind = objToString.call(value).slice(8, -1);

    if (ArrayIsArray(value)) {
      noIterator = false;
      var prefix = (constructor !== 'Array' || tag !== '') ? getPrefix(constructor, tag, 'Array', '(' + value.length + ')') : '';
      keys = getNonIndexKeys(value, ctx.showHidden);
      braces = [prefix + '[', ']'];
      if (value.length === 0 && keys.length === 0) { return braces[0] + ']'; }
      extrasType = kArrayExtrasType;
      formatter = formatArray;
    } else if (value instanceof Set || kind === 'Set') {
      noIterator = false;
      var sprefix = getPrefix(constructor, tag, 'Set', '(' + value.size + ')');
      keys = getKeys(value, ctx.showHidden);
      formatter = formatSet;
      if (value.size === 0 && keys.length === 0) { return sprefix + '{}'; }
      braces = [sprefix + '{', '}'];
    } else if (value instanceof Map || kind === 'Map') {
      noIterator = false;
      var mprefix = getPrefix(constructor, tag, 'Map', '(' + value.size + ')');
      keys = getKeys(value, ctx.showHidden);
      formatter = formatMap;
      if (value.size === 0 && keys.length === 0) { return mprefix + '{}'; }
      braces = [mprefix + '{', '}'];
    } else if (ArrayBufferIsView(value) && !(value instanceof DataView)) {
      noIterator = false;
      if (typeof Buffer === 'function' && value instanceof Buffer && constructor !== null) {
        var n = MathMin(maxBufferBytes, value.length);
        return '<' + constructor + ' ' + hexBytes(value, n) + moreBytes(value.length - maxBufferBytes) + '>';
      }
      keys = getNonIndexKeys(value, ctx.showHidden);
      var fallback = kind;
      var tprefix = getPrefix(constructor, tag, fallback, '(' + value.length + ')');
      braces = [tprefix + '[', ']'];
      if (value.length === 0 && keys.length === 0 && !ctx.showHidden) { return braces[0] + ']'; }
      formatter = formatTypedArray;
      extrasType = kArrayExtrasType;
    }
    if (noIterator) {
      keys = getKeys(value, ctx.showHidden);
      braces = ['{', '}'];
      if (constructor === 'Object' && kind !== 'Error' && kind !== 'Date' && kind !== 'RegExp' &&
          kind !== 'Function' && d.promise === undefined && !(value instanceof ArrayBuffer) && !(value instanceof DataView) &&
          kind !== 'Number' && kind !== 'String' && kind !== 'Boolean' && kind !== 'Symbol' && kind !== 'BigInt') {
        if (kind === 'Arguments') {
          braces[0] = '[Arguments] [';
        } else if (tag !== '') {
          braces[0] = getPrefix(constructor, tag, 'Object') + '{';
        }
        if (keys.length === 0) { return braces[0] + '}'; }
      } else if (typeof value === 'function') {
        base = getFunctionBase(value, constructor, tag);
        if (keys.length === 0) { return base; }
      } else if (kind === 'RegExp') {
        base = RegExp.prototype.toString.call(value);
        var rprefix = getPrefix(constructor, tag, 'RegExp');
        if (rprefix !== 'RegExp ') { base = rprefix + base; }
        if (keys.length === 0 || (recurseTimes > ctx.depth && ctx.depth !== null)) { return base; }
      } else if (kind === 'Date') {
        var t = Date.prototype.getTime.call(value);
        var ds = isNaN(t) ? Date.prototype.toString.call(value) : Date.prototype.toISOString.call(value);
        if (keys.length === 0) { return ds; }
        base = ds;
      } else if (kind === 'Error' || value instanceof Error) {
        base = formatError(value, constructor, tag, ctx, keys);
        if (keys.length === 0) { return base; }
      } else if (value instanceof ArrayBuffer) {
        var aprefix = getPrefix(constructor, tag, 'ArrayBuffer');
        if (typedArray === undefined) {
          formatter = formatArrayBuffer;
        } else if (keys.length === 0) {
          return aprefix + '{ byteLength: ' + formatNumber(value.byteLength) + ' }';
        }
        braces[0] = aprefix + '{';
        keys.unshift('byteLength');
      } else if (value instanceof DataView) {
        braces[0] = getPrefix(constructor, tag, 'DataView') + '{';
        keys.unshift('byteLength', 'byteOffset', 'buffer');
      } else if (d.promise !== undefined) {
        braces[0] = getPrefix(constructor, tag, 'Promise') + '{';
        formatter = formatPromise;
      } else if (kind === 'Number' || kind === 'String' || kind === 'Boolean' || kind === 'Symbol' || kind === 'BigInt') {
        var prim = value.valueOf();
        var bbase = '[' + kind;
        if (kind !== constructor) {
          bbase += constructor === null ? ' (null prototype)' : ' (' + constructor + ')';
        }
        bbase += ': ' + formatPrimitive(ObjectAssign({}, ctx, { compact: true }), prim) + ']';
        if (tag !== '' && tag !== constructor) { bbase += ' [' + tag + ']'; }
        if (kind === 'String') {
          keys = keys.filter(function (k) { return typeof k === 'symbol' || !numberRegExp.test(k) || +k >= prim.length; });
        }
        base = bbase;
        if (keys.length === 0) { return base; }
      } else {
        if (keys.length === 0) { return getPrefix(constructor, tag, 'Object') + '{}'; }
        braces[0] = getPrefix(constructor, tag, 'Object') + '{';
      }
    }

    if (recurseTimes > ctx.depth && ctx.depth !== null) {
      var cname = getPrefix(constructor, tag, 'Object').slice(0, -1);
      return constructor !== null ? '[' + cname + ']' : cname;
    }
    recurseTimes += 1;
    ctx.seen.push(value);
    ctx.currentDepth = recurseTimes;
    var output = formatter(ctx, value, recurseTimes, d);
    for (var i = 0; i < keys.length; i++) {
      output.push(formatProperty(ctx, value, recurseTimes, keys[i], extrasType));
    }
    ctx.seen.pop();
    if (ctx.circular !== undefined) {
      var index = ctx.circular.get(value);
      if (index !== undefined) {
        var reference = '<ref *' + index + '>';
        base = base === '' ? reference : reference + ' ' + base;
      }
    }
    return reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value);
  }

  function formatNone() { return []; }

  function formatArray(ctx, value, recurseTimes) {
    var valLen = value.length;
    var len = MathMin(MathMax(0, ctx.maxArrayLength), valLen);
    var output = [];
    for (var i = 0; i < len; i++) {
      if (!hasOwn.call(value, i)) {
        return formatSpecialArray(ctx, value, recurseTimes, len, output, i);
      }
      output.push(formatProperty(ctx, value, recurseTimes, i, kArrayType));
    }
    if (valLen - len > 0) { output.push(moreItems(valLen - len)); }
    return output;
  }

  // formatSpecialArray is a sparse array: its holes are counted from its
  // keys, never by walking its length.
  function formatSpecialArray(ctx, value, recurseTimes, maxLength, output, i) {
    var keys = ObjectKeys(value);
    var index = i;
    for (; i < keys.length && output.length < maxLength; i++) {
      var key = keys[i];
      var tmp = +key;
      if (tmp > 4294967294) { break; }
      if (String(index) !== key) {
        if (!numberRegExp.test(key)) { break; }
        var empty = tmp - index;
        output.push('<' + empty + ' empty item' + (empty > 1 ? 's' : '') + '>');
        index = tmp;
        if (output.length === maxLength) { break; }
      }
      output.push(formatProperty(ctx, value, recurseTimes, key, kArrayType));
      index++;
    }
    var remaining = value.length - index;
    if (output.length !== maxLength) {
      if (remaining > 0) {
        output.push('<' + remaining + ' empty item' + (remaining > 1 ? 's' : '') + '>');
      }
    } else if (remaining > 0) {
      output.push(moreItems(remaining));
    }
    return output;
  }

  function formatTypedArray(ctx, value) {
    var maxLength = MathMin(MathMax(0, ctx.maxArrayLength), value.length);
    var output = [];
    for (var i = 0; i < maxLength; i++) {
      output.push(typeof value[i] === 'bigint' ? value[i] + 'n' : formatNumber(value[i]));
    }
    if (value.length - maxLength > 0) { output.push(moreItems(value.length - maxLength)); }
    if (ctx.showHidden) {
      ctx.indentationLvl += 2;
      ['BYTES_PER_ELEMENT', 'length', 'byteLength', 'byteOffset', 'buffer'].forEach(function (k) {
        output.push('[' + k + ']: ' + formatValue(ctx, value[k], ctx.currentDepth, true));
      });
      ctx.indentationLvl -= 2;
    }
    return output;
  }

  function formatArrayBuffer(ctx, value) {
    var bytes = new Uint8Array(value);
    var n = MathMin(ctx.maxArrayLength, bytes.length);
    return ['[Uint8Contents]: <' + hexBytes(bytes, n) + moreBytes(bytes.length - ctx.maxArrayLength) + '>'];
  }

  function formatSet(ctx, value, recurseTimes) {
    var output = [];
    ctx.indentationLvl += 2;
    value.forEach(function (v) { output.push(formatValue(ctx, v, recurseTimes)); });
    ctx.indentationLvl -= 2;
    return output;
  }

  function formatMap(ctx, value, recurseTimes) {
    var output = [];
    ctx.indentationLvl += 2;
    value.forEach(function (v, k) {
      output.push(formatValue(ctx, k, recurseTimes) + ' => ' + formatValue(ctx, v, recurseTimes));
    });
    ctx.indentationLvl -= 2;
    return output;
  }

  function formatPromise(ctx, value, recurseTimes, d) {
    if (d.promise === 'pending') { return ['<pending>']; }
    ctx.indentationLvl += 2;
    var str = formatValue(ctx, d.result, recurseTimes);
    ctx.indentationLvl -= 2;
    return [d.promise === 'rejected' ? '<rejected> ' + str : str];
  }

  function formatProperty(ctx, value, recurseTimes, key, type) {
    var name, str;
    var desc = ObjectGetOwnPropertyDescriptor(value, key) || { value: value[key], enumerable: true };
    if (desc.value !== undefined) {
      ctx.indentationLvl += 2;
      str = formatValue(ctx, desc.value, recurseTimes);
      ctx.indentationLvl -= 2;
    } else if (desc.get !== undefined) {
      str = desc.set !== undefined ? '[Getter/Setter]' : '[Getter]';
    } else if (desc.set !== undefined) {
      str = '[Setter]';
    } else {
      str = 'undefined';
    }
    if (type === kArrayType) { return str; }
    if (typeof key === 'symbol') {
      name = '[' + key.toString() + ']';
    } else if (key === '__proto__') {
      name = "['__proto__']";
    } else if (desc.enumerable === false) {
      name = '[' + key + ']';
    } else if (keyStrRegExp.test(key)) {
      name = key;
    } else {
      name = strEscape(key);
    }
    return name + ': ' + str;
  }

  function groupArrayElements(ctx, output, value) {
    var totalLength = 0;
    var maxLength = 0;
    var i = 0;
    var outputLength = output.length;
    if (ctx.maxArrayLength < output.length) {
      outputLength--; // the "... more items" entry
    }
    var separatorSpace = 2;
    var dataLen = new Array(outputLength);
    for (; i < outputLength; i++) {
      var len = output[i].length;
      dataLen[i] = len;
      totalLength += len + separatorSpace;
      if (maxLength < len) { maxLength = len; }
    }
    var actualMax = maxLength + separatorSpace;
    if (actualMax * 3 + ctx.indentationLvl < ctx.breakLength &&
        (totalLength / actualMax > 5 || maxLength <= 6)) {
      var averageBias = MathSqrt(actualMax - totalLength / output.length);
      var biasedMax = MathMax(actualMax - 3 - averageBias, 1);
      var columns = MathMin(
        MathRound(MathSqrt(2.5 * biasedMax * outputLength) / biasedMax),
        MathFloor((ctx.breakLength - ctx.indentationLvl) / actualMax),
        ctx.compact * 4,
        15
      );
      if (columns <= 1) { return output; }
      var tmp = [];
      var maxLineLength = [];
      for (var c = 0; c < columns; c++) {
        var lineLength = 0;
        for (var j = c; j < output.length; j += columns) {
          if (dataLen[j] > lineLength) { lineLength = dataLen[j]; }
        }
        maxLineLength.push(lineLength + separatorSpace);
      }
      var padStart = true;
      if (value !== undefined) {
        for (var k = 0; k < output.length; k++) {
          if (typeof value[k] !== 'number' && typeof value[k] !== 'bigint') {
            padStart = false;
            break;
          }
        }
      }
      for (var r = 0; r < outputLength; r += columns) {
        var max = MathMin(r + columns, outputLength);
        var str = '';
        var m = r;
        for (; m < max - 1; m++) {
          var padding = maxLineLength[m - r];
          str += padStart ? (output[m] + ', ').padStart(padding, ' ') : (output[m] + ', ').padEnd(padding, ' ');
        }
        if (padStart) {
          str += output[m].padStart(maxLineLength[m - r] - separatorSpace, ' ');
        } else {
          str += output[m];
        }
        tmp.push(str);
      }
      if (ctx.maxArrayLength < output.length) {
        tmp.push(output[outputLength]);
      }
      output = tmp;
    }
    return output;
  }

  function isBelowBreakLength(ctx, output, start, base) {
    var totalLength = output.length + start;
    if (totalLength + output.length > ctx.breakLength) { return false; }
    for (var i = 0; i < output.length; i++) {
      totalLength += output[i].length;
      if (totalLength > ctx.breakLength) { return false; }
    }
    return base === '' || base.indexOf('\n') === -1;
  }

  function reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value) {
    if (ctx.compact !== true) {
      if (typeof ctx.compact === 'number' && ctx.compact >= 1) {
        var entries = output.length;
        if (extrasType === kArrayExtrasType && entries > 6) {
          output = groupArrayElements(ctx, output, value);
        }
        if (ctx.currentDepth - recurseTimes < ctx.compact && entries === output.length) {
          var start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
          if (isBelowBreakLength(ctx, output, start, base)) {
            var joined = output.join(', ');
            if (joined.indexOf('\n') === -1) {
              return (base ? base + ' ' : '') + braces[0] + ' ' + joined + ' ' + braces[1];
            }
          }
        }
      }
      var indentation = '\n' + ' '.repeat(ctx.indentationLvl);
      return (base ? base + ' ' : '') + braces[0] + indentation + '  ' +
        output.join(',' + indentation + '  ') + indentation + braces[1];
    }
    if (isBelowBreakLength(ctx, output, 0, base)) {
      return braces[0] + (base ? ' ' + base : '') + ' ' + output.join(', ') + ' ' + braces[1];
    }
    var ind = ' '.repeat(ctx.indentationLvl);
    var ln = base === '' && braces[0].length === 1 ? ' ' : (base ? ' ' + base : '') + '\n' + ind + '  ';
    return braces[0] + ln + output.join(',\n' + ind + '  ') + ' ' + braces[1];
  }

  function inspect(value, opts) {
    var ctx = {
      budget: {}, indentationLvl: 0, seen: [], currentDepth: 0, userOptions: undefined
    };
    for (var k in defaults) { ctx[k] = defaults[k]; }
    if (arguments.length > 1 && typeof opts === 'boolean') { // inspect(obj, showHidden, depth)
      ctx.showHidden = opts;
      if (arguments.length > 2) { ctx.depth = arguments[2]; }
    } else if (opts !== null && typeof opts === 'object') {
      ObjectKeys(opts).forEach(function (key) {
        if (hasOwn.call(defaults, key) || key === 'stylize') { ctx[key] = opts[key]; }
      });
      ctx.userOptions = opts;
    }
    if (ctx.maxArrayLength === null) { ctx.maxArrayLength = Infinity; }
    if (ctx.maxStringLength === null) { ctx.maxStringLength = Infinity; }
    return formatValue(ctx, value, 0);
  }
  inspect.custom = customInspect;
  inspect.defaultOptions = defaults;

  function hasBuiltInToString(value) {
    var d = native.details(value);
    if (d.proxy !== undefined) {
      if (d.proxy === null) { return true; }
      value = d.proxy;
    }
    if (typeof value.toString !== 'function') { return true; }
    if (hasOwn.call(value, 'toString')) { return false; }
    var pointer = value;
    do {
      pointer = ObjectGetPrototypeOf(pointer);
    } while (pointer !== null && !hasOwn.call(pointer, 'constructor'));
    if (pointer === null) { return true; }
    var d2 = ObjectGetOwnPropertyDescriptor(pointer, 'constructor');
    var builtins = ['Object', 'Error', 'Array', 'Date', 'RegExp', 'Function', 'Map', 'Set', 'Promise',
      'Number', 'String', 'Boolean', 'Symbol', 'BigInt', 'ArrayBuffer', 'DataView', 'Uint8Array', 'Buffer',
      'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError'];
    return d2 !== undefined && typeof d2.value === 'function' && builtins.indexOf(d2.value.name) !== -1;
  }

  function formatWithOptions(inspectOptions, args) {
    var first = args[0];
    var a = 0;
    var str = '';
    var join = '';
    if (typeof first === 'string') {
      if (args.length === 1) { return first; }
      var tempStr;
      var lastPos = 0;
      for (var i = 0; i < first.length - 1; i++) {
        if (first.charCodeAt(i) === 37) { // '%'
          var nextChar = first.charCodeAt(++i);
          if (a + 1 !== args.length) {
            switch (nextChar) {
              case 115: { // 's'
                var tempArg = args[++a];
                if (typeof tempArg === 'number') {
                  tempStr = formatNumber(tempArg);
                } else if (typeof tempArg === 'bigint') {
                  tempStr = tempArg + 'n';
                } else if (typeof tempArg !== 'object' || tempArg === null || !hasBuiltInToString(tempArg)) {
                  tempStr = String(tempArg);
                } else {
                  tempStr = inspect(tempArg, ObjectAssign({}, inspectOptions, { depth: 0, colors: false, compact: 3 }));
                }
                break;
              }
              case 106: // 'j'
                try {
                  tempStr = JSONStringify(args[++a]);
                } catch (e) {
                  if (e instanceof TypeError && /circular/i.test(e.message)) {
                    tempStr = '[Circular]';
                  } else {
                    throw e;
                  }
                }
                break;
              case 100: { // 'd'
                var tempNum = args[++a];
                if (typeof tempNum === 'bigint') {
                  tempStr = tempNum + 'n';
                } else if (typeof tempNum === 'symbol') {
                  tempStr = 'NaN';
                } else {
                  tempStr = formatNumber(Number(tempNum));
                }
                break;
              }
              case 79: // 'O'
                tempStr = inspect(args[++a], inspectOptions);
                break;
              case 111: // 'o'
                tempStr = inspect(args[++a], ObjectAssign({}, inspectOptions, { showHidden: true, showProxy: true, depth: 4 }));
                break;
              case 105: { // 'i'
                var tempInteger = args[++a];
                if (typeof tempInteger === 'bigint') {
                  tempStr = tempInteger + 'n';
                } else if (typeof tempInteger === 'symbol') {
                  tempStr = 'NaN';
                } else {
                  tempStr = formatNumber(parseInt(tempInteger));
                }
                break;
              }
              case 102: { // 'f'
                var tempFloat = args[++a];
                tempStr = typeof tempFloat === 'symbol' ? 'NaN' : formatNumber(parseFloat(tempFloat));
                break;
              }
              case 99: // 'c'
                a += 1;
                tempStr = '';
                break;
              case 37: // '%'
                str += first.slice(lastPos, i);
                lastPos = i + 1;
                continue;
              default:
                continue;
            }
            if (lastPos !== i - 1) { str += first.slice(lastPos, i - 1); }
            str += tempStr;
            lastPos = i + 1;
          } else if (nextChar === 37) {
            str += first.slice(lastPos, i);
            lastPos = i + 1;
          }
        }
      }
      if (lastPos !== 0) {
        a++;
        join = ' ';
        if (lastPos < first.length) { str += first.slice(lastPos); }
      }
    }
    while (a < args.length) {
      var value = args[a];
      str += join;
      str += typeof value !== 'string' ? inspect(value, inspectOptions) : value;
      join = ' ';
      a++;
    }
    return str;
  }

  function format() { return formatWithOptions(undefined, Array.prototype.slice.call(arguments)); }

  // reasonString is V8's NoSideEffectsToString, as Node words a rejection
  // reason that is not an Error.
  function reasonString(v) {
    if (typeof v === 'symbol') { return v.toString(); }
    if (typeof v === 'function') { return fnToString.call(v); }
    if (typeof v !== 'object' || v === null) { return String(v); }
    if (native.details(v).proxy !== undefined) { return '#<Object>'; }
    var kind = objToString.call(v).slice(8, -1);
    if (ArrayIsArray(v) || ObjectGetPrototypeOf(v) === null || v.toString !== Object.prototype.toString) {
      return '[object ' + kind + ']';
    }
    return '#<' + (getConstructorName(v) || 'Object') + '>';
  }

  return {
    reasonString: reasonString,
    inspect: inspect,
    format: format,
    formatWithOptions: function (inspectOptions) {
      return formatWithOptions(inspectOptions, Array.prototype.slice.call(arguments, 1));
    }
  };
})
