package gen

import (
	"fmt"
	"strings"

	. "github.com/dave/jennifer/jen"
	"github.com/dgramkit/dgramkit/spec"
)

// cDgramPkg is the import path of the Go core.
const cDgramPkg = "github.com/dgramkit/dgramkit/dgram"

// cgoType is the Go type cgo gives a C parameter of the C model.
func cgoType(p cParam) *Statement {
	if p.Name == "user_data" {
		// Opaque to the library: often a small integer cast to a pointer,
		// which the Go runtime must never find in a pointer-typed word
		// (an invalid pointer on a stack it grows is fatal). The C side
		// passes it as uintptr_t, and the trampolines cast it back.
		return Qual("C", "uintptr_t")
	}
	t := strings.TrimSpace(p.Type)
	t = strings.TrimPrefix(t, "const ")
	switch {
	case t == "void *":
		return Qual("unsafe", "Pointer")
	case strings.HasSuffix(t, "*"):
		t = strings.TrimSpace(strings.TrimSuffix(t, "*"))
		if st, ok := strings.CutPrefix(t, "struct "); ok {
			t = "struct_" + st
		}
		return Op("*").Qual("C", t)
	case t == "size_t", t == "int64_t", t == "int", t == "bool":
		return Qual("C", t)
	}
	return Qual("C", t)
}

// cgoParams are a C function's parameters as its Go export's.
func cgoParams(f cFunc) []Code {
	var out []Code
	for _, p := range f.Params {
		out = append(out, Id(goParamName(p.Name)).Add(cgoType(p)))
	}
	return out
}

// goParamName is a C parameter's Go name: user_data is userData.
func goParamName(n string) string {
	parts := strings.Split(n, "_")
	for i := 1; i < len(parts); i++ {
		parts[i] = exported(parts[i])
	}
	return param(strings.Join(parts, ""))
}

// cResult is the Go type of a C function's result.
func cResult(f cFunc) *Statement {
	if f.Ret == "dgram_socket" {
		return Qual("C", "dgram_socket")
	}
	return Qual("C", "int")
}

// CExports writes cshared/exports_gen.go: the Go side of libdgram's
// exports, one //export dgramgo_* per form and per event (the C function
// dgram_* of exports_gen.c calls it), the adapters that deliver each event
// and callback to a C function pointer, the struct conversions, and the C
// number, kind and template of every error code.
func CExports(s *spec.Spec) ([]byte, error) {
	m, err := buildC(s)
	if err != nil {
		return nil, err
	}
	f := NewFile("main")
	f.HeaderComment(header)
	var pre []string
	pre = append(pre, "#cgo CFLAGS: -I${SRCDIR}/../bindings/c", "#include \"dgram.h\"", "#include \"shim.h\"", "")
	for _, cb := range m.Callbacks {
		pre = append(pre, fmt.Sprintf("void %s(%s fn, %s);", cb.Trampoline, cb.Name, trampParams(cb)))
	}
	f.CgoPreamble(strings.Join(pre, "\n"))
	f.ImportName(cDgramPkg, "dgram")

	// Errors.
	var errs []Code
	for _, e := range m.Errors {
		se, _ := s.Error(e.Code)
		errs = append(errs, Qual(cDgramPkg, se.Go).Op(":").Values(Lit(e.Value), Lit(e.Kind), Lit(e.Msg)))
	}
	f.Comment("// cErrors holds each code's C number (-number), kind and message template.")
	f.Var().Id("cErrors").Op("=").Map(Qual(cDgramPkg, "Code")).Id("cError").Add(lines(errs...))
	f.Line()

	// Structs.
	for _, st := range m.Structs {
		if st.Input {
			var fields []Code
			for _, fl := range st.Fields {
				if fl.GoName == "" {
					continue
				}
				v := cTypes[fl.Type].toGo(fl.Arg, Id("in").Dot(fl.CGo))
				fields = append(fields, Id(fl.GoName).Op(":").Add(v))
			}
			f.Comment(fmt.Sprintf("// go%s converts a %s.", st.GoName, st.Name))
			f.Func().Id("go"+st.GoName).Params(Id("in").Op("*").Qual("C", "struct_"+st.Name)).Qual(cDgramPkg, st.GoName).Block(
				Return(Qual(cDgramPkg, st.GoName).Add(lines(fields...))))
			f.Line()
			continue
		}
		var body []Code
		for _, fl := range st.Fields {
			body = append(body, cTypes[fl.Type].toC(Id("out").Dot(fl.CGo), Id("v").Dot(fl.GoName)))
		}
		f.Comment(fmt.Sprintf("// c%s copies v into out.", st.GoName))
		f.Func().Id("c"+st.GoName).Params(Id("out").Op("*").Qual("C", "struct_"+st.Name), Id("v").Qual(cDgramPkg, st.GoName)).Block(body...)
		f.Line()
	}

	// Event and callback adapters.
	for _, cb := range m.Callbacks {
		method := unexported(cb.GoType)
		var goParams, prep []Code
		args := []Code{Id("fn"), Id("e").Dot("h")}
		for _, a := range cb.Args {
			n := param(a.Name)
			goParams = append(goParams, Id(n).Add(goTypeIn(a, true, cDgramPkg)))
			m := cTypes[a.Type]
			if m.adapter == nil {
				return nil, fmt.Errorf("%s: the C binding cannot pass an event argument %s of type %s", s.File, a.Name, a.Type)
			}
			p, as := m.adapter(a, Id(n))
			prep, args = append(prep, p...), append(args, as...)
		}
		args = append(args, Id("userData"))
		what := "the " + cb.SpecName + " callback"
		if cb.Event != "" {
			what = "the '" + cb.Event + "' event"
		}
		deliver := "deliver"
		if cb.Bounded {
			deliver, what = "deliverBounded", what+" (bounded, and dropped after dgram_close)"
		}
		f.Comment(comment(fmt.Sprintf("%s delivers %s to fn, in the socket's delivery mode; nil when fn is NULL.", method, what)))
		f.Func().Params(Id("e").Op("*").Id("entry")).Id(method).Params(Id("fn").Qual("C", cb.Name), Id("userData").Qual("C", "uintptr_t")).Qual(cDgramPkg, cb.GoType).Block(
			If(Id("fn").Op("==").Nil()).Block(Return(Nil())),
			// Two literals: in thread delivery the callback runs at once,
			// and its closure stays on the stack.
			Return(Func().Params(goParams...).Block(
				If(Op("!").Id("e").Dot("poll")).Block(
					Id("runCallback").Call(Func().Params().Block(append(prep, Qual("C", cb.Trampoline).Call(args...))...)),
					Return(),
				),
				Id("e").Dot(deliver).Call(Func().Params().Block(append(prep, Qual("C", cb.Trampoline).Call(args...))...)))))
		f.Line()
	}

	// The exports.
	for _, fn := range m.Funcs {
		body, err := cExportBody(s, m, fn)
		if err != nil {
			return nil, err
		}
		f.Comment("//export " + fn.GoName)
		f.Func().Id(fn.GoName).Params(cgoParams(fn)...).Params(Id("rc").Add(cResult(fn))).Block(body...)
		f.Line()
	}
	return render(f)
}

// cExportBody is the body of a Go export: the panic guard, the handle,
// the NULL checks, the C library's own checks, then the Go API call.
func cExportBody(s *spec.Spec, m *cModel, fn cFunc) ([]Code, error) {
	name := Lit(fn.Name)
	ret := func(c Code) *Statement {
		if fn.Ret == "dgram_socket" {
			return Return(Qual("C", "dgram_socket").Call(c))
		}
		return Return(c)
	}
	body := []Code{Defer().Id("guard").Call(Op("&").Id("rc"), name), Id("enter").Call(name)}
	if fn.Event != "" {
		return append(body,
			List(Id("e"), Id("code")).Op(":=").Id("lookup").Call(Id("socket"), name),
			If(Id("code").Op("!=").Lit(0)).Block(Return(Id("code"))),
			If(Id("listener").Op("==").Nil()).Block(Return(Id("nullPointer").Call(name, Lit("listener")))),
			Id("e").Dot("sock").Dot("On"+exported(fn.Event)).Call(Id("e").Dot(unexported(exported(fn.Event)+"Listener")).Call(Id("listener"), Id("userData"))),
			Return(Lit(0))), nil
	}
	c, f := *fn.Call, *fn.Form
	if !c.Module {
		body = append(body, List(Id("e"), Id("code")).Op(":=").Id("lookup").Call(Id("socket"), name),
			If(Id("code").Op("!=").Lit(0)).Block(ret(Id("code"))))
	}
	var args []Code
	var deliveryArg Code = Lit(0)
	deliveryName := ""
	x := cExport{name: name, ret: ret}
	for _, a := range f.Args {
		checks, v := cExportArg(a, x)
		body, args = append(body, checks...), append(args, v)
		if st := cStructOf(m, a.Object); a.Type == spec.TypeObject && st != nil {
			for _, fl := range st.Fields {
				if fl.Name == "delivery" { // the C library's own field
					deliveryArg = Id(goParamName(cArgName(a))).Dot("delivery")
					deliveryName = a.Name + ".delivery"
				}
			}
		}
	}
	r := fn.Result
	switch {
	case c.Module && r.Kind == resultSocket:
		if deliveryName == "" {
			deliveryName = "delivery"
		}
		body = append(body,
			List(Id("e"), Id("code")).Op(":=").Id("newEntry").Call(name, Lit(deliveryName), Qual("C", "int").Call(deliveryArg)),
			If(Id("code").Op("!=").Lit(0)).Block(ret(Id("code"))),
			List(Id("sock"), Err()).Op(":=").Qual(cDgramPkg, f.Go).Call(args...),
			If(Err().Op("!=").Nil()).Block(ret(Id("fail").Call(Err()))),
			ret(Id("e").Dot("register").Call(Id("sock"))))
	case c.Module:
		return nil, fmt.Errorf("%s:%d: %s: the C binding has module calls that return a socket only", s.File, f.Line, f.Signature)
	case r.Kind != resultNone:
		store := Id("c"+c.Returns).Call(Id("out"), Id("v"))
		if r.Kind == resultScalar {
			store = cTypes[r.Type.Type].store(Id("out"), Id("v"))
		}
		body = append(body,
			If(Id("out").Op("==").Nil()).Block(Return(Id("nullPointer").Call(name, Lit("out")))),
			List(Id("v"), Err()).Op(":=").Id("e").Dot("sock").Dot(f.Go).Call(args...),
			If(Err().Op("!=").Nil()).Block(Return(Id("fail").Call(Err()))),
			store,
			Return(Lit(0)))
	default:
		body = append(body, Return(Id("result").Call(Id("e").Dot("sock").Dot(f.Go).Call(args...))))
	}
	return body, nil
}

// cStructOf is the C struct of object name.
func cStructOf(m *cModel, name string) *cStruct {
	for i := range m.Structs {
		if m.Structs[i].GoName == name {
			return &m.Structs[i]
		}
	}
	return nil
}
