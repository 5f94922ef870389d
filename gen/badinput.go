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
	State string `json:"state"`         // the socket's state: unbound, bound, closed; "" for module calls
	Type  string `json:"type"`          // the socket type the case runs on
	// The bad value: an integer, a string, a C NULL, or a message of Size
	// bytes. Go and C use these; JavaScript uses JS.
	Int  *int64  `json:"int,omitempty"`
	Str  *string `json:"str,omitempty"`
	Null bool    `json:"null,omitempty"`
	Size int     `json:"size,omitempty"`
	// GoMsg is the Go value of a bad message: "int", "nil", "list-int".
	GoMsg string `json:"goMsg,omitempty"`
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

// badTable is the file BadInput writes.
type badTable struct {
	Header string     `json:"header"`
	Spec   string     `json:"spec"`
	Rules  []string   `json:"rules"`
	Cases  []*BadCase `json:"cases"`
}

// badRules say how each case's code follows from the spec; they are
// written into the table.
var badRules = []string{
	"integer with min/max: a value below min or above max fails with the argument's error:; so do a fraction and NaN in JavaScript (Go and C have no such int).",
	"integer read as a port (js: port): any JavaScript value that is not a number or a numeric string, and a missing port, fail with the argument's error: (Node's validatePort); another integer given a non-number in JavaScript is ERR_INVALID_ARG_TYPE.",
	"integer with bounds: an offset below 0 or past the message, a length below 0 or past the rest of it, fail with the argument's error:; a fraction or NaN too (JavaScript).",
	"string with enum: any value not in the set (a wrong value, \"\", a missing argument, a C NULL, a JavaScript non-string) fails with the argument's error:.",
	"string with required: \"\", a missing argument and a C NULL fail with the argument's error:; a JavaScript non-string that is truthy is ERR_INVALID_ARG_TYPE.",
	"optional string: a JavaScript value that is neither a string nor null/undefined is ERR_INVALID_ARG_TYPE.",
	"an address argument (default: bindAddress or sendAddress) of the other family is EINVAL (EINVAL: a wrong-family address); a malformed IP literal is ENOTFOUND, as a name that does not resolve (dgramkit, like Node, resolves whatever is not an IP literal); bind's are reported as the spec's reporting says for a call whose system_errors is emitted (returned in Go and C, an 'error' event in JavaScript), send's go to the send callback.",
	"a multicast group that is not an IP address is EINVAL (EINVAL: a malformed address); a group of the other family is ENOPROTOOPT; an interface address that is not an IP is EINVAL and one no interface has is ENODEV. The socket must be bound (before that the call is EBADF).",
	"message: a value that is not bytes, a string or a list of them fails with the argument's error:; a datagram longer than the family's maxDatagram is EMSGSIZE, to the send callback. In C a NULL message with a length is ERR_NULL_POINTER.",
	"platform: a value that names no platform is ERR_NOT_SUPPORTED_ON_PLATFORM (no call is supported there).",
	"state: a call whose errors list ERR_SOCKET_DGRAM_NOT_RUNNING fails with it after close; one that lists EBADF fails with it before bind (EBADF: not bound yet); bind fails with ERR_SOCKET_ALREADY_BOUND once bound (bind binds the operating-system socket within the call, so there is no state in between). Any other call in those states succeeds (send binds implicitly). In C a closed socket's handle is released with its 'close' event, so a call after it is ERR_INVALID_HANDLE (cCode).",
	"boolean and function arguments have no bad value: JavaScript reads a flag by truthiness and ignores a callback that is not a function, as Node does.",
}

// badKinds are the kinds of bad input, in the order cases are written.
const (
	kindBelow      = "below"
	kindAbove      = "above"
	kindFraction   = "fraction"
	kindNaN        = "nan"
	kindWrongType  = "wrong-type"
	kindMissing    = "missing"
	kindEmpty      = "empty"
	kindWrongValue = "wrong-value"
	kindNull       = "null"
	kindMalformed  = "malformed"
	kindFamily     = "wrong-family"
	kindNoIface    = "no-interface"
	kindOversize   = "oversize"
	kindState      = "state"
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
// after close, with the code the spec names.
func BadInput(s *spec.Spec) ([]byte, error) {
	if len(s.Families) == 0 {
		return nil, fmt.Errorf("the spec has no families: the bad-input cases need a socket type")
	}
	g := &badGen{s: s, fam: s.Families[0]}
	for _, c := range s.Calls {
		for _, f := range c.Forms {
			g.form(c, f)
		}
	}
	for _, c := range s.Calls {
		if !c.Module && len(c.Forms) > 0 {
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
	err := enc.Encode(badTable{Header: header, Spec: s.SHA256, Rules: badRules, Cases: g.cases})
	return b.Bytes(), err
}

type badGen struct {
	s     *spec.Spec
	fam   spec.Family
	cases []*BadCase
}

// flat is an argument of a form, or a field of an object argument.
type flat struct {
	arg    spec.Arg
	name   string // "port", "options.port"
	parent string // "options" for a field
}

func (g *badGen) flatten(f spec.Form) []flat {
	var out []flat
	for _, a := range f.Args {
		if a.Type == spec.TypeObject {
			o, _ := g.s.Object(a.Object)
			for _, fl := range o.Fields {
				out = append(out, flat{fl, a.Name + "." + fl.Name, a.Name})
			}
			continue
		}
		out = append(out, flat{a, a.Name, ""})
	}
	return out
}

// isAddress reports an argument that is a local or remote address.
func isAddress(a spec.Arg) bool { return a.Default == "bindAddress" || a.Default == "sendAddress" }

// isGroup reports a membership call's arguments.
func isGroup(c spec.Call) bool { return strings.Contains(c.Name, "Membership") }

func (g *badGen) listed(c spec.Call, code string) bool {
	switch code {
	case "", "ERR_INVALID_ARG_TYPE", "ERR_NULL_POINTER", "ERR_NOT_SUPPORTED_ON_PLATFORM":
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

// form writes the argument cases of one form.
func (g *badGen) form(c spec.Call, f spec.Form) {
	msgLen := int64(5) // 'hello'
	for _, fl := range g.flatten(f) {
		a := fl.arg
		add := func(kind string, bc BadCase) {
			bc.ID = c.Name + "/" + f.Go + "/" + fl.name + "/" + kind
			bc.Call, bc.Form, bc.Arg, bc.Kind, bc.Type = c.Name, f.Go, fl.name, kind, g.fam.Type
			if bc.How == "" {
				bc.How = "throw"
			}
			if !c.Module && bc.State == "" {
				bc.State = "unbound"
				if isGroup(c) {
					bc.State = "bound"
				}
			}
			bc.Listed = g.listed(c, bc.Code)
			if bc.JSSkip == "" {
				bc.JS = g.jsCall(c, f, fl.name, bc.JS)
			}
			g.cases = append(g.cases, &bc)
		}
		jsPort := a.JS != nil && a.JS.Port
		switch a.Type {
		case spec.TypeInteger:
			if a.Bounds != "" {
				add(kindBelow, BadCase{Int: i64(-1), JS: "-1", Code: a.Error})
				above := msgLen + 1
				add(kindAbove, BadCase{Int: i64(above), JS: strconv.FormatInt(above, 10), Code: a.Error})
				add(kindFraction, BadCase{JS: "1.5", Code: a.Error, GoSkip: goNoType, CSkip: cNoType})
				add(kindNaN, BadCase{JS: "NaN", Code: a.Error, GoSkip: goNoType, CSkip: cNoType})
				add(kindWrongType, BadCase{JS: "'abc'", Code: "ERR_INVALID_ARG_TYPE", GoSkip: goNoType, CSkip: cNoType})
				continue
			}
			if a.Min == nil && a.Max == nil {
				continue
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
			add(kindNaN, BadCase{JS: "NaN", Code: a.Error, GoSkip: goNoType, CSkip: cNoType})
			wrong := "ERR_INVALID_ARG_TYPE"
			if jsPort {
				wrong = a.Error
			}
			add(kindWrongType, BadCase{JS: "'abc'", Code: wrong, GoSkip: goNoType, CSkip: cNoType})
			if !a.Optional {
				why := noMissing
				if a.Min != nil && *a.Min == 1 {
					why = noMissingBelow
				}
				add(kindMissing, BadCase{Code: wrong, JS: "undefined", GoSkip: why, CSkip: why})
			}
		case spec.TypeString:
			switch {
			case a.Enum != "":
				add(kindWrongValue, BadCase{Str: str("udp5"), JS: "'udp5'", Code: a.Error})
				add(kindEmpty, BadCase{Str: str(""), JS: "''", Code: a.Error})
				add(kindWrongType, BadCase{JS: "5", Code: a.Error, GoSkip: goNoTypeS, CSkip: cNoType})
				add(kindNull, BadCase{Null: true, Code: a.Error, GoSkip: "Go has no NULL string", JSSkip: jsNoNull})
				add(kindMissing, BadCase{JS: "undefined", Code: a.Error, GoSkip: "the empty-string case is Go's missing type", CSkip: "the NULL case is C's missing type"})
			case a.Required:
				add(kindEmpty, BadCase{Str: str(""), JS: "''", Code: a.Error})
				add(kindMissing, BadCase{JS: "undefined", Code: a.Error, GoSkip: "the empty-string case is Go's missing argument", CSkip: "the NULL case is C's missing argument"})
				add(kindNull, BadCase{Null: true, Code: a.Error, GoSkip: "Go has no NULL string", JSSkip: jsNoNull})
				add(kindWrongType, BadCase{JS: "5", Code: "ERR_INVALID_ARG_TYPE", GoSkip: goNoTypeS, CSkip: cNoType})
				if isGroup(c) {
					add(kindMalformed, BadCase{Str: str("not-an-ip"), JS: "'not-an-ip'", Code: "EINVAL"})
					other := g.other()
					add(kindFamily, BadCase{Str: str(other.group), JS: "'" + other.group + "'", Code: "ENOPROTOOPT"})
				}
			default:
				add(kindWrongType, BadCase{JS: "5", Code: "ERR_INVALID_ARG_TYPE", GoSkip: goNoTypeS, CSkip: cNoType})
				switch {
				case isAddress(a):
					how := "callback"
					if c.SystemErrors == "emitted" && !(c.Name == "send" || c.Name == "sendto") {
						how = "emitted"
					}
					add(kindMalformed, BadCase{Str: str("256.1.1.1"), JS: "'256.1.1.1'", Code: "ENOTFOUND", How: how})
					other := g.other()
					add(kindFamily, BadCase{Str: str(other.loopback), JS: "'" + other.loopback + "'", Code: "EINVAL", How: how})
				case isGroup(c):
					add(kindMalformed, BadCase{Str: str("not-an-ip"), JS: "'not-an-ip'", Code: "EINVAL"})
					add(kindNoIface, BadCase{Str: str("192.0.2.123"), JS: "'192.0.2.123'", Code: "ENODEV"})
				}
			}
		case spec.TypeMessage:
			add(kindWrongType, BadCase{GoMsg: "int", JS: "5", Code: a.Error, CSkip: "a C message is any bytes"})
			add(kindMissing, BadCase{GoMsg: "nil", JS: "undefined", Code: a.Error, CSkip: "see the NULL case"})
			add(kindWrongType+"-list", BadCase{GoMsg: "list-int", JS: "['a', 1]", Code: a.Error, CSkip: "a C message is any bytes"})
			add(kindNull, BadCase{Null: true, Code: "ERR_NULL_POINTER", JSSkip: jsNoNull, GoSkip: "a nil []byte is an empty message in Go"})
			if f.Go == c.Forms[0].Go && (c.Name == "send") {
				size := g.fam.MaxDatagram + 1
				add(kindOversize, BadCase{Size: size, JS: "Buffer.alloc(" + strconv.Itoa(size) + ")", Code: "EMSGSIZE", How: "callback"})
			}
		case spec.TypePlatform:
			add(kindWrongValue, BadCase{Int: i64(99), JS: "'bogus'", Code: "ERR_NOT_SUPPORTED_ON_PLATFORM"})
		}
	}
}

// cInt reports whether v fits the C type of argument fl: int, or int64_t
// for the buffer sizes.
func (g *badGen) cInt(fl flat, v int64) bool {
	if fl.arg.Max != nil && *fl.arg.Max > math.MaxInt32 {
		return true // int64_t
	}
	return v >= math.MinInt32 && v <= math.MaxInt32
}

func jsNumber(v int64) string { return strconv.FormatInt(v, 10) }

type otherFamily struct{ loopback, group string }

// other is the other family's loopback address and a group of it.
func (g *badGen) other() otherFamily {
	if g.fam.Family == "IPv4" {
		return otherFamily{"::1", "ff02::1:3"}
	}
	return otherFamily{"127.0.0.1", "230.1.2.3"}
}

// states writes every socket call in the states the spec names codes for.
func (g *badGen) states(c spec.Call) {
	f := c.Forms[0]
	ebadf, notRunning, already := g.listed(c, "EBADF"), g.listed(c, "ERR_SOCKET_DGRAM_NOT_RUNNING"), g.listed(c, "ERR_SOCKET_ALREADY_BOUND")
	for _, st := range []string{"unbound", "bound", "closed"} {
		code := ""
		switch {
		case st == "closed" && notRunning:
			code = "ERR_SOCKET_DGRAM_NOT_RUNNING"
		case st == "closed" && c.Name == "close":
			code = "ERR_SOCKET_DGRAM_NOT_RUNNING"
		case st == "bound" && already:
			code = "ERR_SOCKET_ALREADY_BOUND"
		case st == "unbound" && ebadf:
			code = "EBADF"
		case st == "bound":
			continue // a valid call on a bound socket is the happy path, tested elsewhere
		}
		bc := &BadCase{
			ID: c.Name + "/" + f.Go + "/" + st, Call: c.Name, Form: f.Go, Kind: kindState, State: st, Type: g.fam.Type,
			Code: code, How: "throw", Listed: g.listed(c, code),
		}
		if st == "closed" {
			bc.CCode = "ERR_INVALID_HANDLE"
		}
		if bc.JSSkip == "" {
			bc.JS = g.jsCall(c, f, "", "")
		}
		g.cases = append(g.cases, bc)
	}
}

// jsValid is the JavaScript source of a valid value of argument a, or ""
// to leave it out.
func (g *badGen) jsValid(c spec.Call, a spec.Arg) string {
	switch a.Type {
	case spec.TypeMessage:
		return "'hello'"
	case spec.TypeInteger:
		switch {
		case a.Bounds != "" && a.Name == "offset":
			return "0"
		case a.Bounds != "":
			return "5"
		case a.JS != nil && a.JS.Port && a.Min != nil && *a.Min > 0:
			return "PORT"
		case a.JS != nil && a.JS.Port:
			return "0"
		case a.Min != nil && *a.Min > 0:
			return strconv.FormatInt(max(*a.Min, 64), 10)
		case a.Optional:
			return ""
		}
		return "1"
	case spec.TypeString:
		switch {
		case a.Enum != "":
			return "'" + g.fam.Type + "'"
		case isAddress(a):
			return "'" + g.fam.SendAddress + "'"
		case a.Required:
			return "'230.1.2.3'"
		}
		return ""
	case spec.TypeBoolean:
		return "true"
	case spec.TypeFunction:
		if a.Callback != "" {
			return "cb"
		}
	}
	return ""
}

// jsCall is form f of call c in JavaScript with argument bad (a name, or a
// field "options.x") given as badJS ("undefined" to leave it out), the
// others valid.
func (g *badGen) jsCall(c spec.Call, f spec.Form, bad, badJS string) string {
	var args []string
	for _, a := range f.Args {
		v := g.jsValid(c, a)
		if a.Type == spec.TypeObject {
			o, _ := g.s.Object(a.Object)
			var fields []string
			for _, fl := range o.Fields {
				fv := g.jsValid(c, fl)
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
