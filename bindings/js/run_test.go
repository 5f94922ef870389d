package dgramjs

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// dgramjsBin is the dgramjs command the tests run, built by runTests.
var dgramjsBin string

// runTests builds dgramjs, then runs the tests.
func runTests(m *testing.M) int {
	dir, err := os.MkdirTemp("", "dgramjs-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	dgramjsBin = filepath.Join(dir, "dgramjs")
	if out, err := exec.Command("go", "build", "-o", dgramjsBin, "./cmd/dgramjs").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building dgramjs: %v\n%s", err, out)
		return 1
	}
	return m.Run()
}

// result is how a run of dgramjs ended.
type result struct {
	stdout, stderr string
	code           int
}

func (r result) String() string {
	return fmt.Sprintf("exit code %d\n--- stdout:\n%s--- stderr:\n%s", r.code, r.stdout, r.stderr)
}

// run runs dgramjs on script with args; a run past timeout is killed and
// fails t.
func run(t *testing.T, timeout time.Duration, script string, args ...string) result {
	t.Helper()
	return runFor(t, timeout, dgramjsBin, append([]string{script}, args...)...)
}

// runFor runs name with args in the package directory, failing the test
// when it has not ended within timeout.
func runFor(t *testing.T, timeout time.Duration, name string, args ...string) result {
	t.Helper()
	return runEnv(t, timeout, nil, name, args...)
}

// runEnv is runFor with env added to the environment.
func runEnv(t *testing.T, timeout time.Duration, env []string, name string, args ...string) result {
	t.Helper()
	r, timedOut := runBounded(t, timeout, env, name, args...)
	if timedOut {
		t.Fatalf("%s %q did not end within %v\n%v", name, args, timeout, r)
	}
	return r
}

// runBounded runs name with args and env added to the environment, killed
// after timeout; timedOut says it was.
func runBounded(t *testing.T, timeout time.Duration, env []string, name string, args ...string) (r result, timedOut bool) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	if env != nil {
		cmd.Env = append(os.Environ(), env...)
	}
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	r = result{out.String(), errb.String(), 0}
	if ctx.Err() != nil {
		return r, true
	}
	if ee, ok := err.(*exec.ExitError); ok {
		r.code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return r, false
}

// directives are a conformance script's leading comments:
//
//	// exit: N            the exit code it must end with (default 0)
//	// stdout: TEXT       a line its output must hold (repeatable)
//	// stderr: TEXT       text its error output must hold (repeatable)
//	// needs: sandbox     run only in the private network namespace
//	// args: A B          process.argv[2:]
type directives struct {
	exit    int
	stdout  []string
	stderr  []string
	sandbox bool
	args    []string
}

func readDirectives(t *testing.T, path string) directives {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var d directives
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		rest, ok := strings.CutPrefix(line, "// ")
		if !ok {
			break
		}
		key, val, ok := strings.Cut(rest, ": ")
		if !ok {
			continue
		}
		switch key {
		case "exit":
			if d.exit, err = strconv.Atoi(val); err != nil {
				t.Fatalf("%s: bad exit directive %q", path, val)
			}
		case "stdout":
			d.stdout = append(d.stdout, val)
		case "stderr":
			d.stderr = append(d.stderr, val)
		case "needs":
			d.sandbox = val == "sandbox"
		case "args":
			d.args = strings.Fields(val)
		}
	}
	return d
}

// TestConformance runs every script of testdata: one per call and per
// event, each asserting with assert, and the runtime's own scripts.
func TestConformance(t *testing.T) {
	scripts, err := filepath.Glob("testdata/*.js")
	if err != nil || len(scripts) == 0 {
		t.Fatalf("no scripts in testdata: %v", err)
	}
	for _, script := range scripts {
		t.Run(strings.TrimSuffix(filepath.Base(script), ".js"), func(t *testing.T) {
			t.Parallel()
			d := readDirectives(t, script)
			if d.sandbox {
				needSandbox(t)
			}
			r := run(t, 20*time.Second, script, d.args...)
			if r.code != d.exit {
				t.Fatalf("want exit code %d\n%v", d.exit, r)
			}
			for _, want := range d.stdout {
				if !containsLine(r.stdout, want) {
					t.Errorf("stdout lacks the line %q\n%v", want, r)
				}
			}
			for _, want := range d.stderr {
				if !strings.Contains(r.stderr, want) {
					t.Errorf("stderr lacks %q\n%v", want, r)
				}
			}
			if d.exit == 0 && r.stderr != "" {
				t.Errorf("unexpected error output\n%v", r)
			}
		})
	}
}

func containsLine(out, line string) bool {
	for _, l := range strings.Split(out, "\n") {
		if l == line {
			return true
		}
	}
	return false
}
