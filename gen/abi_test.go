package gen

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
)

var updateABI = flag.Bool("update-abi", false, "rewrite the release's values, "+abiValuesFile+" (a release does: docs/C.md)")

// abiValuesFile holds every enum constant and struct field of dgram.h as
// the last release had them; bindings/c/abi/libdgram.so.1.xml (abidw) is
// the rest of the release's ABI.
const abiValuesFile = "../bindings/c/abi/dgram.h.values"

// abiValues are the C model's enum constants (key "const NAME", value its
// value) and struct fields (key "field STRUCT INDEX", value its
// declaration), in header order.
func abiValues(m *cModel) (keys []string, values map[string]string) {
	values = map[string]string{}
	add := func(k, v string) {
		keys = append(keys, k)
		values[k] = v
	}
	for _, consts := range [][]cConst{m.Errors, m.Platforms, m.Calls, m.Supports, m.Delivery} {
		for _, c := range consts {
			add("const "+c.Name, fmt.Sprint(c.Value))
		}
	}
	for _, st := range append([]cStruct{m.ErrorInfo}, m.Structs...) {
		for i, f := range st.Fields {
			add(fmt.Sprintf("field %s %d", st.Name, i), f.Decl)
		}
	}
	return keys, values
}

// TestABIValues: every enum constant of the last release keeps its value
// and every struct field its place and type, whatever order the spec lists
// calls and fields in; new constants and fields appended at the end of a
// struct are additions. The abidiff check (bindings/c/tests/abi.sh) checks
// the built library; this checks the constants no function's type names
// (the error codes, dgram_support) and runs without libabigail.
func TestABIValues(t *testing.T) {
	s := load(t, "../spec/dgram.yaml")
	m, err := buildC(s)
	if err != nil {
		t.Fatal(err)
	}
	keys, now := abiValues(m)
	if *updateABI {
		var b strings.Builder
		fmt.Fprintf(&b, "# dgram.h %s: every enum constant (const NAME VALUE) and struct field\n", s.Version)
		fmt.Fprintf(&b, "# (field STRUCT INDEX DECLARATION) of the last release, which gen's\n# TestABIValues holds the spec to. Written by go test ./gen -update-abi\n# at a release (docs/C.md); never edited by hand.\n")
		for _, k := range keys {
			fmt.Fprintf(&b, "%s %s\n", k, now[k])
		}
		if err := os.WriteFile(abiValuesFile, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	f, err := os.Open(abiValuesFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	release := ""
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if v, ok := strings.CutPrefix(text, "# dgram.h "); ok {
			release, _, _ = strings.Cut(v, ":")
		}
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		kind, rest, _ := strings.Cut(text, " ")
		n := 1 // const NAME
		if kind == "field" {
			n = 2 // field STRUCT INDEX
		}
		parts := strings.SplitN(rest, " ", n+1)
		if len(parts) != n+1 {
			t.Fatalf("%s:%d: malformed line %q", abiValuesFile, line, text)
		}
		key, want := kind+" "+strings.Join(parts[:n], " "), parts[n]
		switch got, ok := now[key]; {
		case !ok && kind == "const":
			t.Errorf("%s:%d: %s %s was %s in release %s and is gone: a released constant stays (soname 1: additions only)", abiValuesFile, line, kind, parts[0], want, release)
		case !ok:
			t.Errorf("%s:%d: struct %s had field %s (%s) in release %s and has fewer fields now: a released field stays", abiValuesFile, line, parts[0], parts[1], want, release)
		case got != want && kind == "const":
			t.Errorf("%s:%d: %s was %s in release %s and is %s now: a released value never moves (the spec's number:)", abiValuesFile, line, parts[0], want, release, got)
		case got != want:
			t.Errorf("%s:%d: struct %s, field %s was %q in release %s and is %q now: new fields go at the end of a struct", abiValuesFile, line, parts[0], parts[1], want, release, got)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}
