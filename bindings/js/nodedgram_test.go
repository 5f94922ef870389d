package dgramjs

import (
	"path/filepath"
	"testing"
	"time"
)

// TestNodeDgram runs Node's own dgram tests for the calls dgramkit took
// from Node (connect, disconnect, remoteAddress, the connected sends, ref,
// unref) under dgramjs, with a stand-in for Node's test/common
// (testdata/node/common). testdata/node/README.md says which tests these
// are, where they come from, and which were left out and why. Each must end
// with exit code 0 (its mustCall checks run at exit).
func TestNodeDgram(t *testing.T) {
	scripts, err := filepath.Glob("testdata/node/parallel/test-dgram-*.js")
	if err != nil || len(scripts) == 0 {
		t.Fatalf("no Node tests in testdata/node/parallel: %v", err)
	}
	for _, script := range scripts {
		t.Run(filepath.Base(script), func(t *testing.T) {
			t.Parallel()
			if r := run(t, 30*time.Second, script); r.code != 0 {
				t.Fatalf("%s failed:\n%v", script, r)
			}
		})
	}
	t.Logf("%d Node dgram tests", len(scripts))
}
