package gen

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestDocBlocksAreFresh: the generated blocks of the hand-written
// documents are the spec's, and every block is used.
func TestDocBlocksAreFresh(t *testing.T) {
	s := load(t, "../spec/dgram.yaml")
	used := map[string]bool{}
	for _, doc := range DocFiles {
		committed, err := os.ReadFile(filepath.Join("..", filepath.FromSlash(doc)))
		if err != nil {
			t.Fatal(err)
		}
		fresh, names, err := FillDocBlocks(s, committed)
		if err != nil {
			t.Fatalf("%s: %v", doc, err)
		}
		for _, n := range names {
			used[n] = true
		}
		if diff := cmp.Diff(string(committed), string(fresh)); diff != "" {
			t.Errorf("%s is stale; run go generate ./... (-committed +fresh):\n%s", doc, diff)
		}
	}
	for _, b := range DocBlocks {
		if !used[b.Name] {
			t.Errorf("block %s is in none of %v", b.Name, DocFiles)
		}
	}
}

// TestDocBlockErrors: an unknown or unclosed block is an error; the text
// around a block is kept as it is.
func TestDocBlockErrors(t *testing.T) {
	s := load(t, "testdata/mini.yaml")
	for text, want := range map[string]string{
		"a\n<!-- dgramgen: nope -->\n<!-- /dgramgen: nope -->\n": `no generated block "nope"`,
		"a\n<!-- dgramgen: js-api -->\nb\n":                      "block js-api is not closed",
	} {
		if _, _, err := FillDocBlocks(s, []byte(text)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("FillDocBlocks(%q) = %v, want %s", text, err, want)
		}
	}
	out, names, err := FillDocBlocks(s, []byte("before\n<!-- dgramgen: python-methods -->\nstale\n<!-- /dgramgen: python-methods -->\nafter\n"))
	if err != nil || len(names) != 1 || !strings.HasPrefix(string(out), "before\n<!-- dgramgen: python-methods -->\nEvery call") ||
		!strings.HasSuffix(string(out), "<!-- /dgramgen: python-methods -->\nafter\n") || strings.Contains(string(out), "stale") {
		t.Errorf("FillDocBlocks = %q, %v, %v", out, names, err)
	}
}
