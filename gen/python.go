package gen

import (
	"bytes"
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"text/template"

	"github.com/dgramkit/dgramkit/spec"
)

// The Python binding (bindings/python/dgramkit) is a hand-written layer
// over bindings/python/dgramkit/_ffi_gen.py, which PythonFFI writes from
// the C model (cmodel.go, the one that writes dgram.h): a ctypes
// declaration of every enum, struct, callback type and function of the
// header, with its docs as docstrings, the version and spec hash the
// package compares with the library's at import, the error table, each
// form's arguments as data (FORMS, what the hand-written layer checks
// and converts Python values by; connected marks a connected socket's
// forms, which the layer picks send's by), and the socket methods of the
// calls whose arguments are all scalars (but pyOwnMethods). How a C type
// is declared in ctypes is pyCTypes, the one place; a C type it lacks is
// a generator error.

//go:embed templates/ffi_gen.py.tmpl
var pyFFITemplate string

var pyFFITmpl = template.Must(template.New("_ffi_gen.py").Funcs(template.FuncMap{
	"pydoc": pyDoc,
	"pystr": pyStr,
}).Parse(pyFFITemplate))

// pyModel is the Python binding of a spec.
type pyModel struct {
	Header    string
	Version   string
	SpecHash  string
	Doc       string
	StringLen int
	Errors    []pyError
	Enums     []pyEnum
	Structs   []pyStruct
	Callbacks []pyCallback
	Funcs     []pyFunc
	Forms     []pyForm
	Methods   []pyMethod
	Families  []spec.Family
	Events    []string
}

// pyError is a row of the error table.
type pyError struct {
	Code, Kind, Message, Doc string
	Number                   int
	System                   bool
}

// pyEnum is an IntEnum of the header's enums.
type pyEnum struct {
	Name, Doc string
	Members   []pyConst
}

// pyConst is an enum member.
type pyConst struct {
	Name, Doc string
	Value     int
}

// pyStruct is a ctypes.Structure.
type pyStruct struct {
	Name, CName, Doc string
	Fields           []pyField
}

// pyField is a field of a ctypes.Structure.
type pyField struct {
	Name, CType, Doc string
}

// pyCallback is a CFUNCTYPE.
type pyCallback struct {
	Name, CName, Doc string
	Args             []string
}

// pyFunc is a function of the library with its ctypes signature.
type pyFunc struct {
	Name, Restype, Doc string
	Argtypes           []string
}

// pyForm is a form's arguments as data.
type pyForm struct {
	C, Call, Method, Signature, Result, Object string
	Module, Connected                          bool
	Args                                       []pyArg
}

// pyArg is an argument of a form, or a field of its object argument.
type pyArg struct {
	Name, Py, Type, Error, Enum, Default, Listener, Callback, Bounds, Object string
	Min, Max                                                                 string // Python literals; "None" when unset
	Optional, Required, Port, OwnError                                       bool
	Fields                                                                   []pyArg
}

// pyMethod is a generated socket method: a call with one form whose
// arguments are scalars.
type pyMethod struct {
	Name, Form, Doc string
	Params          []string
}

// pyOwnMethods are the calls whose arguments are scalars that the
// hand-written layer defines all the same: ref and unref return the socket
// in Python, as in JavaScript, and do nothing, on a closed socket too
// (Python has no event loop that a socket holds).
var pyOwnMethods = map[string]bool{"ref": true, "unref": true}

// pyCTypes declares C types in ctypes; a struct or callback type is
// declared by its own rules (pyCType).
var pyCTypes = map[string]string{
	"void":            "None",
	"dgram_socket":    "ctypes.c_int32",
	"int":             "ctypes.c_int",
	"int64_t":         "ctypes.c_int64",
	"bool":            "ctypes.c_bool",
	"size_t":          "ctypes.c_size_t",
	"const char *":    "ctypes.c_char_p",
	"char *":          "ctypes.c_void_p", // a result the caller frees, or a buffer
	"const void *":    "ctypes.c_void_p",
	"void *":          "ctypes.c_void_p",
	"const uint8_t *": "ctypes.c_void_p",
	"int64_t *":       "ctypes.POINTER(ctypes.c_int64)",
	"bool *":          "ctypes.POINTER(ctypes.c_bool)",
	"dgram_platform":  "ctypes.c_int",
	"dgram_call":      "ctypes.c_int",
	"dgram_delivery":  "ctypes.c_int",
}

// pyClass is the Python class of a C name: dgram_socket_options is
// SocketOptions, dgram_message_cb MessageCb.
func pyClass(cname string) string {
	var b strings.Builder
	for _, p := range strings.Split(strings.TrimPrefix(cname, "dgram_"), "_") {
		b.WriteString(exported(p))
	}
	return b.String()
}

// pyCType is the ctypes declaration of C type t.
func pyCType(t string) (string, error) {
	t = strings.TrimSpace(t)
	if p, ok := pyCTypes[t]; ok {
		return p, nil
	}
	if s, ok := strings.CutPrefix(strings.TrimPrefix(t, "const "), "struct "); ok && strings.HasSuffix(s, "*") {
		return "ctypes.POINTER(" + pyClass(strings.TrimSpace(strings.TrimSuffix(s, "*"))) + ")", nil
	}
	if strings.HasPrefix(t, "dgram_") && strings.HasSuffix(t, "_cb") {
		return pyClass(t), nil
	}
	return "", fmt.Errorf("the Python binding has no ctypes type for C type %q", t)
}

// pyFieldType is the ctypes type and the name of a struct field's C
// declaration ("char address[DGRAM_STRING_LEN]").
func pyFieldType(decl string) (string, string, error) {
	i := strings.LastIndexAny(decl, " *")
	typ, name := decl[:i+1], decl[i+1:]
	if n, size, ok := strings.Cut(name, "["); ok {
		size = strings.TrimSuffix(size, "]")
		t, err := pyCType(typ)
		if strings.TrimSpace(typ) == "char" {
			t, err = "ctypes.c_char", nil
		}
		return t + " * " + strings.TrimPrefix(size, "DGRAM_"), n, err
	}
	t, err := pyCType(typ)
	return t, name, err
}

// pyLit is a Python literal of an optional integer.
func pyLit(v *int64) string {
	if v == nil {
		return "None"
	}
	return strconv.FormatInt(*v, 10)
}

// pyArgOf is the Python description of a spec argument.
func pyArgOf(s *spec.Spec, a spec.Arg, prefix string) pyArg {
	p := pyArg{Name: prefix + a.Name, Py: snake(a.Name), Type: a.Type, Error: a.Error, Enum: a.Enum, Default: a.Default,
		Listener: a.Listener, Callback: a.Callback, Bounds: a.Bounds, Object: a.Object,
		Min: pyLit(a.Min), Max: pyLit(a.Max), Optional: a.Optional, Required: a.Required}
	if a.JS != nil {
		p.Port = a.JS.Port
		p.OwnError = a.JS.OwnError
		if a.JS.Name != "" {
			p.Name = a.JS.Name
		}
	}
	if a.Type == spec.TypeObject {
		o, _ := s.Object(a.Object)
		for _, f := range o.Fields {
			if !f.GoOnly() {
				p.Fields = append(p.Fields, pyArgOf(s, f, a.Name+"."))
			}
		}
	}
	return p
}

// buildPy builds the Python model of s.
func buildPy(s *spec.Spec) (*pyModel, error) {
	cm, err := buildC(s)
	if err != nil {
		return nil, err
	}
	m := &pyModel{Header: header, Version: cm.Version, SpecHash: cm.SpecHash, Doc: s.Doc, StringLen: cm.StringLen, Families: s.Families}
	for _, e := range s.Errors {
		m.Errors = append(m.Errors, pyError{Code: e.Code, Kind: e.Kind, Message: e.Message, Doc: cSentence(e.Doc), Number: e.Number, System: e.System})
	}
	for _, e := range s.Events {
		m.Events = append(m.Events, e.Name)
	}
	codes := pyEnum{Name: "ErrorCode", Doc: "The error codes: OK, or -number of a spec error.", Members: []pyConst{{"OK", "Success.", 0}}}
	for _, e := range cm.Errors {
		codes.Members = append(codes.Members, pyConst{strings.TrimPrefix(e.Name, "DGRAM_"), e.Doc, e.Value})
	}
	enum := func(name, doc, prefix string, cs []cConst) pyEnum {
		e := pyEnum{Name: name, Doc: doc}
		for _, c := range cs {
			e.Members = append(e.Members, pyConst{strings.TrimPrefix(c.Name, prefix), c.Doc, c.Value})
		}
		return e
	}
	m.Enums = []pyEnum{codes,
		enum("Platform", "The platform profiles of the support matrix.", "DGRAM_PLATFORM_", cm.Platforms),
		enum("Call", "The calls of the API, as the support matrix knows them.", "DGRAM_CALL_", cm.Calls),
		enum("Support", "A support level, as dgram_supports returns it.", "DGRAM_", cm.Supports),
		enum("Delivery", "Where a socket's callbacks run.", "DGRAM_DELIVERY_", cm.Delivery)}

	structs := append([]cStruct{cm.ErrorInfo}, cm.Structs...)
	for _, st := range structs {
		ps := pyStruct{Name: pyClass(st.Name), CName: "struct " + st.Name, Doc: st.Doc}
		for _, f := range st.Fields {
			t, n, err := pyFieldType(f.Decl)
			if err != nil {
				return nil, fmt.Errorf("struct %s, field %s: %w", st.Name, f.Name, err)
			}
			ps.Fields = append(ps.Fields, pyField{Name: n, CType: t, Doc: f.Doc})
		}
		m.Structs = append(m.Structs, ps)
	}
	for _, cb := range cm.Callbacks {
		pc := pyCallback{Name: pyClass(cb.Name), CName: cb.Name, Doc: cb.Doc, Args: []string{"ctypes.c_int32"}}
		for _, p := range cb.Params {
			t, err := pyCType(p.Type)
			if err != nil {
				return nil, fmt.Errorf("callback %s, parameter %s: %w", cb.Name, p.Name, err)
			}
			pc.Args = append(pc.Args, t)
		}
		pc.Args = append(pc.Args, "ctypes.c_void_p")
		m.Callbacks = append(m.Callbacks, pc)
	}
	for _, f := range append(append([]cFunc(nil), cm.Funcs...), cm.Library...) {
		pf := pyFunc{Name: f.Name, Doc: strings.Join(f.Doc, "\n\n")}
		if pf.Restype, err = pyCType(f.Ret); err != nil {
			return nil, fmt.Errorf("function %s: %w", f.Name, err)
		}
		for _, p := range f.Params {
			t, err := pyCType(p.Type)
			if err != nil {
				return nil, fmt.Errorf("function %s, parameter %s: %w", f.Name, p.Name, err)
			}
			pf.Argtypes = append(pf.Argtypes, t)
		}
		m.Funcs = append(m.Funcs, pf)
	}

	model, err := newModel(s)
	if err != nil {
		return nil, err
	}
	docs := map[string][]string{}
	for _, f := range cm.Funcs {
		docs[f.Name] = f.Doc
	}
	for _, mc := range model.Calls {
		for _, mf := range mc.MForms {
			pf := pyForm{C: mf.C, Call: mc.Name, Method: snake(mc.Name), Signature: mf.Signature, Result: mc.Result.Kind,
				Object: mc.Result.Object, Module: mc.Module, Connected: mf.Connected}
			if mc.Result.Kind == resultScalar {
				pf.Object = mc.Result.Type.Type
			}
			scalar := !mc.Module && len(mc.MForms) == 1 && !pyOwnMethods[mc.Name]
			for _, a := range mf.Args {
				pf.Args = append(pf.Args, pyArgOf(s, a, ""))
				switch a.Type {
				case spec.TypeInteger, spec.TypeString, spec.TypeBoolean, spec.TypeIP:
				default:
					scalar = false
				}
			}
			m.Forms = append(m.Forms, pf)
			if !scalar {
				continue
			}
			pm := pyMethod{Name: pf.Method, Form: pf.C, Doc: docs[mf.C][0] + "\n\nForm: " + mf.Signature + "."}
			for _, a := range pf.Args {
				pm.Params = append(pm.Params, a.Py)
			}
			m.Methods = append(m.Methods, pm)
		}
	}
	return m, nil
}

// pyStr is a Python string literal: Go's quoting, whose escapes (\n,
// \xhh, \uhhhh) Python reads the same way.
func pyStr(s string) string { return strconv.Quote(s) }

// pyDoc is a docstring indented by indent: paragraphs wrapped at 79
// columns, one line when it fits.
func pyDoc(indent, text string) string {
	text = strings.ReplaceAll(strings.ReplaceAll(text, `\`, `\\`), `"""`, `\"\"\"`)
	if one := indent + `"""` + text + `"""`; len(one) <= 79 && !strings.Contains(text, "\n") {
		return one
	}
	var b strings.Builder
	for i, p := range strings.Split(text, "\n\n") {
		if i > 0 {
			b.WriteString("\n\n")
		}
		for j, l := range wrap(p, 76-len(indent)) {
			if j > 0 {
				b.WriteString("\n")
			}
			if i > 0 || j > 0 {
				b.WriteString(indent)
			}
			b.WriteString(l)
		}
	}
	return indent + `"""` + b.String() + "\n" + indent + `"""`
}

// PythonFFI writes bindings/python/dgramkit/_ffi_gen.py: the ctypes
// declarations of libdgram (every enum, struct, callback type and
// function of dgram.h, with its docs), the version and spec hash, the
// error table, each form's arguments and the scalar socket methods.
func PythonFFI(s *spec.Spec) ([]byte, error) {
	m, err := buildPy(s)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := pyFFITmpl.Execute(&b, m); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
