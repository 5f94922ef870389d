package gen

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/dgramkit/dgramkit/spec"
)

// The C binding (libdgram) is described by cModel, built once from the spec
// and rendered by four generators: the header bindings/c/dgram.h
// (CHeader), the C side of the exports cshared/exports_gen.c (CExportsC),
// the Go side cshared/exports_gen.go (CExports) and the linker version
// script cshared/dgram.map (CVersionScript). Names:
//
//   - a form is dgram_<snake of its call> when its Go name is its call's
//     name (dgram_bind, dgram_sendto), else dgram_<snake of its Go name>
//     (dgram_bind_options, dgram_send_slice);
//   - an event E gets dgram_on_<E> and the callback type dgram_<E>_cb; a
//     callback C gets dgram_<C>_cb;
//   - an object O is the struct dgram_<snake of O>, its fields snake_case;
//   - an error is DGRAM_<code> = -number; a platform DGRAM_PLATFORM_<ID> =
//     number, a call DGRAM_CALL_<CALL> = number (the spec's stable values),
//     in spec order;
//   - a function is in the symbol version node of the minor that added its
//     call or event (since:), spec.VersionNode: DGRAM_1 up to the minor
//     before versionNodesFrom, then DGRAM_1.<MINOR>, each inheriting the
//     one before.
//
// The Go exports are named dgramgo_<name>; the C function dgram_<name>
// checks for a forked child before it enters Go. Both, and the callback
// trampolines dgramx_call_<cb>, stay local to the library: the version
// script exports the dgram_* functions only.

// cStringLen is the size of the char arrays of result structs.
const cStringLen = 64

// cModel is the C binding of a spec.
type cModel struct {
	Header    string
	Version   string
	Major     string
	Minor     string
	Patch     string
	Number    int // MAJOR * 10000 + MINOR * 100 + PATCH
	SpecHash  string
	Doc       string
	Errors    []cConst
	Platforms []cConst
	Calls     []cConst
	Caps      []cCaps
	Footnotes []spec.Footnote
	Structs   []cStruct
	ErrorInfo cStruct  // dgram_error_info: the library's own struct, before the spec's
	Supports  []cConst // dgram_support: the library's own enum
	Delivery  []cConst // dgram_delivery: the library's own enum
	Callbacks []cCallback
	Funcs     []cFunc // the API: one per form, then one per event
	Library   []cFunc // the library's own functions
	Nodes     []cNode // the symbol version nodes, oldest first
	StringLen int
	Ordering  []string
}

// cConst is an enum constant.
type cConst struct {
	Name  string
	Value int
	Code  string // errors: the spec code
	Kind  string
	Msg   string
	Doc   string
}

// cNode is a symbol version node of the version script: the functions
// one minor added (or, for the first, every minor before versionNodesFrom).
type cNode struct {
	Name   string   // DGRAM_1, DGRAM_1.3
	Parent string   // the node it inherits, "" for the first
	Funcs  []string // the functions' names, in header order
}

// cCaps are one platform's capability macros.
type cCaps struct {
	Platform spec.Platform
	Macros   []cMacro
}

// cMacro is a #define.
type cMacro struct {
	Name, Value, Doc string
}

// cStruct is an object as a C struct.
type cStruct struct {
	Name   string // dgram_socket_options, the struct tag
	GoName string // SocketOptions
	Input  bool   // an argument (const char * strings) or a result (char arrays)
	Doc    string
	Fields []cField
}

// cErrorInfo is struct dgram_error_info, the detail of an error: the
// library's (the errors are the spec's), written into the header and every
// binding's declarations from here.
var cErrorInfo = cStruct{Name: "dgram_error_info", Doc: "The detail of an error.", Fields: []cField{
	{Name: "code", Decl: "int code", Doc: "DGRAM_OK or a negative error code."},
	{Name: "sys_errno", Decl: "int sys_errno", Doc: "The errno of a system error, else 0."},
	{Name: "port", Decl: "int port", Doc: "The port of a bind or send error, else 0."},
	{Name: "name", Decl: "char name[DGRAM_STRING_LEN]", Doc: "The spec's code: \"ERR_SOCKET_BAD_PORT\", \"EADDRINUSE\"; \"\" for DGRAM_OK."},
	{Name: "kind", Decl: "char kind[DGRAM_STRING_LEN]", Doc: "The error's class, the name Node gives it in messages: \"TypeError\" (an argument of the wrong type, missing or NULL), \"RangeError\" (a value out of its range), \"SystemError\" (a coded error about a system call, as ERR_SOCKET_BUFFER_SIZE: syscall names the call) or \"Error\" (the rest, system errors included)."},
	{Name: "syscall", Decl: "char syscall[DGRAM_STRING_LEN]", Doc: "The failed system call or operation of a system error (\"bind\", \"send\", \"setTTL\"), else \"\"."},
	{Name: "address", Decl: "char address[DGRAM_STRING_LEN]", Doc: "The address of a bind or send error, else \"\"."},
	{Name: "message", Decl: "char message[DGRAM_MESSAGE_LEN]", Doc: "The message, as Node words it; cut to fit, NUL-terminated."},
}}

// cSupports is enum dgram_support, what dgram_supports returns.
var cSupports = []cConst{
	{Name: "DGRAM_UNSUPPORTED", Value: 0, Doc: "X: the call fails with DGRAM_ERR_NOT_SUPPORTED_ON_PLATFORM."},
	{Name: "DGRAM_SUPPORTED", Value: 1, Doc: "O: supported."},
	{Name: "DGRAM_PARTIAL", Value: 2, Doc: "△: supported, with a footnote's caveat."},
}

// cDelivery is enum dgram_delivery, where a socket's callbacks run.
var cDelivery = []cConst{
	{Name: "DGRAM_DELIVERY_DEFAULT", Value: 0, Doc: "The default dgram_set_delivery sets (initially DGRAM_DELIVERY_THREAD)."},
	{Name: "DGRAM_DELIVERY_THREAD", Value: 1, Doc: "On a library thread, as soon as the event happens: one callback at a time per socket, in event order; different sockets' callbacks may run at the same time on different threads."},
	{Name: "DGRAM_DELIVERY_POLL", Value: 2, Doc: "On the thread that calls dgram_poll, which dgram_event_fd wakes: the events are queued, in order, until then."},
}

// cField is a struct field.
type cField struct {
	Name   string   // C name
	GoName string   // the Go struct field; "" for a C-only field
	CGo    string   // the name cgo gives the C field in Go
	Decl   string   // the C declaration, without ;
	Type   string   // the spec type
	Arg    spec.Arg // the spec field
	Doc    string
}

// cParam is a C parameter.
type cParam struct {
	Name string // C name
	Type string // C type, e.g. "const char *" or "int"
	Doc  string
}

// decl is the parameter as written in a prototype.
func (p cParam) decl() string {
	t := strings.TrimSpace(p.Type)
	if strings.HasSuffix(t, "*") {
		return t + p.Name
	}
	return t + " " + p.Name
}

// cCallback is a callback type: an event's listener, or a completion callback.
type cCallback struct {
	Name       string // dgram_message_cb
	Trampoline string // dgramx_call_message
	Event      string // the event's name, or ""
	Bounded    bool   // the event's spec.Event.Bounded
	SpecName   string
	GoType     string // dgram.MessageListener
	Args       []spec.Arg
	Params     []cParam // without the leading socket and trailing user_data
	Doc        string
}

// cFunc is a C function.
type cFunc struct {
	Name    string // dgram_bind
	GoName  string // dgramgo_bind; "" for pure C functions
	Ret     string // C result type
	Params  []cParam
	Doc     []string // paragraphs
	Call    *spec.Call
	Form    *spec.Form
	Result  result // the call's
	Event   string // dgram_on_<event>
	Pure    bool   // written in C, never enters Go
	Since   string // the MAJOR.MINOR that added it: its call's or event's since:; for the library's own, "" is the first release
	NoFork  bool   // no fork check (pure C)
	CastArg []string
}

// Proto is the function's prototype, without ;.
func (f cFunc) Proto() string {
	var ps []string
	for _, p := range f.Params {
		ps = append(ps, p.decl())
	}
	if len(ps) == 0 {
		ps = []string{"void"}
	}
	ret := f.Ret
	if !strings.HasSuffix(ret, "*") {
		ret += " "
	}
	return ret + f.Name + "(" + strings.Join(ps, ", ") + ")"
}

// snake turns a spec or Go name into snake_case: setMulticastTTL is
// set_multicast_ttl, SendSlice send_slice.
func snake(name string) string {
	rs := []rune(name)
	var b strings.Builder
	for i, r := range rs {
		if unicode.IsUpper(r) && i > 0 {
			prev := rs[i-1]
			nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
			if unicode.IsLower(prev) || unicode.IsDigit(prev) || (unicode.IsUpper(prev) && nextLower) {
				b.WriteByte('_')
			}
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// upper is the SCREAMING_SNAKE form of a name.
func upper(name string) string {
	return strings.ToUpper(snake(name))
}

// cFormName is the C name of a form, without the dgram_ prefix.
func cFormName(c spec.Call, f spec.Form) string {
	if strings.EqualFold(f.Go, c.Name) {
		return snake(c.Name)
	}
	return snake(f.Go)
}

// cgoName is the name cgo gives a C struct field in Go: a Go keyword
// gets a leading underscore.
func cgoName(name string) string {
	if _, ok := goKeywords[name]; ok {
		return "_" + name
	}
	return name
}

var goKeywords = map[string]bool{"break": true, "case": true, "chan": true, "const": true, "continue": true,
	"default": true, "defer": true, "else": true, "fallthrough": true, "for": true, "func": true, "go": true,
	"goto": true, "if": true, "import": true, "interface": true, "map": true, "package": true, "range": true,
	"return": true, "select": true, "struct": true, "switch": true, "type": true, "var": true}

// cSentence ends doc with a period.
func cSentence(doc string) string {
	doc = strings.TrimSpace(doc)
	if doc != "" && !strings.HasSuffix(doc, ".") {
		doc += "."
	}
	return doc
}

// cDefault words what an omitted string becomes.
func cDefault(s *spec.Spec, a spec.Arg) string {
	var out []string
	for _, f := range s.Families {
		switch a.Default {
		case "bindAddress":
			out = append(out, f.BindAddress+" ("+f.Type+")")
		case "sendAddress":
			out = append(out, f.SendAddress+" ("+f.Type+")")
		}
	}
	return strings.Join(out, " or ")
}

// buildC builds the C model of s, step by step: the version, the enums,
// the capability macros, the structs, the callback types, the functions
// (the forms', the events', the library's) and their version nodes.
func buildC(s *spec.Spec) (*cModel, error) {
	if s.SHA256 == "" {
		return nil, fmt.Errorf("the spec has no SHA-256: load it with spec.Load or spec.Parse")
	}
	cm := &cModel{Header: header, Version: s.Version, SpecHash: s.SHA256, Doc: s.Doc,
		Footnotes: s.Footnotes, StringLen: cStringLen, Ordering: s.Ordering,
		ErrorInfo: cErrorInfo, Supports: cSupports, Delivery: cDelivery}
	var err error
	if cm.Major, cm.Minor, cm.Patch, cm.Number, err = cVersion(s); err != nil {
		return nil, err
	}
	cm.Errors, cm.Platforms, cm.Calls = cEnums(s)
	cm.Caps = cCapabilities(s)
	if cm.Structs, err = cStructs(s); err != nil {
		return nil, err
	}
	if cm.Callbacks, err = cCallbacks(s); err != nil {
		return nil, err
	}
	names := map[string]bool{} // the C functions' names, each taken once
	if cm.Funcs, err = cFormFuncs(s, names); err != nil {
		return nil, err
	}
	events, err := cEventFuncs(s, names)
	if err != nil {
		return nil, err
	}
	cm.Funcs = append(cm.Funcs, events...)
	if cm.Library, err = cLibraryFuncs(s, names); err != nil {
		return nil, err
	}
	if cm.Nodes, err = cVersionNodes(s, append(append([]cFunc(nil), cm.Funcs...), cm.Library...)); err != nil {
		return nil, err
	}
	return cm, nil
}

// cVersion is the spec's version, MAJOR.MINOR.PATCH, in parts and as the
// number MAJOR * 10000 + MINOR * 100 + PATCH.
func cVersion(s *spec.Spec) (major, minor, patch string, number int, err error) {
	v := strings.Split(s.Version, ".")
	if len(v) != 3 {
		return "", "", "", 0, fmt.Errorf("%s: the C binding needs the spec's version (version: MAJOR.MINOR.PATCH), its ABI version", s.File)
	}
	for _, p := range v {
		n, _ := strconv.Atoi(p) // the loader checked it
		number = number*100 + n
	}
	return v[0], v[1], v[2], number, nil
}

// cEnums are the error codes (-number), the platforms (number, after
// DGRAM_PLATFORM_NATIVE) and the calls (number): the spec's stable values.
func cEnums(s *spec.Spec) (errs, platforms, calls []cConst) {
	for _, e := range s.Errors {
		errs = append(errs, cConst{Name: "DGRAM_" + e.Code, Value: -e.Number, Code: e.Code, Kind: e.Kind, Msg: e.Message, Doc: cSentence(e.Doc)})
	}
	platforms = append(platforms, cConst{Name: "DGRAM_PLATFORM_NATIVE", Value: 0, Doc: "The host's native support (the default)."})
	for _, p := range s.Platforms {
		platforms = append(platforms, cConst{Name: "DGRAM_PLATFORM_" + strings.ToUpper(p.ID), Value: p.Number, Doc: p.Name + " (" + p.Board + ")."})
	}
	for _, c := range s.Calls {
		calls = append(calls, cConst{Name: "DGRAM_CALL_" + upper(c.Name), Value: c.Number, Doc: c.Title + "."})
	}
	return errs, platforms, calls
}

// cCapabilities are each platform's DGRAM_<PLATFORM>_HAS_<CALL> and
// DGRAM_<PLATFORM>_NOTE_<CALL> macros, from the reference matrix.
func cCapabilities(s *spec.Spec) []cCaps {
	var out []cCaps
	for _, p := range s.Platforms {
		caps := cCaps{Platform: p}
		for _, c := range s.Calls {
			cell := s.Cell(c, p.ID)
			v := "1"
			if cell.Level == spec.Unsupported {
				v = "0"
			}
			caps.Macros = append(caps.Macros, cMacro{Name: "DGRAM_" + strings.ToUpper(p.ID) + "_HAS_" + upper(c.Name), Value: v, Doc: cellText(cell)})
		}
		for _, c := range s.Calls {
			caps.Macros = append(caps.Macros, cMacro{Name: "DGRAM_" + strings.ToUpper(p.ID) + "_NOTE_" + upper(c.Name), Value: fmt.Sprint(s.Cell(c, p.ID).Footnote)})
		}
		out = append(out, caps)
	}
	return out
}

// cStructs are the objects the C binding passes: arguments are input
// structs (const char * strings), results and event arguments output ones
// (char arrays); the socket options struct gets the library's delivery
// field last.
func cStructs(s *spec.Spec) ([]cStruct, error) {
	input, output := map[string]bool{}, map[string]bool{}
	sockOptions := ""
	for _, c := range s.Calls {
		if c.Returns != "" && c.Returns != "socket" {
			output[c.Returns] = true
		}
		for _, f := range c.Forms {
			for _, a := range f.Args {
				if a.Type == spec.TypeObject {
					input[a.Object] = true
					if c.Module && c.Returns == "socket" {
						sockOptions = a.Object
					}
				}
			}
		}
	}
	for _, e := range s.Events {
		for _, a := range e.Args {
			if a.Type == spec.TypeObject {
				output[a.Object] = true
			}
		}
	}
	var out []cStruct
	for _, o := range s.Objects {
		if input[o.Name] && output[o.Name] {
			return nil, fmt.Errorf("%s:%d: object %s is both an argument and a result; the C binding needs one or the other", s.File, o.Line, o.Name)
		}
		if !input[o.Name] && !output[o.Name] {
			continue
		}
		st := cStruct{Name: "dgram_" + snake(o.Name), GoName: o.Name, Input: input[o.Name], Doc: cSentence(o.Doc)}
		for _, fl := range o.Fields {
			if fl.GoOnly() {
				continue // the Go API's alone: C leaves it at its zero value
			}
			n := cArgName(fl)
			f := cField{Name: n, GoName: exported(fl.Name), CGo: cgoName(n), Type: fl.Type, Doc: cArgDoc(s, fl, st.Input), Arg: fl}
			ct := cTypes[fl.Type]
			if ct.field == nil || (st.Input && ct.toGo == nil) || (!st.Input && ct.toC == nil) {
				return nil, fmt.Errorf("%s:%d: object %s, field %s: the C binding has no struct field of type %s", s.File, fl.Line, o.Name, fl.Name, fl.Type)
			}
			f.Decl = ct.field(fl, n, st.Input)
			if strings.HasSuffix(f.Decl, "]") {
				f.Doc += " NUL-terminated."
			}
			st.Fields = append(st.Fields, f)
		}
		if o.Name == sockOptions {
			st.Fields = append(st.Fields, cField{Name: "delivery", CGo: "delivery", Decl: "dgram_delivery delivery",
				Doc: "Where the socket's callbacks run: 0 (DGRAM_DELIVERY_DEFAULT) takes the default that dgram_set_delivery sets. Anything but a dgram_delivery is ERR_OUT_OF_RANGE. (The C library's own field.)"})
		}
		out = append(out, st)
	}
	return out, nil
}

// cCallbacks are the callback types: each event's listener, then each
// completion callback.
func cCallbacks(s *spec.Spec) ([]cCallback, error) {
	var out []cCallback
	seen := map[string]bool{}
	for _, e := range s.Events {
		cb := cCallback{Name: "dgram_" + snake(e.Name) + "_cb", Trampoline: "dgramx_call_" + snake(e.Name), Event: e.Name, SpecName: e.Name, Bounded: e.Bounded,
			GoType: exported(e.Name) + "Listener", Args: e.Args, Doc: fmt.Sprintf("A listener of the '%s' event, %s", e.Name, sentence(cSentence(e.Doc)))}
		var err error
		if cb.Params, err = cEventParams(s, e.Args); err != nil {
			return nil, err
		}
		seen[cb.Name] = true
		out = append(out, cb)
	}
	for _, c := range s.Callbacks {
		cb := cCallback{Name: "dgram_" + snake(c.Name) + "_cb", Trampoline: "dgramx_call_" + snake(c.Name) + "_callback", SpecName: c.Name,
			GoType: exported(c.Name) + "Callback", Args: c.Args, Doc: fmt.Sprintf("The %s callback. %s", c.Name, cSentence(c.Doc))}
		if seen[cb.Name] {
			return nil, fmt.Errorf("%s:%d: callback %s: its C type %s is also an event's", s.File, c.Line, c.Name, cb.Name)
		}
		var err error
		if cb.Params, err = cEventParams(s, c.Args); err != nil {
			return nil, err
		}
		out = append(out, cb)
	}
	return out, nil
}

// cFormFuncs are the C functions of the forms, one per form of every call
// of the model, with their parameters and docs; names records each.
func cFormFuncs(s *spec.Spec, names map[string]bool) ([]cFunc, error) {
	md, err := newModel(s)
	if err != nil {
		return nil, err
	}
	var out []cFunc
	for _, mc := range md.Calls {
		c := &mc.Call
		for _, mf := range mc.MForms {
			f := &mf.Form
			fn := cFunc{Name: mf.C, GoName: "dgramgo_" + strings.TrimPrefix(mf.C, "dgram_"), Ret: "int", Call: c, Form: f, Result: mc.Result, Since: c.Since}
			if names[fn.Name] {
				return nil, fmt.Errorf("%s:%d: %s: C name %s is taken", s.File, f.Line, f.Signature, fn.Name)
			}
			names[fn.Name] = true
			pointers, err := cFuncParams(s, mc, f, &fn)
			if err != nil {
				return nil, err
			}
			fn.Doc = cFormDoc(c, f, fn.Params, pointers)
			out = append(out, fn)
		}
	}
	return out, nil
}

// cFuncParams sets fn's parameters and result type: the socket, the
// form's arguments, user_data for callbacks, and the out pointer of a
// result. It reports whether a parameter is a pointer that must not be
// NULL.
func cFuncParams(s *spec.Spec, mc *mCall, f *spec.Form, fn *cFunc) (pointers bool, err error) {
	c := &mc.Call
	if !c.Module {
		fn.Params = append(fn.Params, cParam{"socket", "dgram_socket ", "The socket's handle."})
	}
	callbacks := false
	for _, a := range f.Args {
		ps, err := cFormParams(s, a)
		if err != nil {
			return false, err
		}
		fn.Params = append(fn.Params, ps...)
		pointers = pointers || cTypes[a.Type].pointer
		callbacks = callbacks || a.Type == spec.TypeFunction
	}
	if callbacks {
		fn.Params = append(fn.Params, cParam{"user_data", "void *", "Passed to the callback as it is."})
	}
	switch r := mc.Result; r.Kind {
	case resultSocket:
		fn.Ret = "dgram_socket"
	case resultObject:
		pointers = true
		fn.Params = append(fn.Params, cParam{"out", "struct dgram_" + snake(c.Returns) + " *", "Receives the result; NULL is ERR_NULL_POINTER."})
	case resultScalar:
		ct := cTypes[r.Type.Type]
		if ct.out == "" || ct.store == nil {
			return false, fmt.Errorf("%s:%d: call %s: the C binding has no result of type %s", s.File, c.Line, c.Name, c.Returns)
		}
		pointers = true
		fn.Params = append(fn.Params, cParam{"out", ct.out + " *", ct.outDoc})
	}
	return pointers, nil
}

// cFormDoc is a form's doc: the call's (C's wording where the spec has
// one), the form, its parameters, its result and its errors, the
// library's included.
func cFormDoc(c *spec.Call, f *spec.Form, params []cParam, pointers bool) []string {
	callDoc := c.Doc
	if c.C != nil && c.C.Doc != "" {
		callDoc = c.C.Doc
	}
	doc := []string{fmt.Sprintf("%s: %s", c.Title, cSentence(callDoc)), "Form: " + f.Signature + "."}
	for _, p := range params {
		if p.Doc != "" {
			doc = append(doc, "@param "+p.Name+" "+p.Doc)
		}
	}
	if c.Returns == "socket" {
		doc = append(doc, "@return the new socket's handle (> 0), or a negative error code.")
	} else {
		doc = append(doc, "@return DGRAM_OK (0), or a negative error code; the calling thread's dgram_last_error then tells the detail.")
	}
	var errs []string
	for _, e := range c.Errors {
		errs = append(errs, "DGRAM_"+e)
	}
	lib := []string{"DGRAM_ERR_FORKED", "DGRAM_ERR_INTERNAL"}
	if !c.Module {
		lib = append([]string{"DGRAM_ERR_INVALID_HANDLE"}, lib...)
	}
	if pointers {
		lib = append([]string{"DGRAM_ERR_NULL_POINTER"}, lib...)
	}
	own := strings.Join(errs, ", ") + "; and the library's "
	if len(errs) == 0 {
		own = "only the library's "
	}
	return append(doc, "Errors: "+own+strings.Join(lib, ", ")+". An error that happens after the call returns goes to its callback or to the 'error' event, as the spec says.")
}

// cEventFuncs are the dgram_on_<event> functions; names records each.
func cEventFuncs(s *spec.Spec, names map[string]bool) ([]cFunc, error) {
	var out []cFunc
	for _, e := range s.Events {
		n := "dgram_on_" + snake(e.Name)
		if names[n] {
			return nil, fmt.Errorf("%s:%d: event %s: C name %s is taken", s.File, e.Line, e.Name, n)
		}
		names[n] = true
		out = append(out, cFunc{Name: n, GoName: "dgramgo_on_" + snake(e.Name), Ret: "int", Event: e.Name, Since: e.Since,
			Params: []cParam{{"socket", "dgram_socket ", "The socket's handle."},
				{"listener", "dgram_" + snake(e.Name) + "_cb ", "The listener; NULL is ERR_NULL_POINTER."},
				{"user_data", "void *", "Passed to the listener as it is."}},
			Doc: []string{fmt.Sprintf("Adds listener to the '%s' event, after the listeners added before: %s", e.Name, cSentence(e.Doc)),
				"@return DGRAM_OK, or DGRAM_ERR_INVALID_HANDLE, DGRAM_ERR_NULL_POINTER, DGRAM_ERR_FORKED, DGRAM_ERR_INTERNAL."}})
	}
	return out, nil
}

// cLibraryFuncs are the library's own functions (cLibrary), their docs
// worded for s's host platforms; a spec name that is one of them (names)
// is an error.
func cLibraryFuncs(s *spec.Spec, names map[string]bool) ([]cFunc, error) {
	def, detect, err := hostPlatforms(s)
	if err != nil {
		return nil, err
	}
	host := hostDoc(def, detect, func(p spec.Platform) string { return "DGRAM_PLATFORM_" + strings.ToUpper(p.ID) })
	var out []cFunc
	for _, f := range cLibrary {
		if names[f.Name] {
			return nil, fmt.Errorf("the spec's C name %s is one of the library's own functions", f.Name)
		}
		if f.Since == "" { // of the first release
			f.Since = fmt.Sprintf("%d.0", s.Minor().Major)
		}
		f.Doc = append([]string(nil), f.Doc...)
		for i := range f.Doc {
			f.Doc[i] = strings.ReplaceAll(f.Doc[i], "{host}", host)
		}
		out = append(out, f)
	}
	return out, nil
}

// cVersionNodes groups the functions by symbol version node, oldest first:
// the node of the minor that added each (spec.VersionNode of its since).
func cVersionNodes(s *spec.Spec, funcs []cFunc) ([]cNode, error) {
	type minor struct {
		v    spec.MinorVersion
		node string
	}
	var minors []minor
	byNode := map[string][]string{}
	for _, f := range funcs {
		v, err := spec.ParseMinor(f.Since)
		if err != nil {
			return nil, fmt.Errorf("C function %s: since %q: %v (every function says which minor added it)", f.Name, f.Since, err)
		}
		node := s.VersionNode(f.Since)
		if _, seen := byNode[node]; !seen {
			minors = append(minors, minor{v, node})
		}
		byNode[node] = append(byNode[node], f.Name)
	}
	slices.SortStableFunc(minors, func(a, b minor) int {
		switch {
		case a.v.Less(b.v):
			return -1
		case b.v.Less(a.v):
			return 1
		}
		return 0
	})
	var nodes []cNode
	for _, mn := range minors {
		n := cNode{Name: mn.node, Funcs: byNode[mn.node]}
		if len(nodes) > 0 {
			n.Parent = nodes[len(nodes)-1].Name
		}
		nodes = append(nodes, n)
	}
	return nodes, nil
}

// cLibrary are the library's own functions: not in the spec, the same
// for every spec. A function a later minor adds says so (Since: "1.3"),
// and gets that minor's symbol version node, as a call does; those of the
// first release say nothing.
var cLibrary = []cFunc{
	{Name: "dgram_version", Ret: "const char *", Pure: true, NoFork: true,
		Doc: []string{"The library's version, \"MAJOR.MINOR.PATCH\"; DGRAM_VERSION is the header's. A static string."}},
	{Name: "dgram_spec_hash", Ret: "const char *", Pure: true, NoFork: true,
		Doc: []string{"The SHA-256 of the spec the library was generated from; it equals DGRAM_SPEC_HASH when the header matches the library. A static string. dgram_header_matches() compares them."}},
	{Name: "dgram_strerror", Ret: "const char *", Pure: true, NoFork: true, Params: []cParam{{"code", "int", "DGRAM_OK or a negative error code."}},
		Doc: []string{"The spec's name of an error code: \"ERR_SOCKET_BAD_PORT\", \"EADDRINUSE\"; \"OK\" for 0 and \"UNKNOWN\" for a code that is none of them. A static string."}},
	{Name: "dgram_last_error", Ret: "int", Pure: true, NoFork: true, Params: []cParam{{"out", "struct dgram_error_info *", "Receives the detail; may be NULL."}},
		Doc: []string{"The last error a call of this library returned on the calling thread, like errno: a successful call does not clear it; dgram_clear_last_error does. Works in a forked child too.",
			"@return the last error's code, or DGRAM_OK when there was none."}},
	{Name: "dgram_clear_last_error", Ret: "void", Pure: true, NoFork: true,
		Doc: []string{"Forgets the calling thread's last error."}},
	{Name: "dgram_error_string", Ret: "char *", Pure: true, NoFork: true, Params: []cParam{{"error", "const struct dgram_error_info *", "An error's detail; NULL gives NULL."}},
		Doc: []string{"The error as Node prints it: \"RangeError [ERR_SOCKET_BAD_PORT]: Port should be ...\" for a coded error, \"bind EADDRINUSE 0.0.0.0:41234\" for a system error.",
			"@return a string the caller frees with dgram_free, or NULL when error is NULL or memory is short."}},
	{Name: "dgram_free", Ret: "void", Pure: true, NoFork: true, Params: []cParam{{"p", "void *", "Memory the library returned; NULL is ignored."}},
		Doc: []string{"Frees memory the library returned (dgram_error_string). Never free it with anything else."}},
	{Name: "dgram_live_handles", GoName: "dgramgo_live_handles", Ret: "int",
		Doc: []string{"The number of live socket handles: created, and not yet released by their 'close' event. Tests check it is 0 after each test.",
			"@return the count, or DGRAM_ERR_FORKED."}},
	{Name: "dgram_set_delivery", GoName: "dgramgo_set_delivery", Ret: "int", Params: []cParam{{"mode", "int", "DGRAM_DELIVERY_THREAD or DGRAM_DELIVERY_POLL."}},
		Doc: []string{"Sets the delivery mode of the sockets created afterwards whose options say DGRAM_DELIVERY_DEFAULT, and of every dgram_create_socket_type. Initially DGRAM_DELIVERY_THREAD.",
			"@return DGRAM_OK, or DGRAM_ERR_OUT_OF_RANGE for another mode."}},
	{Name: "dgram_poll", GoName: "dgramx_poll", // waits in C (shim.c), then enters dgramgo_poll
		Ret: "int", Params: []cParam{{"timeout_ms", "int", "How long to wait for an event when none is pending: 0 does not wait, a negative value waits without limit."}},
		Doc: []string{"Runs the pending callbacks of DGRAM_DELIVERY_POLL sockets on the calling thread, in the order their events happened. Calls from several threads are serialized; a call from a callback that dgram_poll runs is DGRAM_ERR_POLL_REENTERED.",
			"@return the number of callbacks run (0 when the timeout expired), or a negative error code."}},
	{Name: "dgram_event_fd", GoName: "dgramgo_event_fd", Ret: "int",
		Doc: []string{"A file descriptor (an eventfd) that is readable while callbacks of DGRAM_DELIVERY_POLL sockets are pending, for a select, poll or epoll loop: when it is readable, call dgram_poll(0). Do not read or close it.",
			"@return the descriptor, or a negative error code."}},
	{Name: "dgram_supports", GoName: "dgramgo_supports", Ret: "int", Params: []cParam{{"platform", "dgram_platform ", "A platform, or DGRAM_PLATFORM_NATIVE for the host's native support."}, {"call", "dgram_call ", "A call."}},
		Doc: []string{"How platform supports call at run time: DGRAM_UNSUPPORTED (X), DGRAM_SUPPORTED (O) or DGRAM_PARTIAL (△). An unknown platform or call is DGRAM_UNSUPPORTED. The DGRAM_<PLATFORM>_HAS_<CALL> macros say the same at compile time.",
			"@return the support level, or a negative error code."}},
	{Name: "dgram_host_platform", GoName: "dgramgo_host_platform", Ret: "int",
		Doc: []string{"The platform whose native support DGRAM_PLATFORM_NATIVE means on this host: {host}.",
			"@return a dgram_platform, or a negative error code."}},
}
