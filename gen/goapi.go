package gen

import (
	"fmt"
	"go/token"
	"strconv"
	"strings"

	. "github.com/dave/jennifer/jen"
	"github.com/dgramkit/dgramkit/spec"
)

// params are the Go parameters of arguments.
func params(args []spec.Arg, core bool) []Code {
	var out []Code
	for _, a := range args {
		out = append(out, Id(param(a.Name)).Add(goType(a, core)))
	}
	return out
}

// results are the Go results of a call.
func results(c spec.Call) *Statement {
	switch r := resultOf(c); r.Kind {
	case resultNone:
		return Error()
	case resultSocket:
		return Params(Op("*").Id("Socket"), Error())
	default:
		return Params(r.goType(""), Error())
	}
}

// signature is a form's Go function or method signature, without body.
func signature(s *spec.Spec, c spec.Call, f spec.Form) *Statement {
	st := Func()
	if !c.Module {
		st.Params(Id("s").Op("*").Id("Socket"))
	}
	return st.Id(f.Go).Params(params(f.Args, false)...).Add(results(c))
}

// int64Lit writes an int64 bound as an untyped constant.
func int64Lit(p *int64, absent string) *Statement {
	if p == nil {
		return Qual("math", absent)
	}
	return Op(strconv.FormatInt(*p, 10))
}

// formBody is the body of a form's function: the support check, the
// argument checks in order, and the call of the core.
func formBody(m *model, c *mCall, f *mForm) ([]Code, error) {
	s := m.Spec
	ret := func(e Code) *Statement {
		switch r := c.Result; r.Kind {
		case resultNone:
			return Return(e)
		case resultSocket:
			return Return(Nil(), e)
		default:
			return Return(r.goZero(""), e)
		}
	}
	at := func(format string, a ...any) error {
		return fmt.Errorf("%s:%d: %s: %s", s.File, f.Line, f.Signature, fmt.Sprintf(format, a...))
	}
	errArgs := func(l leaf) []Code {
		return []Code{Id(errorGo(s, l.Error)), Lit(c.Name), Lit(l.name)}
	}
	var body []Code
	if !c.Module {
		body = append(body, If(Err().Op(":=").Id("s").Dot("check").Call(Id(callID(c.Call))), Err().Op("!=").Nil()).Block(ret(Err())))
	}
	values := map[string]*Statement{} // core argument name: its value in this form
	var platform Code = Id("Native")
	bounds := map[string][]leaf{} // message name: its offset and length
	for _, l := range f.Leaves {
		values[l.Name] = l.expr()
		switch {
		case l.Type == spec.TypeInteger && (l.Min != nil || l.Max != nil):
			var cond []Code
			if l.Min != nil {
				cond = append(cond, Id("v").Op("<").Add(int64Lit(l.Min, "")))
			}
			if l.Max != nil {
				cond = append(cond, Id("v").Op(">").Add(int64Lit(l.Max, "")))
			}
			body = append(body, If(Id("v").Op(":=").Int64().Call(l.expr()), Add(cond[0]).Do(func(st *Statement) {
				if len(cond) == 2 {
					st.Op("||").Add(cond[1])
				}
			})).Block(ret(Id("rangeError").Call(append(errArgs(l), l.expr(), int64Lit(l.Min, "MinInt64"), int64Lit(l.Max, "MaxInt64"), Lit(l.Message))...))))
		case l.Bounds != "":
			msg := param(l.Bounds) + "Bytes"
			pair := append(bounds[l.Bounds], l)
			bounds[l.Bounds] = pair
			switch len(pair) {
			case 1:
				body = append(body, If(l.expr().Op("<").Lit(0).Op("||").Add(l.expr()).Op(">").Len(Id(msg))).Block(
					ret(Id("boundsError").Call(append(errArgs(l), Lit(l.Message))...))))
			case 2:
				off := pair[0].expr()
				body = append(body, If(l.expr().Op("<").Lit(0).Op("||").Add(l.expr()).Op(">").Len(Id(msg)).Op("-").Add(off)).Block(
					ret(Id("boundsError").Call(append(errArgs(l), Lit(l.Message))...))),
					Id(msg).Op("=").Id(msg).Index(pair[0].expr(), pair[0].expr().Op("+").Add(l.expr())))
			default:
				return nil, at("more than two bounds arguments of %s", l.Bounds)
			}
		case l.Enum != "":
			body = append(body, If(Id("lookupFamily").Call(l.expr()).Op("==").Nil()).Block(
				ret(Id("enumError").Call(append(errArgs(l), l.expr(), Lit(l.Message))...))))
		case l.Required:
			body = append(body, If(l.expr().Op("==").Lit("")).Block(
				ret(Id("missingError").Call(append(errArgs(l), Lit(l.Message))...))))
		case l.Type == spec.TypeMessage:
			v := param(l.Name) + "Bytes"
			values[l.Name] = Id(v)
			body = append(body, List(Id(v), Err()).Op(":=").Id("toMessage").Call(append(errArgs(l), l.expr())...),
				If(Err().Op("!=").Nil()).Block(ret(Err())))
		case l.Type == spec.TypePlatform:
			platform = l.expr()
		}
		if l.Default != "" {
			if c.Module {
				return nil, at("%s: a default address needs a socket", l.name)
			}
			body = append(body, If(l.expr().Op("==").Lit("")).Block(l.expr().Op("=").Id("s").Dot("family").Dot(l.Default)))
		}
	}
	for m, pair := range bounds {
		if len(pair) != 2 {
			return nil, at("%s needs two bounds arguments, offset and length", m)
		}
	}
	if c.Module {
		body = append(body, If(Err().Op(":=").Id("checkSupport").Call(platform, Id(callID(c.Call))), Err().Op("!=").Nil()).Block(ret(Err())))
	}
	core := c.CoreCall
	var callArgs []Code
	for _, a := range core.CoreArgs {
		if v, ok := values[a.Name]; ok {
			callArgs = append(callArgs, v)
			delete(values, a.Name)
		} else {
			callArgs = append(callArgs, goZero(a))
		}
	}
	for _, l := range f.Leaves {
		if _, ok := values[l.Name]; ok && l.Bounds == "" {
			return nil, at("%s is not an argument of %s's core", l.name, core.Name)
		}
	}
	fn := Id(coreName(core.Call))
	if !c.Module {
		fn = Id("s").Dot(coreName(core.Call))
	}
	return append(body, Return(fn.Call(callArgs...))), nil
}

// errorGo is the Go name of an error code.
func errorGo(s *spec.Spec, code string) string {
	e, _ := s.Error(code)
	return e.Go
}

// coreUsers are the Go names of the forms whose core is call c's.
func coreUsers(m *model, c *mCall) string {
	var names []string
	for _, u := range m.Calls {
		if u.CoreCall == c {
			for _, f := range u.MForms {
				names = append(names, f.Go)
			}
		}
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// fieldDoc is an object field's doc, noting dgramkit's extensions.
func fieldDoc(a spec.Arg) string {
	if a.GoOnly() {
		return a.Doc + " A dgramkit extension of the Go API only, not in IoT.js, C or JavaScript."
	}
	if a.Extension {
		return a.Doc + " A dgramkit extension, not in IoT.js."
	}
	return a.Doc
}

// GoAPI writes dgram/api_gen.go: the objects, the families table, the
// listener and callback types, the events and their On* and emit* methods,
// one function or method per form, and the socketCore interface.
func GoAPI(s *spec.Spec) ([]byte, error) {
	f := newFile(s)
	for _, o := range s.Objects {
		var fields []Code
		for _, fl := range o.Fields {
			fields = append(fields, Comment(comment(fieldDoc(fl))).Line().Id(exported(fl.Name)).Add(goType(fl, false)))
		}
		f.Comment(comment(o.Name + ": " + sentence(o.Doc)))
		f.Type().Id(o.Name).Struct(fields...)
		f.Line()
	}

	f.Comment(comment("socketFamily is a socket type: its address family, its default addresses to bind and to send to, and its largest datagram."))
	f.Type().Id("socketFamily").Struct(
		Id("typ").String(), Id("family").String(), Id("bindAddress").String(), Id("sendAddress").String(), Id("maxDatagram").Int())
	f.Line()
	var fams []Code
	for _, fm := range s.Families {
		fams = append(fams, Values(Id("typ").Op(":").Lit(fm.Type), Id("family").Op(":").Lit(fm.Family),
			Id("bindAddress").Op(":").Lit(fm.BindAddress), Id("sendAddress").Op(":").Lit(fm.SendAddress),
			Id("maxDatagram").Op(":").Lit(fm.MaxDatagram)))
	}
	f.Comment("// socketFamilies holds every socket type, in spec order.")
	f.Var().Id("socketFamilies").Op("=").Index(Op("...")).Id("socketFamily").Add(lines(fams...))
	f.Line()
	f.Comment("// lookupFamily returns the family of socket type typ, or nil.")
	f.Func().Id("lookupFamily").Params(Id("typ").String()).Op("*").Id("socketFamily").Block(
		For(Id("i").Op(":=").Range().Id("socketFamilies")).Block(
			If(Id("socketFamilies").Index(Id("i")).Dot("typ").Op("==").Id("typ")).Block(
				Return(Op("&").Id("socketFamilies").Index(Id("i"))))),
		Return(Nil()))
	f.Line()

	var events []Code
	for _, e := range s.Events {
		name := exported(e.Name) + "Listener"
		f.Comment(fmt.Sprintf("// %s is a listener of the '%s' event.", name, e.Name))
		f.Type().Id(name).Func().Params(params(e.Args, true)...)
		f.Line()
		events = append(events, Id(unexported(e.Name)).Id("listeners").Types(Id(name)))
	}
	for _, cb := range s.Callbacks {
		name := exported(cb.Name) + "Callback"
		f.Comment(comment(name + " is the " + cb.Name + " callback. " + cb.Doc))
		f.Type().Id(name).Func().Params(params(cb.Args, true)...)
		f.Line()
	}
	f.Comment("// socketEvents holds a socket's listeners, per event.")
	f.Type().Id("socketEvents").Struct(events...)
	f.Line()
	for _, e := range s.Events {
		field := Id("s").Dot("events").Dot(unexported(e.Name))
		f.Comment(comment(fmt.Sprintf("On%s adds listener to the '%s' event: %s", exported(e.Name), e.Name, sentence(e.Doc))))
		f.Func().Params(Id("s").Op("*").Id("Socket")).Id("On"+exported(e.Name)).Params(Id("listener").Id(exported(e.Name)+"Listener")).Block(
			Id("s").Dot("mustListen").Call(Lit("On"+exported(e.Name)), Id("listener").Op("==").Nil()),
			Add(field).Dot("add").Call(Id("listener")))
		f.Line()
		var args []Code
		for _, a := range e.Args {
			args = append(args, Id(param(a.Name)))
		}
		f.Comment(fmt.Sprintf("// emit%s calls the '%s' listeners in the order they were added.", exported(e.Name), e.Name))
		f.Func().Params(Id("s").Op("*").Id("Socket")).Id("emit" + exported(e.Name)).Params(params(e.Args, true)...).Block(
			For(List(Id("_"), Id("l")).Op(":=").Range().Add(Id("s").Dot("events").Dot(unexported(e.Name))).Dot("load").Call()).Block(
				Id("l").Call(args...)))
		f.Line()
	}

	m, err := newModel(s)
	if err != nil {
		return nil, err
	}
	var core, optionCores []Code
	for _, c := range m.Calls {
		for _, fm := range c.MForms {
			body, err := formBody(m, c, fm)
			if err != nil {
				return nil, err
			}
			f.Comment(comment(fmt.Sprintf("%s is %s: %s", fm.Go, c.Title, sentence(c.Doc)), "Form: "+fm.Signature+"."))
			f.Add(signature(s, c.Call, fm.Form).Block(body...))
			f.Line()
		}
		if c.Module || c.Core != "" {
			continue
		}
		if c.Opt != nil {
			optionCores = append(optionCores, optionCore(m, c))
			continue
		}
		core = append(core, Comment(fmt.Sprintf("// %s is the core of %s.", coreName(c.Call), coreUsers(m, c))).Line().
			Id(coreName(c.Call)).Params(params(c.CoreArgs, true)...).Add(results(c.Call)))
	}
	if len(s.Options) > 0 {
		socketOptions(f, s)
		for _, oc := range optionCores {
			f.Add(oc)
			f.Line()
		}
		core = append(core,
			Comment("// setOption sets option o to v on the bound socket; call names the call in errors.").Line().
				Id("setOption").Params(Id("call").String(), Id("o").Op("*").Id("sockOpt"), Id("v").Int()).Error(),
			Comment("// getOption reads option o of the bound socket; call names the call in errors.").Line().
				Id("getOption").Params(Id("call").String(), Id("o").Op("*").Id("sockOpt")).Params(Int(), Error()))
	}
	f.Comment(comment("socketCore is the hand-written core behind the generated methods; a missing method is a compile error."))
	f.Type().Id("socketCore").Interface(core...)
	f.Line()
	f.Var().Id("_").Id("socketCore").Op("=").Parens(Op("*").Id("Socket")).Parens(Nil())
	return render(f)
}

// optionName is the Go name of a socket option's table entry: optTTL.
func optionName(o spec.Option) string { return "opt" + exported(o.Name) }

// socketOptions writes the sockOpt type and one entry per spec option,
// as x/net/ipv4's sockOpts table: the level and name per family.
func socketOptions(f *File, s *spec.Spec) {
	f.Comment(comment("sockOptKey is a socket option's level and name, as setsockopt takes them."))
	f.Type().Id("sockOptKey").Struct(Id("level").Int(), Id("name").Int())
	f.Line()
	f.Comment(comment("sockOpt is a socket option: its name, its key per family, the code of a call before bind (\"\" is the system error EBADF named after the call), the operation errors name ({syscall}; the call's name when empty), and whether setting 0 reads it and changes nothing (zeroReads, as libuv's buffer sizes)."))
	f.Type().Id("sockOpt").Struct(Id("name").String(), List(Id("v4"), Id("v6")).Id("sockOptKey"), Id("unbound").Id("Code"), Id("syscall").String(), Id("zeroReads").Bool())
	f.Line()
	key := func(k spec.OptionKey) *Statement {
		return Id("sockOptKey").Values(Qual("syscall", k.Level), Qual("syscall", k.Name))
	}
	for _, o := range s.Options {
		fields := []Code{Id("name").Op(":").Lit(o.Name), Id("v4").Op(":").Add(key(o.V4)), Id("v6").Op(":").Add(key(o.V6))}
		if o.Unbound != "" {
			fields = append(fields, Id("unbound").Op(":").Id(errorGo(s, o.Unbound)))
		}
		if o.Syscall != "" {
			fields = append(fields, Id("syscall").Op(":").Lit(o.Syscall))
		}
		if o.ZeroReads {
			fields = append(fields, Id("zeroReads").Op(":").True())
		}
		f.Comment(comment(optionName(o) + " is the socket option " + o.Name + ": " + o.Doc))
		f.Var().Id(optionName(o)).Op("=").Id("sockOpt").Add(lines(fields...))
		f.Line()
	}
}

// optionCore is the generated core of a call that sets or gets a socket
// option: a boolean is 0 or 1.
func optionCore(m *model, c *mCall) Code {
	o, args := *c.Opt, c.CoreArgs
	name := coreName(c.Call)
	opt := Op("&").Id(optionName(o))
	var body []Code
	switch {
	case c.Option.Op == spec.OptionSet && o.Type == spec.TypeBoolean:
		body = []Code{Id("v").Op(":=").Lit(0), If(Id(param(args[0].Name))).Block(Id("v").Op("=").Lit(1)),
			Return(Id("s").Dot("setOption").Call(Lit(c.Name), opt, Id("v")))}
	case c.Option.Op == spec.OptionSet:
		body = []Code{Return(Id("s").Dot("setOption").Call(Lit(c.Name), opt, Id(param(args[0].Name))))}
	case o.Type == spec.TypeBoolean:
		body = []Code{List(Id("v"), Err()).Op(":=").Id("s").Dot("getOption").Call(Lit(c.Name), opt), Return(Id("v").Op("!=").Lit(0), Err())}
	default:
		body = []Code{Return(Id("s").Dot("getOption").Call(Lit(c.Name), opt))}
	}
	return Comment(comment(fmt.Sprintf("%s is the core of %s: it %ss the socket option %s.", name, coreUsers(m, c), c.Option.Op, o.Name))).Line().
		Func().Params(Id("s").Op("*").Id("Socket")).Id(name).Params(params(args, true)...).Add(results(c.Call)).Block(body...)
}

// coreName is the Go name of call c's core: its unexported name, with a
// trailing _ when that is a Go keyword (type_).
func coreName(c spec.Call) string {
	if n := unexported(c.Name); !token.IsKeyword(n) {
		return n
	}
	return unexported(c.Name) + "_"
}
