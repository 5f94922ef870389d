package gen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/dgramkit/dgramkit/spec"
)

// BadCase is one case of the bad-input table: a call made with one bad
// argument (the others valid), or a valid call in a socket state it is
// refused in, and the code the spec names for it. The Go, C and
// JavaScript runners (dgram/badinput_test.go, cshared/badinput_test.go,
// bindings/js/badinput_test.go) read the table from
// testdata/badinput_gen.json; a case a binding cannot express (Go's static
// types rule out a string where an int is declared) says why in that
// binding's skip field instead of being left out.
type BadCase struct {
	ID    string `json:"id"`
	Call  string `json:"call"`
	Form  string `json:"form"`          // the form's Go name
	Arg   string `json:"arg,omitempty"` // the bad argument, "options.port" for a field
	Kind  string `json:"kind"`          // see badKinds
	State string `json:"state"`         // the socket's state: unbound, bound, connected (to the runner's receiver), closed; "" for module calls
	Type  string `json:"type"`          // the socket type the case runs on
	// The bad value: an integer, a string, a C NULL, or a message of Size
	// bytes. Go and C use these; JavaScript uses JS.
	Int  *int64  `json:"int,omitempty"`
	Str  *string `json:"str,omitempty"`
	Null bool    `json:"null,omitempty"`
	Size int     `json:"size,omitempty"`
	// GoMsg is the Go value of a bad message: "int", "nil", "list-int".
	GoMsg string `json:"goMsg,omitempty"`
	// Args are the call's arguments in Go and C, the bad one in place:
	// an argument of the form, or a field "options.port" of an object
	// argument; one the list leaves out takes its zero value (Go) or 0 or
	// NULL (C).
	Args []BadValue `json:"args"`
	// JS is the whole call in JavaScript, on socket s, with PORT a
	// listening receiver's port and cb a send callback.
	JS string `json:"js,omitempty"`
	// Code is the spec code the call fails with; "" means it succeeds.
	Code string `json:"code"`
	// CCode, when set, is the code in C instead: a handle is released
	// when its 'close' event is emitted, and is ERR_INVALID_HANDLE after.
	CCode string `json:"cCode,omitempty"`
	// How the code is reported: "throw" (returned by the call in Go and C,
	// thrown in JavaScript), "emitted" (returned by the call in Go and C,
	// an 'error' event after the call returns in JavaScript: the call's
	// system_errors is emitted) or "callback" (the send callback).
	How string `json:"how"`
	// Listed tells whether Code is in the call's errors: list in the spec;
	// false marks a gap in that list.
	Listed bool `json:"listed"`
	// Why a binding cannot express the case; empty when it runs it.
	GoSkip string `json:"goSkip,omitempty"`
	CSkip  string `json:"cSkip,omitempty"`
	JSSkip string `json:"jsSkip,omitempty"`
}

// BadValue is one argument of a case's call, for Go and C.
type BadValue struct {
	Name string  `json:"name"`
	Type string  `json:"type"` // the spec type
	Int  *int64  `json:"int,omitempty"`
	Str  *string `json:"str,omitempty"` // a string; a message's text
	Bool *bool   `json:"bool,omitempty"`
	Null bool    `json:"null,omitempty"` // a C NULL string or message (with its length)
	Size int     `json:"size,omitempty"` // a message of Size zero bytes
	// GoMsg is a Go message of another type: "int", "nil", "list-int".
	GoMsg string `json:"goMsg,omitempty"`
	// Port is the port of the runner's listening receiver.
	Port bool `json:"port,omitempty"`
	// Callback is the runner's completion callback.
	Callback bool `json:"callback,omitempty"`
}

// BadForm is a form with valid arguments: what the platform profile test
// calls, and what the C runner calls with bad handles.
type BadForm struct {
	Call   string     `json:"call"`
	Form   string     `json:"form"`
	C      string     `json:"c"`      // the C function
	Module bool       `json:"module"` // a module call: no socket
	Bound  bool       `json:"bound"`  // the call needs a bound socket to get past its checks
	Args   []BadValue `json:"args"`
	// Null are the C pointer arguments that NULL makes ERR_NULL_POINTER:
	// object arguments, and "out" for a result.
	Null []string `json:"null,omitempty"`
}

// badTable is the file BadInput writes.
type badTable struct {
	Header string     `json:"header"`
	Spec   string     `json:"spec"`
	Rules  []string   `json:"rules"`
	Forms  []BadForm  `json:"forms"`
	Cases  []*BadCase `json:"cases"`
}

// badRules say how each case's code follows from the spec; they are
// written into the table.
var badRules = []string{
	"integer with min/max: a value below min or above max fails with the argument's error:; so do a fraction and NaN in JavaScript (Go and C have no such int).",
	"integer read as a port (js: port): any JavaScript value that is not a number or a numeric string, and a missing port, fail with the argument's error: (Node's validatePort); an integer with js: own_error fails with the argument's error: for every JavaScript value that is not a number, a numeric string included (Node's bufferSize); another integer given a non-number in JavaScript is ERR_INVALID_ARG_TYPE.",
	"integer with bounds: an offset below 0 or past the message, a length below 0 or past the rest of it, fail with the argument's error:; a fraction or NaN too (JavaScript).",
	"string with enum: any value not in the set (a wrong value, \"\", a missing argument, a C NULL, a JavaScript non-string) fails with the argument's error:.",
	"string with required: \"\", a missing argument and a C NULL fail with the argument's error:; a JavaScript non-string that is truthy is ERR_INVALID_ARG_TYPE.",
	"optional string: a JavaScript value that is neither a string nor null/undefined is ERR_INVALID_ARG_TYPE.",
	"an address argument (address: a kind of addresses:) gets its family's malformed value, the other family's valid value (sendAddress or group) and its family's unassigned address, each failing with the code its kind names; a kind with bound: true is checked on a bound socket (before that the call is EBADF). A code that comes after the call returns goes to the form's completion callback when it has one, else to the 'error' event.",
	"message: a value that is not bytes, a string or a list of them fails with the argument's error:; a datagram longer than the family's maxDatagram is EMSGSIZE, to the send callback. In C a NULL message with a length is ERR_NULL_POINTER.",
	"platform: a value that names no platform is ERR_NOT_SUPPORTED_ON_PLATFORM (no call is supported there).",
	"state: a call whose errors list ERR_SOCKET_DGRAM_NOT_RUNNING fails with it after close; one that lists EBADF fails with it before bind (EBADF: not bound yet), or with its option's unbound: code; bind fails with ERR_SOCKET_ALREADY_BOUND once bound (bind binds the operating-system socket within the call: there is no state in between); a call that lists the connected role's code (ERR_SOCKET_DGRAM_IS_CONNECTED) fails with it on a socket connected to the runner's receiver; one that lists the not-connected role's code and has no connected form fails with it before bind. Any other call in those states succeeds (send and connect bind implicitly). The cases of a connected form (connected: true) run on a connected socket. A runner dissolves a connection before checking that the socket still works. In C a closed socket's handle is released with its 'close' event, so a call after it is ERR_INVALID_HANDLE (cCode).",
	"boolean and function arguments have no bad value: JavaScript reads a flag by truthiness and ignores a callback that is not a function, as Node does.",
}

// badKinds are the kinds of bad input, in the order cases are written.
const (
	kindBelow     = "below"
	kindAbove     = "above"
	kindFraction  = "fraction"
	kindNaN       = "nan"
	kindWrongType = "wrong-type"
	// kindNumericString is a number in a string, for an argument that
	// takes numbers only (js: own_error).
	kindNumericString = "numeric-string"
	kindMissing       = "missing"
	kindEmpty         = "empty"
	kindWrongValue    = "wrong-value"
	kindNull          = "null"
	kindMalformed     = "malformed"
	kindFamily        = "wrong-family"
	kindNoIface       = "no-interface"
	kindOversize      = "oversize"
	kindState         = "state"
)

const (
	goNoType       = "Go's static type int cannot hold this value"
	goNoTypeS      = "Go's static type string cannot hold this value"
	cNoType        = "C's static type cannot hold this value"
	cNoNull        = "the C type is not a pointer"
	jsNoNull       = "JavaScript has no NULL pointer"
	noMissing      = "a Go or C argument cannot be left out, and its zero value is in range"
	noMissingBelow = "a Go or C argument cannot be left out; its zero value is the below case"
)

// BadInput writes testdata/badinput_gen.json: the bad-input table, every
// call x every argument x every kind of bad value, and every socket call
// in the states before bind, after bind (bind only) and
// after close, with the code the spec names; and every form with valid
// arguments.
func BadInput(s *spec.Spec) ([]byte, error) {
	if len(s.Families) < 2 {
		return nil, fmt.Errorf("the spec has fewer than two families: the bad-input cases need a socket type and the other family's addresses")
	}
	m, err := newModel(s)
	if err != nil {
		return nil, err
	}
	g := &badGen{s: s, fam: s.Families[0], other: s.Families[1]}
	var forms []BadForm
	for _, c := range m.Calls {
		for _, f := range c.MForms {
			g.form(c, f)
			bf := BadForm{Call: c.Name, Form: f.Go, C: f.C, Module: c.Module, Bound: f.Bound, Args: g.validArgs(f, "", nil)}
			for _, a := range f.Args {
				if a.Type == spec.TypeObject {
					bf.Null = append(bf.Null, a.Name)
				}
			}
			if r := c.Result; r.Kind == resultObject || r.Kind == resultScalar {
				bf.Null = append(bf.Null, "out")
			}
			forms = append(forms, bf)
		}
	}
	for _, c := range m.Calls {
		if !c.Module && len(c.MForms) > 0 {
			g.states(c)
		}
	}
	seen := map[string]bool{}
	for _, bc := range g.cases {
		if seen[bc.ID] {
			return nil, fmt.Errorf("bad-input case %s twice", bc.ID)
		}
		seen[bc.ID] = true
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	err = enc.Encode(badTable{Header: header, Spec: s.SHA256, Rules: badRules, Forms: forms, Cases: g.cases})
	return b.Bytes(), err
}

type badGen struct {
	s          *spec.Spec
	fam, other spec.Family // the family the cases run on, and the other
	cases      []*BadCase
}

// kind is the address kind of argument a, if any.
func (g *badGen) kind(a spec.Arg) (spec.AddressKind, bool) {
	if a.Address == "" {
		return spec.AddressKind{}, false
	}
	return g.s.AddressKind(a.Address)
}

// role is the code of the error with role, or "" when the spec gives
// none that role.
func (g *badGen) role(role string) string { return g.s.RoleCode(role) }

func (g *badGen) listed(c *mCall, code string) bool {
	switch code {
	case "", g.role(spec.RoleWrongType), g.role(spec.RoleNullPointer), g.role(spec.RoleUnsupported):
		// A JavaScript type, a C NULL and a platform profile apply to
		// every call; the errors: lists leave them out.
		return true
	}
	for _, e := range c.Errors {
		if e == code {
			return true
		}
	}
	return false
}

func i64(v int64) *int64   { return &v }
func str(v string) *string { return &v }

// familyAddress is the family field a kind's valid: names.
func familyAddress(f spec.Family, field string) string {
	switch field {
	case "sendAddress":
		return f.SendAddress
	case "bindAddress":
		return f.BindAddress
	case "group":
		return f.Group
	}
	return ""
}

// msgText is the valid message of every case; bounds arguments are
// within it.
const msgText = "hello"

// valid is a valid value of argument a, or nil to leave it out. bounds
// counts the bounds arguments met so far in the form: the first is the
// offset (0), the second the length (the whole message).
func (g *badGen) valid(a spec.Arg, bounds int) *BadValue {
	if m := badTypes[a.Type]; m.valid != nil {
		return m.valid(g, a, bounds)
	}
	return nil
}

// validArgs are form f's arguments with valid values, but the leaf named
// bad replaced by badV (nil leaves it out).
func (g *badGen) validArgs(f *mForm, bad string, badV *BadValue) []BadValue {
	out := []BadValue{}
	bounds := 0
	for _, fl := range f.Leaves {
		v := g.valid(fl.Arg, bounds)
		if fl.Arg.Bounds != "" {
			bounds++
		}
		if fl.Arg.Type == spec.TypeBoolean && fl.parent != "" {
			v = nil // flags of options have no bad value; extensions may be Go's alone
		}
		if fl.name == bad {
			v = badV
		}
		if v != nil {
			v.Name, v.Type = fl.name, fl.Arg.Type
			out = append(out, *v)
		}
	}
	return out
}

// badMapping is the bad-input table's side of one spec type: a valid
// value of an argument (nil leaves it out; bounds counts the bounds
// arguments before it in the form: the first is the offset, 0, the second
// the length, the whole message), and the cases of its bad values.
type badMapping struct {
	valid func(g *badGen, a spec.Arg, bounds int) *BadValue
	bad   func(g *badGen, c *mCall, f *mForm, fl leaf, add func(kind string, bc BadCase))
}

// badTypes is the bad-input table's mapping of spec types: the one place
// that says what each type's valid and bad values are.
var badTypes = map[string]badMapping{
	spec.TypeMessage: {valid: func(g *badGen, a spec.Arg, bounds int) *BadValue {
		v := &BadValue{}
		v.Str = str(msgText)
		return v
	}, bad: func(g *badGen, c *mCall, f *mForm, fl leaf, add func(string, BadCase)) {
		a := fl.Arg
		add(kindWrongType, BadCase{GoMsg: "int", JS: "5", Code: a.Error, CSkip: "a C message is any bytes"})
		add(kindMissing, BadCase{GoMsg: "nil", JS: "undefined", Code: a.Error, CSkip: "see the NULL case"})
		add(kindWrongType+"-list", BadCase{GoMsg: "list-int", JS: "['a', 1]", Code: a.Error, CSkip: "a C message is any bytes"})
		add(kindNull, BadCase{Null: true, Code: g.role(spec.RoleNullPointer), JSSkip: jsNoNull, GoSkip: "a nil []byte is an empty message in Go"})
		if f == c.MForms[0] && c.Core == "" {
			// Once per core: the first form of a call that has its own.
			size := g.fam.MaxDatagram + 1
			add(kindOversize, BadCase{Size: size, JS: "Buffer.alloc(" + strconv.Itoa(size) + ")", Code: g.role(spec.RoleOversize), How: f.Async})
		}
	}},
	spec.TypeInteger: {valid: func(g *badGen, a spec.Arg, bounds int) *BadValue {
		v := &BadValue{}
		switch {
		case a.Bounds != "" && bounds == 0:
			v.Int = i64(0)
		case a.Bounds != "":
			v.Int = i64(int64(len(msgText)))
		case a.JS != nil && a.JS.Port && a.Min != nil && *a.Min > 0:
			v.Port = true
		case a.Min != nil && *a.Min > 0:
			n := max(*a.Min, 64)
			if a.Max != nil {
				n = min(n, *a.Max)
			}
			v.Int = i64(n)
		case a.JS != nil && a.JS.Port:
			v.Int = i64(0)
		case a.Optional:
			return nil
		default:
			v.Int = i64(1)
		}
		return v
	}, bad: func(g *badGen, c *mCall, f *mForm, fl leaf, add func(string, BadCase)) {
		a, msgLen, jsPort := fl.Arg, int64(len(msgText)), fl.JS != nil && fl.JS.Port
		ownError := fl.JS != nil && fl.JS.OwnError
		if a.Bounds != "" {
			add(kindBelow, BadCase{Int: i64(-1), JS: "-1", Code: a.Error})
			above := msgLen + 1
			add(kindAbove, BadCase{Int: i64(above), JS: strconv.FormatInt(above, 10), Code: a.Error})
			add(kindFraction, BadCase{JS: "1.5", Code: a.Error, GoSkip: goNoType, CSkip: cNoType})
			add(kindNaN, BadCase{JS: "NaN", Code: a.Error, GoSkip: goNoType, CSkip: cNoType})
			jsSkip := ""
			if f.Connected && f.Args[boundsEnd(f.Form)-1].Name == a.Name {
				// a non-number length picks the form without bounds (Node)
				jsSkip = "on a connected socket JavaScript picks the form without bounds when the length is not a number, as Node does"
			}
			add(kindWrongType, BadCase{JS: "'abc'", Code: g.role(spec.RoleWrongType), GoSkip: goNoType, CSkip: cNoType, JSSkip: jsSkip})
			return
		}
		if a.Min == nil && a.Max == nil {
			return
		}
		cSkip := ""
		if a.Min != nil {
			below := *a.Min - 1
			if !g.cInt(fl, below) {
				cSkip = cNoType
			}
			add(kindBelow, BadCase{Int: i64(below), JS: strconv.FormatInt(below, 10), Code: a.Error, CSkip: cSkip})
		}
		if a.Max != nil {
			above := *a.Max + 1
			cSkip = ""
			if !g.cInt(fl, above) {
				cSkip = cNoType
			}
			add(kindAbove, BadCase{Int: i64(above), JS: jsNumber(above), Code: a.Error, CSkip: cSkip})
		}
		lo := int64(0)
		if a.Min != nil {
			lo = *a.Min
		}
		add(kindFraction, BadCase{JS: strconv.FormatInt(lo, 10) + ".5", Code: a.Error, GoSkip: goNoType, CSkip: cNoType})
		nan := BadCase{JS: "NaN", Code: a.Error, GoSkip: goNoType, CSkip: cNoType}
		if fl.JS != nil && fl.JS.Truthy {
			nan.JSSkip = "NaN is falsy: JavaScript omits it, as Node's if (options.x)"
		}
		add(kindNaN, nan)
		wrong := g.role(spec.RoleWrongType)
		if jsPort || ownError {
			wrong = a.Error
		}
		add(kindWrongType, BadCase{JS: "'abc'", Code: wrong, GoSkip: goNoType, CSkip: cNoType})
		if ownError {
			add(kindNumericString, BadCase{JS: "'4096'", Code: a.Error, GoSkip: goNoType, CSkip: cNoType})
		}
		if !a.Optional {
			why := noMissing
			if a.Min != nil && *a.Min == 1 {
				why = noMissingBelow
			}
			add(kindMissing, BadCase{Code: wrong, JS: "undefined", GoSkip: why, CSkip: why})
		}
	}},
	spec.TypeString: {valid: func(g *badGen, a spec.Arg, bounds int) *BadValue {
		v := &BadValue{}
		k, ok := g.kind(a)
		switch {
		case a.Enum != "":
			v.Str = str(g.fam.Type)
		case ok && k.Valid != "":
			v.Str = str(familyAddress(g.fam, k.Valid))
		case a.Required:
			v.Str = str("x")
		default:
			return nil
		}
		return v
	}, bad: func(g *badGen, c *mCall, f *mForm, fl leaf, add func(string, BadCase)) {
		a := fl.Arg
		switch {
		case a.Enum != "":
			bad := g.fam.Type + "x" // no socket type
			add(kindWrongValue, BadCase{Str: str(bad), JS: jsString(bad), Code: a.Error})
			add(kindEmpty, BadCase{Str: str(""), JS: "''", Code: a.Error})
			add(kindWrongType, BadCase{JS: "5", Code: a.Error, GoSkip: goNoTypeS, CSkip: cNoType})
			add(kindNull, BadCase{Null: true, Code: a.Error, GoSkip: "Go has no NULL string", JSSkip: jsNoNull})
			add(kindMissing, BadCase{JS: "undefined", Code: a.Error, GoSkip: "the empty-string case is Go's missing type", CSkip: "the NULL case is C's missing type"})
		case a.Required:
			add(kindEmpty, BadCase{Str: str(""), JS: "''", Code: a.Error})
			add(kindMissing, BadCase{JS: "undefined", Code: a.Error, GoSkip: "the empty-string case is Go's missing argument", CSkip: "the NULL case is C's missing argument"})
			add(kindNull, BadCase{Null: true, Code: a.Error, GoSkip: "Go has no NULL string", JSSkip: jsNoNull})
			add(kindWrongType, BadCase{JS: "5", Code: g.role(spec.RoleWrongType), GoSkip: goNoTypeS, CSkip: cNoType})
		default:
			add(kindWrongType, BadCase{JS: "5", Code: g.role(spec.RoleWrongType), GoSkip: goNoTypeS, CSkip: cNoType})
		}
		if k, ok := g.kind(a); ok {
			how := "throw"
			if !k.Bound {
				how = f.Async // resolved after the call returns
			}
			if k.Malformed != "" {
				add(kindMalformed, BadCase{Str: str(g.fam.Malformed), JS: jsString(g.fam.Malformed), Code: k.Malformed, How: how})
			}
			if other := familyAddress(g.other, k.Valid); k.Family != "" && other != "" {
				add(kindFamily, BadCase{Str: str(other), JS: jsString(other), Code: k.Family, How: how})
			}
			if k.Unassigned != "" {
				add(kindNoIface, BadCase{Str: str(g.fam.Unassigned), JS: jsString(g.fam.Unassigned), Code: k.Unassigned, How: how})
			}
		}
	}},
	spec.TypeBoolean: {valid: func(g *badGen, a spec.Arg, bounds int) *BadValue {
		v := &BadValue{}
		v.Bool = new(bool)
		*v.Bool = true
		return v
	}},
	spec.TypeFunction: {valid: func(g *badGen, a spec.Arg, bounds int) *BadValue {
		v := &BadValue{}
		if a.Callback == "" {
			return nil
		}
		v.Callback = true
		return v
	}},
	spec.TypePlatform: {bad: func(g *badGen, c *mCall, f *mForm, fl leaf, add func(string, BadCase)) {
		add(kindWrongValue, BadCase{Int: i64(99), JS: "'bogus'", Code: g.role(spec.RoleUnsupported)})
	}},
}

// form writes the argument cases of one form.
func (g *badGen) form(c *mCall, f *mForm) {
	for _, fl := range f.Leaves {
		a := fl.Arg
		add := func(kind string, bc BadCase) {
			if bc.Code == "" {
				return // a code the spec gives no error the role of: no case
			}
			bc.ID = c.Name + "/" + f.Go + "/" + fl.name + "/" + kind
			bc.Call, bc.Form, bc.Arg, bc.Kind, bc.Type = c.Name, f.Go, fl.name, kind, g.fam.Type
			if bc.How == "" {
				bc.How = "throw"
			}
			if !c.Module && bc.State == "" {
				bc.State = "unbound"
				switch {
				case f.Connected:
					bc.State = "connected" // connected to the runner's receiver
				case f.Bound:
					bc.State = "bound"
				}
			}
			bc.Listed = g.listed(c, bc.Code)
			var bad *BadValue
			if bc.Int != nil || bc.Str != nil || bc.Null || bc.Size > 0 || bc.GoMsg != "" {
				bad = &BadValue{Int: bc.Int, Str: bc.Str, Null: bc.Null, Size: bc.Size, GoMsg: bc.GoMsg}
			}
			bc.Args = g.validArgs(f, fl.name, bad)
			if bc.JSSkip == "" {
				bc.JS = g.jsCall(c, f, fl.name, bc.JS)
			}
			g.cases = append(g.cases, &bc)
		}
		if m := badTypes[a.Type]; m.bad != nil {
			m.bad(g, c, f, fl, add)
		}
	}
}

// cInt reports whether v fits the C type of argument fl.
func (g *badGen) cInt(fl leaf, v int64) bool {
	if cIsInt64(fl.Arg) {
		return true // int64_t
	}
	return v >= math.MinInt32 && v <= math.MaxInt32
}

func jsNumber(v int64) string { return strconv.FormatInt(v, 10) }

// jsString is a JavaScript string literal.
func jsString(v string) string { return "'" + v + "'" }

// states writes every socket call in the states the spec names codes for.
func (g *badGen) states(c *mCall) {
	f := c.MForms[0]
	unbound, closed, already := g.role(spec.RoleUnbound), g.role(spec.RoleClosed), g.role(spec.RoleAlreadyBound)
	connected, notConnected := g.role(spec.RoleConnected), g.role(spec.RoleNotConnected)
	has := func(code string) bool { return code != "" && g.listed(c, code) }
	ebadf, notRunning, isBind, isConnect := has(unbound), has(closed), has(already), has(connected)
	// A call that lists the not-connected code and has no connected form
	// needs a connection (disconnect, remoteAddress); a call with
	// connected forms gives that code only to them.
	needsConn := has(notConnected)
	for _, f := range c.MForms {
		needsConn = needsConn && !f.Connected
	}
	if c.Opt != nil && c.Opt.Unbound != "" {
		unbound, ebadf = c.Opt.Unbound, true
	}
	for _, st := range []string{"unbound", "bound", "connected", "closed"} {
		code := ""
		switch {
		case st == "closed" && notRunning:
			code = closed
		case st == "bound" && isBind:
			code = already
		case st == "connected" && isConnect:
			code = connected
		case st == "unbound" && ebadf:
			code = unbound
		case st == "unbound" && needsConn:
			code = notConnected
		case st == "bound", st == "connected":
			continue // a valid call on a bound or connected socket is the happy path, tested elsewhere
		}
		bc := &BadCase{
			ID: c.Name + "/" + f.Go + "/" + st, Call: c.Name, Form: f.Go, Kind: kindState, State: st, Type: g.fam.Type,
			Code: code, How: "throw", Listed: g.listed(c, code), Args: g.validArgs(f, "", nil),
		}
		if st == "closed" {
			bc.CCode = g.role(spec.RoleInvalidHandle)
		}
		if bc.JSSkip == "" {
			bc.JS = g.jsCall(c, f, "", "")
		}
		g.cases = append(g.cases, bc)
	}
}

// jsLiteral is the JavaScript source of a valid value.
func jsLiteral(v *BadValue) string {
	switch {
	case v == nil:
		return ""
	case v.Port:
		return "PORT"
	case v.Callback:
		return "cb"
	case v.Int != nil:
		return strconv.FormatInt(*v.Int, 10)
	case v.Str != nil:
		return jsString(*v.Str)
	case v.Bool != nil:
		return strconv.FormatBool(*v.Bool)
	}
	return ""
}

// jsCall is form f of call c in JavaScript with argument bad (a name, or a
// field "options.x") given as badJS ("undefined" to leave it out), the
// others valid.
func (g *badGen) jsCall(c *mCall, f *mForm, bad, badJS string) string {
	var args []string
	bounds := 0
	for _, a := range f.Args {
		v := jsLiteral(g.valid(a, bounds))
		if a.Bounds != "" {
			bounds++
		}
		if a.Type == spec.TypeObject {
			o, _ := g.s.Object(a.Object)
			var fields []string
			for _, fl := range o.Fields {
				fv := jsLiteral(g.valid(fl, 0))
				if fl.Type == spec.TypeBoolean {
					fv = "" // flags have no bad value; extensions may be Go's alone
				}
				if a.Name+"."+fl.Name == bad {
					fv = badJS
				}
				if fv != "" && fv != "undefined" {
					fields = append(fields, fl.Name+": "+fv)
				}
			}
			v = "{ " + strings.Join(fields, ", ") + " }"
			if len(fields) == 0 {
				v = "{}"
			}
		} else if a.Name == bad {
			v = badJS
		}
		args = append(args, v)
	}
	// Trailing omitted arguments are left out; omitted ones before a given
	// one are undefined.
	for len(args) > 0 && (args[len(args)-1] == "" || args[len(args)-1] == "undefined") {
		args = args[:len(args)-1]
	}
	for i := range args {
		if args[i] == "" {
			args[i] = "undefined"
		}
	}
	recv := "s"
	if c.Module {
		recv = "dgram"
	}
	return recv + "." + c.Name + "(" + strings.Join(args, ", ") + ")"
}
