package dgramjs

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

// The npm suite (npm/, docs/JS.md): real packages that use dgram, pinned
// in npm/package.json and npm/package-lock.json, each used by one script
// as its README shows, with a peer that checks the result. TestNpmPackages
// runs each script under node and under dgramjs: node's output must be the
// script's expected output (npm/expected/<script>.out), and dgramjs must
// print the same bytes and exit with the same code. make test-npm installs
// the packages (npm ci) and runs it with DGRAMJS_NPM_SUITE set to the
// file the summary table is written to; elsewhere it skips.

// npmSuiteEnv names the summary file; the suite runs only when it is set.
const npmSuiteEnv = "DGRAMJS_NPM_SUITE"

var updateNpm = flag.Bool("update-npm", false, "rewrite npm/expected/*.out from node's output")

// npmKnownFailures are the scripts that do not yet pass under dgramjs, and
// why. Each is still run: the summary reports it as a known failure, and
// the test fails when one passes (the list must be kept true).
var npmKnownFailures = map[string]string{}

// npmRow is one line of the summary.
type npmRow struct {
	script, pkg, version string
	node, dgramjs        string
}

func TestNpmPackages(t *testing.T) {
	report := os.Getenv(npmSuiteEnv)
	if report == "" {
		t.Skipf("the npm suite runs under make test-npm (npm ci, then %s=<summary file>)", npmSuiteEnv)
	}
	node := nodeBin(t)
	// The packages' engines and the expected outputs are node 20's.
	if v := runFor(t, 20*time.Second, node, "-p", "process.versions.node.split('.')[0]"); v.code != 0 || len(strings.TrimSpace(v.stdout)) < 2 || strings.TrimSpace(v.stdout) < "20" {
		why := fmt.Sprintf("test-npm: SKIPPED: node %s is older than 20, which the packages (engines) and the expected outputs need\n", strings.TrimSpace(v.stdout))
		if err := os.WriteFile(report, []byte(why), 0o644); err != nil {
			t.Error(err)
		}
		t.Skip(why)
	}
	if _, err := os.Stat("npm/node_modules"); err != nil {
		t.Fatalf("npm/node_modules: %v (make test-npm runs npm ci first)", err)
	}
	scripts, err := filepath.Glob("npm/*.*js")
	if err != nil || len(scripts) == 0 {
		t.Fatalf("no scripts in npm/: %v", err)
	}
	var (
		mu   sync.Mutex
		rows []npmRow
	)
	t.Cleanup(func() {
		sort.Slice(rows, func(i, j int) bool { return rows[i].script < rows[j].script })
		writeNpmSummary(t, report, rows)
	})
	for _, script := range scripts {
		name := strings.TrimSuffix(strings.TrimSuffix(filepath.Base(script), ".js"), ".mjs")
		t.Run(name, func(t *testing.T) {
			row := npmRow{script: filepath.Base(script), pkg: name, version: npmVersion(t, name)}
			defer func() {
				mu.Lock()
				rows = append(rows, row)
				mu.Unlock()
			}()
			if readDirectives(t, script).sandbox {
				// The multicast scripts use their protocols' fixed
				// groups and ports: one at a time, in the namespace.
				needSandbox(t)
			} else {
				t.Parallel()
			}
			env := []string{"TZ=UTC", "NODE_OPTIONS=", "DEBUG="}
			want := runEnv(t, 30*time.Second, env, node, script)
			expected := filepath.Join("npm", "expected", name+".out")
			if *updateNpm && want.code == 0 {
				if err := os.WriteFile(expected, []byte(want.stdout), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			golden, err := os.ReadFile(expected)
			if err != nil {
				t.Fatalf("%v (go test -run TestNpmPackages -update-npm writes it from node's output)", err)
			}
			row.node = "pass"
			if want.code != 0 || want.stdout != string(golden) {
				row.node, row.dgramjs = "FAIL", "not run"
				t.Fatalf("under node, %s does not give its expected output (%s) and exit 0\n%v\n--- diff (got, expected):\n%s", script, expected, want, lineDiff(want.stdout, string(golden)))
			}
			got := runEnv(t, 30*time.Second, env, dgramjsBin, script)
			same := got.code == want.code && got.stdout == want.stdout
			reason, known := npmKnownFailures[name]
			switch {
			case same && known:
				row.dgramjs = "pass"
				t.Errorf("%s passes under dgramjs but is listed as a known failure (%s): take it off npmKnownFailures", name, reason)
			case same:
				row.dgramjs = "pass"
			case known:
				row.dgramjs = "KNOWN FAILURE: " + reason
				t.Logf("KNOWN FAILURE %s: %s\n--- dgramjs: %v", name, reason, got)
			default:
				row.dgramjs = "FAIL: " + firstLine(got.stderr)
				t.Errorf("dgramjs and node differ\n--- dgramjs: %v\n--- node: %v\n--- diff (dgramjs, node):\n%s", got, want, lineDiff(got.stdout, want.stdout))
			}
		})
	}
}

// npmVersion is the installed version of package pkg.
func npmVersion(t *testing.T, pkg string) string {
	b, err := os.ReadFile(filepath.Join("npm", "node_modules", pkg, "package.json"))
	if err != nil {
		t.Fatal(err)
	}
	var p struct{ Version string }
	if err := json.Unmarshal(b, &p); err != nil {
		t.Fatal(err)
	}
	return p.Version
}

// firstLine is the first line of s that says something: the error a
// failed run reported.
func firstLine(s string) string {
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "at ") {
			return l
		}
	}
	return "different output"
}

// writeNpmSummary writes the table of packages and results to path.
func writeNpmSummary(t *testing.T, path string, rows []npmRow) {
	var b strings.Builder
	pass, known := 0, 0
	b.WriteString("| package | version | script | node | dgramjs |\n|---|---|---|---|---|\n")
	for _, r := range rows {
		if r.dgramjs == "pass" {
			pass++
		}
		if strings.HasPrefix(r.dgramjs, "KNOWN FAILURE") {
			known++
		}
		if r.node == "" {
			r.node, r.dgramjs = "skipped", "skipped"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", r.pkg, r.version, r.script, r.node, strings.ReplaceAll(r.dgramjs, "|", `\|`))
	}
	fmt.Fprintf(&b, "\n%d of %d packages pass under dgramjs", pass, len(rows))
	if known > 0 {
		fmt.Fprintf(&b, "; %d known failures (npmKnownFailures in bindings/js/npm_test.go)", known)
	}
	b.WriteString("\n")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Error(err)
	}
}
