package spec

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/netip"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// LoadError is a problem in the spec file, at a line.
type LoadError struct {
	File string
	Line int
	Msg  string
}

func (e *LoadError) Error() string {
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// Cells is a support map, platform id to cell, with the line of each cell.
type Cells struct {
	Values map[string]string
	Lines  map[string]int
	Line   int
}

// UnmarshalYAML records each cell and its line.
func (c *Cells) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: support cells must be a mapping of platform to cell", n.Line)
	}
	c.Values, c.Lines, c.Line = map[string]string{}, map[string]int{}, n.Line
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		c.Values[k.Value] = v.Value
		c.Lines[k.Value] = k.Line
	}
	return nil
}

// Load reads and checks the spec at path.
func Load(path string) (*Spec, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// Parse checks and decodes spec text; file names it in errors.
func Parse(file string, data []byte) (*Spec, error) {
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); errors.Is(err, io.EOF) {
		return nil, &LoadError{file, 1, "empty spec"}
	} else if err != nil {
		return nil, yamlError(file, err)
	}
	if len(doc.Content) == 0 {
		return nil, &LoadError{file, 1, "empty spec"}
	}
	sum := sha256.Sum256(data)
	s := &Spec{File: file, SHA256: hex.EncodeToString(sum[:])}
	if err := doc.Content[0].Decode(s); err != nil {
		return nil, yamlError(file, err)
	}
	s.Examples = map[string]string{}
	if err := walk(file, doc.Content[0], reflect.ValueOf(s).Elem(), s.Examples); err != nil {
		return nil, err
	}
	c := checker{s: s}
	c.check()
	if c.err != nil {
		return nil, c.err
	}
	return s, nil
}

// yamlError turns yaml's "yaml: line N: msg" into file:N: msg.
func yamlError(file string, err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if te, ok := err.(*yaml.TypeError); ok && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if num, tail, ok := strings.Cut(rest, ": "); ok {
			if n, err := strconv.Atoi(num); err == nil {
				return &LoadError{file, n, tail}
			}
		}
	}
	return &LoadError{file, 1, msg}
}

var cellsType = reflect.TypeOf(Cells{})

// walk rejects mapping keys that v's type does not declare, and those
// missing that it requires; it records the line of each struct value in
// its Line field and the first value of each key in examples.
func walk(file string, n *yaml.Node, v reflect.Value, examples map[string]string) error {
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			return walk(file, n, v.Elem(), examples)
		}
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			return nil
		}
		for i := 0; i < v.Len() && i < len(n.Content); i++ {
			if err := walk(file, n.Content[i], v.Index(i), examples); err != nil {
				return err
			}
		}
	case reflect.Struct:
		if v.Type() == cellsType || n.Kind != yaml.MappingNode {
			return nil
		}
		t := v.Type()
		if f := v.FieldByName("Line"); f.IsValid() {
			f.SetInt(int64(n.Line))
		}
		present := map[int]bool{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			key := n.Content[i]
			idx := fieldByTag(t, key.Value)
			if idx < 0 {
				return &LoadError{file, key.Line, fmt.Sprintf("unknown key %q in %s", key.Value, strings.ToLower(t.Name()))}
			}
			present[idx] = true
			if k := strings.ToLower(t.Name()) + "." + key.Value; examples[k] == "" {
				examples[k] = example(key, n.Content[i+1])
			}
			if err := walk(file, n.Content[i+1], v.Field(idx), examples); err != nil {
				return err
			}
		}
		for i := 0; i < t.NumField(); i++ {
			if t.Field(i).Tag.Get("required") == "true" && !present[i] {
				name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
				return &LoadError{file, n.Line, fmt.Sprintf("%s without its required key %q", strings.ToLower(t.Name()), name)}
			}
		}
	}
	return nil
}

// example is key: value as one line of YAML: a scalar or a short flow
// collection as the spec writes it; a longer or block one is cut.
func example(key, value *yaml.Node) string {
	v := *value
	if v.Kind == yaml.SequenceNode || v.Kind == yaml.MappingNode {
		v.Style = yaml.FlowStyle
	}
	doc := yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle, Content: []*yaml.Node{{Kind: yaml.ScalarNode, Value: key.Value}, &v}}
	doc.Style = 0
	out, err := yaml.Marshal(&doc)
	if err != nil {
		return ""
	}
	line := strings.Join(strings.Fields(string(out)), " ")
	if r := []rune(line); len(r) > 90 {
		line = string(r[:89]) + "…"
	}
	return line
}

func fieldByTag(t reflect.Type, key string) int {
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		if name == key && name != "-" {
			return i
		}
	}
	return -1
}

// ParseCell parses a support cell: "O", "X", or "△" and a footnote id.
func ParseCell(v string) (Cell, error) {
	switch v {
	case Supported, Unsupported:
		return Cell{Level: v}, nil
	}
	if rest, ok := strings.CutPrefix(v, Partial); ok {
		id, err := strconv.Atoi(strings.TrimSpace(rest))
		if err == nil && id > 0 {
			return Cell{Level: Partial, Footnote: id}, nil
		}
	}
	return Cell{}, fmt.Errorf("bad support cell %q: want O, X, or △ and a footnote number", v)
}

// checker validates references and values after decoding; it keeps the
// first problem found.
type checker struct {
	s   *Spec
	err error
}

func (c *checker) failf(line int, format string, args ...any) {
	if c.err == nil {
		c.err = &LoadError{c.s.File, line, fmt.Sprintf(format, args...)}
	}
}

// unique reports a name seen twice in one section.
func (c *checker) unique(seen map[string]bool, what, name string, line int) {
	if name == "" {
		c.failf(line, "%s without a name", what)
	} else if seen[name] {
		c.failf(line, "%s %q defined twice", what, name)
	}
	seen[name] = true
}

func (c *checker) check() {
	s := c.s
	if s.Name == "" {
		c.failf(1, "spec has no name")
	}
	if v := strings.Split(s.Version, "."); s.Version != "" && len(v) != 3 {
		c.failf(1, "version %q: want MAJOR.MINOR.PATCH", s.Version)
	} else if s.Version != "" {
		for _, p := range v {
			if n, err := strconv.Atoi(p); err != nil || n < 0 || n > 99 {
				c.failf(1, "version %q: each number is 0 to 99", s.Version)
			}
		}
	}
	seen := map[string]bool{}
	for _, f := range s.Families {
		c.unique(seen, "family", f.Type, f.Line)
		if f.Family != "IPv4" && f.Family != "IPv6" {
			c.failf(f.Line, "family %q: family must be IPv4 or IPv6", f.Type)
		}
		for _, a := range []string{f.BindAddress, f.SendAddress} {
			if _, err := netip.ParseAddr(a); err != nil {
				c.failf(f.Line, "family %q: bad address %q", f.Type, a)
			}
		}
		if f.MaxDatagram <= 0 {
			c.failf(f.Line, "family %q: maxDatagram must be positive", f.Type)
		}
		if a, err := netip.ParseAddr(f.Group); f.Group != "" && (err != nil || !a.IsMulticast()) {
			c.failf(f.Line, "family %q: group %q is not a multicast address", f.Type, f.Group)
		}
		if _, err := netip.ParseAddr(f.Unassigned); f.Unassigned != "" && err != nil {
			c.failf(f.Line, "family %q: bad unassigned address %q", f.Type, f.Unassigned)
		}
		if _, err := netip.ParseAddr(f.Malformed); f.Malformed != "" && err == nil {
			c.failf(f.Line, "family %q: malformed %q is an address", f.Type, f.Malformed)
		}
	}
	c.versions()
	seen = map[string]bool{}
	defaults := 0
	platformNumbers := map[int]string{}
	for _, p := range s.Platforms {
		c.unique(seen, "platform", p.ID, p.Line)
		c.number(platformNumbers, "platform", p.ID, p.Number, 1, nextNumber(s.Platforms, func(p Platform) int { return p.Number }, 1), p.Line)
		if p.Name == "" || p.Board == "" || p.Go == "" {
			c.failf(p.Line, "platform %q needs name, board and go", p.ID)
		}
		switch h := p.Host; {
		case h == nil:
		case h.Default:
			defaults++
			if len(h.Arch) > 0 || h.OSRelease != "" || h.Model != "" {
				c.failf(h.Line, "platform %q: the default host is recognised by nothing else", p.ID)
			}
		case len(h.Arch) == 0 || h.OSRelease == "" && h.Model == "":
			c.failf(h.Line, "platform %q: a host needs arch and osRelease or model", p.ID)
		}
	}
	if defaults > 1 {
		c.failf(1, "more than one platform is the default host")
	}
	seen = map[string]bool{}
	for _, f := range s.Footnotes {
		c.unique(seen, "footnote", strconv.Itoa(f.ID), f.Line)
		if f.Text == "" {
			c.failf(f.Line, "footnote %d has no text", f.ID)
		}
	}
	seen = map[string]bool{}
	goNames, numbers, roles := map[string]bool{}, map[int]string{}, map[string]bool{}
	for _, e := range s.Errors {
		c.unique(seen, "error", e.Code, e.Line)
		c.unique(goNames, "Go name", e.Go, e.Line)
		switch other, dup := numbers[e.Number]; {
		case e.Number <= 0:
			c.failf(e.Line, "error %s: number must be a positive integer (the C code is -number)", e.Code)
		case dup:
			c.failf(e.Line, "error %s: number %d is also %s's", e.Code, e.Number, other)
		default:
			numbers[e.Number] = e.Code
		}
		switch e.Kind {
		case "TypeError", "RangeError", "Error", "SystemError":
		default:
			c.failf(e.Line, "error %s: kind %q must be TypeError, RangeError, Error or SystemError", e.Code, e.Kind)
		}
		if !e.System && e.Message == "" {
			c.failf(e.Line, "error %s: a coded error needs a message", e.Code)
		}
		if e.Role != "" {
			if !slices.Contains(Roles, e.Role) {
				c.failf(e.Line, "error %s: role %q must be one of %s", e.Code, e.Role, strings.Join(Roles, ", "))
			}
			c.unique(roles, "role", e.Role, e.Line)
		}
	}
	seen = map[string]bool{}
	for _, a := range s.Addresses {
		c.unique(seen, "address kind", a.Name, a.Line)
		for _, code := range []string{a.Malformed, a.Family, a.Unassigned} {
			if _, ok := s.Error(code); code != "" && !ok {
				c.failf(a.Line, "address kind %s: undefined error %q", a.Name, code)
			}
		}
		switch a.Valid {
		case "", "sendAddress", "bindAddress", "group":
		default:
			c.failf(a.Line, "address kind %s: valid %q must name a family address (sendAddress, bindAddress, group)", a.Name, a.Valid)
		}
	}
	seen = map[string]bool{}
	for _, o := range s.Options {
		c.unique(seen, "option", o.Name, o.Line)
		if o.Type != TypeInteger && o.Type != TypeBoolean {
			c.failf(o.Line, "option %s: type must be integer or boolean", o.Name)
		}
		for _, k := range []OptionKey{o.V4, o.V6} {
			if k.Level == "" || k.Name == "" {
				c.failf(o.Line, "option %s needs a level and a name for v4 and v6", o.Name)
			}
		}
		if _, ok := s.Error(o.Unbound); o.Unbound != "" && !ok {
			c.failf(o.Line, "option %s: undefined error %q", o.Name, o.Unbound)
		}
		if o.Min != nil && o.Max != nil && *o.Min > *o.Max {
			c.failf(o.Line, "option %s: min is above max", o.Name)
		}
		if o.ZeroReads && (o.Type != TypeInteger || o.Min == nil || *o.Min > 0) {
			c.failf(o.Line, "option %s: zero_reads is only for integer options that take 0", o.Name)
		}
	}
	seen = map[string]bool{}
	for _, o := range s.Objects {
		c.unique(seen, "object", o.Name, o.Line)
		c.args("object "+o.Name, o.Fields, true)
	}
	seen = map[string]bool{}
	for _, e := range s.Events {
		c.unique(seen, "event", e.Name, e.Line)
		c.since("event "+e.Name, e.Since, e.Line)
		c.args("event "+e.Name, e.Args, false)
	}
	seen = map[string]bool{}
	for _, r := range s.Reporting {
		c.unique(seen, "reporting binding", r.Binding, r.Line)
		if r.Binding != "go" && r.Binding != "c" && r.Binding != "js" {
			c.failf(r.Line, "reporting: binding %q must be go, c or js", r.Binding)
		}
		if r.Rule == "" {
			c.failf(r.Line, "reporting: binding %s has no rule", r.Binding)
		}
	}
	seen = map[string]bool{}
	for _, cb := range s.Callbacks {
		c.unique(seen, "callback", cb.Name, cb.Line)
		c.args("callback "+cb.Name, cb.Args, false)
	}
	c.calls()
}

func (c *checker) calls() {
	s := c.s
	seen, goNames := map[string]bool{}, map[string]bool{}
	used, numbers := map[int]bool{}, map[int]string{}
	for _, call := range s.Calls {
		c.unique(seen, "call", call.Name, call.Line)
		c.number(numbers, "call", call.Name, call.Number, 0, nextNumber(s.Calls, func(c Call) int { return c.Number }, 0), call.Line)
		c.since("call "+call.Name, call.Since, call.Line)
		if call.Title == "" {
			c.failf(call.Line, "call %s has no title", call.Name)
		}
		switch call.Lifecycle {
		case "", "bind", "binds", "connect", "disconnect", "close", "ref", "unref":
		default:
			c.failf(call.Line, "call %s: lifecycle %q must be bind, binds, connect, disconnect, close, ref, unref or absent", call.Name, call.Lifecycle)
		}
		if call.JSReturns != "" && call.JSReturns != "socket" && call.JSReturns != "argument" {
			c.failf(call.Line, "call %s: js_returns %q must be socket, argument or absent", call.Name, call.JSReturns)
		}
		if call.SystemErrors != "" && call.SystemErrors != "emitted" {
			c.failf(call.Line, "call %s: system_errors %q must be emitted or absent", call.Name, call.SystemErrors)
		}
		_, scalar := Scalar(call.Returns)
		switch {
		case call.Returns == "", call.Returns == ReturnsSocket, scalar:
		default:
			if _, ok := s.Object(call.Returns); !ok {
				c.failf(call.Line, "call %s returns %q: not socket, integer, boolean, string, address or a defined object", call.Name, call.Returns)
			}
		}
		if call.Extension && call.Core != "" {
			c.failf(call.Line, "call %s shares %s's core and support: extension is its core call's", call.Name, call.Core)
		}
		if call.Option != nil {
			c.option(call)
		}
		if call.Core != "" {
			core, ok := s.Call(call.Core)
			switch {
			case !ok:
				c.failf(call.Line, "call %s: core names undefined call %q", call.Name, call.Core)
			case core.Core != "":
				c.failf(call.Line, "call %s: core %q shares a core itself", call.Name, call.Core)
			}
			if call.Support.Values != nil || call.Native.Values != nil {
				c.failf(call.Line, "call %s shares %s's core and support: it takes no support or native cells", call.Name, call.Core)
			}
		} else {
			c.cells(call, call.Support, true, used)
			c.cells(call, call.Native, false, used)
		}
		if len(call.Forms) == 0 {
			c.failf(call.Line, "call %s has no forms", call.Name)
		}
		for _, f := range call.Forms {
			if f.Signature == "" {
				c.failf(f.Line, "call %s: a form has no signature", call.Name)
			}
			c.unique(goNames, "Go name", f.Go, f.Line)
			c.args(f.Signature, f.Args, true)
			for _, a := range f.Args {
				if a.Only != "" {
					c.failf(a.Line, "%s, argument %s: only is for object fields", f.Signature, a.Name)
				}
			}
		}
		for _, code := range call.Errors {
			if _, ok := s.Error(code); !ok {
				c.failf(call.Line, "call %s lists undefined error %q", call.Name, code)
			}
		}
	}
	for _, f := range s.Footnotes {
		if !used[f.ID] {
			c.failf(f.Line, "footnote %d is not used by any cell", f.ID)
		}
	}
}

// option checks a call whose core sets or gets a socket option: a setter
// takes one argument of the option's type and returns nothing, a getter
// takes none and returns the option's type.
func (c *checker) option(call Call) {
	o, ok := c.s.Option(call.Option.Name)
	if !ok {
		c.failf(call.Option.Line, "call %s: option names undefined option %q", call.Name, call.Option.Name)
		return
	}
	if call.Module || call.Core != "" {
		c.failf(call.Option.Line, "call %s: an option call is a socket call with a core of its own", call.Name)
	}
	for _, f := range call.Forms {
		switch call.Option.Op {
		case OptionSet:
			if len(f.Args) != 1 || f.Args[0].Type != o.Type || call.Returns != "" {
				c.failf(f.Line, "%s: setting option %s takes one %s argument and returns nothing", f.Signature, o.Name, o.Type)
				continue
			}
			a := f.Args[0]
			if o.Min != nil && (a.Min == nil || *a.Min < *o.Min) || o.Max != nil && (a.Max == nil || *a.Max > *o.Max) {
				c.failf(a.Line, "%s: argument %s must be checked within option %s's bounds (min and max)", f.Signature, a.Name, o.Name)
			}
		case OptionGet:
			if t, _ := Scalar(call.Returns); len(f.Args) != 0 || t != o.Type {
				c.failf(f.Line, "%s: getting option %s takes no argument and returns %s", f.Signature, o.Name, o.Type)
			}
		default:
			c.failf(call.Option.Line, "call %s: option op %q must be set or get", call.Name, call.Option.Op)
		}
	}
}

// cells checks a support map; the reference matrix must name every
// platform, the native map only those it runs on.
func (c *checker) cells(call Call, cells Cells, full bool, used map[int]bool) {
	what := "native"
	if full {
		what = "support"
	}
	if cells.Values == nil {
		if full {
			c.failf(call.Line, "call %s has no support cells", call.Name)
		}
		return
	}
	for k, v := range cells.Values {
		line := cells.Lines[k]
		if !c.platform(k) {
			c.failf(line, "call %s: %s cell for undefined platform %q", call.Name, what, k)
			continue
		}
		cell, err := ParseCell(v)
		if err != nil {
			c.failf(line, "call %s, platform %s: %v", call.Name, k, err)
			continue
		}
		if cell.Level == Partial {
			if _, ok := c.s.Footnote(cell.Footnote); !ok {
				c.failf(line, "call %s, platform %s: cell %q names undefined footnote %d", call.Name, k, v, cell.Footnote)
			}
			used[cell.Footnote] = true
		}
	}
	if full {
		for _, p := range c.s.Platforms {
			if _, ok := cells.Values[p.ID]; !ok {
				c.failf(cells.Line, "call %s has no support cell for platform %s", call.Name, p.ID)
			}
		}
	}
}

func (c *checker) platform(id string) bool {
	for _, p := range c.s.Platforms {
		if p.ID == id {
			return true
		}
	}
	return false
}

// args checks an argument list: types, references and constraints. Input
// arguments (of calls and options objects) that are checked need an error.
func (c *checker) args(where string, args []Arg, input bool) {
	s := c.s
	seen := map[string]Arg{}
	for _, a := range args {
		if a.Name == "" {
			c.failf(a.Line, "%s: an argument has no name", where)
			continue
		}
		if _, dup := seen[a.Name]; dup {
			c.failf(a.Line, "%s: argument %q twice", where, a.Name)
		}
		seen[a.Name] = a
		at := fmt.Sprintf("%s, argument %s", where, a.Name)
		switch a.Type {
		case TypeInteger, TypeString, TypeBoolean, TypeIP, TypeMessage, TypePlatform, TypeError:
		case TypeFunction:
			if (a.Listener == "") == (a.Callback == "") {
				c.failf(a.Line, "%s: a function needs exactly one of listener or callback", at)
			}
			if _, ok := s.Event(a.Listener); a.Listener != "" && !ok {
				c.failf(a.Line, "%s: listener names undefined event %q", at, a.Listener)
			}
			if _, ok := s.Callback(a.Callback); a.Callback != "" && !ok {
				c.failf(a.Line, "%s: callback names undefined callback %q", at, a.Callback)
			}
		case TypeObject:
			if _, ok := s.Object(a.Object); !ok {
				c.failf(a.Line, "%s: undefined object %q", at, a.Object)
			}
		default:
			c.failf(a.Line, "%s: unknown type %q", at, a.Type)
		}
		if a.Type != TypeObject && a.Object != "" {
			c.failf(a.Line, "%s: object is only for type object", at)
		}
		if a.Type != TypeFunction && (a.Listener != "" || a.Callback != "") {
			c.failf(a.Line, "%s: listener and callback are only for type function", at)
		}
		if (a.Min != nil || a.Max != nil || a.Bounds != "") && a.Type != TypeInteger {
			c.failf(a.Line, "%s: min, max and bounds are only for integers", at)
		}
		if a.Min != nil && a.Max != nil && *a.Min > *a.Max {
			c.failf(a.Line, "%s: min is above max", at)
		}
		if (a.Enum != "" || a.Required || a.Default != "") && a.Type != TypeString {
			c.failf(a.Line, "%s: enum, required and default are only for strings", at)
		}
		if a.Enum != "" && a.Enum != "families" {
			c.failf(a.Line, "%s: enum %q: only families is known", at, a.Enum)
		}
		switch a.Default {
		case "", "bindAddress", "sendAddress":
		default:
			c.failf(a.Line, "%s: default %q must name a family address (bindAddress, sendAddress)", at, a.Default)
		}
		if a.Bounds != "" {
			if b, ok := seen[a.Bounds]; !ok || b.Type != TypeMessage {
				c.failf(a.Line, "%s: bounds names %q, which is not an earlier message argument", at, a.Bounds)
			}
		}
		checked := a.Min != nil || a.Max != nil || a.Bounds != "" || a.Enum != "" || a.Required || a.Type == TypeMessage
		if input && checked && a.Error == "" {
			c.failf(a.Line, "%s: a checked argument needs error", at)
		}
		if a.Error != "" {
			if _, ok := s.Error(a.Error); !ok {
				c.failf(a.Line, "%s: undefined error %q", at, a.Error)
			}
		}
		if a.JS != nil && a.JS.Truthy && (a.Type != TypeInteger || !a.Optional) {
			c.failf(a.Line, "%s: js truthy is only for optional integers", at)
		}
		if a.JS != nil && a.JS.Port && a.Type != TypeInteger {
			c.failf(a.Line, "%s: js port is only for integers", at)
		}
		if a.JS != nil && a.JS.OwnError && (a.Type != TypeInteger || a.JS.Port || a.Error == "") {
			c.failf(a.Line, "%s: js own_error is only for integers with error: and without port", at)
		}
		if a.JS != nil && a.JS.Types != "" && a.Type != TypeMessage {
			c.failf(a.Line, "%s: js types is only for messages", at)
		}
		if a.Address != "" {
			if _, ok := s.AddressKind(a.Address); !ok {
				c.failf(a.Line, "%s: address names undefined address kind %q", at, a.Address)
			}
			if a.Type != TypeString {
				c.failf(a.Line, "%s: address is only for strings", at)
			}
		}
		if a.Only != "" && a.Only != OnlyGo {
			c.failf(a.Line, "%s: only %q: only go is known", at, a.Only)
		}
		if a.Only != "" && (!input || !a.Optional || !a.Extension || a.Type != TypeBoolean) {
			c.failf(a.Line, "%s: only is for optional boolean extension fields of an options object", at)
		}
		if a.Message != "" && a.Error == "" {
			c.failf(a.Line, "%s: message overrides an error's message, and there is no error", at)
		}
	}
}
