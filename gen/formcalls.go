package gen

import (
	"fmt"
	"strings"

	. "github.com/dave/jennifer/jen"
	"github.com/dgramkit/dgramkit/spec"
)

// The test runners' form dispatch: the bad-input table
// (testdata/badinput_gen.json) names each case's form and gives its
// arguments by name; these generated files call that form with them, so
// that no runner holds a switch over calls or arguments. GoForms writes
// the Go API's (dgram/forms_gen_test.go), CForms the C API's, through the
// test-only harness package (cshared/internal/hx/forms_gen.go).

// goAccessors name the method of the Go runner's formArgs that gives an
// argument of each spec type; a function argument's is its Go type's name,
// unexported (sendCallback, messageListener).
var goAccessors = map[string]string{
	spec.TypeInteger:  "integer",
	spec.TypeString:   "str",
	spec.TypeBoolean:  "boolean",
	spec.TypeMessage:  "message",
	spec.TypePlatform: "platform",
}

// goAccessor is the formArgs method of argument a, and its Go result type.
func goAccessor(a spec.Arg) (string, *Statement, error) {
	if a.Type == spec.TypeFunction {
		t := goType(a, false)
		return unexported(strings.TrimPrefix(fmt.Sprintf("%#v", t), "dgram.")), t, nil
	}
	m, ok := goAccessors[a.Type]
	if !ok {
		return "", nil, fmt.Errorf("%s:%d: argument %s: the Go test dispatch has no accessor for type %s", "", a.Line, a.Name, a.Type)
	}
	return m, goType(a, false), nil
}

// GoForms writes dgram/forms_gen_test.go: the formArgs interface a Go
// runner implements, callForm, which calls a form by its Go name with the
// arguments formArgs gives, and callForms, each Call's forms.
func GoForms(s *spec.Spec) ([]byte, error) {
	f := newFile(s)
	methods := map[string]*Statement{}
	var names []string
	value := func(a spec.Arg, name string) (*Statement, error) {
		m, t, err := goAccessor(a)
		if err != nil {
			return nil, err
		}
		if _, ok := methods[m]; !ok {
			names = append(names, m)
			methods[m] = t
		}
		return Id("a").Dot(m).Call(Lit(name)), nil
	}
	m, err := newModel(s)
	if err != nil {
		return nil, err
	}
	var cases []Code
	for _, c := range m.Calls {
		for _, fm := range c.MForms {
			var args []Code
			for _, a := range fm.Args {
				if a.Type != spec.TypeObject {
					v, err := value(a, a.Name)
					if err != nil {
						return nil, err
					}
					args = append(args, v)
					continue
				}
				o, _ := s.Object(a.Object)
				var fields []Code
				for _, fl := range o.Fields {
					v, err := value(fl, a.Name+"."+fl.Name)
					if err != nil {
						return nil, err
					}
					fields = append(fields, Id(exported(fl.Name)).Op(":").Add(v))
				}
				args = append(args, Id(a.Object).Add(lines(fields...)))
			}
			var call *Statement
			if c.Module {
				call = Id(fm.Go).Call(args...)
			} else {
				call = Id("s").Dot(fm.Go).Call(args...)
			}
			var body []Code
			switch r := c.Result; {
			case r.Kind == resultSocket:
				body = []Code{Return(call)}
			case r.Kind == resultNone:
				body = []Code{Return(Nil(), call)}
			default:
				body = []Code{List(Id("_"), Err()).Op(":=").Add(call), Return(Nil(), Err())}
			}
			cases = append(cases, Case(Lit(fm.Go)).Block(body...))
		}
	}
	var iface []Code
	for _, m := range names {
		iface = append(iface, Id(m).Params(Id("name").String()).Add(methods[m]))
	}
	f.Comment(comment("formArgs gives the arguments of a form call by name: an argument, or a field \"options.port\" of an object argument. A runner implements it from a case of the bad-input table."))
	f.Type().Id("formArgs").Interface(iface...)
	f.Line()
	f.Comment(comment("callForm calls the form whose Go name is form, on s (unused by module calls), with the arguments a gives. It returns the socket a module call creates and the call's error; a result is dropped."))
	f.Func().Id("callForm").Params(Id("form").String(), Id("s").Op("*").Id("Socket"), Id("a").Id("formArgs")).Params(Op("*").Id("Socket"), Error()).Block(
		Switch(Id("form")).Block(cases...),
		Panic(Lit("callForm: no form ").Op("+").Id("form")))
	f.Line()
	var forms []Code
	for _, c := range m.Calls {
		var fs []Code
		for _, fm := range c.MForms {
			fs = append(fs, Lit(fm.Go))
		}
		forms = append(forms, Id(callID(c.Call)).Op(":").Values(fs...))
	}
	f.Comment("// callForms are the Go names of each call's forms, in spec order.")
	f.Var().Id("callForms").Op("=").Map(Id("Call")).Index().String().Add(lines(forms...))
	return render(f)
}

// hxPkg is the import path of the C test harness.
const hxPkg = "github.com/dgramkit/dgramkit/cshared/internal/hx"

// CForms writes cshared/internal/hx/forms_gen.go: CallForm, which calls
// the C function of a form by its Go name with the arguments an Args
// gives (the harness's counting callbacks for function arguments), and
// CallOn, which adds the harness's counting listener of an event.
func CForms(s *spec.Spec) ([]byte, error) {
	m, err := buildC(s)
	if err != nil {
		return nil, err
	}
	f := NewFilePathName(hxPkg, "hx")
	f.HeaderComment(header)
	pre := []string{"#include <stdlib.h>", "#include \"dgram.h\"", "", "void *hx_ud(int slot);"}
	for _, cb := range m.Callbacks {
		pre = append(pre, fmt.Sprintf("void hx_on_%s(%s);", snake(cb.SpecName), cbParams(cb)))
	}
	f.CgoPreamble(strings.Join(pre, "\n"))
	vname := func(name string) string { return goParamName(snake(strings.ReplaceAll(name, ".", "_"))) + "V" }
	// value is the C value of argument a, named name in the case, after
	// the statements that prepare it.
	value := func(fn cFunc, a spec.Arg, name string) ([]Code, []Code, error) {
		if h := cTypes[a.Type].harness; h != nil {
			prep, args := h(a, name, vname(name))
			return prep, args, nil
		}
		return nil, nil, fmt.Errorf("%s: %s: the C test dispatch has no value of type %s", fn.Name, a.Name, a.Type)
	}
	var cases []Code
	for _, fn := range m.Funcs {
		if fn.Form == nil {
			continue
		}
		c, fm := *fn.Call, *fn.Form
		var prep, args []Code
		if !c.Module {
			args = append(args, Qual("C", "dgram_socket").Call(Id("h")))
		}
		callbacks := false
		for _, a := range fm.Args {
			if a.Type != spec.TypeObject {
				p, v, err := value(fn, a, a.Name)
				if err != nil {
					return nil, err
				}
				prep, args = append(prep, p...), append(args, v...)
				callbacks = callbacks || a.Type == spec.TypeFunction
				continue
			}
			st := cStructOf(m, a.Object)
			if st == nil {
				return nil, fmt.Errorf("%s: no C struct for %s", fn.Name, a.Object)
			}
			obj := vname(a.Name)
			prep = append(prep, Var().Id(obj).Qual("C", "struct_"+st.Name))
			for _, fl := range st.Fields {
				if fl.GoName == "" {
					continue // the C library's own field: its zero value
				}
				p, v, err := value(fn, fl.Arg, a.Name+"."+fl.Arg.Name)
				if err != nil {
					return nil, err
				}
				prep = append(append(prep, p...), Id(obj).Dot(fl.CGo).Op("=").Add(v[0]))
			}
			ptr := strings.TrimSuffix(vname(a.Name), "V") + "P"
			prep = append(prep, Id(ptr).Op(":=").Op("&").Id(obj),
				If(Id("a").Dot("Null").Call(Lit(a.Name))).Block(Id(ptr).Op("=").Nil()))
			args = append(args, Id(ptr))
		}
		if callbacks {
			args = append(args, Qual("C", "hx_ud").Call(Qual("C", "int").Call(Id("slot"))))
		}
		if len(fn.Params) > 0 && fn.Params[len(fn.Params)-1].Name == "out" {
			t := strings.TrimSpace(strings.TrimSuffix(fn.Params[len(fn.Params)-1].Type, "*"))
			var decl *Statement
			switch {
			case strings.HasPrefix(t, "struct "):
				decl = Qual("C", "struct_"+strings.TrimPrefix(t, "struct "))
			case t == "char":
				decl = Index(Qual("C", "DGRAM_STRING_LEN")).Qual("C", "char")
			default:
				decl = Qual("C", t)
			}
			prep = append(prep, Var().Id("out").Add(decl))
			ptr := Op("&").Id("out")
			if t == "char" {
				ptr = Op("&").Id("out").Index(Lit(0))
			}
			prep = append(prep, Id("outP").Op(":=").Add(ptr),
				If(Id("a").Dot("Null").Call(Lit("out"))).Block(Id("outP").Op("=").Nil()))
			args = append(args, Id("outP"))
		}
		cases = append(cases, Case(Lit(fm.Go)).Block(append(prep, Return(Int32().Call(Qual("C", fn.Name).Call(args...))))...))
	}
	f.Comment(comment("CallForm calls the C function of the form whose Go name is form, on handle h (unused by module calls), with the arguments a gives, the harness's callbacks counting into slot. It returns the function's result: a code, or a module call's handle."))
	f.Func().Id("CallForm").Params(Id("form").String(), Id("h").Int32(), Id("a").Id("Args"), Id("slot").Int()).Int32().Block(
		Switch(Id("form")).Block(cases...),
		Panic(Lit("CallForm: no form ").Op("+").Id("form")))
	f.Line()
	var evCases []Code
	var events []Code
	for _, fn := range m.Funcs {
		if fn.Event == "" {
			continue
		}
		typ := "dgram_" + snake(fn.Event) + "_cb"
		events = append(events, Lit(fn.Event))
		evCases = append(evCases, Case(Lit(fn.Event)).Block(
			Var().Id("fn").Qual("C", typ),
			If(Op("!").Id("null")).Block(Id("fn").Op("=").Qual("C", typ).Call(Qual("C", "hx_on_"+snake(fn.Event)))),
			Return(Int32().Call(Qual("C", fn.Name).Call(Qual("C", "dgram_socket").Call(Id("h")), Id("fn"), Qual("C", "hx_ud").Call(Qual("C", "int").Call(Id("slot"))))))))
	}
	f.Comment("// Events are the events a listener can be added to, in spec order.")
	f.Var().Id("Events").Op("=").Index().String().Values(events...)
	f.Line()
	f.Comment(comment("CallOn adds the harness's counting listener of event to handle h (a NULL listener when null), counting into slot, and returns the code."))
	f.Func().Id("CallOn").Params(Id("event").String(), Id("h").Int32(), Id("null").Bool(), Id("slot").Int()).Int32().Block(
		Switch(Id("event")).Block(evCases...),
		Panic(Lit("CallOn: no event ").Op("+").Id("event")))
	return render(f)
}
