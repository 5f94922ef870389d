package spec

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"reflect"
	"strings"
)

// specSource is this package's spec.go: its doc comments are the
// meaning of each key of the schema.
//
//go:embed spec.go
var specSource string

// SchemaType is a mapping the loader accepts: the spec itself or one of
// its sections' entries, as its errors name it (call, arg, jsarg).
type SchemaType struct {
	Name string
	Doc  string
	Keys []SchemaKey
}

// SchemaKey is one key of a SchemaType.
type SchemaKey struct {
	Key      string
	Type     string // "string", "integer", "boolean", "list of string", a SchemaType's name, "list of call", "support cells"
	Required bool   // the loader refuses the mapping without it
	Doc      string // the Go field's doc comment in spec.go
}

// Schema is every mapping the loader accepts, from the Go types it decodes
// into (their yaml tags, and the doc comments of spec.go), the spec first,
// then each type where it first appears. A key without a doc comment is
// an error: the schema's reference (docs/SPEC.md) documents every key.
func Schema() ([]SchemaType, error) {
	docs, err := fieldDocs()
	if err != nil {
		return nil, err
	}
	var out []SchemaType
	seen := map[reflect.Type]bool{}
	queue := []reflect.Type{reflect.TypeOf(Spec{})}
	for len(queue) > 0 {
		t := queue[0]
		queue = queue[1:]
		if seen[t] {
			continue
		}
		seen[t] = true
		st := SchemaType{Name: strings.ToLower(t.Name()), Doc: docs[t.Name()]}
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			key, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			if key == "" || key == "-" {
				continue
			}
			doc := docs[t.Name()+"."+f.Name]
			if doc == "" {
				return nil, fmt.Errorf("spec.go: %s.%s (key %q) has no doc comment: every key of the spec is documented", t.Name(), f.Name, key)
			}
			typ, elem := schemaTypeName(f.Type)
			if elem != nil {
				queue = append(queue, elem)
			}
			st.Keys = append(st.Keys, SchemaKey{Key: key, Type: typ, Required: f.Tag.Get("required") == "true", Doc: doc})
		}
		out = append(out, st)
	}
	return out, nil
}

// schemaTypeName names a field's type as the schema shows it, and returns
// the struct type it holds, if any.
func schemaTypeName(t reflect.Type) (string, reflect.Type) {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t == cellsType:
		return "support cells", nil
	case t.Kind() == reflect.Slice:
		name, elem := schemaTypeName(t.Elem())
		return "list of " + name, elem
	case t.Kind() == reflect.Struct:
		return strings.ToLower(t.Name()), t
	case t.Kind() == reflect.Int, t.Kind() == reflect.Int64:
		return "integer", nil
	case t.Kind() == reflect.Bool:
		return "boolean", nil
	}
	return t.Kind().String(), nil
}

// fieldDocs parses spec.go's doc comments: "Type" and "Type.Field" to the
// comment's text, in one line.
func fieldDocs() (map[string]string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), "spec.go", specSource, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	docs := map[string]string{}
	text := func(groups ...*ast.CommentGroup) string {
		var parts []string
		for _, g := range groups {
			if g != nil {
				parts = append(parts, strings.Join(strings.Fields(g.Text()), " "))
			}
		}
		return strings.Join(parts, " ")
	}
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.TYPE {
			continue
		}
		for _, sp := range g.Specs {
			ts := sp.(*ast.TypeSpec)
			docs[ts.Name.Name] = text(g.Doc, ts.Doc)
			st, ok := ts.Type.(*ast.StructType)
			if !ok {
				continue
			}
			last := "" // a comment on a group of fields names each
			for _, fl := range st.Fields.List {
				doc := text(fl.Doc, fl.Comment)
				for _, n := range fl.Names {
					if doc == "" && strings.Contains(last, n.Name) {
						doc = last
					}
					docs[ts.Name.Name+"."+n.Name] = doc
				}
				last = doc
			}
		}
	}
	return docs, nil
}
