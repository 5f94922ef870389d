package gen

import (
	"bytes"
	_ "embed"
	"strconv"
	"strings"
	"text/template"

	"github.com/dgramkit/dgramkit/spec"
)

//go:embed templates/dgram.h.tmpl
var cHeaderTemplate string

//go:embed templates/exports_gen.c.tmpl
var cExportsCTemplate string

//go:embed templates/dgram.map.tmpl
var cMapTemplate string

// cFuncs are the helpers of the C templates.
var cFuncs = template.FuncMap{
	"cdoc":       cdoc,
	"cdocs":      cdocs,
	"cdocbody":   cdocbody,
	"cstr":       cstr,
	"pad":        func(s string, n int) string { return s + strings.Repeat(" ", max(0, n-len(s))) },
	"cbparams":   cbParams,
	"cbargs":     cbArgs,
	"goargs":     goArgs,
	"tramparams": trampParams,
	"trampargs":  trampArgs,
}

var (
	cHeaderTmpl    = template.Must(template.New("dgram.h").Funcs(cFuncs).Parse(cHeaderTemplate))
	cExportsCTmpl  = template.Must(template.New("exports_gen.c").Funcs(cFuncs).Parse(cExportsCTemplate))
	cMapTmpl       = template.Must(template.New("dgram.map").Funcs(cFuncs).Parse(cMapTemplate))
	cCommentWidth  = 77
	cCommentIndent = " * "
)

// wrap splits text into lines of at most width columns after prefix.
func wrap(text string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		if line != "" && len(line)+1+len(w) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// cdocbody writes text as lines of a block comment, the first after
// first and the others indented as deep.
func cdocbody(first, text string) string {
	cont := strings.Repeat(" ", len(first))
	var b strings.Builder
	for i, l := range wrap(text, cCommentWidth-len(cCommentIndent)-len(first)) {
		if i > 0 {
			b.WriteString("\n")
			b.WriteString(strings.TrimRight(cCommentIndent+cont+l, " "))
		} else {
			b.WriteString(cCommentIndent + first + l)
		}
	}
	return b.String()
}

// cdoc is a doc comment: one line when it fits, else a block.
func cdoc(indent, doc string) string {
	if one := indent + "/** " + doc + " */"; len(one) <= cCommentWidth+3 {
		return one
	}
	return cdocs(indent, []string{doc})
}

// cdocs is a block doc comment of paragraphs; an @param paragraph hangs.
func cdocs(indent string, paras []string) string {
	var b strings.Builder
	b.WriteString(indent + "/**\n")
	for i, p := range paras {
		if i > 0 && !(strings.HasPrefix(p, "@") && strings.HasPrefix(paras[i-1], "@")) {
			b.WriteString(indent + " *\n")
		}
		hang := ""
		if strings.HasPrefix(p, "@") {
			hang = "    "
		}
		for j, l := range wrap(p, cCommentWidth-len(indent)-3-len(hang)) {
			if j > 0 {
				l = hang + l
			}
			b.WriteString(indent + " * " + l + "\n")
		}
	}
	b.WriteString(indent + " */")
	return b.String()
}

// cstr is a C string literal.
func cstr(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString(`\n`)
		default:
			if r < 0x20 {
				b.WriteString(`\x` + strconv.FormatInt(int64(r), 16))
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// cbParams are a callback type's parameters: the socket, its arguments,
// the user data.
func cbParams(cb cCallback) string {
	ps := []string{"dgram_socket socket"}
	for _, p := range cb.Params {
		ps = append(ps, p.decl())
	}
	return strings.Join(append(ps, "void *user_data"), ", ")
}

// cbArgs are the names of a callback type's parameters.
func cbArgs(cb cCallback) string {
	as := []string{"socket"}
	for _, p := range cb.Params {
		as = append(as, p.Name)
	}
	return strings.Join(append(as, "user_data"), ", ")
}

// trampParams are a trampoline's parameters after fn: the callback's,
// with user_data as the uintptr_t the Go side holds it as.
func trampParams(cb cCallback) string {
	ps := strings.Split(cbParams(cb), ", ")
	ps[len(ps)-1] = "uintptr_t user_data"
	return strings.Join(ps, ", ")
}

// trampArgs are a trampoline's arguments to the callback: user_data cast
// back to the pointer it was.
func trampArgs(cb cCallback) string {
	as := strings.Split(cbArgs(cb), ", ")
	as[len(as)-1] = "(void *)user_data"
	return strings.Join(as, ", ")
}

// goArgs are a C function's parameters as arguments of its Go export;
// cgo declares those without const, so const pointers are cast, and
// user_data goes as uintptr_t (see cgoType).
func goArgs(f cFunc) string {
	var as []string
	for _, p := range f.Params {
		if p.Name == "user_data" {
			as = append(as, "(uintptr_t)user_data")
		} else if t, ok := strings.CutPrefix(p.Type, "const "); ok && strings.HasSuffix(t, "*") {
			as = append(as, "("+strings.TrimSpace(t)+")"+p.Name)
		} else {
			as = append(as, p.Name)
		}
	}
	return strings.Join(as, ", ")
}

// renderC runs a C template on the spec's C model.
func renderC(t *template.Template, s *spec.Spec) ([]byte, error) {
	m, err := buildC(s)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := t.Execute(&b, m); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// CHeader writes bindings/c/dgram.h, the C API's header: the version and
// spec hash, the error, platform, call, support and delivery enums, the
// capability macros, the structs, the callback types, one function per
// form and per event, and the library's own functions, all with their
// docs.
func CHeader(s *spec.Spec) ([]byte, error) { return renderC(cHeaderTmpl, s) }

// CExportsC writes cshared/exports_gen.c: the version and spec hash, the
// error table, the callback trampolines, and the dgram_* functions that
// check for a forked child and call their Go exports.
func CExportsC(s *spec.Spec) ([]byte, error) { return renderC(cExportsCTmpl, s) }

// CVersionScript writes cshared/dgram.map, the linker version script that
// exports the header's functions and nothing else.
func CVersionScript(s *spec.Spec) ([]byte, error) { return renderC(cMapTmpl, s) }
