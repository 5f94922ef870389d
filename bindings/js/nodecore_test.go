package dgramjs

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestNodeDgramCoreSet runs Node's own dgram test set (the tests of
// test/parallel/test-dgram-*.js that use only the dgram API dgramkit has,
// named in testdata/node/core-set.txt) from a checkout of Node's test
// directory named by NODE_TEST_DIR (nodejs/node's test/, or the test/ of
// denoland/node_test), which this repository does not hold. Each test is
// copied beside the stand-in for Node's test/common (testdata/node/common)
// and must exit 0. testdata/node/README.md lists the tests left out and
// why.
func TestNodeDgramCoreSet(t *testing.T) {
	dir := os.Getenv("NODE_TEST_DIR")
	if dir == "" {
		t.Skip("NODE_TEST_DIR is not set: Node's dgram core set needs a checkout of Node's test directory")
	}
	names := coreSet(t)
	work := t.TempDir()
	if err := os.CopyFS(filepath.Join(work, "common"), os.DirFS("testdata/node/common")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(work, "parallel"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		src, err := os.ReadFile(filepath.Join(dir, "parallel", name))
		if err != nil {
			t.Fatalf("Node's %s: %v", name, err)
		}
		if err := os.WriteFile(filepath.Join(work, "parallel", name), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var passed atomic.Int32
	t.Run("set", func(t *testing.T) {
		for _, name := range names {
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				if r := run(t, 30*time.Second, filepath.Join(work, "parallel", name)); r.code != 0 {
					t.Fatalf("%s failed:\n%v", name, r)
				}
				passed.Add(1)
			})
		}
	})
	t.Logf("Node's dgram core set: %d of %d passed", passed.Load(), len(names))
}

// coreSet is the names in testdata/node/core-set.txt.
func coreSet(t *testing.T) []string {
	f, err := os.Open("testdata/node/core-set.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var names []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" && !strings.HasPrefix(l, "#") {
			names = append(names, l)
		}
	}
	if err := sc.Err(); err != nil || len(names) == 0 {
		t.Fatalf("testdata/node/core-set.txt: %v (%d names)", err, len(names))
	}
	return names
}
