package gen

import (
	"os"
	"strings"
	"testing"

	"github.com/dgramkit/dgramkit/spec"
)

// A field with only: go is in the Go API and its docs, and neither in the C
// binding (header, struct conversion) nor in the JavaScript host's reading.
func TestGoOnlyField(t *testing.T) {
	mini, err := os.ReadFile("testdata/mini.yaml")
	if err != nil {
		t.Fatal(err)
	}
	const at = "      - name: platform\n"
	field := "      - name: lendBuffers\n        type: boolean\n        optional: true\n        extension: true\n        only: go\n        doc: Go alone.\n"
	text := strings.Replace(string(mini), at, field+at, 1)
	if text == string(mini) {
		t.Fatal("the mini spec has no platform field to insert before")
	}
	s, err := spec.Parse("mini.yaml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range Outputs {
		out := string(generate(t, o, s))
		var want, wantNot []string
		switch o.Path {
		case "dgram/api_gen.go":
			want = []string{"LendBuffers bool", "Go API only"}
		case "docs/API.md":
			want = []string{"`options.lendBuffers`", "Go API only"}
		case "bindings/c/dgram.h", "cshared/exports_gen.go", "cshared/exports_gen.c":
			wantNot = []string{"lend_buffers", "LendBuffers"}
		case "bindings/js/dispatch_gen.go":
			wantNot = []string{"lendBuffers", "LendBuffers"}
		}
		for _, w := range want {
			if !strings.Contains(out, w) {
				t.Errorf("%s lacks %q", o.Path, w)
			}
		}
		for _, w := range wantNot {
			if strings.Contains(out, w) {
				t.Errorf("%s has %q", o.Path, w)
			}
		}
	}
}
