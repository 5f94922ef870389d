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

// goArgValue converts a C parameter of form argument a to its Go value.
func goArgValue(a spec.Arg, name string) *Statement {
	id := Id(goParamName(name))
	switch a.Type {
	case spec.TypeInteger:
		if cIsInt64(a) {
			return Id("goInt64").Call(id)
		}
		return Int().Call(id)
	case spec.TypeString:
		return Id("goString").Call(id)
	case spec.TypeBoolean:
		return Bool().Call(id)
	case spec.TypePlatform:
		return Qual(cDgramPkg, "Platform").Call(id)
	}
	return id
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
				in := Id("in").Dot(fl.CGo)
				var v *Statement
				switch fl.Type {
				case spec.TypeInteger:
					if fl.Int64 {
						v = Id("goInt64").Call(in)
					} else {
						v = Int().Call(in)
					}
				case spec.TypeBoolean:
					v = Bool().Call(in)
				case spec.TypePlatform:
					v = Qual(cDgramPkg, "Platform").Call(in)
				default:
					v = Id("goString").Call(in)
				}
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
			out := Id("out").Dot(fl.CGo)
			switch fl.Type {
			case spec.TypeInteger:
				body = append(body, Add(out).Op("=").Qual("C", "int").Call(Id("v").Dot(fl.GoName)))
			case spec.TypeBoolean:
				body = append(body, Add(out).Op("=").Qual("C", "bool").Call(Id("v").Dot(fl.GoName)))
			case spec.TypeIP:
				body = append(body, Id("setAddr").Call(Add(out).Index(Op(":")), Id("v").Dot(fl.GoName)))
			default:
				body = append(body, Id("setString").Call(Add(out).Index(Op(":")), Id("v").Dot(fl.GoName)))
			}
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
			gt := goType(a, true)
			switch a.Type {
			case spec.TypeObject:
				gt = Qual(cDgramPkg, a.Object)
			case spec.TypePlatform:
				gt = Qual(cDgramPkg, "Platform")
			}
			goParams = append(goParams, Id(n).Add(gt))
			switch a.Type {
			case spec.TypeMessage:
				args = append(args, Id("bytesPtr").Call(Id(n)), Qual("C", "size_t").Call(Len(Id(n))))
			// The C structs are the entry's (arg<Object>, argError in
			// runtime.go): a socket's callbacks never overlap, and a
			// local whose address goes to C would be allocated per event.
			case spec.TypeObject:
				cv := Id("e").Dot("arg" + a.Object)
				prep = append(prep, Id("c"+a.Object).Call(Op("&").Add(cv), Id(n)))
				args = append(args, Op("&").Add(cv))
			case spec.TypeError:
				args = append(args, Id("errorInfo").Call(Op("&").Id("e").Dot("argError"), Id(n)))
			case spec.TypeInteger:
				args = append(args, Qual("C", "int").Call(Id(n)))
			case spec.TypeBoolean:
				args = append(args, Qual("C", "bool").Call(Id(n)))
			default:
				return nil, fmt.Errorf("%s: the C binding cannot pass an event argument %s of type %s", s.File, a.Name, a.Type)
			}
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
	for _, a := range f.Args {
		n := snake(a.Name)
		id := Id(goParamName(n))
		switch a.Type {
		case spec.TypeMessage:
			v := param(a.Name) + "Bytes"
			body = append(body, List(Id(v), Id("code")).Op(":=").Id("goBytes").Call(id, Id(goParamName(n+"_length")), name, Lit(a.Name)),
				If(Id("code").Op("!=").Lit(0)).Block(ret(Id("code"))))
			args = append(args, Id(v))
		case spec.TypeObject:
			body = append(body, If(Add(id).Op("==").Nil()).Block(ret(Id("nullPointer").Call(name, Lit(a.Name)))))
			args = append(args, Id("go"+a.Object).Call(id))
			if st := cStructOf(m, a.Object); st != nil {
				for _, fl := range st.Fields {
					if fl.Name == "delivery" {
						deliveryArg = Add(id).Dot("delivery")
						deliveryName = a.Name + ".delivery"
					}
				}
			}
		case spec.TypeFunction:
			cb := a.Listener
			suffix := "Listener"
			if cb == "" {
				cb, suffix = a.Callback, "Callback"
			}
			if c.Module {
				args = append(args, Id("e").Dot(unexported(exported(cb)+suffix)).Call(id, Id("userData")))
			} else {
				args = append(args, Id("e").Dot(unexported(exported(cb)+suffix)).Call(id, Id("userData")))
			}
		default:
			args = append(args, goArgValue(a, n))
		}
	}
	switch {
	case c.Module && c.Returns == "socket":
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
	case c.Returns != "":
		body = append(body,
			If(Id("out").Op("==").Nil()).Block(Return(Id("nullPointer").Call(name, Lit("out")))),
			List(Id("v"), Err()).Op(":=").Id("e").Dot("sock").Dot(f.Go).Call(args...),
			If(Err().Op("!=").Nil()).Block(Return(Id("fail").Call(Err()))),
			Id("c"+c.Returns).Call(Id("out"), Id("v")),
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
