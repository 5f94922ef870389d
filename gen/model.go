package gen

import (
	"fmt"

	. "github.com/dave/jennifer/jen"
	"github.com/dgramkit/dgramkit/spec"
)

// The intermediate model: newModel reads a spec once into what the
// generators need of each call and form beyond the spec's own words (its
// result, the call whose core it runs, its socket option, its core's
// arguments; each form's arguments flattened into leaves, where an error
// after the call returns goes, whether its checks need a bound socket,
// its C name). Every generator that walks the calls walks the model's,
// so that a reading of the spec is made in one place; the bad-input
// table, written from the model, is what the test runners read. How a
// spec type maps to each target is in gotypes.go, ctypes.go and
// jstypes.go, one place per target.

// model is the intermediate model of a spec.
type model struct {
	*spec.Spec
	Calls []*mCall
}

// mCall is a call of the model.
type mCall struct {
	spec.Call
	Result   result
	CoreCall *mCall       // the call whose core this one runs: itself, or its core: call
	Opt      *spec.Option // the socket option its core sets or gets (option:), or nil
	CoreArgs []spec.Arg   // the arguments of its own core (of CoreCall's when it shares one)
	MForms   []*mForm
}

// mForm is a form of the model.
type mForm struct {
	spec.Form
	Leaves []leaf // its arguments, object arguments flattened into their fields
	// Async is where a code that the core resolves after the arguments are
	// read goes: to the form's completion callback when it has one
	// ("callback"); for a call whose system_errors is emitted, the call's
	// result in Go and C and an 'error' event after the call in JavaScript
	// ("emitted"); else the 'error' event ("event").
	Async string
	// Bound: the form's checks need a bound socket (an argument of an
	// address kind with bound: true).
	Bound bool
	C     string // the C function: dgram_bind_options
}

// newModel builds the model of s.
func newModel(s *spec.Spec) (*model, error) {
	m := &model{Spec: s}
	byName := map[string]*mCall{}
	for _, c := range s.Calls {
		mc := &mCall{Call: c, Result: resultOf(c)}
		if c.Option != nil {
			o, ok := s.Option(c.Option.Name)
			if !ok {
				return nil, fmt.Errorf("%s:%d: call %s: undefined option %s", s.File, c.Line, c.Name, c.Option.Name)
			}
			mc.Opt = &o
		}
		for _, f := range c.Forms {
			mf := &mForm{Form: f, Leaves: leaves(s, f), Async: "event", C: "dgram_" + cFormName(c, f)}
			if c.SystemErrors == "emitted" {
				mf.Async = "emitted"
			}
			for _, a := range f.Args {
				if a.Callback != "" {
					mf.Async = "callback"
				}
			}
			for _, l := range mf.Leaves {
				if k, ok := s.AddressKind(l.Address); ok && k.Bound {
					mf.Bound = true
				}
			}
			mc.MForms = append(mc.MForms, mf)
		}
		args, err := coreArgs(s, c)
		if err != nil {
			return nil, err
		}
		mc.CoreArgs = args
		byName[c.Name] = mc
		m.Calls = append(m.Calls, mc)
	}
	for _, mc := range m.Calls {
		mc.CoreCall = mc
		if mc.Core == "" {
			continue
		}
		core, ok := byName[mc.Core]
		if !ok {
			return nil, fmt.Errorf("%s:%d: call %s: core names undefined call %s", s.File, mc.Line, mc.Name, mc.Core)
		}
		if core.Module != mc.Module || core.Returns != mc.Returns {
			return nil, fmt.Errorf("%s:%d: call %s and its core %s differ in module or returns", s.File, mc.Line, mc.Name, core.Name)
		}
		mc.CoreCall = core
	}
	return m, nil
}

// result is what a call returns, as every binding sees it.
type result struct {
	Kind   string   // "" none, socket, object or scalar
	Object string   // an object's name
	Type   spec.Arg // a scalar's spec type (Type set)
}

// The kinds of result.
const (
	resultNone   = ""
	resultSocket = "socket"
	resultObject = "object"
	resultScalar = "scalar"
)

// resultOf is call c's result.
func resultOf(c spec.Call) result {
	if t, ok := spec.Scalar(c.Returns); ok {
		return result{Kind: resultScalar, Type: spec.Arg{Name: "result", Type: t}}
	}
	switch c.Returns {
	case "":
		return result{}
	case spec.ReturnsSocket:
		return result{Kind: resultSocket}
	}
	return result{Kind: resultObject, Object: c.Returns, Type: spec.Arg{Name: "result", Type: spec.TypeObject, Object: c.Returns}}
}

// leaf is an argument as the core sees it: an argument of a form, or a
// field of its object argument.
type leaf struct {
	spec.Arg
	path   []string // the Go expression: port, or options.Port
	name   string   // the name errors give: port, or options.port
	parent string   // the object argument of a field: options; else ""
}

// expr is a fresh Go expression for the leaf's value.
func (l leaf) expr() *Statement {
	st := Id(l.path[0])
	for _, p := range l.path[1:] {
		st.Dot(p)
	}
	return st
}

// leaves flattens a form's arguments, object arguments into their fields.
func leaves(s *spec.Spec, f spec.Form) []leaf {
	var out []leaf
	for _, a := range f.Args {
		if a.Type != spec.TypeObject {
			out = append(out, leaf{a, []string{param(a.Name)}, a.Name, ""})
			continue
		}
		o, _ := s.Object(a.Object)
		for _, fl := range o.Fields {
			out = append(out, leaf{fl, []string{param(a.Name), exported(fl.Name)}, a.Name + "." + fl.Name, a.Name})
		}
	}
	return out
}

// coreArgs are the arguments of call c's core: the leaves of its forms
// without bounds arguments, in order of first appearance.
func coreArgs(s *spec.Spec, c spec.Call) ([]spec.Arg, error) {
	var out []spec.Arg
	seen := map[string]spec.Arg{}
	for _, f := range c.Forms {
		for _, l := range leaves(s, f) {
			if l.Bounds != "" {
				continue
			}
			prev, ok := seen[l.Name]
			if !ok {
				seen[l.Name] = l.Arg
				out = append(out, l.Arg)
			} else if a, b := fmt.Sprintf("%#v", goType(prev, true)), fmt.Sprintf("%#v", goType(l.Arg, true)); a != b {
				return nil, fmt.Errorf("%s:%d: call %s: core argument %s is %s in one form and %s in another", s.File, l.Line, c.Name, l.Name, a, b)
			}
		}
	}
	return out, nil
}
