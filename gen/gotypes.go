package gen

import (
	. "github.com/dave/jennifer/jen"
	"github.com/dgramkit/dgramkit/spec"
)

// The Go mapping of spec types: the one place that says what Go type and
// zero value each spec type has. Every Go generator (the API, the C
// exports' Go side, the JavaScript dispatch, the test dispatch, the docs)
// reads it through goType, goZero and goResult.

// goMapping is the Go side of one spec type. pkg qualifies the types
// package dgram defines ("" inside package dgram).
type goMapping struct {
	arg  func(a spec.Arg, pkg string) *Statement // as an API argument or object field
	core func(a spec.Arg, pkg string) *Statement // in the core, an event or a callback; nil: as arg
	zero func(a spec.Arg, pkg string) *Statement // the zero value a form that lacks it passes
}

// dgramName is a name package dgram defines, qualified from another package.
func dgramName(pkg, name string) *Statement {
	if pkg == "" {
		return Id(name)
	}
	return Qual(pkg, name)
}

// fixed is a mapping function that ignores the argument.
func fixed(st func() *Statement) func(spec.Arg, string) *Statement {
	return func(spec.Arg, string) *Statement { return st() }
}

var goTypes = map[string]goMapping{
	spec.TypeInteger: {arg: fixed(Int), zero: fixed(func() *Statement { return Lit(0) })},
	spec.TypeString:  {arg: fixed(String), zero: fixed(func() *Statement { return Lit("") })},
	spec.TypeBoolean: {arg: fixed(Bool), zero: fixed(False)},
	spec.TypeIP: {arg: fixed(func() *Statement { return Qual("net/netip", "Addr") }),
		zero: fixed(func() *Statement { return Qual("net/netip", "Addr").Values() })},
	spec.TypeMessage: {arg: fixed(Any), core: fixed(func() *Statement { return Index().Byte() }), zero: fixed(Nil)},
	spec.TypePlatform: {arg: func(_ spec.Arg, pkg string) *Statement { return dgramName(pkg, "Platform") },
		zero: func(_ spec.Arg, pkg string) *Statement { return dgramName(pkg, "Native") }},
	spec.TypeError: {arg: fixed(Error), zero: fixed(Nil)},
	spec.TypeObject: {arg: func(a spec.Arg, pkg string) *Statement { return dgramName(pkg, a.Object) },
		zero: func(a spec.Arg, pkg string) *Statement { return dgramName(pkg, a.Object).Values() }},
	spec.TypeFunction: {arg: func(a spec.Arg, pkg string) *Statement {
		if a.Listener != "" {
			return dgramName(pkg, exported(a.Listener)+"Listener")
		}
		return dgramName(pkg, exported(a.Callback)+"Callback")
	}, zero: fixed(Nil)},
}

// goType is the Go type of a spec argument in package dgram. In the core,
// and as an event argument, a message is []byte; as an argument it is any.
func goType(a spec.Arg, core bool) *Statement { return goTypeIn(a, core, "") }

// goTypeIn is goType from package pkg ("" for package dgram itself).
func goTypeIn(a spec.Arg, core bool, pkg string) *Statement {
	m := goTypes[a.Type]
	if core && m.core != nil {
		return m.core(a, pkg)
	}
	return m.arg(a, pkg)
}

// goZero is the Go zero value of an argument.
func goZero(a spec.Arg) *Statement { return goTypes[a.Type].zero(a, "") }

// goResult is the Go type of a result other than none and socket.
func (r result) goType(pkg string) *Statement { return goTypeIn(r.Type, true, pkg) }

// goZero is the zero value of a result other than none and socket.
func (r result) goZero(pkg string) *Statement { return goTypes[r.Type.Type].zero(r.Type, pkg) }
