'use strict';
// module: node's CommonJS loader (lib/internal/modules/cjs/loader.js) on
// the host's resolution and compilation (modules.go): Module, its cache,
// require with resolve, resolve.paths, cache, main and extensions,
// createRequire, and ES modules, whose imports go through importer() with
// import's resolution. Called with the host's Go functions; returns Module.
(function (native) {
  var parents = new WeakMap(); // module -> the module that first loaded it
  var esModules = new WeakSet();
  var asyncAllowed = new WeakSet(); // modules being loaded as the main module or by import

  function argTypeError(name, value) {
    return native.argTypeError(name, value);
  }

  function Module(id, parent) {
    if (id === undefined) { id = ''; }
    this.id = id;
    this.path = native.dirname(id);
    this.exports = {};
    parents.set(this, parent);
    updateChildren(parent, this, false);
    this.filename = null;
    this.loaded = false;
    this.children = [];
  }
  Module.Module = Module;
  Module._cache = Object.create(null);
  Module._pathCache = Object.create(null);
  Module.globalPaths = native.globalPaths();
  Module.wrapper = ['(function (exports, require, module, __filename, __dirname) { ', '\n});'];
  Module.wrap = function wrap(script) { return Module.wrapper[0] + script + Module.wrapper[1]; };
  Object.defineProperty(Module.prototype, 'parent', {
    get: function () { return parents.get(this); },
    set: function (v) { parents.set(this, v); },
    configurable: true
  });

  function updateChildren(parent, child, scan) {
    var children = parent && parent.children;
    if (children && !(scan && children.indexOf(child) !== -1)) { children.push(child); }
  }

  Module.isBuiltin = function isBuiltin(id) {
    if (typeof id !== 'string') { return false; }
    try { return native.builtin(id) !== undefined; } catch (e) { return false; }
  };

  Module.builtinModules = native.builtinNames();

  Module._nodeModulePaths = function _nodeModulePaths(from) {
    return native.nodeModulePaths(String(from));
  };

  Module._resolveLookupPaths = function _resolveLookupPaths(request, parent) {
    if (Module.isBuiltin(request)) { return null; }
    var dir = parent && parent.filename ? native.dirname(parent.filename) : native.cwd();
    if (request === '.' || request === '..' || /^\.\.?\//.test(request)) { return [dir]; }
    return native.nodeModulePaths(dir).concat(Module.globalPaths);
  };

  function requireStack(parent) {
    var stack = [];
    for (var cursor = parent; cursor; cursor = parents.get(cursor)) {
      stack.push(cursor.filename || cursor.id);
    }
    return stack;
  }

  // resolveFrom is require's resolution of request from the file (or
  // directory, ending in '/') at from, for parent: a file name, or the
  // error, with node's require stack for a module not found.
  function resolveFrom(request, from, parent) {
    var r = native.resolve(request, from);
    if (typeof r === 'string') { return r; }
    if (Array.isArray(r.requireStack)) {
      var stack = requireStack(parent);
      if (stack.length > 0) { r.message += '\nRequire stack:\n- ' + stack.join('\n- '); }
      r.requireStack = stack;
    }
    throw r;
  }

  function parentPath(parent) {
    if (parent && parent.filename) { return parent.filename; }
    return native.cwd() + '/';
  }

  Module._resolveFilename = function _resolveFilename(request, parent, isMain, options) {
    if (Module.isBuiltin(request)) { return request; }
    if (options && options.paths) {
      var paths = options.paths, last;
      for (var i = 0; i < paths.length; i++) {
        var from = String(paths[i]);
        if (from[0] !== '/') { from = native.cwd() + '/' + from; }
        try { return resolveFrom(request, from + '/', parent); } catch (e) {
          if (e.code !== 'MODULE_NOT_FOUND') { throw e; }
          last = e;
        }
      }
      if (last) { throw last; }
    }
    return resolveFrom(request, parentPath(parent), parent);
  };

  Module._load = function _load(request, parent, isMain) {
    var exports = native.builtin(request);
    if (exports !== undefined) { return exports; }
    var filename = Module._resolveFilename(request, parent, isMain);
    var module = loadFile(filename, parent, isMain);
    return esModules.has(module) ? requiredNamespace(module) : module.exports;
  };

  // requiredNamespace is what require() of an ES module gives, as node
  // 20.20: its namespace, or with a default export, a copy of it with an
  // enumerable __esModule (for the interop of transpiled code), the same
  // each time.
  var required = new WeakMap();
  function requiredNamespace(module) {
    var ns = module.exports;
    if (ns === null || typeof ns !== 'object' || !Object.prototype.hasOwnProperty.call(ns, 'default')) { return ns; }
    var copy = required.get(module);
    if (copy === undefined) {
      copy = Object.create(null);
      Object.defineProperty(copy, Symbol.toStringTag, { value: 'Module' });
      Object.defineProperty(copy, '__esModule', { value: true, enumerable: true });
      Object.getOwnPropertyNames(ns).forEach(function (key) {
        if (key !== '__esModule') {
          Object.defineProperty(copy, key, { get: function () { return ns[key]; }, enumerable: true });
        }
      });
      required.set(module, copy);
    }
    return copy;
  }

  // loadFile is the module of filename: the cached one, or a new one,
  // loaded (removed from the cache again if loading throws).
  function loadFile(filename, parent, isMain, byImport) {
    var cached = Module._cache[filename];
    if (cached !== undefined) {
      updateChildren(parent, cached, true);
      return cached;
    }
    var module = new Module(filename, parent);
    if (isMain) {
      process.mainModule = module;
      module.id = '.';
    }
    Module._cache[filename] = module;
    if (isMain || byImport) { asyncAllowed.add(module); }
    var threw = true;
    try {
      module.load(filename);
      threw = false;
    } finally {
      if (threw) {
        delete Module._cache[filename];
        if (parent !== undefined && parent !== null && parent.children) {
          var i = parent.children.indexOf(module);
          if (i !== -1) { parent.children.splice(i, 1); }
        }
      }
    }
    return module;
  }

  function extensionOf(filename) {
    var base = filename.slice(filename.lastIndexOf('/') + 1);
    var index = 0, dot;
    while ((dot = base.indexOf('.', index)) !== -1) {
      index = dot + 1;
      if (dot === 0) { continue; }
      var ext = base.slice(dot);
      if (Object.prototype.hasOwnProperty.call(Module._extensions, ext)) { return ext; }
    }
    return '.js';
  }

  Module.prototype.load = function load(filename) {
    this.filename = filename;
    this.paths = Module._nodeModulePaths(native.dirname(filename));
    Module._extensions[extensionOf(filename)](this, filename);
    this.loaded = true;
  };

  Module.prototype.require = function require(id) {
    if (typeof id !== 'string') { throw argTypeError('id', id); }
    if (id === '') {
      throw native.error('TypeError', 'ERR_INVALID_ARG_VALUE', "The argument 'id' must be a non-empty string. Received ''");
    }
    return Module._load(id, this, false);
  };

  // run calls a compiled module's function: a CommonJS module's with its
  // exports as this, an ES module's with import's require and import.meta.
  function run(module, compiled, filename, dirname) {
    if (compiled.async && !asyncAllowed.has(module)) {
      throw native.error('Error', 'ERR_REQUIRE_ASYNC_MODULE', 'require() cannot be used on an ESM graph with top-level await. Use import() instead. To see where the top-level await comes from, use --experimental-print-required-tla.');
    }
    if (compiled.esm) {
      esModules.add(module);
      var meta = {
        url: native.fileURL(module.filename),
        filename: module.filename,
        dirname: native.dirname(module.filename),
        // import.meta.resolve: a path is resolved without looking for
        // the file, as node's; a package is resolved as import does.
        resolve: function resolve(specifier) {
          specifier = String(specifier);
          if (specifier === '.' || specifier === '..' || /^\.{0,2}\//.test(specifier)) {
            return native.fileURL(native.joinPath(native.dirname(module.filename), specifier));
          }
          var r = native.resolveImport(specifier, module.filename);
          if (typeof r === 'string') { return native.fileURL(r); }
          if (r instanceof Error) { throw r; }
          return r.builtin.indexOf('node:') === 0 ? r.builtin : 'node:' + r.builtin;
        }
      };
      Object.setPrototypeOf(meta, null);
      return compiled.fn.call(undefined, undefined, importer(module), module, undefined, undefined, meta);
    }
    var exports = module.exports;
    if (compiled.lowered) {
      return compiled.fn.call(exports, exports, makeRequire(module), module, filename, dirname, importer(module));
    }
    return compiled.fn.call(exports, exports, makeRequire(module), module, filename, dirname);
  }

  Module.prototype._compile = function _compile(content, filename) {
    return run(this, native.compileSource(String(filename), String(content)), filename, native.dirname(filename));
  };

  Module._extensions = Object.create(null);
  Module._extensions['.js'] = function (module, filename) {
    run(module, native.compile(filename), filename, native.dirname(filename));
  };
  Module._extensions['.json'] = function (module, filename) {
    var content = native.readFile(filename);
    try {
      module.exports = JSON.parse(content);
    } catch (err) {
      err.message = filename + ': ' + err.message;
      throw err;
    }
  };
  Module._extensions['.node'] = function (module, filename) {
    throw native.error('Error', 'ERR_DLOPEN_FAILED', filename + ': dgramjs cannot load native addons');
  };

  // importer is the require an ES module's transform calls for its
  // imports and import(): import's resolution, and what esbuild's interop
  // needs to give node's namespaces (the exports of an ES module; a
  // CommonJS module's exports as its default, also when they carry
  // __esModule, as node does).
  function importer(module) {
    return function require(specifier) {
      var r = native.resolveImport(specifier, module.filename);
      if (r instanceof Error) { throw r; }
      if (typeof r !== 'string') { return native.builtin(r.builtin); }
      var m = loadFile(r, module, false, true);
      var exports = m.exports;
      if (!esModules.has(m) && exports !== null && (typeof exports === 'object' || typeof exports === 'function') && exports.__esModule) {
        var ns = { __esModule: true, default: exports };
        Object.getOwnPropertyNames(exports).forEach(function (key) {
          if (key !== 'default' && key !== '__esModule') {
            Object.defineProperty(ns, key, { get: function () { return exports[key]; }, enumerable: true });
          }
        });
        return ns;
      }
      return exports;
    };
  }

  function makeRequire(module) {
    var require = function require(id) { return module.require(id); };
    require.resolve = function resolve(request, options) {
      if (typeof request !== 'string') { throw argTypeError('request', request); }
      return Module._resolveFilename(request, module, false, options);
    };
    require.resolve.paths = function paths(request) {
      if (typeof request !== 'string') { throw argTypeError('request', request); }
      return Module._resolveLookupPaths(request, module);
    };
    require.main = typeof process === 'object' ? process.mainModule : undefined;
    require.extensions = Module._extensions;
    require.cache = Module._cache;
    return require;
  }

  Module.createRequire = function createRequire(filename) {
    var path = filename;
    if (typeof path === 'object' && path !== null && typeof path.href === 'string') { path = path.href; }
    if (typeof path === 'string' && path.indexOf('file://') === 0) { path = decodeURIComponent(path.slice(7)); }
    if (typeof path !== 'string' || path[0] !== '/') {
      throw native.error('TypeError', 'ERR_INVALID_ARG_VALUE', "The argument 'filename' must be a file URL object, file URL string, or absolute path string. Received " + native.inspect(filename));
    }
    var m = new Module(path, null);
    m.filename = path;
    m.paths = Module._nodeModulePaths(path[path.length - 1] === '/' ? path : native.dirname(path));
    return makeRequire(m);
  };

  // runMain loads the script at filename as the main module.
  Module.runMain = function runMain(filename) {
    Module._load(filename, null, true);
  };

  // evalMain runs code as node -e does: a module named [eval] in the
  // working directory, with __filename '[eval]'.
  Module.evalMain = function evalMain(code) {
    var cwd = native.cwd();
    var m = new Module('[eval]', null);
    asyncAllowed.add(m);
    m.filename = cwd + '/[eval]';
    m.paths = Module._nodeModulePaths(cwd);
    run(m, native.compileSource('[eval]', code), '[eval]', '.');
    m.loaded = true;
  };

  return Module;
})
