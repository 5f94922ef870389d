package gen

import (
	"fmt"
	"strings"

	"github.com/dgramkit/dgramkit/spec"
)

// DocsSpec writes docs/SPEC.md, the reference of spec/dgram.yaml's keys:
// every mapping the loader accepts (spec.Schema, from the Go types it
// decodes into and their doc comments), each key with its type, whether
// it is required, its meaning and the first value the spec gives it. A
// key the loader accepts and spec.go does not document is an error, so
// no key exists undocumented.
func DocsSpec(s *spec.Spec) ([]byte, error) {
	types, err := spec.Schema()
	if err != nil {
		return nil, err
	}
	named := map[string]bool{}
	for _, t := range types {
		named[t.Name] = true
	}
	var b strings.Builder
	fmt.Fprintf(&b, "<!-- %s -->\n\n# spec/dgram.yaml: every key\n\n", header)
	b.WriteString("The loader (package spec) accepts these keys and no other: an unknown key, a\n" +
		"missing required one, a dangling reference or a bad value is a `file:line`\n" +
		"error. Each section below is one kind of mapping, named as the loader's\n" +
		"errors name it; the meaning of each key is the doc comment of its Go field\n" +
		"in spec/spec.go, and the example the first value spec/dgram.yaml gives it.\n" +
		"How the generators use the keys: gen/CONTRACT.md. Adding a call: give it the\n" +
		"next free `number:` and `since:` the minor that adds it (docs/C.md, the ABI\n" +
		"promise).\n")
	for _, t := range types {
		fmt.Fprintf(&b, "\n## %s\n\n%s\n\n| key | type | meaning | example |\n|---|---|---|---|\n", t.Name, mdCell(t.Doc))
		for _, k := range t.Keys {
			typ, ex := k.Type, "`"+mdCode(s.Examples[t.Name+"."+k.Key])+"`"
			if elem := strings.TrimPrefix(k.Type, "list of "); named[elem] {
				typ = strings.TrimSuffix(k.Type, elem) + "[" + elem + "](#" + elem + ")"
				ex = "see [" + elem + "](#" + elem + ")"
			} else if s.Examples[t.Name+"."+k.Key] == "" {
				ex = "(not in spec/dgram.yaml)"
			}
			key := "`" + k.Key + "`"
			if k.Required {
				key += " (required)"
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", key, typ, mdCell(k.Doc), ex)
		}
	}
	return []byte(b.String()), nil
}

// mdCell makes text fit a Markdown table cell.
func mdCell(text string) string { return strings.ReplaceAll(text, "|", `\|`) }

// mdCode makes text fit inline code in a table cell.
func mdCode(text string) string { return strings.ReplaceAll(text, "|", `\|`) }
