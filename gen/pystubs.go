package gen

import (
	"bytes"
	_ "embed"
	"fmt"
	"strings"
	"text/template"

	"github.com/dgramkit/dgramkit/spec"
)

// PythonStubs writes bindings/python/dgramkit/__init__.pyi, the type
// stubs of the dgramkit package (with py.typed, PEP 561): the enums and
// result types of the model, an overload of each socket method per form
// (and per place Node takes a function at, as the dispatch spreads it),
// the listener types of each event ('message' gets bytes and a
// RemoteInfo), the send callback's type; the rest of the package's
// surface (poll, run, asyncio, exceptions) is the template's.

//go:embed templates/dgramkit.pyi.tmpl
var pyStubsTemplate string

var pyStubsTmpl = template.Must(template.New("__init__.pyi").Funcs(template.FuncMap{
	"pydoc": pyDoc,
	"pystr": pyStr,
	"list":  func(s ...string) []string { return s },
}).Parse(pyStubsTemplate))

// pyStubs is the model of the stubs.
type pyStubs struct {
	Header    string
	Enums     []pyEnum
	Results   []pyResult
	Events    []pyStubEvent
	Methods   []pyStubMethod
	Create    []string // create_socket's overloads' parameters
	OptionsKw string   // create_socket's keyword parameters
}

// pyStubEvent is an event and its listener's type.
type pyStubEvent struct {
	Name, Listener string
}

// pyStubMethod is a socket method with its overloads (one when it has a
// single signature).
type pyStubMethod struct {
	Name, Result, Doc string
	Overloads         []string // the parameters after self
}

// pyInTypes are the Python types of argument types; function, object,
// message and platform have their own rules (pyInType).
var pyInTypes = map[string]string{
	spec.TypeInteger: "int", spec.TypeString: "str", spec.TypeIP: "str", spec.TypeBoolean: "bool",
}

// pyOutTypes are the Python types of event and callback arguments.
var pyOutTypes = map[string]string{
	spec.TypeInteger: "int", spec.TypeString: "str", spec.TypeIP: "str", spec.TypeBoolean: "bool",
	spec.TypeMessage: "bytes", "error": "DgramError",
}

// pyCallable is the type of a function that gets args.
func pyCallable(args []spec.Arg) (string, error) {
	var ts []string
	for _, a := range args {
		t, ok := pyOutTypes[a.Type]
		if a.Type == spec.TypeObject {
			t, ok = a.Object, true
		}
		if !ok {
			return "", fmt.Errorf("argument %s: the Python stubs have no type for %q", a.Name, a.Type)
		}
		if a.Type == "error" && len(args) > 1 {
			t = "Optional[" + t + "]" // a callback's error: None on success
		}
		ts = append(ts, t)
	}
	return "Callable[[" + strings.Join(ts, ", ") + "], object]", nil
}

// pyInType is the Python type of argument a of a form.
func pyInType(s *spec.Spec, a spec.Arg) (string, error) {
	switch a.Type {
	case spec.TypeFunction:
		if a.Listener != "" {
			e, _ := s.Event(a.Listener)
			return pyCallable(e.Args)
		}
		for _, cb := range s.Callbacks {
			if cb.Name == a.Callback {
				return pyCallable(cb.Args)
			}
		}
		return "", fmt.Errorf("argument %s: no callback %q", a.Name, a.Callback)
	case spec.TypeObject:
		return "Mapping[str, Any]", nil
	case spec.TypeMessage:
		return "_Message", nil
	case spec.TypePlatform:
		return "Union[str, Platform]", nil
	}
	if t, ok := pyInTypes[a.Type]; ok {
		return t, nil
	}
	return "", fmt.Errorf("argument %s: the Python stubs have no type for %q", a.Name, a.Type)
}

// pyParams are the parameters of form f after self: each with its type,
// an optional one defaulting to None; and the variants where a function
// stands at an optional place before the form's function argument (the
// dispatch's spread).
func pyParams(s *spec.Spec, f spec.Form) ([]string, error) {
	var ps []string
	for _, a := range f.Args {
		t, err := pyInType(s, a)
		if err != nil {
			return nil, err
		}
		p := snake(a.Name) + ": " + t
		if a.Optional {
			p = snake(a.Name) + ": Optional[" + t + "] = ..."
		}
		ps = append(ps, p)
	}
	out := []string{strings.Join(ps, ", ")}
	if fn := functionIndex(f); fn >= 0 {
		for i := firstOptional(f); i < fn; i++ {
			var ps2 []string
			for _, p := range ps[:i] {
				ps2 = append(ps2, strings.TrimSuffix(p, " = ..."))
			}
			ps2 = append(ps2, strings.Replace(strings.Replace(ps[fn], ": Optional[", ": ", 1), "] = ...", "", 1))
			out = append(out, strings.Join(ps2, ", "))
		}
	}
	return out, nil
}

// pyResultType is the Python type a call returns.
func pyResultType(c *mCall) string {
	switch c.Result.Kind {
	case resultObject:
		return c.Result.Object
	case resultScalar:
		return pyInTypes[c.Result.Type.Type]
	case resultSocket:
		return "Socket"
	}
	return "None"
}

// PythonStubs writes the stubs.
func PythonStubs(s *spec.Spec) ([]byte, error) {
	pm, err := buildPy(s)
	if err != nil {
		return nil, err
	}
	m := pyStubs{Header: header, Enums: pm.Enums, Results: pm.Results}
	for _, e := range s.Events {
		l, err := pyCallable(e.Args)
		if err != nil {
			return nil, fmt.Errorf("event %s: %w", e.Name, err)
		}
		m.Events = append(m.Events, pyStubEvent{Name: e.Name, Listener: l})
	}
	model, err := newModel(s)
	if err != nil {
		return nil, err
	}
	for _, c := range model.Calls {
		if c.Module {
			for _, f := range c.MForms {
				for _, a := range f.Args {
					if a.Type == spec.TypeObject {
						o, _ := s.Object(a.Object)
						var kw []string
						for _, fl := range o.Fields {
							if fl.GoOnly() {
								continue
							}
							t, err := pyInType(s, fl)
							if err != nil {
								return nil, err
							}
							kw = append(kw, snake(fl.Name)+": Optional["+t+"] = ...")
						}
						m.OptionsKw = strings.Join(kw, ", ")
					}
				}
			}
			continue
		}
		if pyOwnMethods[c.Name] {
			continue
		}
		sm := pyStubMethod{Name: snake(c.Name), Result: pyResultType(c), Doc: cSentence(c.Doc)}
		for _, f := range c.MForms {
			ps, err := pyParams(s, f.Form)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", f.Signature, err)
			}
			sm.Overloads = append(sm.Overloads, ps...)
		}
		m.Methods = append(m.Methods, sm)
	}
	var b bytes.Buffer
	if err := pyStubsTmpl.Execute(&b, m); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
