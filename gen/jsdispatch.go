package gen

import (
	"fmt"
	"slices"
	"strings"

	. "github.com/dave/jennifer/jen"
	"github.com/dgramkit/dgramkit/spec"
)

// Import paths of the JavaScript host's generated file.
const (
	jsPkg    = "github.com/dgramkit/dgramkit/bindings/js"
	dgramPkg = "github.com/dgramkit/dgramkit/dgram"
	gojaPkg  = "github.com/dop251/goja"
)

// gojaValue is goja.Value.
func gojaValue() *Statement { return Qual(gojaPkg, "Value") }

// dq is a qualified name in package dgram.
func dq(name string) *Statement { return Qual(dgramPkg, name) }

// jsName is the name a JavaScript error gives an argument: its js: name,
// else the name the Go API gives it.
func jsName(l leaf) string {
	if l.JS != nil && l.JS.Name != "" {
		return l.JS.Name
	}
	return l.name
}

// goParams are the Go parameters of event or callback arguments, with the
// types of package dgram qualified.
func goParams(args []spec.Arg) []Code {
	var out []Code
	for _, a := range args {
		out = append(out, Id(param(a.Name)).Add(goTypeIn(a, true, dgramPkg)))
	}
	return out
}

// jsValues is a func() []goja.Value building args' JavaScript values, for
// the loop to run: goja values are made on the loop only.
func jsValues(args []spec.Arg) (*Statement, error) {
	var vals []Code
	for _, a := range args {
		v, err := jsValue(a, Id(param(a.Name)))
		if err != nil {
			return nil, err
		}
		vals = append(vals, v)
	}
	return Func().Params().Index().Add(gojaValue()).Block(Return(Index().Add(gojaValue()).Values(vals...))), nil
}

// jsForm is one form as the dispatch handles it.
type jsForm struct {
	c spec.Call
	f spec.Form
}

// firstOptional is the index of the form's first optional argument, or
// the number of arguments.
func firstOptional(f spec.Form) int {
	for i, a := range f.Args {
		if a.Optional {
			return i
		}
	}
	return len(f.Args)
}

// functionIndex is the index of the form's last argument when it is a
// function, else -1.
func functionIndex(f spec.Form) int {
	if n := len(f.Args); n > 0 && f.Args[n-1].Type == spec.TypeFunction {
		return n - 1
	}
	return -1
}

// boundsEnd is the index of the first argument after a form's bounds
// pair, or -1 when the form has no bounds arguments.
func boundsEnd(f spec.Form) int {
	end := -1
	for i, a := range f.Args {
		if a.Bounds != "" {
			end = i + 1
		}
	}
	return end
}

// readOrder is the order the host reads a form's arguments in: the
// spec's, except that those marked js: last come after the others.
func readOrder(f spec.Form) []int {
	var first, last []int
	for i, a := range f.Args {
		if a.JS != nil && a.JS.Last {
			last = append(last, i)
		} else {
			first = append(first, i)
		}
	}
	return append(first, last...)
}

// formDispatch is the block that handles one form: the arguments spread
// as Node does, each converted in order, the Go call and its result.
func formDispatch(s *spec.Spec, c *mCall, f *mForm) ([]Code, error) {
	n, fn := len(f.Args), functionIndex(f.Form)
	body := []Code{Comment("// " + f.Signature)}
	if n > 0 {
		body = append(body, Id("v").Op(":=").Id("spread").Call(Id("call").Dot("Arguments"), Lit(n), Lit(firstOptional(f.Form)), Lit(fn)))
	}
	leafOf := map[string]leaf{}
	for _, l := range f.Leaves {
		leafOf[l.name] = l
	}
	goArgs := make([]Code, len(f.Args))
	for _, i := range readOrder(f.Form) {
		a := f.Args[i]
		v := Id("v").Index(Lit(i))
		if a.Type != spec.TypeObject {
			l := leafOf[a.Name]
			conv, goArg, err := conversion(s, c.Call, l, v, Id(param(a.Name)), true)
			if err != nil {
				return nil, err
			}
			body = append(body, conv...)
			goArgs[i] = goArg
			continue
		}
		o, _ := s.Object(a.Object)
		obj := param(a.Name) + "Obj"
		body = append(body, Id(obj).Op(":=").Id("x").Dot("object").Call(v, Lit(a.Name)),
			Var().Id(param(a.Name)).Qual(dgramPkg, a.Object))
		for _, fl := range o.Fields {
			if fl.GoOnly() {
				continue // the Go API's alone: JavaScript leaves it at its zero value
			}
			l := leafOf[a.Name+"."+fl.Name]
			if fl.Type == spec.TypeFunction {
				return nil, fmt.Errorf("%s:%d: %s: the JavaScript host reads no function fields", s.File, fl.Line, l.name)
			}
			conv, _, err := conversion(s, c.Call, l, Id("field").Call(Id(obj), Lit(fl.Name)), l.expr(), false)
			if err != nil {
				return nil, err
			}
			body = append(body, conv...)
		}
		goArgs[i] = Id(param(a.Name))
	}
	switch {
	case c.Module && c.Result.Kind == resultSocket:
		body = append(body, List(Id("sock"), Err()).Op(":=").Qual(dgramPkg, f.Go).Call(goArgs...),
			Return(Id("m").Dot("newSocket").Call(Id("x"), Id("sock"), Err())))
	case c.Module:
		return nil, fmt.Errorf("%s:%d: %s: the JavaScript host handles module calls that return a socket only", s.File, f.Line, f.Signature)
	case c.Result.Kind == resultNone:
		body = append(body, Err().Op(":=").Id("s").Dot("s").Dot(f.Go).Call(goArgs...),
			Id("x").Dot("done").Call(Id("s"), Err()),
			Return(Id("x").Dot("result").Call(Id("s"), Id("call"))))
	default:
		v, err := jsValue(c.Result.Type, Id("r"))
		if err != nil {
			return nil, fmt.Errorf("%s:%d: call %s: %w", s.File, c.Line, c.Name, err)
		}
		body = append(body, List(Id("r"), Err()).Op(":=").Id("s").Dot("s").Dot(f.Go).Call(goArgs...),
			Id("x").Dot("done").Call(Id("s"), Err()),
			Return(v))
	}
	return body, nil
}

// callDispatch is the body of a call's dispatch function: it picks the
// form as Node does, then runs that form's block.
func callDispatch(s *spec.Spec, c *mCall) ([]Code, error) {
	var body []Code
	if !c.Module {
		body = append(body, Id("s").Op(":=").Id("m").Dot("this").Call(Id("call").Dot("This"), Lit(c.Name)))
	}
	body = append(body, Id("x").Op(":=").Id("m").Dot("args").Call(Lit(c.Name)))
	if gate := connectingGate(s, c); gate != nil {
		body = append(body, gate)
	}
	var forms, connected []*mForm
	for _, f := range c.MForms {
		if f.Connected {
			connected = append(connected, f)
		} else {
			forms = append(forms, f)
		}
	}
	if len(connected) > 0 {
		block, err := connectedDispatch(s, c, forms, connected)
		if err != nil {
			return nil, err
		}
		body = append(body, If(Id("s").Dot("connected")).Block(block...))
	}
	if len(forms) == 1 {
		block, err := formDispatch(s, c, forms[0])
		if err != nil {
			return nil, err
		}
		return append(body, block...), nil
	}
	if len(forms) != 2 {
		return nil, fmt.Errorf("%s:%d: call %s: the JavaScript host picks between two forms at most", s.File, c.Line, c.Name)
	}
	var cond *Statement
	first, other := forms[0], forms[1]
	objectForm := func(f *mForm) bool { return len(f.Args) > 0 && f.Args[0].Type == spec.TypeObject }
	switch {
	case objectForm(first) != objectForm(other):
		// Node: a non-null object first is the options form.
		if !objectForm(first) {
			first, other = other, first
		}
		cond = Id("isObject").Call(Id("arg").Call(Id("call").Dot("Arguments"), Lit(0)))
	case (boundsEnd(first.Form) < 0) != (boundsEnd(other.Form) < 0):
		// Node: "if address is truthy, or port is truthy and not a
		// function, this is the offset/length form".
		if boundsEnd(first.Form) < 0 {
			first, other = other, first
		}
		p := boundsEnd(first.Form)
		if p >= len(first.Args) {
			return nil, fmt.Errorf("%s:%d: %s: no argument after the bounds pair to tell the forms apart", s.File, first.Line, first.Signature)
		}
		at := func(i int) *Statement { return Id("arg").Call(Id("call").Dot("Arguments"), Lit(i)) }
		cond = Id("truthy").Call(at(p)).Op("&&").Op("!").Id("isFunction").Call(at(p))
		if p+1 < len(first.Args) {
			cond = Id("truthy").Call(at(p + 1)).Op("||").Add(cond)
		}
	default:
		return nil, fmt.Errorf("%s:%d: call %s: the JavaScript host cannot tell its forms apart (want an options form, or a form with bounds)", s.File, c.Line, c.Name)
	}
	a, err := formDispatch(s, c, first)
	if err != nil {
		return nil, err
	}
	b, err := formDispatch(s, c, other)
	if err != nil {
		return nil, err
	}
	return append(append(body, If(cond).Block(a...)), b...), nil
}

// connectingGate is, for a call that needs a connection (its errors list
// the not-connected role's code and it has no connected form: disconnect,
// remoteAddress), the check that refuses it while the socket is
// connecting: in JavaScript, as in Node, a connection counts from its
// 'connect' event on (the host's connecting field). Nil for other calls.
func connectingGate(s *spec.Spec, c *mCall) Code {
	code := s.RoleCode(spec.RoleNotConnected)
	if code == "" || c.Module || !slices.Contains(c.Errors, code) {
		return nil
	}
	for _, f := range c.MForms {
		if f.Connected {
			return nil
		}
	}
	e, _ := s.Error(code)
	return If(Id("s").Dot("connecting")).Block(Panic(Id("m").Dot("codedError").Call(dq("Kind"+e.Kind), dq(e.Go), Lit(e.Message))))
}

// connectedDispatch is the block that handles a call on a connected
// socket, as Node's send does there: the form with bounds when the
// argument in its length's place is a number, else the form without; a
// truthy argument in the place of a destination argument (one of the
// longest other form's that no connected form has: port, address) is the
// connected role's error, but for a function in the first such place of
// the bounds form, which is then its callback (else the callback is the
// one in the longest form's place).
func connectedDispatch(s *spec.Spec, c *mCall, others, connected []*mForm) ([]Code, error) {
	e, ok := s.Error(s.RoleCode(spec.RoleConnected))
	if !ok {
		return nil, fmt.Errorf("%s:%d: call %s has connected forms: the spec needs an error with role: %s", s.File, c.Line, c.Name, spec.RoleConnected)
	}
	var full *mForm
	for _, f := range others {
		if full == nil || len(f.Args) > len(full.Args) {
			full = f
		}
	}
	if full == nil || len(connected) > 2 {
		return nil, fmt.Errorf("%s:%d: call %s: the JavaScript host needs another form beside one or two connected forms", s.File, c.Line, c.Name)
	}
	has := map[string]bool{}
	for _, f := range connected {
		for _, a := range f.Args {
			has[a.Name] = true
		}
	}
	var dest []int
	for i, a := range full.Args {
		if !has[a.Name] && a.Type != spec.TypeFunction {
			dest = append(dest, i)
		}
	}
	at := func(i int) *Statement { return Id("arg").Call(Id("call").Dot("Arguments"), Lit(i)) }
	refuse := func(bounds bool) Code {
		var cond *Statement
		for k, i := range dest {
			t := Id("truthy").Call(at(i))
			if bounds && k == 0 {
				t = Parens(Id("truthy").Call(at(i)).Op("&&").Op("!").Id("isFunction").Call(at(i)))
			}
			if cond == nil {
				cond = t
			} else {
				cond = cond.Op("||").Add(t)
			}
		}
		return If(cond).Block(Panic(Id("m").Dot("codedError").Call(dq("Kind"+e.Kind), dq(e.Go), Lit(e.Message))))
	}
	form := func(f *mForm) ([]Code, error) {
		bounds := boundsEnd(f.Form) >= 0
		block, err := formDispatch(s, c, f)
		if err != nil {
			return nil, err
		}
		out := []Code{refuse(bounds)}
		if fi, ffi := functionIndex(f.Form), functionIndex(full.Form); bounds && len(dest) > 0 && fi >= 0 && ffi >= 0 && dest[0] == fi {
			// the spread arguments, then the callback's fallback place
			out = append(out, block[:2]...)
			out = append(out, If(Op("!").Id("isFunction").Call(Id("v").Index(Lit(fi)))).Block(Id("v").Index(Lit(fi)).Op("=").Add(at(ffi))))
			return append(out, block[2:]...), nil
		}
		return append(out, block...), nil
	}
	if len(connected) == 1 {
		return form(connected[0])
	}
	first, other := connected[0], connected[1]
	if (boundsEnd(first.Form) < 0) == (boundsEnd(other.Form) < 0) {
		return nil, fmt.Errorf("%s:%d: call %s: the JavaScript host tells two connected forms apart by bounds", s.File, c.Line, c.Name)
	}
	if boundsEnd(first.Form) < 0 {
		first, other = other, first
	}
	a, err := form(first)
	if err != nil {
		return nil, err
	}
	b, err := form(other)
	if err != nil {
		return nil, err
	}
	cond := Qual(gojaPkg, "IsNumber").Call(at(boundsEnd(first.Form) - 1))
	return append([]Code{If(cond).Block(a...)}, b...), nil
}

// dispatchName is the Go name of a call's dispatch method.
func dispatchName(c spec.Call) string { return "js" + exported(c.Name) }

// resultObjects are the objects the host turns into JavaScript values:
// the results of calls and the object arguments of events and callbacks.
func resultObjects(s *spec.Spec) []spec.Object {
	used := map[string]bool{}
	for _, c := range s.Calls {
		used[c.Returns] = true
	}
	for _, e := range s.Events {
		for _, a := range e.Args {
			used[a.Object] = true
		}
	}
	for _, cb := range s.Callbacks {
		for _, a := range cb.Args {
			used[a.Object] = true
		}
	}
	var out []spec.Object
	for _, o := range s.Objects {
		if used[o.Name] {
			out = append(out, o)
		}
	}
	return out
}

// JSDispatch writes bindings/js/dispatch_gen.go: for each call a method
// of the JavaScript host's dgram module that picks the form as Node does,
// converts each JavaScript argument with Node's type checks and calls the
// Go API; the event hops; the send callback; the result objects; the
// templates of the errors the dispatch throws itself; the platform names.
func JSDispatch(s *spec.Spec) ([]byte, error) {
	f := NewFilePathName(jsPkg, "dgramjs")
	f.HeaderComment(header)
	f.ImportName(dgramPkg, "dgram")
	f.ImportName(gojaPkg, "goja")

	e, ok := s.Error(s.RoleCode(spec.RoleWrongType))
	if !ok {
		return nil, fmt.Errorf("%s: the JavaScript host needs an error with role: %s", s.File, spec.RoleWrongType)
	}
	f.Comment(comment("invalidArgType is the error of a JavaScript value of the wrong type: its code, kind and message template."))
	f.Var().Id("invalidArgType").Op("=").Id("errorTemplate").Values(Id("code").Op(":").Add(dq(e.Go)),
		Id("kind").Op(":").Add(dq("Kind"+e.Kind)), Id("message").Op(":").Lit(e.Message))
	f.Line()

	platforms := []Code{Lit("native").Op(":").Add(dq("Native"))}
	for _, p := range s.Platforms {
		for i, n := range []string{p.ID, strings.ToLower(p.Name), strings.ToLower(p.Go)} {
			dup := false
			for _, m := range []string{p.ID, strings.ToLower(p.Name), strings.ToLower(p.Go)}[:i] {
				dup = dup || m == n
			}
			if !dup && n != "native" {
				platforms = append(platforms, Lit(n).Op(":").Add(dq(p.Go)))
			}
		}
	}
	f.Comment(comment("platformNames maps the names a script may give a platform (its id, name or Go name, in lower case) to the platform."))
	f.Var().Id("platformNames").Op("=").Map(String()).Add(dq("Platform")).Add(lines(platforms...))
	f.Line()

	var emitted, returns, lifecycle []Code
	for _, c := range s.Calls {
		if c.SystemErrors == "emitted" {
			emitted = append(emitted, Lit(c.Name).Op(":").True())
		}
		if c.JSReturns != "" {
			returns = append(returns, Lit(c.Name).Op(":").Lit(c.JSReturns))
		}
		if c.Lifecycle != "" {
			lifecycle = append(lifecycle, Lit(c.Name).Op(":").Lit(c.Lifecycle))
		}
	}
	f.Comment(comment("lifecycles is what each call does to the socket's life (the spec's lifecycle), for the host's state and loop references."))
	f.Var().Id("lifecycles").Op("=").Map(String()).String().Add(lines(lifecycle...))
	f.Line()
	f.Comment(comment("jsReturns is what a call without a result returns in JavaScript, as Node (the spec's js_returns): \"socket\" or \"argument\"; the others return undefined."))
	f.Var().Id("jsReturns").Op("=").Map(String()).String().Add(lines(returns...))
	f.Line()
	f.Comment(comment("emitsSystemErrors are the calls whose operating-system errors are an 'error' event after the call returns (the spec's system_errors: emitted), as in Node; the others throw them."))
	f.Var().Id("emitsSystemErrors").Op("=").Map(String()).Bool().Add(lines(emitted...))
	f.Line()

	model, err := newModel(s)
	if err != nil {
		return nil, err
	}
	var modFns, methods []Code
	for _, c := range model.Calls {
		entry := Values(Lit(c.Name), Parens(Op("*").Id("module")).Dot(dispatchName(c.Call)))
		if c.Module {
			modFns = append(modFns, entry)
		} else {
			methods = append(methods, entry)
		}
	}
	f.Comment("// moduleFunctions are the functions of the dgram module, in spec order.")
	f.Var().Id("moduleFunctions").Op("=").Index().Id("method").Add(lines(modFns...))
	f.Line()
	f.Comment("// socketMethods are the methods of dgram.Socket.prototype, in spec order.")
	f.Var().Id("socketMethods").Op("=").Index().Id("method").Add(lines(methods...))
	f.Line()

	for _, c := range model.Calls {
		body, err := callDispatch(s, c)
		if err != nil {
			return nil, err
		}
		var sigs []string
		for _, fm := range c.MForms {
			sigs = append(sigs, fm.Signature+" ("+fm.Go+")")
		}
		f.Comment(comment(fmt.Sprintf("%s is %s in JavaScript: it picks the form as Node does, converts each argument with Node's type checks and calls the Go API, whose checks give the codes.", dispatchName(c.Call), c.Title), "Forms: "+strings.Join(sigs, "; ")+"."))
		f.Func().Params(Id("m").Op("*").Id("module")).Id(dispatchName(c.Call)).Params(Id("call").Qual(gojaPkg, "FunctionCall")).Add(gojaValue()).Block(body...)
		f.Line()
	}

	var hops []Code
	for _, e := range s.Events {
		vals, err := jsValues(e.Args)
		if err != nil {
			return nil, fmt.Errorf("event %s: %w", e.Name, err)
		}
		post := "post"
		if e.Bounded {
			post = "postBounded"
		}
		hops = append(hops, Id("s").Dot("s").Dot("On"+exported(e.Name)).Call(Func().Params(goParams(e.Args)...).Block(
			Id("s").Dot(post).Call(Lit(e.Name), vals))))
	}
	f.Comment(comment("listen adds the socket's Go listeners: each event hops onto the loop, in the order the core emits them, and is emitted on the JavaScript socket; a bounded event (spec: bounded) waits for room and is dropped after close()."))
	f.Func().Params(Id("m").Op("*").Id("module")).Id("listen").Params(Id("s").Op("*").Id("socket")).Block(hops...)
	f.Line()

	for _, cb := range s.Callbacks {
		vals, err := jsValues(cb.Args)
		if err != nil {
			return nil, fmt.Errorf("callback %s: %w", cb.Name, err)
		}
		name := unexported(cb.Name) + "Callback"
		goName := exported(cb.Name) + "Callback"
		f.Comment(comment(fmt.Sprintf("%s makes the Go %s of a JavaScript function: a request of the call (it keeps the loop running from the call's success until the callback ran), whose completion hops onto the loop and calls fn; nil when fn is.", name, goName)))
		f.Func().Params(Id("x").Op("*").Id("args")).Id(name).Params(Id("s").Op("*").Id("socket"), Id("fn").Add(gojaValue())).Qual(dgramPkg, goName).Block(
			If(Id("fn").Op("==").Nil()).Block(Return(Nil())),
			Id("m").Op(":=").Id("x").Dot("m"),
			Id("r").Op(":=").Id("x").Dot("request").Call(Id("s")),
			Return(Func().Params(goParams(cb.Args)...).Block(Id("r").Dot("complete").Call(Id("fn"), vals))))
		f.Line()
	}

	for _, o := range resultObjects(s) {
		if len(o.Fields) > maxRecordFields {
			return nil, fmt.Errorf("object %s: %d fields, more than the JavaScript host's records hold (%d)", o.Name, len(o.Fields), maxRecordFields)
		}
		keys := []Code{}
		vals := []Code{Id(unexported(o.Name) + "Keys")}
		for _, fl := range o.Fields {
			v, err := jsValue(fl, Id("v").Dot(exported(fl.Name)))
			if err != nil {
				return nil, fmt.Errorf("object %s: %w", o.Name, err)
			}
			keys = append(keys, Lit(fl.Name))
			vals = append(vals, v)
		}
		name := unexported(o.Name) + "Value"
		f.Comment(comment(fmt.Sprintf("%sKeys are the fields of a dgram.%s in JavaScript, in order.", unexported(o.Name), o.Name)))
		f.Var().Id(unexported(o.Name) + "Keys").Op("=").Index().String().Values(keys...)
		f.Line()
		f.Comment(comment(fmt.Sprintf("%s is v, a dgram.%s, as a JavaScript object (a record).", name, o.Name)))
		f.Func().Params(Id("m").Op("*").Id("module")).Id(name).Params(Id("v").Qual(dgramPkg, o.Name)).Op("*").Qual(gojaPkg, "Object").Block(
			Return(Id("m").Dot("newRecord").Call(vals...)))
		f.Line()
	}
	return render(f)
}

// maxRecordFields is the most fields the JavaScript host's records hold
// (bindings/js/record.go).
const maxRecordFields = 6
