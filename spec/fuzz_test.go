package spec_test

import (
	"errors"
	"fmt"
	"os"
	"testing"

	"github.com/dgramkit/dgramkit/gen"
	"github.com/dgramkit/dgramkit/spec"
)

// FuzzParse feeds the loader arbitrary spec text, starting from the real
// spec, the generators' fixture and a few broken ones. The loader must
// never panic, and must reject bad text with a *spec.LoadError naming the
// file and a line >= 1. A spec it accepts must be one every generator can
// take without panicking (a generator may still refuse it with an error).
func FuzzParse(f *testing.F) {
	for _, file := range []string{"dgram.yaml", "../gen/testdata/mini.yaml"} {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		"", "name: dgram\n", "name: [\n", "- 1\n- 2\n", "name: dgram\nbogus: 1\n",
		"errors:\n  - code: X\n    number: 1\n  - code: Y\n    number: 1\n",
		"calls:\n  - name: c\n    support: {linux: Q}\n",
		"a: &a [*a]\n", "calls: &c\n  - name: x\n    forms: *c\n",
		"calls:\n  - name: c\n    forms:\n      - signature: c(x)\n        args:\n          - name: x\n            type: integer\n            min: 5\n            max: 1\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := spec.Parse("fuzz.yaml", data)
		if err != nil {
			var le *spec.LoadError
			if !errors.As(err, &le) {
				t.Fatalf("Parse error %T is not a *spec.LoadError: %v", err, err)
			}
			if le.File != "fuzz.yaml" || le.Line < 1 {
				t.Fatalf("Parse error names %s:%d: %v", le.File, le.Line, err)
			}
			return
		}
		for _, o := range gen.Outputs {
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Fatalf("%s panics on a spec the loader accepted: %v", o.Path, r)
					}
				}()
				_, _ = o.Generate(s)
			}()
		}
		_ = fmt.Sprint(s.MatrixCalls())
	})
}
