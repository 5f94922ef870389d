package gen

import (
	"fmt"
	"math"
	"strings"

	. "github.com/dave/jennifer/jen"
	"github.com/dgramkit/dgramkit/spec"
)

// The C mapping of spec types: the one place that says, for each spec
// type, its C parameters as an argument, its struct field, its parameters
// as an event or callback argument and its result type, what C's docs say
// of it, how the Go side of the exports (cshared/exports_gen.go) converts
// between the C and the Go value, and what the test harness
// (cshared/internal/hx/forms_gen.go) passes for it. The C model
// (cmodel.go), the exports (cexports.go) and the harness dispatch
// (formcalls.go) read it; a spec type without an entry, or a use its entry
// leaves nil, is a generator error naming the type.

// cMapping is the C side of one spec type.
type cMapping struct {
	// param is the C type of a form argument; params, when set, are all
	// its C parameters instead (a message is a pointer and a length).
	param  func(a spec.Arg) string
	params func(a spec.Arg, n, doc string) []cParam
	// pointer: the argument is a pointer that NULL makes ERR_NULL_POINTER.
	pointer bool
	// doc is what C must know of an input argument beyond its doc.
	doc func(s *spec.Spec, a spec.Arg) string
	// field is the declaration of a struct field named n; input structs
	// are arguments, the others results.
	field func(a spec.Arg, n string, input bool) string
	// event is the C type of an event or callback argument; eventParams,
	// when set, are all its C parameters instead.
	event       string
	eventParams func(a spec.Arg, n string) []cParam
	// toGo is the Go value of a C argument or input field v.
	toGo func(a spec.Arg, v *Statement) *Statement
	// export is the Go API's value of the export's parameters of argument
	// a (C name n), after statements that check them; nil: toGo.
	export func(a spec.Arg, n string, x cExport) ([]Code, *Statement)
	// toC stores the Go value v into the C result field out.
	toC func(out, v *Statement) *Statement
	// adapter is the C arguments a callback gets for Go value v, after
	// statements that prepare them.
	adapter func(a spec.Arg, v *Statement) ([]Code, []Code)
	// store writes the Go value v of a scalar result through the out
	// pointer out; out is the type it points to, outDoc its doc.
	store  func(out, v *Statement) *Statement
	out    string
	outDoc string
	// harness is the C value the test harness passes for argument a,
	// named name in the case, v its Go variable, after statements that
	// prepare it.
	harness func(a spec.Arg, name, v string) ([]Code, []Code)
}

// cExport is what an export's argument conversion needs of its function.
type cExport struct {
	name *Statement                 // the C function's name, for errors
	ret  func(code Code) *Statement // returns a code from the export
}

// cIsInt64 reports an integer whose range does not fit a C int.
func cIsInt64(a spec.Arg) bool {
	return (a.Max != nil && *a.Max > math.MaxInt32) || (a.Min != nil && *a.Min < math.MinInt32)
}

// cIntType is the C type of an integer argument.
func cIntType(a spec.Arg) string {
	if cIsInt64(a) {
		return "int64_t"
	}
	return "int"
}

// cArgName is the C name of an argument: its c: name, else its snake name.
func cArgName(a spec.Arg) string {
	if a.C != nil && a.C.Name != "" {
		return a.C.Name
	}
	return snake(a.Name)
}

// cArgDoc is an argument's doc with what C must know: what NULL means,
// the range, the error of a bad value.
func cArgDoc(s *spec.Spec, a spec.Arg, input bool) string {
	doc := cSentence(a.Doc)
	if a.C != nil && a.C.Doc != "" {
		doc = cSentence(a.C.Doc)
	}
	if !input {
		return doc
	}
	if m := cTypes[a.Type]; m.doc != nil {
		doc += m.doc(s, a)
	}
	if a.Extension {
		doc += " (A dgramkit extension.)"
	}
	return doc
}

// cScalarHarness is the harness value of a scalar argument: conv of the
// Args accessor's value.
func cScalarHarness(accessor string, conv func(a spec.Arg) *Statement) func(spec.Arg, string, string) ([]Code, []Code) {
	return func(a spec.Arg, name, _ string) ([]Code, []Code) {
		return nil, []Code{conv(a).Call(Id("a").Dot(accessor).Call(Lit(name)))}
	}
}

// cString is the mapping of strings and addresses: const char * in,
// a char array of DGRAM_STRING_LEN out, which set (setString, or setAddr
// for an address, which makes no Go string) fills from the Go value.
func cString(toString func(v *Statement) *Statement, set string) cMapping {
	return cMapping{
		param: func(spec.Arg) string { return "const char *" },
		doc: func(s *spec.Spec, a spec.Arg) string {
			switch {
			case a.Default != "":
				return " NULL or \"\" omits it: " + cDefault(s, a) + "."
			case a.Required:
				return " NULL or \"\" is " + a.Error + "."
			case a.Enum != "":
				return " Anything else, NULL included, is " + a.Error + "."
			case !a.Optional:
				return " NULL is \"\"."
			}
			return " NULL or \"\" omits it."
		},
		field: func(a spec.Arg, n string, input bool) string {
			if input {
				return "const char *" + n
			}
			return "char " + n + "[DGRAM_STRING_LEN]"
		},
		event: "const char *",
		toGo:  func(_ spec.Arg, v *Statement) *Statement { return Id("goString").Call(v) },
		toC: func(out, v *Statement) *Statement {
			if set != "setString" {
				return Id(set).Call(out.Index(Op(":")), v)
			}
			return Id(set).Call(out.Index(Op(":")), toString(v))
		},
		store: func(out, v *Statement) *Statement {
			return Id("setString").Call(Qual("unsafe", "Slice").Call(out, Qual("C", "DGRAM_STRING_LEN")), toString(v))
		},
		out:    "char",
		outDoc: "Receives the result, NUL-terminated, in at least DGRAM_STRING_LEN bytes; NULL is ERR_NULL_POINTER.",
		harness: func(_ spec.Arg, name, v string) ([]Code, []Code) {
			return []Code{Id(v).Op(":=").Id("newCstr").Call(Id("a").Dot("Str").Call(Lit(name))), Defer().Id(v).Dot("free").Call()},
				[]Code{Id(v).Dot("p")}
		},
	}
}

// cCallbackName is the spec name of a function argument's event or
// callback, and its Go type's suffix.
func cCallbackName(a spec.Arg) (string, string) {
	if a.Listener != "" {
		return a.Listener, "Listener"
	}
	return a.Callback, "Callback"
}

var cTypes = map[string]cMapping{
	spec.TypeInteger: {
		param: cIntType,
		doc: func(_ *spec.Spec, a spec.Arg) string {
			doc := ""
			if a.Min != nil && a.Max != nil && a.Error != "" {
				doc += fmt.Sprintf(" %d to %d, else %s.", *a.Min, *a.Max, a.Error)
			}
			if a.Bounds != "" {
				doc += " Within " + a.Bounds + ", else " + a.Error + "."
			}
			if cIsInt64(a) {
				doc += " On a 32-bit host a value beyond the Go int is clamped to it."
			}
			return doc
		},
		field: func(a spec.Arg, n string, input bool) string {
			if input {
				return cIntType(a) + " " + n
			}
			return "int " + n
		},
		event: "int",
		toGo: func(a spec.Arg, v *Statement) *Statement {
			if cIsInt64(a) {
				return Id("goInt64").Call(v)
			}
			return Int().Call(v)
		},
		toC: func(out, v *Statement) *Statement { return out.Op("=").Qual("C", "int").Call(v) },
		adapter: func(_ spec.Arg, v *Statement) ([]Code, []Code) {
			return nil, []Code{Qual("C", "int").Call(v)}
		},
		store:   func(out, v *Statement) *Statement { return Op("*").Add(out).Op("=").Qual("C", "int64_t").Call(v) },
		out:     "int64_t",
		outDoc:  "Receives the result; NULL is ERR_NULL_POINTER.",
		harness: cScalarHarness("Int", func(a spec.Arg) *Statement { return Qual("C", cIntType(a)) }),
	},
	spec.TypeBoolean: {
		param: func(spec.Arg) string { return "bool" },
		field: func(_ spec.Arg, n string, _ bool) string { return "bool " + n },
		event: "bool",
		toGo:  func(_ spec.Arg, v *Statement) *Statement { return Bool().Call(v) },
		toC:   func(out, v *Statement) *Statement { return out.Op("=").Qual("C", "bool").Call(v) },
		adapter: func(_ spec.Arg, v *Statement) ([]Code, []Code) {
			return nil, []Code{Qual("C", "bool").Call(v)}
		},
		store:   func(out, v *Statement) *Statement { return Op("*").Add(out).Op("=").Qual("C", "bool").Call(v) },
		out:     "bool",
		outDoc:  "Receives the result; NULL is ERR_NULL_POINTER.",
		harness: cScalarHarness("Bool", func(spec.Arg) *Statement { return Qual("C", "bool") }),
	},
	spec.TypeString: cString(func(v *Statement) *Statement { return v }, "setString"),
	spec.TypeIP:     cString(func(v *Statement) *Statement { return v.Dot("String").Call() }, "setAddr"),
	spec.TypePlatform: {
		param:   func(spec.Arg) string { return "dgram_platform " },
		doc:     func(*spec.Spec, spec.Arg) string { return " A dgram_platform; 0 is DGRAM_PLATFORM_NATIVE." },
		field:   func(_ spec.Arg, n string, _ bool) string { return "dgram_platform " + n },
		toGo:    func(_ spec.Arg, v *Statement) *Statement { return Qual(cDgramPkg, "Platform").Call(v) },
		harness: cScalarHarness("Int", func(spec.Arg) *Statement { return Qual("C", "dgram_platform") }),
	},
	spec.TypeMessage: {
		params: func(a spec.Arg, n, _ string) []cParam {
			return []cParam{{n, "const void *", cSentence(a.Doc) + " Borrowed for the call only. NULL is an empty message when " + n + "_length is 0, else ERR_NULL_POINTER."},
				{n + "_length", "size_t", "The number of bytes at " + n + "."}}
		},
		pointer: true,
		eventParams: func(_ spec.Arg, n string) []cParam {
			return []cParam{{n, "const uint8_t *", "The bytes, valid during the call only."}, {n + "_length", "size_t", "Their number."}}
		},
		export: func(a spec.Arg, n string, x cExport) ([]Code, *Statement) {
			v := param(a.Name) + "Bytes"
			return []Code{List(Id(v), Id("code")).Op(":=").Id("goBytes").Call(Id(goParamName(n)), Id(goParamName(n+"_length")), x.name, Lit(a.Name)),
				If(Id("code").Op("!=").Lit(0)).Block(x.ret(Id("code")))}, Id(v)
		},
		adapter: func(_ spec.Arg, v *Statement) ([]Code, []Code) {
			return nil, []Code{Id("bytesPtr").Call(v), Qual("C", "size_t").Call(Len(v))}
		},
		harness: func(_ spec.Arg, name, v string) ([]Code, []Code) {
			return []Code{List(Id(v), Id(v+"N")).Op(":=").Id("cMessage").Call(Id("a").Dot("Message").Call(Lit(name))), Defer().Qual("C", "free").Call(Id(v))},
				[]Code{Id(v), Qual("C", "size_t").Call(Id(v + "N"))}
		},
	},
	spec.TypeError: {
		eventParams: func(_ spec.Arg, n string) []cParam {
			return []cParam{{n, "const struct dgram_error_info *", "NULL for no error; valid during the call only."}}
		},
		// The C structs of callback arguments are the entry's (argError,
		// arg<Object> in runtime.go): a socket's callbacks never overlap,
		// and a local whose address goes to C would be allocated per event.
		adapter: func(a spec.Arg, v *Statement) ([]Code, []Code) {
			return nil, []Code{Id("errorInfo").Call(Op("&").Id("e").Dot("argError"), v)}
		},
	},
	spec.TypeObject: {
		params: func(a spec.Arg, n, _ string) []cParam {
			return []cParam{{n, "const struct dgram_" + snake(a.Object) + " *", cSentence(a.Doc) + " Borrowed for the call only; NULL is ERR_NULL_POINTER."}}
		},
		pointer: true,
		eventParams: func(a spec.Arg, n string) []cParam {
			return []cParam{{n, "const struct dgram_" + snake(a.Object) + " *", "Valid during the call only."}}
		},
		export: func(a spec.Arg, n string, x cExport) ([]Code, *Statement) {
			id := Id(goParamName(n))
			return []Code{If(Add(id).Op("==").Nil()).Block(x.ret(Id("nullPointer").Call(x.name, Lit(a.Name))))}, Id("go" + a.Object).Call(id)
		},
		adapter: func(a spec.Arg, v *Statement) ([]Code, []Code) {
			cv := Id("e").Dot("arg" + a.Object)
			return []Code{Id("c"+a.Object).Call(Op("&").Add(cv), v)}, []Code{Op("&").Add(cv)}
		},
	},
	spec.TypeFunction: {
		param: func(a spec.Arg) string {
			cb, _ := cCallbackName(a)
			return "dgram_" + snake(cb) + "_cb "
		},
		doc: func(*spec.Spec, spec.Arg) string { return " NULL omits it." },
		export: func(a spec.Arg, n string, _ cExport) ([]Code, *Statement) {
			cb, suffix := cCallbackName(a)
			return nil, Id("e").Dot(unexported(exported(cb)+suffix)).Call(Id(goParamName(n)), Id("userData"))
		},
		harness: func(a spec.Arg, name, v string) ([]Code, []Code) {
			cb, _ := cCallbackName(a)
			typ := "dgram_" + snake(cb) + "_cb"
			return []Code{Var().Id(v).Qual("C", typ),
				If(Id("a").Dot("Callback").Call(Lit(name))).Block(Id(v).Op("=").Qual("C", typ).Call(Qual("C", "hx_on_"+snake(cb))))}, []Code{Id(v)}
		},
	},
}

// cFormParams are the C parameters of form argument a, or an error when
// C has none for its type.
func cFormParams(s *spec.Spec, a spec.Arg) ([]cParam, error) {
	m, n := cTypes[a.Type], cArgName(a)
	switch {
	case m.params != nil:
		return m.params(a, n, cArgDoc(s, a, true)), nil
	case m.param != nil && m.export != nil || m.param != nil && m.toGo != nil:
		return []cParam{{n, m.param(a), cArgDoc(s, a, true)}}, nil
	}
	return nil, fmt.Errorf("%s:%d: argument %s: the C binding has no argument of type %s", s.File, a.Line, a.Name, a.Type)
}

// cEventParams are the C parameters of an event's or callback's arguments.
func cEventParams(s *spec.Spec, a []spec.Arg) ([]cParam, error) {
	var out []cParam
	for _, x := range a {
		m, n := cTypes[x.Type], cArgName(x)
		switch {
		case m.eventParams != nil:
			out = append(out, m.eventParams(x, n)...)
		case m.event != "":
			doc := ""
			if strings.HasSuffix(m.event, "*") {
				doc = "Valid during the call only."
			}
			out = append(out, cParam{n, m.event, doc})
		default:
			return nil, fmt.Errorf("%s:%d: argument %s: the C binding has no event argument of type %s", s.File, x.Line, x.Name, x.Type)
		}
	}
	return out, nil
}

// cExportArg is the Go API's value of form argument a in an export, after
// the statements that check it.
func cExportArg(a spec.Arg, x cExport) ([]Code, *Statement) {
	m, n := cTypes[a.Type], cArgName(a)
	if m.export != nil {
		return m.export(a, n, x)
	}
	return nil, m.toGo(a, Id(goParamName(n)))
}
