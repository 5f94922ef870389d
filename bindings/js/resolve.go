package dgramjs

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Node's module resolution (node 20's lib/internal/modules/cjs/loader.js
// and esm/resolve.js, as doc/api/modules.md and esm.md describe them):
// what a require() or an import of a specifier from a module names on the
// file system. Built-in modules are the caller's: the resolver sees only
// what is not one.

// Conditions of package.json "exports" and "imports" for require() and for
// import, as node 20.20 has them by default ("module-sync" since require()
// of an ES module is on).
var (
	requireConditions = []string{"require", "node", "node-addons", "module-sync"}
	importConditions  = []string{"import", "node", "node-addons", "module-sync"}
)

// cjsExtensions are the extensions require() tries, in order
// (Object.keys(Module._extensions)).
var cjsExtensions = []string{".js", ".json", ".node"}

// resolveError is a specifier that does not resolve, as node reports it: a
// JavaScript error of kind ("Error", "TypeError" or "SyntaxError") with code
// and message,
// and the properties node sets on it.
type resolveError struct {
	kind, code, msg string
	// path is the package.json concerned (MODULE_NOT_FOUND of a package's
	// "main" or "exports" target), requestPath the request.
	path, requestPath string
	// url is the file: URL of a module not found by import.
	url string
	// notFound is a MODULE_NOT_FOUND to which the loader adds the require
	// stack.
	notFound bool
	// invalidTarget is an ERR_INVALID_PACKAGE_TARGET, which an array of
	// fallbacks skips.
	invalidTarget bool
}

func (e *resolveError) Error() string { return e.code + ": " + e.msg }

// packageJSON is what resolution reads of a package.json.
type packageJSON struct {
	name, main, typ  string
	exports, imports any // ordered JSON (jsonObject for an object); nil when absent or null
	hasExports       bool
}

// moduleResolver resolves specifiers; it reads each package.json once per run.
type moduleResolver struct {
	packages map[string]*packageJSON // by directory; nil when there is none
}

func newModuleResolver() *moduleResolver { return &moduleResolver{packages: map[string]*packageJSON{}} }

// readPackage is dir/package.json, or nil when there is none. A
// package.json that does not parse is an ERR_INVALID_PACKAGE_CONFIG.
func (r *moduleResolver) readPackage(dir string) (*packageJSON, error) {
	if p, ok := r.packages[dir]; ok {
		return p, nil
	}
	path := filepath.Join(dir, "package.json")
	data, err := os.ReadFile(path)
	if err != nil {
		r.packages[dir] = nil
		return nil, nil
	}
	v, err := decodeOrdered(data)
	obj, ok := v.(*jsonObject)
	if err != nil {
		// node's require throws JSON.parse's SyntaxError so reworded.
		return nil, &resolveError{kind: "SyntaxError", msg: "Error parsing " + path + ": " + err.Error(), path: path}
	}
	p := &packageJSON{}
	if ok {
		p.name, _ = obj.m["name"].(string)
		p.main, _ = obj.m["main"].(string)
		p.typ, _ = obj.m["type"].(string)
		p.exports = obj.m["exports"]
		p.hasExports = p.exports != nil
		p.imports = obj.m["imports"]
	}
	r.packages[dir] = p
	return p, nil
}

// packageScope is the directory of the package.json nearest to dir (dir
// or an ancestor, stopping at a node_modules directory) and what it says,
// or "" and nil.
func (r *moduleResolver) packageScope(dir string) (string, *packageJSON, error) {
	for {
		if filepath.Base(dir) == "node_modules" {
			return "", nil, nil
		}
		p, err := r.readPackage(dir)
		if err != nil || p != nil {
			return dir, p, err
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil, nil
		}
		dir = parent
	}
}

// isESMFile reports whether require and import load the file at path as
// an ES module: a .mjs file, or a .js file in a package of "type":
// "module".
func (r *moduleResolver) isESMFile(path string) bool {
	switch filepath.Ext(path) {
	case ".mjs":
		return true
	case ".cjs", ".json", ".node":
		return false
	case ".js":
		_, p, _ := r.packageScope(filepath.Dir(path))
		return p != nil && p.typ == "module"
	}
	return false
}

// fileURL is path as a file: URL, as node's pathToFileURL writes it.
func fileURL(path string) string { return (&url.URL{Scheme: "file", Path: path}).String() }

// isRelative reports whether a specifier is a path (relative or absolute)
// rather than a package name.
func isRelative(s string) bool {
	return s == "." || s == ".." || strings.HasPrefix(s, "./") || strings.HasPrefix(s, "../") || strings.HasPrefix(s, "/")
}

// fileKind is what is at path: 0 nothing, 1 a file, 2 a directory.
func fileKind(path string) int {
	fi, err := os.Stat(path)
	switch {
	case err != nil:
		return 0
	case fi.IsDir():
		return 2
	}
	return 1
}

// realPath is path with its symbolic links resolved, as node's module
// paths are.
func realPath(path string) string {
	if p, err := filepath.EvalSymlinks(path); err == nil {
		return p
	}
	return path
}

// resolveRequire is require(request) from the module at parent (a file
// path; a directory path ending in "/" for code with no file, such as -e's):
// the absolute path of the file to load.
func (r *moduleResolver) resolveRequire(request, parent string) (string, error) {
	dir := filepath.Dir(parent)
	if strings.HasSuffix(parent, "/") {
		dir = strings.TrimSuffix(parent, "/")
	}
	if strings.HasPrefix(request, "#") {
		if scope, p, err := r.packageScope(dir); err != nil {
			return "", err
		} else if p != nil && p.imports != nil {
			target, err := r.packageImportsResolve(request, scope, p, parent, requireConditions, false)
			if err != nil {
				return "", err
			}
			return r.finalize(target, scope, request)
		}
	}
	if isRelative(request) {
		base := request
		if !filepath.IsAbs(base) {
			base = filepath.Join(dir, request)
		}
		if f, err := r.findPath(base, request, strings.HasSuffix(request, "/") || request == "." || request == ".."); f != "" || err != nil {
			return f, err
		}
		return "", notFound(request)
	}
	// The package itself, by its name, when its "exports" say.
	if scope, p, err := r.packageScope(dir); err != nil {
		return "", err
	} else if p != nil && p.hasExports && p.name != "" {
		if name, sub, ok := splitPackage(request); ok && name == p.name {
			target, err := r.packageExportsResolve(scope, "."+sub, p.exports, parent, requireConditions)
			if err != nil {
				return "", err
			}
			return r.finalize(target, scope, request)
		}
	}
	for _, nm := range nodeModulesPaths(dir) {
		if f, err := r.resolveExports(nm, request); f != "" || err != nil {
			return f, err
		}
		if f, err := r.findPath(filepath.Join(nm, request), request, strings.HasSuffix(request, "/")); f != "" || err != nil {
			return f, err
		}
	}
	return "", notFound(request)
}

// notFound is require's MODULE_NOT_FOUND for request; the loader adds the
// require stack.
func notFound(request string) error {
	return &resolveError{kind: "Error", code: "MODULE_NOT_FOUND", msg: "Cannot find module '" + request + "'", notFound: true}
}

// findPath is node's Module._findPath for one candidate path: the file,
// the file with an extension, or the directory as a package.
func (r *moduleResolver) findPath(base, request string, dirOnly bool) (string, error) {
	kind := fileKind(base)
	if !dirOnly {
		if kind == 1 {
			return realPath(base), nil
		}
		if f := tryExtensions(base); f != "" {
			return f, nil
		}
	}
	if kind == 2 {
		return r.tryPackage(base, request)
	}
	return "", nil
}

// tryExtensions is base with the first of require's extensions that names
// a file.
func tryExtensions(base string) string {
	for _, ext := range cjsExtensions {
		if fileKind(base+ext) == 1 {
			return realPath(base + ext)
		}
	}
	return ""
}

// tryPackage loads the directory dir (for request): its package.json's "main" (as a
// file, with an extension, or its index), else its index.
func (r *moduleResolver) tryPackage(dir, request string) (string, error) {
	p, err := r.readPackage(dir)
	if err != nil {
		return "", err
	}
	if p == nil || p.main == "" {
		return tryExtensions(filepath.Join(dir, "index")), nil
	}
	main := filepath.Join(dir, p.main)
	if fileKind(main) == 1 {
		return realPath(main), nil
	}
	if f := tryExtensions(main); f != "" {
		return f, nil
	}
	if f := tryExtensions(filepath.Join(main, "index")); f != "" {
		return f, nil
	}
	if f := tryExtensions(filepath.Join(dir, "index")); f != "" {
		return f, nil
	}
	return "", &resolveError{kind: "Error", code: "MODULE_NOT_FOUND",
		msg:  "Cannot find module '" + main + "'. Please verify that the package.json has a valid \"main\" entry",
		path: filepath.Join(dir, "package.json"), requestPath: request}
}

// resolveExports resolves request in the node_modules directory nm through
// its package's "exports", when it has them ("" when it has none).
func (r *moduleResolver) resolveExports(nm, request string) (string, error) {
	name, sub, ok := splitPackage(request)
	if !ok {
		return "", nil
	}
	dir := filepath.Join(nm, name)
	p, err := r.readPackage(dir)
	if err != nil || p == nil || !p.hasExports {
		return "", err
	}
	target, err := r.packageExportsResolve(dir, "."+sub, p.exports, "", requireConditions)
	if err != nil {
		return "", err
	}
	f, err := r.finalize(target, dir, request)
	if re, ok := err.(*resolveError); ok && re.notFound {
		re.path = filepath.Join(dir, "package.json")
	}
	return f, err
}

// finalize is node's finalizeEsmResolution for require: the target must
// be a file.
func (r *moduleResolver) finalize(target, scope, request string) (string, error) {
	if fileKind(target) == 1 {
		return realPath(target), nil
	}
	return "", &resolveError{kind: "Error", code: "MODULE_NOT_FOUND", msg: "Cannot find module '" + target + "'", path: filepath.Join(scope, "package.json")}
}

// splitPackage splits a package specifier into its name (with its scope)
// and its subpath ("" or "/..."), as node's EXPORTS_PATTERN does.
func splitPackage(s string) (name, sub string, ok bool) {
	rest := s
	if strings.HasPrefix(s, "@") {
		i := strings.IndexByte(s, '/')
		if i < 2 || strings.ContainsAny(s[:i], `\%`) {
			return "", "", false
		}
		rest = s[i+1:]
	}
	if rest == "" || rest[0] == '.' || strings.ContainsAny(rest[:1], `/\%`) {
		return "", "", false
	}
	j := strings.IndexByte(rest, '/')
	if j < 0 {
		j = len(rest)
	}
	if strings.ContainsAny(rest[:j], `\%`) {
		return "", "", false
	}
	n := len(s) - len(rest) + j
	return s[:n], s[n:], true
}

// nodeModulesPaths are the node_modules directories searched from dir:
// dir's and each ancestor's (but within a node_modules directory), then
// the global folders ($NODE_PATH, ~/.node_modules, ~/.node_libraries).
func nodeModulesPaths(dir string) []string {
	var paths []string
	for {
		if filepath.Base(dir) != "node_modules" {
			paths = append(paths, filepath.Join(dir, "node_modules"))
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	for _, p := range filepath.SplitList(os.Getenv("NODE_PATH")) {
		if p != "" {
			paths = append(paths, p)
		}
	}
	if home := os.Getenv("HOME"); home != "" {
		paths = append(paths, filepath.Join(home, ".node_modules"), filepath.Join(home, ".node_libraries"))
	}
	return paths
}

// resolveImport is import(specifier) from the module at parent (node's
// ESM resolution: no extensions are added and a directory is refused):
// the absolute path of the file, or the name of a built-in module, which
// builtin reports.
func (r *moduleResolver) resolveImport(specifier, parent string, builtin func(string) bool) (string, error) {
	dir := filepath.Dir(parent)
	if strings.HasSuffix(parent, "/") {
		dir = strings.TrimSuffix(parent, "/")
	}
	var path string
	switch {
	case isRelative(specifier):
		path = specifier
		if !filepath.IsAbs(path) {
			path = filepath.Join(dir, specifier)
		}
	case strings.HasPrefix(specifier, "file:"):
		u, err := url.Parse(specifier)
		if err != nil || u.Path == "" {
			return "", &resolveError{kind: "TypeError", code: "ERR_INVALID_URL", msg: "Invalid URL"}
		}
		path = u.Path
	case strings.HasPrefix(specifier, "#"):
		scope, p, err := r.packageScope(dir)
		if err != nil {
			return "", err
		}
		var target string
		if p != nil && p.imports != nil {
			target, err = r.packageImportsResolve(specifier, scope, p, parent, importConditions, true)
		} else {
			err = &resolveError{kind: "TypeError", code: "ERR_PACKAGE_IMPORT_NOT_DEFINED", msg: `Package import specifier "` + specifier + `" is not defined imported from ` + parent}
		}
		if err != nil || builtin(target) {
			return target, err
		}
		path = target
	default:
		target, err := r.packageResolve(specifier, dir, parent, importConditions)
		if err != nil {
			return "", err
		}
		path = target
	}
	switch fileKind(path) {
	case 0:
		return "", &resolveError{kind: "Error", code: "ERR_MODULE_NOT_FOUND", msg: "Cannot find module '" + path + "' imported from " + parent, url: fileURL(path)}
	case 2:
		return "", &resolveError{kind: "Error", code: "ERR_UNSUPPORTED_DIR_IMPORT", msg: "Directory import '" + path + "' is not supported resolving ES modules imported from " + parent, url: fileURL(path)}
	}
	return realPath(path), nil
}

// packageResolve is ESM's PACKAGE_RESOLVE of a bare specifier from dir:
// the package itself by name, else the package in node_modules, through
// its "exports", else its "main" or the subpath as it is.
func (r *moduleResolver) packageResolve(specifier, dir, parent string, conditions []string) (string, error) {
	name, sub, ok := splitPackage(specifier)
	if !ok {
		return "", &resolveError{kind: "TypeError", code: "ERR_INVALID_MODULE_SPECIFIER", msg: `Invalid module "` + specifier + `" is not a valid package name imported from ` + parent}
	}
	if scope, p, err := r.packageScope(dir); err != nil {
		return "", err
	} else if p != nil && p.hasExports && p.name == name {
		return r.packageExportsResolve(scope, "."+sub, p.exports, parent, conditions)
	}
	for d := dir; ; {
		if filepath.Base(d) != "node_modules" {
			pkgDir := filepath.Join(d, "node_modules", name)
			if fileKind(pkgDir) == 2 {
				p, err := r.readPackage(pkgDir)
				if err != nil {
					return "", err
				}
				if p != nil && p.hasExports {
					return r.packageExportsResolve(pkgDir, "."+sub, p.exports, parent, conditions)
				}
				if sub == "" {
					return r.legacyMainResolve(pkgDir, p, parent)
				}
				return filepath.Join(pkgDir, sub), nil
			}
		}
		next := filepath.Dir(d)
		if next == d {
			break
		}
		d = next
	}
	return "", &resolveError{kind: "Error", code: "ERR_MODULE_NOT_FOUND", msg: "Cannot find package '" + name + "' imported from " + parent}
}

// legacyMainResolve is ESM's LEGACY_MAIN_RESOLVE: "main" with the
// extensions and indexes node tries, else index.js.
func (r *moduleResolver) legacyMainResolve(dir string, p *packageJSON, parent string) (string, error) {
	var tries []string
	if p != nil && p.main != "" {
		m := filepath.Join(dir, p.main)
		tries = append(tries, m, m+".js", m+".json", m+".node", filepath.Join(m, "index.js"), filepath.Join(m, "index.json"), filepath.Join(m, "index.node"))
	}
	tries = append(tries, filepath.Join(dir, "index.js"), filepath.Join(dir, "index.json"), filepath.Join(dir, "index.node"))
	for _, t := range tries {
		if fileKind(t) == 1 {
			return t, nil
		}
	}
	return "", &resolveError{kind: "Error", code: "ERR_MODULE_NOT_FOUND", msg: "Cannot find package '" + dir + "' imported from " + parent}
}

// withBase is " imported from base", or "" without a base (require).
func withBase(base string) string {
	if base == "" {
		return ""
	}
	return " imported from " + base
}

// packageExportsResolve is PACKAGE_EXPORTS_RESOLVE: the file that the
// "exports" of the package at dir give subpath ("." or "./...") under
// conditions; base is the importing module (for messages; "" for require).
func (r *moduleResolver) packageExportsResolve(dir, subpath string, exports any, base string, conditions []string) (string, error) {
	pj := dir + "/package.json"
	if obj, ok := exports.(*jsonObject); ok {
		dots := 0
		for _, k := range obj.keys {
			if strings.HasPrefix(k, ".") {
				dots++
			}
		}
		if dots != 0 && dots != len(obj.keys) {
			return "", &resolveError{kind: "Error", code: "ERR_INVALID_PACKAGE_CONFIG", msg: "Invalid package config " + pj + withBase(base) + `. "exports" cannot contain some keys starting with '.' and some not. The exports object must either be an object of package subpath keys or an object of main entry condition name keys only.`}
		}
	}
	notExported := func() error {
		if subpath == "." {
			return &resolveError{kind: "Error", code: "ERR_PACKAGE_PATH_NOT_EXPORTED", msg: `No "exports" main defined in ` + pj + withBase(base)}
		}
		return &resolveError{kind: "Error", code: "ERR_PACKAGE_PATH_NOT_EXPORTED", msg: "Package subpath '" + subpath + `' is not defined by "exports" in ` + pj + withBase(base)}
	}
	obj, isObj := exports.(*jsonObject)
	if subpath == "." {
		var main any
		switch {
		case !isObj:
			main = exports
		case len(obj.keys) == 0 || !strings.HasPrefix(obj.keys[0], "."):
			main = exports
		default:
			main = obj.m["."]
		}
		if main != nil {
			t, err := r.packageTargetResolve(dir, main, nil, false, ".", base, conditions)
			if err != nil || t != "" {
				return t, err
			}
		}
		return "", notExported()
	}
	if isObj && len(obj.keys) > 0 && strings.HasPrefix(obj.keys[0], ".") {
		t, err := r.importsExportsResolve(subpath, obj, dir, false, base, conditions)
		if err != nil || t != "" {
			return t, err
		}
	}
	return "", notExported()
}

// packageImportsResolve is PACKAGE_IMPORTS_RESOLVE of a "#..." specifier
// in the package at dir; esm says whether node's message names the package
// when the specifier is not defined (import's does only then).
func (r *moduleResolver) packageImportsResolve(specifier, dir string, p *packageJSON, parent string, conditions []string, esm bool) (string, error) {
	if specifier == "#" || strings.HasPrefix(specifier, "#/") {
		return "", &resolveError{kind: "TypeError", code: "ERR_INVALID_MODULE_SPECIFIER", msg: `Invalid module "` + specifier + `" is not a valid internal imports specifier name imported from ` + parent}
	}
	if obj, ok := p.imports.(*jsonObject); ok {
		t, err := r.importsExportsResolve(specifier, obj, dir, true, parent, conditions)
		if err != nil || t != "" {
			return t, err
		}
	}
	return "", &resolveError{kind: "TypeError", code: "ERR_PACKAGE_IMPORT_NOT_DEFINED", msg: `Package import specifier "` + specifier + `" is not defined in package ` + dir + "/package.json imported from " + parent}
}

// importsExportsResolve is PACKAGE_IMPORTS_EXPORTS_RESOLVE: the key of
// obj that matches, exactly or as the longest pattern ("./lib/*.js").
func (r *moduleResolver) importsExportsResolve(key string, obj *jsonObject, dir string, isImports bool, base string, conditions []string) (string, error) {
	if t, ok := obj.m[key]; ok && !strings.Contains(key, "*") {
		return r.packageTargetResolve(dir, t, nil, isImports, key, base, conditions)
	}
	var patterns []string
	for _, k := range obj.keys {
		if strings.Count(k, "*") == 1 {
			patterns = append(patterns, k)
		}
	}
	slices.SortStableFunc(patterns, patternKeyCompare)
	for _, k := range patterns {
		star := strings.IndexByte(k, '*')
		prefix, trailer := k[:star], k[star+1:]
		if strings.HasPrefix(key, prefix) && key != prefix && (trailer == "" || (strings.HasSuffix(key, trailer) && len(key) >= len(k))) {
			match := key[len(prefix) : len(key)-len(trailer)]
			return r.packageTargetResolve(dir, obj.m[k], &match, isImports, k, base, conditions)
		}
	}
	return "", nil
}

// patternKeyCompare is PATTERN_KEY_COMPARE: longer prefixes first, then
// longer keys.
func patternKeyCompare(a, b string) int {
	ia, ib := strings.IndexByte(a, '*')+1, strings.IndexByte(b, '*')+1
	switch {
	case ia > ib:
		return -1
	case ib > ia:
		return 1
	case ia == 0:
		return 1
	case ib == 0:
		return -1
	case len(a) > len(b):
		return -1
	case len(b) > len(a):
		return 1
	}
	return 0
}

// packageTargetResolve is PACKAGE_TARGET_RESOLVE: a target string (with
// the pattern's match in place of "*"), the first matching condition of an
// object, or the first of an array that resolves. "" is no match.
func (r *moduleResolver) packageTargetResolve(dir string, target any, match *string, isImports bool, key, base string, conditions []string) (string, error) {
	invalid := func() error {
		t, _ := json.Marshal(target)
		what := "exports"
		if isImports {
			what = "imports"
		}
		s, _ := target.(string)
		hint := ""
		if !isImports && s != "" && !strings.HasPrefix(s, "./") {
			hint = `; targets must start with "./"`
		}
		msg := "Invalid \"" + what + "\" target " + string(t) + " defined for '" + key + "' in the package config " + dir + "/package.json" + withBase(base) + hint
		if key == "." {
			msg = "Invalid \"exports\" main target " + string(t) + " defined in the package config " + dir + "/package.json" + withBase(base) + hint
		}
		return &resolveError{kind: "Error", code: "ERR_INVALID_PACKAGE_TARGET", msg: msg, invalidTarget: true}
	}
	switch t := target.(type) {
	case string:
		if !strings.HasPrefix(t, "./") {
			if !isImports || strings.HasPrefix(t, "../") || strings.HasPrefix(t, "/") || strings.Contains(t, "://") {
				return "", invalid()
			}
			if match != nil {
				t = strings.ReplaceAll(t, "*", *match)
			}
			if strings.HasPrefix(t, "node:") {
				return t, nil
			}
			return r.packageResolve(t, dir, base, conditions)
		}
		if badSegments(t[2:]) {
			return "", invalid()
		}
		resolved := filepath.Join(dir, t)
		if match == nil {
			return resolved, nil
		}
		if badSegments(*match) {
			return "", &resolveError{kind: "TypeError", code: "ERR_INVALID_MODULE_SPECIFIER", msg: `Invalid module "` + strings.Replace(key, "*", *match, 1) + `" request is not a valid match in pattern "` + key + `" for the "` + map[bool]string{true: "imports", false: "exports"}[isImports] + `" resolution of ` + dir + "/package.json" + withBase(base)}
		}
		return filepath.Join(dir, strings.ReplaceAll(t, "*", *match)), nil
	case *jsonObject:
		for _, p := range t.keys {
			if p == "default" || slices.Contains(conditions, p) {
				resolved, err := r.packageTargetResolve(dir, t.m[p], match, isImports, key, base, conditions)
				if err != nil || resolved != "" {
					return resolved, err
				}
			}
		}
		return "", nil
	case []any:
		var last error
		for _, v := range t {
			resolved, err := r.packageTargetResolve(dir, v, match, isImports, key, base, conditions)
			if re, ok := err.(*resolveError); ok && re.invalidTarget {
				last = err
				continue
			}
			if err != nil || resolved != "" {
				return resolved, err
			}
		}
		return "", last
	case nil:
		return "", nil
	}
	return "", invalid()
}

// badSegments reports whether a target's path has an empty, ".", ".." or
// node_modules segment.
func badSegments(p string) bool {
	for _, s := range strings.Split(strings.ReplaceAll(p, `\`, "/"), "/") {
		switch strings.ToLower(s) {
		case "", ".", "..", "node_modules":
			return true
		}
	}
	return false
}

// jsonObject is a JSON object with its keys in order: "exports"
// conditions are tried in the order the file gives them.
type jsonObject struct {
	keys []string
	m    map[string]any
}

// decodeOrdered decodes JSON, its objects as *jsonObject.
func decodeOrdered(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	v, err := decodeValue(dec)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("trailing data")
	}
	return v, nil
}

func decodeValue(dec *json.Decoder) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			obj := &jsonObject{m: map[string]any{}}
			for dec.More() {
				k, err := dec.Token()
				if err != nil {
					return nil, err
				}
				key, _ := k.(string)
				v, err := decodeValue(dec)
				if err != nil {
					return nil, err
				}
				if _, dup := obj.m[key]; !dup {
					obj.keys = append(obj.keys, key)
				}
				obj.m[key] = v
			}
			_, err := dec.Token()
			return obj, err
		case '[':
			arr := []any{}
			for dec.More() {
				v, err := decodeValue(dec)
				if err != nil {
					return nil, err
				}
				arr = append(arr, v)
			}
			_, err := dec.Token()
			return arr, err
		}
	}
	return tok, nil
}
