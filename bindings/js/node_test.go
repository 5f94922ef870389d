package dgramjs

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// nodeBin is node's path, or the test skips: the side-by-side tests need
// node (any version from 15; the expectations were checked with node 20).
func nodeBin(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("node")
	if err != nil {
		t.Skipf("node is not installed (%v): the side-by-side comparison with node is skipped", err)
	}
	return p
}

// runCmd runs name with args in the package directory, killed after 20 s.
func runCmd(t *testing.T, name string, args ...string) result {
	t.Helper()
	return runFor(t, 20*time.Second, name, args...)
}

// TestNodeSideBySide runs each script of testdata/node (Buffer and its
// encodings, the clocks' shapes, util.inspect, util.format and console.log)
// under dgramjs and under node: the standard output must be the same, and
// so must the exit code.
func TestNodeSideBySide(t *testing.T) {
	node := nodeBin(t)
	scripts, err := filepath.Glob("testdata/node/*.js")
	if err != nil || len(scripts) == 0 {
		t.Fatalf("no scripts in testdata/node: %v", err)
	}
	for _, script := range scripts {
		t.Run(strings.TrimSuffix(filepath.Base(script), ".js"), func(t *testing.T) {
			t.Parallel()
			want := runCmd(t, node, script)
			got := runCmd(t, dgramjsBin, script)
			if got.code != want.code || got.stdout != want.stdout {
				t.Errorf("dgramjs and node differ\n--- dgramjs: %v\n--- node: %v\n--- diff:\n%s", got, want, lineDiff(got.stdout, want.stdout))
			}
		})
	}
}

// lineDiff lists the lines where got and want differ.
func lineDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	var b strings.Builder
	for i := 0; i < max(len(g), len(w)); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			b.WriteString("line " + strconv.Itoa(i+1) + ":\n  dgramjs: " + gl + "\n  node:    " + wl + "\n")
		}
	}
	return b.String()
}

// TestCLI checks the command line: --help and --version exit 0 with their
// text on standard output, no argument is the usage on standard error
// (exit 2), an unknown option exits 9 as node's does; and -e runs code as
// node -e does, with the same output and exit code as node where node is
// installed.
func TestCLI(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"-h"}} {
		r := runCmd(t, dgramjsBin, args...)
		if r.code != 0 || !strings.HasPrefix(r.stdout, "usage: dgramjs") || r.stderr != "" {
			t.Errorf("dgramjs %s: want exit 0 and the usage on stdout\n%v", args[0], r)
		}
	}
	for _, args := range [][]string{{"--version"}, {"-v"}} {
		r := runCmd(t, dgramjsBin, args...)
		if r.code != 0 || !strings.HasPrefix(r.stdout, "dgramjs ") || strings.Count(r.stdout, "\n") != 1 || r.stderr != "" {
			t.Errorf("dgramjs %s: want exit 0 and one line on stdout\n%v", args[0], r)
		}
	}
	if r := runCmd(t, dgramjsBin); r.code != 2 || !strings.HasPrefix(r.stderr, "usage: dgramjs") {
		t.Errorf("dgramjs without arguments: want exit 2 and the usage on stderr\n%v", r)
	}
	if r := runCmd(t, dgramjsBin, "--bogus"); r.code != 9 || !strings.Contains(r.stderr, "bad option: --bogus") {
		t.Errorf("dgramjs --bogus: want exit 9\n%v", r)
	}
	if r := runCmd(t, dgramjsBin, "-e"); r.code != 9 {
		t.Errorf("dgramjs -e without code: want exit 9\n%v", r)
	}

	evals := []struct {
		args   []string
		code   int
		stdout string
	}{
		{[]string{"-e", "console.log(1 + 1, __filename, typeof require, typeof module, { a: [1] })"}, 0, "2 [eval] function object { a: [ 1 ] }\n"},
		{[]string{"--eval", "console.log(process.argv.slice(1))", "a", "b"}, 0, "[ 'a', 'b' ]\n"},
		{[]string{"-e", "process.exitCode = 3"}, 3, ""},
		{[]string{"-e", "setTimeout(function () { console.log('later'); }, 5); console.log('first')"}, 0, "first\nlater\n"},
		{[]string{"-e", "throw new Error('x')"}, 1, ""},
		{[]string{"-e", "Promise.reject(new Error('rejected'))"}, 1, ""},
		{[]string{"-e", "console.log(require('./testdata/lib/common.js').mustCall ? 'required' : '')"}, 0, "required\n"},
		{[]string{"-e", "try { require('./missing') } catch (e) { console.log(e.code, e.message) }"}, 0, "MODULE_NOT_FOUND Cannot find module './missing'\nRequire stack:\n- " + evalPath(t) + "\n"},
	}
	for _, c := range evals {
		r := runCmd(t, dgramjsBin, c.args...)
		if r.code != c.code || r.stdout != c.stdout {
			t.Errorf("dgramjs %q: want exit %d and stdout %q\n%v", c.args, c.code, c.stdout, r)
		}
	}
	node := nodeBin(t)
	for _, c := range evals {
		if r := runCmd(t, node, c.args...); r.code != c.code || r.stdout != c.stdout {
			t.Errorf("node %q: want exit %d and stdout %q (the expectation is node's)\n%v", c.args, c.code, c.stdout, r)
		}
	}
}

// evalPath is how node names the code of -e in a require stack.
func evalPath(t *testing.T) string {
	p, err := filepath.Abs("[eval]")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestPositionsAsNode checks that the main module's positions are its
// own, as node's: an error thrown on line 1 is reported at node's line and
// column (the CommonJS wrapper is not on that line), so are errors on
// later lines, and a syntax error is reported as node reports one (the
// file and line, the line's text, a caret under the column). The expected
// positions are checked against node where it is installed.
func TestPositionsAsNode(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name, src string
		want      []string // in the standard error output, after the script's path
	}{
		{"line1.js", "throw new Error('line one');\n", []string{"line1.js:1:7"}},
		{"line1-fn.js", "function f() { throw new Error('x'); } f();\n", []string{"line1-fn.js:1:22"}},
		{"line3.js", "var a = 1;\n\n  throw new TypeError('three');\n", []string{"line3.js:3:9"}},
		{"syntax1.js", "foo bar;\n", []string{"syntax1.js:1\nfoo bar;\n    ^", "SyntaxError: Unexpected identifier"}},
		{"syntax2.js", "var a = 1;\nvar b = (;\n", []string{"syntax2.js:2\nvar b = (;\n         ^", "SyntaxError: Unexpected token"}},
		{"shebang.js", "#!/usr/bin/env node\nthrow new Error('after a shebang');\n", []string{"shebang.js:2:7"}},
	}
	node, _ := exec.LookPath("node")
	for _, c := range cases {
		path := filepath.Join(dir, c.name)
		if err := os.WriteFile(path, []byte(c.src), 0o644); err != nil {
			t.Fatal(err)
		}
		bins := []string{dgramjsBin}
		if node != "" {
			bins = append(bins, node)
		}
		for _, bin := range bins {
			r := runCmd(t, bin, path)
			if r.code != 1 {
				t.Errorf("%s %s: want exit 1\n%v", filepath.Base(bin), c.name, r)
			}
			for _, w := range c.want {
				if !strings.Contains(r.stderr, w) {
					t.Errorf("%s %s: stderr lacks %q\n%v", filepath.Base(bin), c.name, w, r)
				}
			}
		}
	}
	if node == "" {
		t.Log("node is not installed: the positions were checked against dgramjs only")
	}
}
