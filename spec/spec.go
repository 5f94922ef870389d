// Package spec loads spec/dgram.yaml, the single description of the dgram
// API, into typed values for the generators in gen/.
//
// Load rejects unknown keys, dangling references (an error code, object,
// event, callback, footnote or platform that is not defined) and bad
// support cells, with errors that name the file and line.
package spec

// Spec is the whole API description.
type Spec struct {
	// Name is the module's name (dgram): the C prefix (dgram_, DGRAM_) and the
	// symbol version nodes' (DGRAM_1).
	Name string `yaml:"name"`
	// Doc is the module's description, the first paragraph of docs/API.md.
	Doc string `yaml:"doc"`
	// Version is the API's version, MAJOR.MINOR.PATCH: the C library's
	// (its soname is libdgram.so.MAJOR). Bump MINOR for additions, MAJOR
	// for a change that breaks a compiled caller.
	Version string `yaml:"version"`
	// VersionNodesFrom is the first MAJOR.MINOR whose new C functions get
	// a symbol version node of their own (DGRAM_<MAJOR>.<MINOR>, inheriting
	// DGRAM_<MAJOR>); the functions of earlier releases keep DGRAM_<MAJOR>,
	// under which programs already linked them.
	VersionNodesFrom string `yaml:"versionNodesFrom"`
	// Families are the socket types (udp4, udp6) with their addresses and
	// limits.
	Families []Family `yaml:"families"`
	// Platforms are the columns of the seed's platform table (IoT.js's
	// boards).
	Platforms []Platform `yaml:"platforms"`
	// Footnotes qualify the table's partial (△) cells.
	Footnotes []Footnote `yaml:"footnotes"`
	// Errors are every code a binding reports, each with its stable number.
	Errors []Error `yaml:"errors"`
	// Objects are the structured values: options objects (arguments) and
	// results.
	Objects []Object `yaml:"objects"`
	// Events are the socket's events, each a dgram_on_<event> in C.
	Events []Event `yaml:"events"`
	// Addresses are the kinds of address argument (address: on an
	// argument) and the codes of their bad values.
	Addresses []AddressKind `yaml:"addresses"`
	// Options are the socket options calls set or get (option: on a call).
	Options []Option `yaml:"options"`
	// Ordering lists, in words, the ordering guarantees every binding keeps
	// per socket (docs/API.md).
	Ordering []string `yaml:"ordering"`
	// Reporting says, per binding, how errors are reported (thrown, returned,
	// emitted).
	Reporting []Rule `yaml:"reporting"`
	// Callbacks are the completion callbacks that are not event listeners
	// (send's).
	Callbacks []Callback `yaml:"callbacks"`
	// Calls are the API's functions, in the order that reads best (their
	// values are their number:).
	Calls []Call `yaml:"calls"`

	// File is the path the spec was loaded from, for messages.
	File string `yaml:"-"`
	// Examples holds the first value the spec gives each key, by
	// "type.key" (call.since), as one line of YAML: the examples of the
	// schema's reference (Schema).
	Examples map[string]string `yaml:"-"`
	// SHA256 is the hex SHA-256 of the spec's bytes, which a binding
	// compares at run time to tell that it matches the library it loaded.
	SHA256 string `yaml:"-"`
}

// Family is a socket type: udp4 or udp6.
type Family struct {
	// Type is the socket type a program names: udp4 or udp6.
	Type string `yaml:"type"`
	// Family is the address family rinfo and address() report: IPv4 or IPv6.
	Family string `yaml:"family"`
	// BindAddress is the address an omitted bind address means (default:
	// bindAddress).
	BindAddress string `yaml:"bindAddress"`
	// SendAddress is the address an omitted send address means (default:
	// sendAddress).
	SendAddress string `yaml:"sendAddress"`
	// MaxDatagram is the family's largest datagram in bytes; a larger one is
	// the oversize role's error.
	MaxDatagram int `yaml:"maxDatagram"`
	// Group is a multicast group of the family, and Unassigned an address
	// of it that no interface has: valid and bad values for tests.
	Group string `yaml:"group"`
	// Unassigned is an address of the family that no interface has (a test
	// value).
	Unassigned string `yaml:"unassigned"`
	// Malformed is a string that is not an address of the family.
	Malformed string `yaml:"malformed"`
	Line      int    `yaml:"-"`
}

// AddressKind is a kind of address argument: what a malformed value, a
// value of the other family and an address no interface has are
// reported as, and the socket state the call needs for those checks.
type AddressKind struct {
	// Name is the kind, as address: on an argument names it.
	Name string `yaml:"name"`
	// Doc describes the kind.
	Doc string `yaml:"doc"`
	// Malformed, Family and Unassigned are the codes of a malformed value,
	// a value of the other family and an unassigned address; "" when the
	// kind has no such case.
	Malformed  string `yaml:"malformed"`
	Family     string `yaml:"family"`
	Unassigned string `yaml:"unassigned"`
	// Valid names the family field whose value is a valid value:
	// sendAddress, group; "" omits the argument.
	Valid string `yaml:"valid"`
	// Bound: the call's checks of this argument need a bound socket.
	Bound bool `yaml:"bound"`
	Line  int  `yaml:"-"`
}

// Option is a socket option: an integer (or boolean, 0 or 1) that
// setsockopt sets and getsockopt reads on the bound socket, with its level
// and name per family as Go's syscall package names them.
type Option struct {
	// Name is the option, as option: on a call names it.
	Name string `yaml:"name"`
	Type string `yaml:"type"` // integer or boolean
	// V4 is the option's level and name on an IPv4 socket.
	V4 OptionKey `yaml:"v4"`
	// V6 is the option's level and name on an IPv6 socket.
	V6 OptionKey `yaml:"v6"`
	// Min and Max bound the value the option takes, when set: a setter's
	// argument must be checked within them (the loader checks).
	Min *int64 `yaml:"min"`
	Max *int64 `yaml:"max"`
	// Unbound is the code of a call before bind; "" is the system error
	// EBADF named after the call.
	Unbound string `yaml:"unbound"`
	// Syscall is the operation errors name ({syscall} in messages); the
	// call's name when empty.
	Syscall string `yaml:"syscall"`
	// ZeroReads: setting 0 reads the option and changes nothing, as
	// libuv's uv_recv_buffer_size and uv_send_buffer_size do (the call's
	// state checks and errors stay those of a set).
	ZeroReads bool `yaml:"zero_reads"`
	// Doc describes the option.
	Doc  string `yaml:"doc"`
	Line int    `yaml:"-"`
}

// OptionKey is an option's level and name: SOL_SOCKET, SO_RCVBUF.
type OptionKey struct {
	// Level is the option's level as Go's syscall package names it
	// (SOL_SOCKET, IPPROTO_IP).
	Level string `yaml:"level"`
	// Name is the option's name as Go's syscall package names it (SO_RCVBUF,
	// IP_TTL).
	Name string `yaml:"name"`
	Line int    `yaml:"-"`
}

// CallOption says which option a call sets or gets.
type CallOption struct {
	// Name names the option (options:).
	Name string `yaml:"name"`
	Op   string `yaml:"op"` // set or get
	Line int    `yaml:"-"`
}

// The operations of option:.
const (
	OptionSet = "set"
	OptionGet = "get"
)

// Platform is a column of the seed's support matrix.
type Platform struct {
	// ID is the platform's id in support cells and C names
	// (DGRAM_PLATFORM_<ID>).
	ID string `yaml:"id"`
	// Name is the platform as the seed's table heads it.
	Name string `yaml:"name"`
	// Board is the board the seed names under the platform.
	Board string `yaml:"board"`
	// Go is the platform's Go constant (dgram.NuttX).
	Go string `yaml:"go"`
	// Number is the platform's stable value (Platform in Go,
	// DGRAM_PLATFORM_<ID> in C), unique and positive (0 is Native): it
	// never changes once released, whatever the platforms' order.
	Number int `yaml:"number" required:"true"`
	// Host says how a host is recognised as this platform, whose native
	// support Native then means; nil for a platform no host is.
	Host *Host `yaml:"host"`
	Line int   `yaml:"-"`
}

// Host is how a host is recognised as a platform: the default, or on one
// of Arch (Go's GOARCH names) when /etc/os-release has OSRelease in ID or
// ID_LIKE, or /proc/device-tree/model contains Model.
type Host struct {
	// Default makes the platform the host when no other is recognised.
	Default bool `yaml:"default"`
	// Arch are the GOARCH values the platform runs on.
	Arch []string `yaml:"arch"`
	// OSRelease is a word of /etc/os-release's ID or ID_LIKE that marks the
	// platform.
	OSRelease string `yaml:"osRelease"`
	// Model is a text /proc/device-tree/model contains on the platform.
	Model string `yaml:"model"`
	Line  int    `yaml:"-"`
}

// Footnote qualifies a partial support cell; Text is the seed's, verbatim.
type Footnote struct {
	// ID is the footnote's number, as a partial cell names it (△1).
	ID int `yaml:"id"`
	// Text is the seed's footnote, verbatim.
	Text string `yaml:"text"`
	Line int    `yaml:"-"`
}

// Error is an error code every binding reports the same way.
type Error struct {
	// Code is the error's code, as Node names it (ERR_SOCKET_BAD_PORT,
	// EADDRINUSE).
	Code string `yaml:"code"`
	// Go is the Go constant of the code (ErrSocketBadPort).
	Go string `yaml:"go"`
	// Number is the error's stable number, unique in the spec: the C
	// binding reports the error as -Number (0 is success).
	Number int `yaml:"number"`
	// Kind is the error's class: TypeError, RangeError or Error.
	Kind string `yaml:"kind"`
	// Message is the message template of a coded error ({arg}, {received},
	// {min}, {max}, {call}, {platform}).
	Message string `yaml:"message"`
	// System marks an operating-system error (errno), whose message is Node's
	// syscall format.
	System bool `yaml:"system"`
	// Role names what the generators use the code for (Roles), so that
	// they need not know it by name.
	Role string `yaml:"role"`
	// Doc says when the error happens.
	Doc  string `yaml:"doc"`
	Line int    `yaml:"-"`
}

// The roles of codes (role: on an error).
const (
	RoleWrongType     = "wrong-type"     // a value of the wrong type (JavaScript)
	RoleNullPointer   = "null-pointer"   // a C NULL where a pointer is required
	RoleUnsupported   = "unsupported"    // a call the socket's platform profile marks X
	RoleOversize      = "oversize"       // a datagram beyond the family's maxDatagram
	RoleUnbound       = "unbound"        // a call that needs the bound socket, before bind
	RoleClosed        = "closed"         // a call after close
	RoleAlreadyBound  = "already-bound"  // bind on a bound or binding socket
	RoleInvalidHandle = "invalid-handle" // a C handle that is not a live socket
	RoleConnected     = "connected"      // connect, or a send with a destination, on a connected socket
	RoleNotConnected  = "not-connected"  // a call that needs a connection, on a socket without one
)

// Roles are the roles an error may have.
var Roles = []string{RoleWrongType, RoleNullPointer, RoleUnsupported, RoleOversize, RoleUnbound, RoleClosed, RoleAlreadyBound, RoleInvalidHandle, RoleConnected, RoleNotConnected}

// RoleCode is the code of the error with role, or "" when none has it.
func (s *Spec) RoleCode(role string) string {
	e, _ := find(s.Errors, func(e Error) bool { return e.Role == role })
	return e.Code
}

// Object is a structured value: an options object or a result.
type Object struct {
	// Name is the object's Go type (SocketOptions); C's struct dgram_<snake of
	// it>.
	Name string `yaml:"name"`
	// Doc describes the object.
	Doc string `yaml:"doc"`
	// Fields are the object's fields, arguments in their own right (in C a
	// struct's fields, in their order).
	Fields []Arg `yaml:"fields"`
	Line   int   `yaml:"-"`
}

// Event is one of the socket's events.
type Event struct {
	// Name is the event as Node names it (message).
	Name string `yaml:"name"`
	// Doc says when the event is emitted.
	Doc string `yaml:"doc"`
	// Since is the MAJOR.MINOR version that added the event (and C's
	// dgram_on_<event>).
	Since string `yaml:"since" required:"true"`
	// Bounded marks an event that peers cause (a received datagram, a
	// receive error such as an ICMP error): a
	// binding that hands it to a host thread bounds how many wait there
	// (the spec's ordering) and drops those still waiting at close.
	Bounded bool `yaml:"bounded"`
	// Args are the listener's arguments.
	Args []Arg `yaml:"args"`
	Line int   `yaml:"-"`
}

// Rule says how one binding reports errors.
type Rule struct {
	Binding string `yaml:"binding"` // go, c or js
	// Rule is the binding's reporting rule, in words.
	Rule string `yaml:"rule"`
	Line int    `yaml:"-"`
}

// Callback is a completion callback that is not an event listener.
type Callback struct {
	// Name is the callback, as callback: on a function argument names it.
	Name string `yaml:"name"`
	// Doc says when it is called.
	Doc string `yaml:"doc"`
	// Args are the callback's arguments.
	Args []Arg `yaml:"args"`
	Line int   `yaml:"-"`
}

// Call is one function of the API, with each of its forms.
type Call struct {
	// Name is the call as Node names it (setMulticastTTL): Go's
	// SetMulticastTTL, C's dgram_set_multicast_ttl.
	Name string `yaml:"name"`
	// Title is the call's full name (dgram.Socket.bind): its heading in
	// docs/API.md and its Call's String.
	Title string `yaml:"title"`
	// Number is the call's stable value (Call in Go, DGRAM_CALL_<CALL> in
	// C, Call in Python), unique and not negative: it never changes once
	// released, so the calls can be kept in the order that reads best.
	Number int `yaml:"number" required:"true"`
	// Since is the MAJOR.MINOR version that added the call: its C
	// functions are in that minor's symbol version node (VersionNodesFrom).
	Since string `yaml:"since" required:"true"`
	// Module marks a function of the module (createSocket) rather than a
	// socket method.
	Module bool `yaml:"module"`
	// Returns is the result: socket, an object's name, or a scalar
	// (integer, boolean, string, address); "" for none.
	Returns string `yaml:"returns"`
	// Extension marks a call that is not in IoT.js: its support cells
	// form the extension table beside the seed's.
	Extension bool `yaml:"extension"`
	// Option makes the call's core a generated setter or getter of a
	// socket option.
	Option *CallOption `yaml:"option"`
	// C is how the C binding words the call where C differs.
	C *CDoc `yaml:"c"`
	// Core names another call whose core this one shares; such a call has
	// that call's support and no row of its own in the matrix.
	Core string `yaml:"core"`
	// Doc says what the call does.
	Doc string `yaml:"doc"`
	// SystemErrors is "emitted" for a call whose operating-system errors
	// JavaScript emits as an 'error' event after the call returns (Go and
	// C return them from the call; see Spec.Reporting), "" otherwise.
	SystemErrors string `yaml:"system_errors"`
	// JSReturns is what the call returns in JavaScript where the API has
	// no result, as Node does: "socket" (this, for chaining: bind,
	// close) or "argument" (its first argument: the TTL setters); ""
	// is undefined.
	JSReturns string `yaml:"js_returns"`
	// Lifecycle is what a successful call does to the socket's life, for a
	// host that tracks it (the JavaScript host keeps its loop alive while
	// a socket is bound): bind, binds (an implicit bind when unbound),
	// connect (binds, then connects), disconnect, close, ref, unref; "" for
	// none.
	Lifecycle string `yaml:"lifecycle"`
	// Support are the call's cells of the seed's platform table, one per
	// platform: O, X, or △ and a footnote.
	Support Cells `yaml:"support"`
	// Native are the call's cells on the hosts it runs on natively
	// (Supports(Native, call)); a platform left out is X.
	Native Cells `yaml:"native"`
	// Forms are the ways of calling it, each a Go function and a C function of
	// its own.
	Forms []Form `yaml:"forms"`
	// Errors lists the codes the call reports (the bad-input table checks
	// each).
	Errors []string `yaml:"errors"`
	Line   int      `yaml:"-"`
}

// Form is one way of calling a Call.
type Form struct {
	// Signature is the form as Node's documentation writes it: send(msg,
	// port[, address][, sendListener]).
	Signature string `yaml:"signature"`
	// Go is the form's Go function (SendSlice); C's dgram_<snake of it>, or
	// dgram_<call> when it is the call's name.
	Go string `yaml:"go"`
	// Connected marks a form of a connected socket (send without a
	// destination): Go and C refuse it on a socket that is not connected
	// (RoleNotConnected); JavaScript picks it by the socket's state.
	Connected bool `yaml:"connected"`
	// Args are the form's arguments, in order.
	Args []Arg `yaml:"args"`
	Line int   `yaml:"-"`
}

// Arg is an argument, an object field or an event or callback argument.
type Arg struct {
	// Name is the argument as Node names it (camelCase); C's parameter is its
	// snake_case.
	Name string `yaml:"name"`
	// Type is the argument's type: integer, string, boolean, ip, message,
	// platform, function, object or error.
	Type string `yaml:"type"`
	// Object names the object of an object argument.
	Object string `yaml:"object"`
	// Listener names the event a function argument listens to.
	Listener string `yaml:"listener"`
	// Callback names the completion callback a function argument is.
	Callback string `yaml:"callback"`
	// Optional makes the argument omissible: it then takes its zero value (0,
	// "", false, none).
	Optional bool `yaml:"optional"`
	// Required makes the empty string a missing argument (the code error:
	// names).
	Required bool `yaml:"required"`
	// Default names the family address an omitted string takes: bindAddress or
	// sendAddress.
	Default string `yaml:"default"`
	// Enum limits a string to a set: families (udp4, udp6).
	Enum string `yaml:"enum"`
	// Min and Max bound an integer; a value outside them is the code error:
	// names.
	Min *int64 `yaml:"min"`
	Max *int64 `yaml:"max"`
	// Bounds names the message argument an integer is an offset or a length in
	// (the first such argument of a form is the offset, the second the
	// length).
	Bounds string `yaml:"bounds"`
	// Error is the code of a value the argument's checks refuse.
	Error string `yaml:"error"`
	// Message replaces the error's message template for this argument.
	Message string `yaml:"message"`
	// Extension marks a field that Node has and IoT.js lacks.
	Extension bool   `yaml:"extension"`
	Only      string `yaml:"only"` // "go": a field of the Go API alone (C and JavaScript leave it out)
	// JS is how the JavaScript host reads the argument where JavaScript
	// differs.
	JS *JSArg `yaml:"js"`
	// Address is the kind of address a string argument is (addresses:).
	Address string `yaml:"address"`
	// C is how the C binding names and words the argument where C differs.
	C *CDoc `yaml:"c"`
	// Doc describes the argument.
	Doc  string `yaml:"doc"`
	Line int    `yaml:"-"`
}

// JSArg is how the JavaScript host reads an argument where JavaScript
// differs from Go (optional): Node's name for it in messages, the wording
// of the types ERR_INVALID_ARG_TYPE expects, and whether it is read as a
// port (a number or a numeric string, as Node's validatePort); last: the
// host reads it after the form's other arguments (Node's sendto checks
// its numbers and address before the message); truthy: an optional
// integer that any falsy value omits (Node's if (options.x)); own_error:
// an integer for which every value that is not a number, a numeric string
// included, is the argument's own error rather than ERR_INVALID_ARG_TYPE
// (Node's bufferSize: size >>> 0 !== size).
type JSArg struct {
	// Name is Node's name for the argument in messages.
	Name string `yaml:"name"`
	// Types words the types ERR_INVALID_ARG_TYPE expects, as Node does.
	Types string `yaml:"types"`
	// Port reads a number or a numeric string, as Node's validatePort (other
	// values get error:).
	Port bool `yaml:"port"`
	// Last reads the argument after the form's others (Node's sendto checks
	// its numbers and address first).
	Last bool `yaml:"last"`
	// Truthy makes any falsy value omit an optional integer, as Node's if
	// (options.x).
	Truthy bool `yaml:"truthy"`
	// OwnError makes every value of an integer that is not a number, a
	// numeric string included, the argument's own error rather than
	// ERR_INVALID_ARG_TYPE (Node's bufferSize: size >>> 0 !== size).
	OwnError bool `yaml:"own_error"`
	Line     int  `yaml:"-"`
}

// CDoc is the C binding's wording where C differs from the spec's: a
// name for an argument, a doc for a call or argument.
type CDoc struct {
	// Name is the C name of an argument.
	Name string `yaml:"name"`
	// Doc is the C wording of a call or an argument.
	Doc  string `yaml:"doc"`
	Line int    `yaml:"-"`
}

// GoOnly reports a field that only the Go API has (only: go).
func (a Arg) GoOnly() bool { return a.Only == OnlyGo }

// OnlyGo is the one value of only:.
const OnlyGo = "go"

// Argument types the generators understand.
const (
	TypeInteger  = "integer"
	TypeString   = "string"
	TypeBoolean  = "boolean"
	TypeIP       = "ip"
	TypeMessage  = "message"
	TypePlatform = "platform"
	TypeFunction = "function"
	TypeObject   = "object"
	TypeError    = "error"
)

// Scalar results (returns:).
const (
	ReturnsSocket  = "socket"
	ReturnsAddress = "address"
)

// Scalar reports whether returns is a scalar result, and its spec type:
// integer, boolean, string, or ip for address.
func Scalar(returns string) (string, bool) {
	switch returns {
	case TypeInteger, TypeBoolean, TypeString:
		return returns, true
	case ReturnsAddress:
		return TypeIP, true
	}
	return "", false
}

// Support levels, as the seed writes them. A partial cell is written
// "△<footnote id>" in the spec and "△ <superscript id>" in the table.
const (
	Supported   = "O"
	Unsupported = "X"
	Partial     = "△"
)

// Cell is a parsed support cell.
type Cell struct {
	Level    string // Supported, Unsupported or Partial
	Footnote int    // the footnote of a Partial cell, else 0
}

// Family returns the family of the socket type typ.
func (s *Spec) Family(typ string) (Family, bool) {
	return find(s.Families, func(f Family) bool { return f.Type == typ })
}

// Error returns the error with the given code.
func (s *Spec) Error(code string) (Error, bool) {
	return find(s.Errors, func(e Error) bool { return e.Code == code })
}

// Object returns the object named name.
func (s *Spec) Object(name string) (Object, bool) {
	return find(s.Objects, func(o Object) bool { return o.Name == name })
}

// Event returns the event named name.
func (s *Spec) Event(name string) (Event, bool) {
	return find(s.Events, func(e Event) bool { return e.Name == name })
}

// Callback returns the callback named name.
func (s *Spec) Callback(name string) (Callback, bool) {
	return find(s.Callbacks, func(c Callback) bool { return c.Name == name })
}

// Call returns the call named name.
func (s *Spec) Call(name string) (Call, bool) {
	return find(s.Calls, func(c Call) bool { return c.Name == name })
}

// Footnote returns the footnote with the given id.
func (s *Spec) Footnote(id int) (Footnote, bool) {
	return find(s.Footnotes, func(f Footnote) bool { return f.ID == id })
}

// find returns the first element of xs that match accepts.
func find[T any](xs []T, match func(T) bool) (T, bool) {
	for _, x := range xs {
		if match(x) {
			return x, true
		}
	}
	var zero T
	return zero, false
}

// MatrixCalls returns the calls that have a row in the seed's support
// matrix, in spec order: every call that is not an extension and does not
// share another call's core.
func (s *Spec) MatrixCalls() []Call {
	var out []Call
	for _, c := range s.Calls {
		if c.Core == "" && !c.Extension {
			out = append(out, c)
		}
	}
	return out
}

// ExtensionCalls returns the calls of the extension table, in spec order:
// the extensions that do not share another call's core.
func (s *Spec) ExtensionCalls() []Call {
	var out []Call
	for _, c := range s.Calls {
		if c.Core == "" && c.Extension {
			out = append(out, c)
		}
	}
	return out
}

// AddressKind returns the address kind named name.
func (s *Spec) AddressKind(name string) (AddressKind, bool) {
	return find(s.Addresses, func(a AddressKind) bool { return a.Name == name })
}

// Option returns the socket option named name.
func (s *Spec) Option(name string) (Option, bool) {
	return find(s.Options, func(o Option) bool { return o.Name == name })
}

// CoreCall returns the call whose core and support c uses: c itself, or the
// call its Core names.
func (s *Spec) CoreCall(c Call) Call {
	if c.Core != "" {
		if core, ok := s.Call(c.Core); ok {
			return core
		}
	}
	return c
}

// Cell returns the parsed reference-matrix cell of call c on platform id.
func (s *Spec) Cell(c Call, platform string) Cell {
	cell, _ := ParseCell(s.CoreCall(c).Support.Values[platform])
	return cell
}

// NativeCell returns the parsed native-support cell of call c on platform
// id; a platform the call's native map does not name is Unsupported.
func (s *Spec) NativeCell(c Call, platform string) Cell {
	v, ok := s.CoreCall(c).Native.Values[platform]
	if !ok {
		return Cell{Level: Unsupported}
	}
	cell, _ := ParseCell(v)
	return cell
}
