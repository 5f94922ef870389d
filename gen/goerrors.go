package gen

import (
	"bytes"

	. "github.com/dave/jennifer/jen"
	"github.com/dgramkit/dgramkit/spec"
)

// newFile starts a Go file of the spec's package with the generated-code
// header.
func newFile(s *spec.Spec) *File {
	f := NewFile(s.Name)
	f.HeaderComment(header)
	return f
}

// lines is a composite literal's braces and values, one value per line.
func lines(values ...Code) *Statement {
	return Custom(Options{Open: "{", Close: "}", Separator: ",", Multi: true}, values...)
}

// render writes f, gofmt'd.
func render(f *File) ([]byte, error) {
	var b bytes.Buffer
	if err := f.Render(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// GoErrors writes dgram/errors_gen.go: a Code constant per spec error, in
// spec order, errorInfos with each code's kind and message template, and
// Codes listing them all.
func GoErrors(s *spec.Spec) ([]byte, error) {
	f := newFile(s)
	var consts, infos, codes []Code
	for _, e := range s.Errors {
		consts = append(consts, Comment(comment(e.Go+": "+sentence(e.Doc))).Line().
			Id(e.Go).Id("Code").Op("=").Lit(e.Code))
		info := []Code{Id("kind").Op(":").Id("Kind" + e.Kind)}
		if e.Message != "" {
			info = append(info, Id("message").Op(":").Lit(e.Message))
		}
		if e.System {
			info = append(info, Id("system").Op(":").True())
		}
		infos = append(infos, Id(e.Go).Op(":").Values(info...))
		codes = append(codes, Id(e.Go))
	}
	f.Comment("// Error codes, one per spec error, in spec order.")
	f.Const().Defs(consts...)
	f.Line()
	f.Comment("// errorInfos holds each code's kind and message template.")
	f.Var().Id("errorInfos").Op("=").Map(Id("Code")).Id("errorInfo").Add(lines(infos...))
	f.Line()
	f.Comment("// Codes lists every code in spec order.")
	f.Var().Id("Codes").Op("=").Index().Id("Code").Add(lines(codes...))
	return render(f)
}
