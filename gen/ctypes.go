package gen

import (
	"math"

	. "github.com/dave/jennifer/jen"
	"github.com/dgramkit/dgramkit/spec"
)

// The C mapping of spec types: the one place that says what C type each
// spec type has as an argument, a struct field, an event argument and a
// result, and how the Go side of the exports (cshared/exports_gen.go)
// converts between the C and the Go value. The C model (cmodel.go) and
// the Go exports (cexports.go) read it; a spec type without an entry, or
// a use its entry leaves nil, is a generator error naming the type.

// cMapping is the C side of one spec type.
type cMapping struct {
	// param is the C type of an argument of a form (n is its C name).
	param func(a spec.Arg) string
	// field is the declaration of a struct field named n; input structs
	// are arguments, the others results.
	field func(a spec.Arg, n string, input bool) string
	// event is the C type of an event or callback argument.
	event string
	// toGo is the Go value of a C argument or input field v.
	toGo func(a spec.Arg, v *Statement) *Statement
	// toC stores the Go value v into the C result field or out pointer
	// target out (an lvalue, or a char array for strings).
	toC func(out, v *Statement) *Statement
	// eventValue is the C argument a callback gets for Go value v.
	eventValue func(v *Statement) *Statement
	// store writes the Go value v of a scalar result through the out
	// pointer out.
	store func(out, v *Statement) *Statement
	// out is the type a scalar result is written to through its out
	// pointer; "" for a type that is no scalar result.
	out string
	// outDoc words the out pointer of a scalar result.
	outDoc string
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

// cString is the mapping of strings and addresses: const char * in,
// a char array of DGRAM_STRING_LEN out.
func cString(toString func(v *Statement) *Statement) cMapping {
	return cMapping{
		param: func(spec.Arg) string { return "const char *" },
		field: func(a spec.Arg, n string, input bool) string {
			if input {
				return "const char *" + n
			}
			return "char " + n + "[DGRAM_STRING_LEN]"
		},
		event: "const char *",
		toGo:  func(_ spec.Arg, v *Statement) *Statement { return Id("goString").Call(v) },
		toC: func(out, v *Statement) *Statement {
			return Id("setString").Call(out.Index(Op(":")), toString(v))
		},
		store: func(out, v *Statement) *Statement {
			return Id("setString").Call(Qual("unsafe", "Slice").Call(out, Qual("C", "DGRAM_STRING_LEN")), toString(v))
		},
		out:    "char",
		outDoc: "Receives the result, NUL-terminated, in at least DGRAM_STRING_LEN bytes; NULL is ERR_NULL_POINTER.",
	}
}

var cTypes = map[string]cMapping{
	spec.TypeInteger: {
		param: cIntType,
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
		toC:        func(out, v *Statement) *Statement { return out.Op("=").Qual("C", "int").Call(v) },
		eventValue: func(v *Statement) *Statement { return Qual("C", "int").Call(v) },
		store:      func(out, v *Statement) *Statement { return Op("*").Add(out).Op("=").Qual("C", "int64_t").Call(v) },
		out:        "int64_t",
		outDoc:     "Receives the result; NULL is ERR_NULL_POINTER.",
	},
	spec.TypeBoolean: {
		param:      func(spec.Arg) string { return "bool" },
		field:      func(_ spec.Arg, n string, _ bool) string { return "bool " + n },
		event:      "bool",
		toGo:       func(_ spec.Arg, v *Statement) *Statement { return Bool().Call(v) },
		toC:        func(out, v *Statement) *Statement { return out.Op("=").Qual("C", "bool").Call(v) },
		eventValue: func(v *Statement) *Statement { return Qual("C", "bool").Call(v) },
		store:      func(out, v *Statement) *Statement { return Op("*").Add(out).Op("=").Qual("C", "bool").Call(v) },
		out:        "bool",
		outDoc:     "Receives the result; NULL is ERR_NULL_POINTER.",
	},
	spec.TypeString: cString(func(v *Statement) *Statement { return v }),
	spec.TypeIP:     cString(func(v *Statement) *Statement { return v.Dot("String").Call() }),
	spec.TypePlatform: {
		param: func(spec.Arg) string { return "dgram_platform " },
		field: func(_ spec.Arg, n string, _ bool) string { return "dgram_platform " + n },
		toGo:  func(_ spec.Arg, v *Statement) *Statement { return Qual(cDgramPkg, "Platform").Call(v) },
	},
	spec.TypeMessage: {event: "const uint8_t *"},
	spec.TypeError:   {event: "const struct dgram_error_info *"},
	spec.TypeObject:  {},
	spec.TypeFunction: {
		param: func(a spec.Arg) string {
			cb := a.Listener
			if cb == "" {
				cb = a.Callback
			}
			return "dgram_" + snake(cb) + "_cb "
		},
	},
}

// cArgName is the C name of an argument: its c: name, else its snake name.
func cArgName(a spec.Arg) string {
	if a.C != nil && a.C.Name != "" {
		return a.C.Name
	}
	return snake(a.Name)
}
