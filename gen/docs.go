package gen

import (
	"bytes"
	_ "embed"
	"fmt"
	"strings"
	"text/template"

	. "github.com/dave/jennifer/jen"
	"github.com/dgramkit/dgramkit/spec"
)

//go:embed templates/api.md.tmpl
var apiTemplate string

// docs is the template of docs/API.md.
var docs = template.Must(template.New("api.md").Funcs(template.FuncMap{
	"row":    row,
	"cell":   func(s string) string { return strings.ReplaceAll(s, "|", `\|`) },
	"export": exported,
	"join":   strings.Join,
}).Parse(apiTemplate))

// row is a Markdown table row.
func row(cells []string) string {
	return "| " + strings.Join(cells, " | ") + " |"
}

// docSpec is what the docs template shows: the spec, and what it derives.
type docSpec struct {
	*spec.Spec
	Header    string
	Reference docTable // the seed's platform table
	Extension docTable // the extension calls' table, beside the seed's
	Native    docTable // native support, by host platform
	// Differences are the cells where native support differs from the
	// reference table.
	Differences []string
	Calls       []docCall
	Events      []docEvent
	Callbacks   []docEvent
	Objects     []docObject
}

// docTable is a support table and its footnotes.
type docTable struct {
	Rows      [][]string // header, alignment, one row per call
	Footnotes []spec.Footnote
}

// docCall is a call, with the Go signature and the arguments of each form.
type docCall struct {
	spec.Call
	Forms     []docForm
	CoreTitle string // the title of the call whose core this one shares
	Support   string // the reference cells, "Linux O, ..."
	Native    string // the native cells
}

// docForm is one form of a call.
type docForm struct {
	spec.Form
	GoSignature string
	Args        []docArg
}

// docArg is an argument, or a field of an object argument, as a table row.
type docArg struct {
	Name, GoName, Type, GoType, Default, Range, Error, Doc string
}

// docEvent is an event or callback, with its Go type and arguments.
type docEvent struct {
	Name, Doc, GoType, GoDecl, GoOn string
	Args                            []docArg
}

// docObject is an object and its fields.
type docObject struct {
	spec.Object
	Fields []docArg
}

// DocsAPI writes docs/API.md: the seed's platform table (byte for byte) and
// its footnotes, native support, the families, every call with each form's
// signature and arguments, the events and their ordering, the callbacks,
// the errors and the objects.
func DocsAPI(s *spec.Spec) ([]byte, error) {
	d := docSpec{Spec: s, Header: "<!-- " + header + " -->"}
	var native []spec.Platform
	for _, p := range s.Platforms {
		for _, c := range s.MatrixCalls() {
			if _, ok := c.Native.Values[p.ID]; ok {
				native = append(native, p)
				break
			}
		}
	}
	d.Reference = supportTable(s.MatrixCalls(), s.Platforms, s.Cell)
	d.Reference.Footnotes = s.Footnotes
	if ext := s.ExtensionCalls(); len(ext) > 0 {
		d.Extension = supportTable(ext, s.Platforms, s.Cell)
	}
	all := append(s.MatrixCalls(), s.ExtensionCalls()...)
	d.Native = supportTable(all, native, s.NativeCell)
	for _, c := range all {
		var on []string
		for _, p := range native {
			if ref, nat := s.Cell(c, p.ID), s.NativeCell(c, p.ID); ref != nat {
				on = append(on, fmt.Sprintf("%s (%s natively, %s in the reference)", p.Name, cellText(nat), cellText(ref)))
			}
		}
		if on != nil {
			d.Differences = append(d.Differences, c.Title+": "+strings.Join(on, ", "))
		}
	}
	for _, c := range s.Calls {
		dc := docCall{Call: c, CoreTitle: s.CoreCall(c).Title, Support: cells(s, c, s.Platforms, s.Cell), Native: cells(s, c, native, s.NativeCell)}
		for _, f := range c.Forms {
			df := docForm{Form: f, GoSignature: fmt.Sprintf("%#v", signature(s, c, f))}
			for _, a := range f.Args {
				df.Args = append(df.Args, docArgOf(s, a, a.Name))
				if a.Type == spec.TypeObject {
					o, _ := s.Object(a.Object)
					for _, fl := range o.Fields {
						df.Args = append(df.Args, docArgOf(s, fl, a.Name+"."+fl.Name))
					}
				}
			}
			dc.Forms = append(dc.Forms, df)
		}
		d.Calls = append(d.Calls, dc)
	}
	for _, e := range s.Events {
		d.Events = append(d.Events, docEventOf(s, e.Name, e.Doc, e.Args, exported(e.Name)+"Listener"))
		d.Events[len(d.Events)-1].GoOn = fmt.Sprintf("func (s *Socket) On%s(listener %sListener)", exported(e.Name), exported(e.Name))
	}
	for _, cb := range s.Callbacks {
		d.Callbacks = append(d.Callbacks, docEventOf(s, cb.Name, cb.Doc, cb.Args, exported(cb.Name)+"Callback"))
	}
	for _, o := range s.Objects {
		do := docObject{Object: o}
		for _, fl := range o.Fields {
			da := docArgOf(s, fl, fl.Name)
			da.GoName = exported(fl.Name)
			do.Fields = append(do.Fields, da)
		}
		d.Objects = append(d.Objects, do)
	}
	var b bytes.Buffer
	if err := docs.Execute(&b, d); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// supportTable is the support of calls on platforms, as the seed's table
// writes it.
func supportTable(calls []spec.Call, platforms []spec.Platform, cellOf func(spec.Call, string) spec.Cell) docTable {
	head, align := []string{""}, []string{":---:"}
	for _, p := range platforms {
		head = append(head, p.Name+"<br/>("+p.Board+")")
		align = append(align, ":---:")
	}
	t := docTable{Rows: [][]string{head, align}}
	for _, c := range calls {
		r := []string{c.Title}
		for _, p := range platforms {
			r = append(r, cellText(cellOf(c, p.ID)))
		}
		t.Rows = append(t.Rows, r)
	}
	return t
}

// cells lists a call's cells on platforms: "Linux O, NuttX △ ¹".
func cells(s *spec.Spec, c spec.Call, platforms []spec.Platform, cellOf func(spec.Call, string) spec.Cell) string {
	var out []string
	for _, p := range platforms {
		out = append(out, p.Name+" "+cellText(cellOf(c, p.ID)))
	}
	return strings.Join(out, ", ")
}

// docArgOf describes an argument or field for a table row.
func docArgOf(s *spec.Spec, a spec.Arg, name string) docArg {
	d := docArg{Name: name, GoType: fmt.Sprintf("%#v", goType(a, false)), Doc: a.Doc}
	switch {
	case a.Type == spec.TypeObject:
		d.Type = fmt.Sprintf("object [%s](#%s)", a.Object, strings.ToLower(a.Object))
	case a.Listener != "":
		d.Type = fmt.Sprintf("function, listener of ['%s'](#event-%s)", a.Listener, a.Listener)
	case a.Callback != "":
		d.Type = fmt.Sprintf("function, [%s callback](#%s-callback)", a.Callback, a.Callback)
	default:
		d.Type = a.Type
	}
	if a.Optional {
		d.Type += ", optional"
	}
	if a.Extension {
		d.Doc += " *(dgramkit extension)*"
	}
	if a.GoOnly() {
		d.Doc += " *(Go API only: C and JavaScript do not have it)*"
	}
	var defaults, types []string
	for _, f := range s.Families {
		types = append(types, f.Type)
		switch a.Default {
		case "bindAddress":
			defaults = append(defaults, fmt.Sprintf("`%s` (%s)", f.BindAddress, f.Type))
		case "sendAddress":
			defaults = append(defaults, fmt.Sprintf("`%s` (%s)", f.SendAddress, f.Type))
		}
	}
	d.Default = strings.Join(defaults, ", ")
	switch {
	case a.Min != nil && a.Max != nil:
		d.Range = fmt.Sprintf("%d to %d", *a.Min, *a.Max)
	case a.Min != nil:
		d.Range = fmt.Sprintf(">= %d", *a.Min)
	case a.Max != nil:
		d.Range = fmt.Sprintf("<= %d", *a.Max)
	case a.Enum != "":
		d.Range = strings.Join(types, " or ")
	case a.Required:
		d.Range = "not empty"
	case a.Bounds != "":
		d.Range = "within " + a.Bounds
	case a.Type == spec.TypeMessage:
		d.Range = "bytes, a string, or a list of either"
	}
	if a.Error != "" {
		d.Error = "`" + a.Error + "`"
		if a.Message != "" {
			d.Error += ": `" + a.Message + "`"
		}
	}
	return d
}

// docEventOf describes an event or callback.
func docEventOf(s *spec.Spec, name, doc string, args []spec.Arg, goName string) docEvent {
	d := docEvent{Name: name, Doc: doc, GoType: goName}
	d.GoDecl = fmt.Sprintf("%#v", Type().Id(goName).Func().Params(params(args, true)...))
	for _, a := range args {
		da := docArgOf(s, a, a.Name)
		da.GoType = fmt.Sprintf("%#v", goType(a, true))
		d.Args = append(d.Args, da)
	}
	return d
}
