package gen

import (
	"fmt"

	. "github.com/dave/jennifer/jen"
	"github.com/dgramkit/dgramkit/spec"
)

// The JavaScript mapping of spec types: the one place that says how the
// JavaScript host (bindings/js/dispatch_gen.go) reads an argument of each
// spec type from a JavaScript value, and makes a JavaScript value of a Go
// value (an event or callback argument, a result, a result field). A type
// without an entry, or a use its entry leaves nil, is a generator error.

// jsMapping is the JavaScript side of one spec type.
type jsMapping struct {
	// value is the JavaScript value of Go value v (m is the module).
	value func(a spec.Arg, v *Statement) *Statement
	// read is the Go value of JavaScript value v for leaf l, named name in
	// messages. A listener instead returns the statement that records it
	// and a nil expression.
	read func(s *spec.Spec, c spec.Call, l leaf, name string, v *Statement) (*Statement, Code, error)
}

// toValue is goja's own conversion, for numbers, strings and booleans.
func toValue(_ spec.Arg, v *Statement) *Statement { return Id("m").Dot("vm").Dot("ToValue").Call(v) }

// method is the JavaScript value m.<name>(v).
func method(name string) func(spec.Arg, *Statement) *Statement {
	return func(_ spec.Arg, v *Statement) *Statement { return Id("m").Dot(name).Call(v) }
}

var jsTypes = map[string]jsMapping{
	spec.TypeInteger: {value: method("intValue"), read: func(s *spec.Spec, _ spec.Call, l leaf, name string, v *Statement) (*Statement, Code, error) {
		fields := []Code{Id("name").Op(":").Lit(name)}
		if l.Error != "" {
			fields = append(fields, Id("code").Op(":").Add(dq(errorGo(s, l.Error))))
		}
		if l.Min != nil {
			fields = append(fields, Id("min").Op(":").Add(int64Lit(l.Min, "")), Id("hasMin").Op(":").True())
		}
		if l.Max != nil {
			fields = append(fields, Id("max").Op(":").Add(int64Lit(l.Max, "")), Id("hasMax").Op(":").True())
		}
		if l.Bounds != "" {
			fields = append(fields, Id("bounds").Op(":").True())
		}
		if l.JS != nil && l.JS.Port {
			fields = append(fields, Id("port").Op(":").True())
		}
		if l.Optional {
			fields = append(fields, Id("optional").Op(":").True())
		}
		if l.JS != nil && l.JS.Truthy {
			fields = append(fields, Id("truthy").Op(":").True())
		}
		if l.JS != nil && l.JS.OwnError {
			fields = append(fields, Id("ownError").Op(":").True())
		}
		return Id("x").Dot("integer").Call(v, Id("intArg").Values(fields...)), nil, nil
	}},
	spec.TypeString: {value: method("stringValue"), read: func(_ *spec.Spec, _ spec.Call, l leaf, name string, v *Statement) (*Statement, Code, error) {
		switch {
		case l.Enum != "":
			return Id("x").Dot("enum").Call(v, Lit(name)), nil, nil
		case l.Required:
			return Id("x").Dot("required").Call(v, Lit(name)), nil, nil
		case !l.Optional:
			return Id("x").Dot("text").Call(v, Lit(name)), nil, nil
		}
		return Id("x").Dot("str").Call(v, Lit(name)), nil, nil
	}},
	spec.TypeBoolean: {value: toValue, read: func(_ *spec.Spec, _ spec.Call, _ leaf, _ string, v *Statement) (*Statement, Code, error) {
		return Id("x").Dot("boolean").Call(v), nil, nil
	}},
	spec.TypeIP:    {value: method("ipValue")},
	spec.TypeError: {value: method("errorValue")},
	spec.TypeMessage: {value: method("buffer"), read: func(s *spec.Spec, _ spec.Call, l leaf, name string, v *Statement) (*Statement, Code, error) {
		if l.JS == nil || l.JS.Types == "" {
			return nil, nil, fmt.Errorf("%s:%d: %s: a message argument needs js: types", s.File, l.Line, l.name)
		}
		return Id("x").Dot("message").Call(v, Lit(name), Lit(l.JS.Types)), nil, nil
	}},
	spec.TypePlatform: {read: func(_ *spec.Spec, _ spec.Call, _ leaf, name string, v *Statement) (*Statement, Code, error) {
		return Id("x").Dot("platform").Call(v, Lit(name)), nil, nil
	}},
	spec.TypeObject: {value: func(a spec.Arg, v *Statement) *Statement {
		return Id("m").Dot(unexported(a.Object) + "Value").Call(v)
	}},
	spec.TypeFunction: {read: func(s *spec.Spec, c spec.Call, l leaf, _ string, v *Statement) (*Statement, Code, error) {
		fn := Id("x").Dot("function").Call(v)
		if l.Listener != "" {
			sock := Id("s")
			if c.Module {
				sock = Nil()
			}
			return nil, Id("x").Dot("listen").Call(sock, Lit(l.Listener), fn, Lit(l.Once)), nil
		}
		if c.Module {
			return nil, nil, fmt.Errorf("%s:%d: %s: a callback needs a socket", s.File, l.Line, l.name)
		}
		return Id("x").Dot(unexported(l.Callback)+"Callback").Call(Id("s"), fn), nil, nil
	}},
}

// jsValue converts a Go value of spec type a (an event or callback
// argument, a result, a result field) to a JavaScript value.
func jsValue(a spec.Arg, v *Statement) (*Statement, error) {
	if m := jsTypes[a.Type]; m.value != nil {
		return m.value(a, v), nil
	}
	return nil, fmt.Errorf("%s: no JavaScript value for type %s", a.Name, a.Type)
}

// conversion writes the statement that converts JavaScript value v into
// the Go value of leaf l: `target := ...` when declare, else `target = ...`.
// It returns the Go expression to pass for it: a listener function is
// recorded on the socket instead, and the Go API gets nil.
func conversion(s *spec.Spec, c spec.Call, l leaf, v, target *Statement, declare bool) ([]Code, *Statement, error) {
	m := jsTypes[l.Type]
	if m.read == nil {
		return nil, nil, fmt.Errorf("%s:%d: %s: the JavaScript host cannot read type %s", s.File, l.Line, l.name, l.Type)
	}
	e, listen, err := m.read(s, c, l, jsName(l), v)
	switch {
	case err != nil:
		return nil, nil, err
	case listen != nil:
		return []Code{listen}, Nil(), nil
	case declare:
		return []Code{Add(target).Op(":=").Add(e)}, target, nil
	}
	return []Code{Add(target).Op("=").Add(e)}, target, nil
}
