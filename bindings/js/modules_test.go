package dgramjs

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestModulesAsNode runs each script of testdata/modules under dgramjs and
// under node 20: the same standard output and exit code. The scripts
// cover node's module resolution (package.json "exports" with conditions
// and subpath patterns, "imports", "main", directories, extensions,
// node_modules, self-reference, and node's errors and messages for what is
// not found), the module cache and cycles, require.resolve and
// createRequire, ES modules (import of CommonJS and ES modules, import(),
// import.meta, module syntax detected in a .js file) and the syntax goja
// lacks (async generators, for await), with the file's own line numbers.
func TestModulesAsNode(t *testing.T) {
	node := nodeBin(t)
	scripts, _ := filepath.Glob("testdata/modules/*.js")
	mjs, _ := filepath.Glob("testdata/modules/*.mjs")
	scripts = append(scripts, mjs...)
	if len(scripts) == 0 {
		t.Fatal("no scripts in testdata/modules")
	}
	for _, script := range scripts {
		t.Run(strings.TrimSuffix(filepath.Base(script), filepath.Ext(script)), func(t *testing.T) {
			t.Parallel()
			want := runCmd(t, node, script)
			got := runCmd(t, dgramjsBin, script)
			if got.code != want.code || got.stdout != want.stdout {
				t.Errorf("dgramjs and node differ\n--- dgramjs: %v\n--- node: %v\n--- diff:\n%s", got, want, lineDiff(got.stdout, want.stdout))
			}
			if want.stdout == "" {
				t.Errorf("node printed nothing: the script checks nothing\n%v", want)
			}
		})
	}
}
