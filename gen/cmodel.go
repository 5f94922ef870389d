package gen

import (
	"fmt"
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
//   - an error is DGRAM_<code> = -number; a platform DGRAM_PLATFORM_<ID>, a
//     call DGRAM_CALL_<CALL>, in the Go enums' order.
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

// buildC builds the C model of s.
func buildC(s *spec.Spec) (*cModel, error) {
	m := &cModel{Header: header, Version: s.Version, SpecHash: s.SHA256, Doc: s.Doc,
		Footnotes: s.Footnotes, StringLen: cStringLen, Ordering: s.Ordering,
		ErrorInfo: cErrorInfo, Supports: cSupports, Delivery: cDelivery}
	var err error
	v := strings.Split(s.Version, ".")
	if len(v) != 3 {
		return nil, fmt.Errorf("%s: the C binding needs the spec's version (version: MAJOR.MINOR.PATCH), its ABI version", s.File)
	}
	m.Major, m.Minor, m.Patch = v[0], v[1], v[2]
	for _, p := range v {
		n, _ := strconv.Atoi(p) // the loader checked it
		m.Number = m.Number*100 + n
	}
	if s.SHA256 == "" {
		return nil, fmt.Errorf("the spec has no SHA-256: load it with spec.Load or spec.Parse")
	}
	for _, e := range s.Errors {
		m.Errors = append(m.Errors, cConst{Name: "DGRAM_" + e.Code, Value: -e.Number, Code: e.Code, Kind: e.Kind, Msg: e.Message, Doc: cSentence(e.Doc)})
	}
	m.Platforms = append(m.Platforms, cConst{Name: "DGRAM_PLATFORM_NATIVE", Value: 0, Doc: "The host's native support (the default)."})
	for i, p := range s.Platforms {
		m.Platforms = append(m.Platforms, cConst{Name: "DGRAM_PLATFORM_" + strings.ToUpper(p.ID), Value: i + 1, Doc: p.Name + " (" + p.Board + ")."})
	}
	for i, c := range s.Calls {
		m.Calls = append(m.Calls, cConst{Name: "DGRAM_CALL_" + upper(c.Name), Value: i, Doc: c.Title + "."})
	}
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
		m.Caps = append(m.Caps, caps)
	}

	// Objects: arguments are input structs, results and event arguments output ones.
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
			m := cTypes[fl.Type]
			if m.field == nil || (st.Input && m.toGo == nil) || (!st.Input && m.toC == nil) {
				return nil, fmt.Errorf("%s:%d: object %s, field %s: the C binding has no struct field of type %s", s.File, fl.Line, o.Name, fl.Name, fl.Type)
			}
			f.Decl = m.field(fl, n, st.Input)
			if strings.HasSuffix(f.Decl, "]") {
				f.Doc += " NUL-terminated."
			}
			st.Fields = append(st.Fields, f)
		}
		if o.Name == sockOptions {
			st.Fields = append(st.Fields, cField{Name: "delivery", CGo: "delivery", Decl: "dgram_delivery delivery",
				Doc: "Where the socket's callbacks run: 0 (DGRAM_DELIVERY_DEFAULT) takes the default that dgram_set_delivery sets. Anything but a dgram_delivery is ERR_OUT_OF_RANGE. (The C library's own field.)"})
		}
		m.Structs = append(m.Structs, st)
	}

	seenCB := map[string]bool{}
	for _, e := range s.Events {
		cb := cCallback{Name: "dgram_" + snake(e.Name) + "_cb", Trampoline: "dgramx_call_" + snake(e.Name), Event: e.Name, SpecName: e.Name, Bounded: e.Bounded,
			GoType: exported(e.Name) + "Listener", Args: e.Args, Doc: fmt.Sprintf("A listener of the '%s' event, %s", e.Name, sentence(cSentence(e.Doc)))}
		if cb.Params, err = cEventParams(s, e.Args); err != nil {
			return nil, err
		}
		seenCB[cb.Name] = true
		m.Callbacks = append(m.Callbacks, cb)
	}
	for _, c := range s.Callbacks {
		cb := cCallback{Name: "dgram_" + snake(c.Name) + "_cb", Trampoline: "dgramx_call_" + snake(c.Name) + "_callback", SpecName: c.Name,
			GoType: exported(c.Name) + "Callback", Args: c.Args, Doc: fmt.Sprintf("The %s callback. %s", c.Name, cSentence(c.Doc))}
		if seenCB[cb.Name] {
			return nil, fmt.Errorf("%s:%d: callback %s: its C type %s is also an event's", s.File, c.Line, c.Name, cb.Name)
		}
		if cb.Params, err = cEventParams(s, c.Args); err != nil {
			return nil, err
		}
		m.Callbacks = append(m.Callbacks, cb)
	}

	names := map[string]bool{}
	model, err := newModel(s)
	if err != nil {
		return nil, err
	}
	for _, mc := range model.Calls {
		c := &mc.Call
		for _, mf := range mc.MForms {
			f := &mf.Form
			fn := cFunc{Name: mf.C, Call: c, Form: f, Result: mc.Result}
			fn.GoName = "dgramgo_" + strings.TrimPrefix(fn.Name, "dgram_")
			if names[fn.Name] {
				return nil, fmt.Errorf("%s:%d: %s: C name %s is taken", s.File, f.Line, f.Signature, fn.Name)
			}
			names[fn.Name] = true
			fn.Ret = "int"
			if !c.Module {
				fn.Params = append(fn.Params, cParam{"socket", "dgram_socket ", "The socket's handle."})
			}
			pointers, callbacks := false, false
			for _, a := range f.Args {
				ps, err := cFormParams(s, a)
				if err != nil {
					return nil, err
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
				m := cTypes[r.Type.Type]
				if m.out == "" || m.store == nil {
					return nil, fmt.Errorf("%s:%d: call %s: the C binding has no result of type %s", s.File, c.Line, c.Name, c.Returns)
				}
				pointers = true
				fn.Params = append(fn.Params, cParam{"out", m.out + " *", m.outDoc})
			}
			callDoc := c.Doc
			if c.C != nil && c.C.Doc != "" {
				callDoc = c.C.Doc
			}
			doc := []string{fmt.Sprintf("%s: %s", c.Title, cSentence(callDoc)), "Form: " + f.Signature + "."}
			for _, p := range fn.Params {
				if p.Doc != "" {
					doc = append(doc, "@param "+p.Name+" "+p.Doc)
				}
			}
			switch {
			case c.Returns == "socket":
				doc = append(doc, "@return the new socket's handle (> 0), or a negative error code.")
			default:
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
			doc = append(doc, "Errors: "+own+strings.Join(lib, ", ")+". An error that happens after the call returns goes to its callback or to the 'error' event, as the spec says.")
			fn.Doc = doc
			m.Funcs = append(m.Funcs, fn)
		}
	}
	for _, e := range s.Events {
		n := "dgram_on_" + snake(e.Name)
		if names[n] {
			return nil, fmt.Errorf("%s:%d: event %s: C name %s is taken", s.File, e.Line, e.Name, n)
		}
		names[n] = true
		m.Funcs = append(m.Funcs, cFunc{Name: n, GoName: "dgramgo_on_" + snake(e.Name), Ret: "int", Event: e.Name,
			Params: []cParam{{"socket", "dgram_socket ", "The socket's handle."},
				{"listener", "dgram_" + snake(e.Name) + "_cb ", "The listener; NULL is ERR_NULL_POINTER."},
				{"user_data", "void *", "Passed to the listener as it is."}},
			Doc: []string{fmt.Sprintf("Adds listener to the '%s' event, after the listeners added before: %s", e.Name, cSentence(e.Doc)),
				"@return DGRAM_OK, or DGRAM_ERR_INVALID_HANDLE, DGRAM_ERR_NULL_POINTER, DGRAM_ERR_FORKED, DGRAM_ERR_INTERNAL."}})
	}
	def, detect, err := hostPlatforms(s)
	if err != nil {
		return nil, err
	}
	host := hostDoc(def, detect, func(p spec.Platform) string { return "DGRAM_PLATFORM_" + strings.ToUpper(p.ID) })
	for _, f := range cLibrary {
		f.Doc = append([]string(nil), f.Doc...)
		for i := range f.Doc {
			f.Doc[i] = strings.ReplaceAll(f.Doc[i], "{host}", host)
		}
		m.Library = append(m.Library, f)
	}
	for _, f := range m.Library {
		if names[f.Name] {
			return nil, fmt.Errorf("the spec's C name %s is one of the library's own functions", f.Name)
		}
	}
	return m, nil
}

// cLibrary are the library's own functions: not in the spec, the same
// for every spec.
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
