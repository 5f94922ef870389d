package spec

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// only: go is for optional boolean extension fields of an object, and go is
// its one value.
func TestOnlyErrors(t *testing.T) {
	mini, err := os.ReadFile("../gen/testdata/mini.yaml")
	if err != nil {
		t.Fatal(err)
	}
	const at = "      - name: platform\n"
	for _, tc := range []struct{ name, field, msg string }{
		{"unknown binding", "        type: boolean\n        optional: true\n        extension: true\n        only: c\n",
			`object SocketOptions, argument x: only "c": only go is known`},
		{"not optional", "        type: boolean\n        extension: true\n        only: go\n",
			"object SocketOptions, argument x: only is for optional boolean extension fields of an options object"},
		{"not a boolean", "        type: string\n        optional: true\n        extension: true\n        only: go\n",
			"object SocketOptions, argument x: only is for optional boolean extension fields of an options object"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := strings.Replace(string(mini), at, "      - name: x\n"+tc.field+"        doc: X.\n"+at, 1)
			want := fmt.Sprintf("mini.yaml:%d: %s", lineOf(t, text, "      - name: x"), tc.msg)
			if _, err := Parse("mini.yaml", []byte(text)); err == nil || err.Error() != want {
				t.Errorf("got  %v\nwant %s", err, want)
			}
		})
	}
	ok := strings.Replace(string(mini), at, "      - name: x\n        type: boolean\n        optional: true\n        extension: true\n        only: go\n        doc: X.\n"+at, 1)
	s, err := Parse("mini.yaml", []byte(ok))
	if err != nil {
		t.Fatal(err)
	}
	o, _ := s.Object("SocketOptions")
	for _, f := range o.Fields {
		if f.Name == "x" && !f.GoOnly() {
			t.Error("x is not GoOnly")
		}
	}
}
