package gen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"

	"github.com/dgramkit/dgramkit/spec"
)

// A DocBlock is a generated part of a hand-written document: what lies
// between the lines
//
//	<!-- dgramgen: NAME -->
//	<!-- /dgramgen: NAME -->
//
// is Generate's text, so that a list of calls, forms, events, options or
// codes in the prose of README.md and docs/*.md is the spec's and cannot
// go stale (dgramgen rewrites it; check-generated fails on drift).
type DocBlock struct {
	Name     string
	Generate func(*spec.Spec) (string, error)
}

// DocBlocks lists every block; each is used at least once in DocFiles.
var DocBlocks = []DocBlock{
	{"go-forms", goFormsBlock},
	{"c-forms", cFormsBlock},
	{"c-errors", cErrorsBlock},
	{"js-api", jsAPIBlock},
	{"python-methods", pythonMethodsBlock},
	{"badinput-counts", badInputCountsBlock},
}

// DocFiles are the hand-written documents that hold blocks.
var DocFiles = []string{"README.md", "docs/C.md", "docs/JS.md", "docs/PYTHON.md", "docs/RELIABILITY.md"}

var blockMarker = regexp.MustCompile(`(?m)^<!-- dgramgen: ([a-z-]+) -->\n`)

// FillDocBlocks returns text with each block rewritten, and the names of
// the blocks it holds. A marker naming no block, or not closed, is an
// error.
func FillDocBlocks(s *spec.Spec, text []byte) ([]byte, []string, error) {
	var out bytes.Buffer
	var names []string
	rest := text
	for {
		loc := blockMarker.FindSubmatchIndex(rest)
		if loc == nil {
			out.Write(rest)
			return out.Bytes(), names, nil
		}
		name := string(rest[loc[2]:loc[3]])
		out.Write(rest[:loc[1]])
		end := []byte("<!-- /dgramgen: " + name + " -->\n")
		i := bytes.Index(rest[loc[1]:], end)
		if i < 0 {
			return nil, nil, fmt.Errorf("block %s is not closed by %q", name, strings.TrimSpace(string(end)))
		}
		var gen func(*spec.Spec) (string, error)
		for _, b := range DocBlocks {
			if b.Name == name {
				gen = b.Generate
			}
		}
		if gen == nil {
			return nil, nil, fmt.Errorf("no generated block %q (gen.DocBlocks)", name)
		}
		body, err := gen(s)
		if err != nil {
			return nil, nil, fmt.Errorf("block %s: %w", name, err)
		}
		out.WriteString(body)
		out.Write(end)
		names = append(names, name)
		rest = rest[loc[1]+i+len(end):]
	}
}

// goFormsBlock is README's table of the Go functions: each call's forms,
// then the events' listener methods.
func goFormsBlock(s *spec.Spec) (string, error) {
	var b strings.Builder
	b.WriteString("| call | Go | from |\n|---|---|---|\n")
	for _, c := range s.Calls {
		var fs []string
		for _, f := range c.Forms {
			recv := "s."
			if c.Module {
				recv = "dgram."
			}
			fs = append(fs, "`"+recv+f.Go+"("+strings.Join(argNames(f.Args), ", ")+")`")
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", c.Name, strings.Join(fs, ", "), origin(c))
	}
	var evs []string
	for _, e := range s.Events {
		evs = append(evs, "`s.On"+exported(e.Name)+"(listener)`")
	}
	fmt.Fprintf(&b, "| events | %s | |\n", strings.Join(evs, ", "))
	return b.String(), nil
}

// argNames are the names of args.
func argNames(args []spec.Arg) []string {
	var out []string
	for _, a := range args {
		out = append(out, a.Name)
	}
	return out
}

// origin says where a call comes from: IoT.js, or Node (an extension).
func origin(c spec.Call) string {
	if c.Extension {
		return "Node"
	}
	return "IoT.js"
}

// cFormsBlock is docs/C.md's table of the C functions: each form's
// prototype, then the events' and the library's functions, with the
// version node each is in.
func cFormsBlock(s *spec.Spec) (string, error) {
	m, err := buildC(s)
	if err != nil {
		return "", err
	}
	node := map[string]string{}
	for _, n := range m.Nodes {
		for _, f := range n.Funcs {
			node[f] = n.Name
		}
	}
	var b strings.Builder
	b.WriteString("| spec | C | since |\n| --- | --- | --- |\n")
	for _, f := range m.Funcs {
		what := ""
		switch {
		case f.Form != nil:
			what = "`" + f.Form.Signature + "`"
		default:
			what = "'" + f.Event + "' event"
		}
		fmt.Fprintf(&b, "| %s | `%s` | %s (%s) |\n", what, mdCell(f.Proto()), f.Since, node[f.Name])
	}
	for _, f := range m.Library {
		fmt.Fprintf(&b, "| the library's | `%s` | %s (%s) |\n", mdCell(f.Proto()), f.Since, node[f.Name])
	}
	return b.String(), nil
}

// cErrorsBlock is docs/C.md's table of the error codes: C constant,
// value, spec code and kind.
func cErrorsBlock(s *spec.Spec) (string, error) {
	m, err := buildC(s)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString("| C | value | kind | when |\n| --- | --- | --- | --- |\n| `DGRAM_OK` | 0 | | success |\n")
	for _, e := range m.Errors {
		kind := e.Kind
		if e.Msg == "" {
			kind += ", system"
		}
		fmt.Fprintf(&b, "| `%s` | %d | %s | %s |\n", e.Name, e.Value, kind, mdCell(e.Doc))
	}
	return b.String(), nil
}

// jsAPIBlock is docs/JS.md's list of the module: each call's forms as
// Node writes them, the events with their arguments, and the options
// objects' fields; extension calls say so.
func jsAPIBlock(s *spec.Spec) (string, error) {
	var b strings.Builder
	for _, c := range s.Calls {
		var fs []string
		for _, f := range c.Forms {
			prefix := "socket."
			if c.Module {
				prefix = "dgram."
			}
			fs = append(fs, "`"+prefix+f.Signature+"`")
		}
		note := ""
		if c.Extension {
			note = " (Node's, an extension)"
		}
		fmt.Fprintf(&b, "- %s%s\n", strings.Join(fs, ", "), note)
	}
	var evs []string
	for _, e := range s.Events {
		ev := "`'" + e.Name + "'`"
		if len(e.Args) > 0 {
			ev += " (" + strings.Join(argNames(e.Args), ", ") + ")"
		}
		evs = append(evs, ev)
	}
	fmt.Fprintf(&b, "- events: %s\n", strings.Join(evs, ", "))
	for _, o := range s.Objects {
		var fs []string
		for _, f := range o.Fields {
			if !f.GoOnly() {
				fs = append(fs, "`"+f.Name+"`")
			}
		}
		fmt.Fprintf(&b, "- `%s`: %s\n", o.Name, strings.Join(fs, ", "))
	}
	return b.String(), nil
}

// pythonMethodsBlock is docs/PYTHON.md's list of the module's functions
// and the Socket's methods: every call, in snake_case.
func pythonMethodsBlock(s *spec.Spec) (string, error) {
	var mod, sock []string
	for _, c := range s.Calls {
		if c.Module {
			mod = append(mod, "`dgramkit."+snake(c.Name)+"`")
		} else {
			sock = append(sock, "`"+snake(c.Name)+"`")
		}
	}
	var evs []string
	for _, e := range s.Events {
		evs = append(evs, "`'"+e.Name+"'`")
	}
	return fmt.Sprintf("Every call of the spec, in snake_case: %s, and the `Socket` methods %s; events %s.\n",
		strings.Join(mod, ", "), strings.Join(sock, ", "), strings.Join(evs, ", ")), nil
}

// badInputCountsBlock is docs/RELIABILITY.md's table of how many cases of
// the bad-input table each binding runs, and how many it cannot express.
// The C runner's own cases (cshared/badinput_test.go's
// cLibraryBadInputs) are five bad handles on every socket form and every
// event's dgram_on_*, a NULL for every pointer argument and every
// listener, and a 2^31 length for every message argument.
func badInputCountsBlock(s *spec.Spec) (string, error) {
	data, err := BadInput(s)
	if err != nil {
		return "", err
	}
	var t struct {
		Cases []BadCase `json:"cases"`
		Forms []BadForm `json:"forms"`
	}
	if err := json.Unmarshal(data, &t); err != nil {
		return "", err
	}
	goSkip, cSkip, jsSkip := 0, 0, 0
	for _, c := range t.Cases {
		goSkip += min(len(c.GoSkip), 1)
		cSkip += min(len(c.CSkip), 1)
		jsSkip += min(len(c.JSSkip), 1)
	}
	const badHandles = 5 // 0, -1, INT_MIN, INT_MAX, a released handle
	extra := badHandles*len(s.Events) + len(s.Events)
	for _, f := range t.Forms {
		if !f.Module {
			extra += badHandles
		}
		extra += len(f.Null)
		for _, a := range f.Args {
			if a.Type == spec.TypeMessage {
				extra++
			}
		}
	}
	n := len(t.Cases)
	var b strings.Builder
	fmt.Fprintf(&b, "| binding | cases run (of %d) | not expressible (with the reason in the table) | extra |\n|---|---|---|---|\n", n)
	fmt.Fprintf(&b, "| Go | %d | %d | — |\n", n-goSkip, goSkip)
	fmt.Fprintf(&b, "| C | %d | %d | %d (handles, NULL pointers, lengths) |\n", n-cSkip, cSkip, extra)
	fmt.Fprintf(&b, "| JavaScript | %d | %d | — |\n", n-jsSkip, jsSkip)
	fmt.Fprintf(&b, "| Python | %d | %d | — (bindings/python/tests/test_badinput.py, JavaScript's cases) |\n", n-jsSkip, jsSkip)
	return b.String(), nil
}
