package gen

import (
	"fmt"
	"strings"

	. "github.com/dave/jennifer/jen"
	"github.com/dgramkit/dgramkit/spec"
)

// enumValue is one constant of a generated enum type, with its stable
// value (the spec's number: for calls and platforms).
type enumValue struct {
	id, str, doc string
	value        int
}

// enum writes `type typ int`, its constants with their values, a names
// table by value and a String method returning the value's name, or
// "typ(n)".
func enum(f *File, typ, doc, stringDoc string, values []enumValue) {
	f.Comment(comment(doc))
	f.Type().Id(typ).Int()
	var defs, names []Code
	for _, v := range values {
		defs = append(defs, Id(v.id).Id(typ).Op("=").Lit(v.value).Comment(v.doc))
		names = append(names, Id(v.id).Op(":").Lit(v.str))
	}
	f.Line()
	f.Comment("// The values of " + typ + ".")
	f.Const().Defs(defs...)
	table := unexported(typ) + "Names"
	f.Line()
	f.Comment("// " + table + " holds the String of each value.")
	f.Var().Id(table).Op("=").Index(Op("...")).String().Add(lines(names...))
	f.Line()
	f.Comment(comment(stringDoc))
	v := strings.ToLower(typ[:1])
	f.Func().Params(Id(v).Id(typ)).Id("String").Params().String().Block(
		If(Id(v).Op(">=").Lit(0).Op("&&").Int().Call(Id(v)).Op("<").Len(Id(table)).Op("&&").Id(table).Index(Id(v)).Op("!=").Lit("")).Block(
			Return(Id(table).Index(Id(v))),
		),
		Return(Lit(typ+"(").Op("+").Qual("strconv", "Itoa").Call(Int().Call(Id(v))).Op("+").Lit(")")),
	)
	f.Line()
}

// supportLevels names the Support constants of the spec's cell levels.
var supportLevels = map[string]string{spec.Unsupported: "Unsupported", spec.Supported: "Supported", spec.Partial: "Partial"}

// GoPlatform writes dgram/platform_gen.go: the Platform, Call and Support
// enums, the reference and native matrices, Supports, HostPlatform and
// checkSupport.
func GoPlatform(s *spec.Spec) ([]byte, error) {
	f := newFile(s)
	platforms := []enumValue{{"Native", "native", "the host's native support (the default)", 0}}
	var platformIDs []Code
	columns := 1 // the matrices' columns: Native and every platform's number
	for _, p := range s.Platforms {
		platforms = append(platforms, enumValue{p.Go, p.Name, p.Name + " (" + p.Board + ")", p.Number})
		columns = max(columns, p.Number+1)
		platformIDs = append(platformIDs, Id(p.Go))
	}
	enum(f, "Platform", "Platform is a support profile: a column of the seed's platform table, or Native, the host's native support. Its values are the spec's numbers, which never change once released.",
		`String returns the platform's name as the seed's table writes it, or "native".`, platforms)
	f.Comment("// Platforms lists the platforms of the seed's table, in its order.")
	f.Var().Id("Platforms").Op("=").Index().Id("Platform").Values(platformIDs...)
	f.Line()

	var calls []enumValue
	var callIDs []Code
	for _, c := range s.Calls {
		doc := c.Title
		if c.Core != "" {
			doc += " (shares " + c.Core + "'s core and support)"
		}
		calls = append(calls, enumValue{callID(c), c.Title, doc, c.Number})
		callIDs = append(callIDs, Id(callID(c)))
	}
	enum(f, "Call", "Call is one call of the API, as the platform matrix knows it. Its values are the spec's numbers, which never change once released (C's DGRAM_CALL_*).",
		"String returns the call's title, e.g. dgram.Socket.bind.", calls)
	f.Comment("// Calls lists every call in spec order.")
	f.Var().Id("Calls").Op("=").Index().Id("Call").Add(lines(callIDs...))
	f.Line()

	enum(f, "Support", "Support is how a platform supports a call: a cell of the platform matrix.",
		"String returns the cell as the seed writes it: X, O or △.", []enumValue{
			{"Unsupported", spec.Unsupported, "X: the call is refused", 0},
			{"Supported", spec.Supported, "O", 1},
			{"Partial", spec.Partial, "△: supported, with the caveat of a footnote", 2},
		})

	f.Comment("// cell is a support cell: its level and, when Partial, its footnote.")
	f.Type().Id("cell").Struct(Id("support").Id("Support"), Id("footnote").Int())
	f.Line()
	var notes []Code
	for _, n := range s.Footnotes {
		notes = append(notes, Lit(n.ID).Op(":").Lit(n.Text))
	}
	f.Comment("// footnotes holds the seed's footnotes, by number.")
	f.Var().Id("footnotes").Op("=").Index(Op("...")).String().Add(lines(notes...))
	f.Line()
	row := Index(Lit(columns)).Id("cell")
	matrix := func(cellOf func(spec.Call, string) spec.Cell) Code {
		var rows []Code
		for _, c := range s.Calls {
			var cells []Code
			for _, p := range s.Platforms {
				cl := cellOf(c, p.ID)
				cells = append(cells, Id(p.Go).Op(":").Values(Id(supportLevels[cl.Level]), Lit(cl.Footnote)))
			}
			rows = append(rows, Id(callID(c)).Op(":").Values(cells...))
		}
		return Index(Op("...")).Add(row).Add(lines(rows...))
	}
	f.Comment(comment("supportMatrix is the seed's platform table, by call and platform; a call that shares another's core has that call's row."))
	f.Var().Id("supportMatrix").Op("=").Add(matrix(s.Cell))
	f.Line()
	f.Comment(comment("nativeMatrix is the native support of each call on each host platform (HostPlatform), by call and platform."))
	f.Var().Id("nativeMatrix").Op("=").Add(matrix(s.NativeCell))
	f.Line()

	f.Comment(comment("Supports returns how platform p supports call c, and the footnote text of a partial cell. Native means the host's native support (HostPlatform's column of the native cells). A call that shares another call's core takes that call's cells.",
		"An unknown platform or call is Unsupported."))
	f.Func().Id("Supports").Params(Id("p").Id("Platform"), Id("c").Id("Call")).Params(Id("Support"), String()).Block(
		Id("m").Op(":=").Op("&").Id("supportMatrix"),
		If(Id("p").Op("==").Id("Native")).Block(
			List(Id("p"), Id("m")).Op("=").List(Id("HostPlatform").Call(), Op("&").Id("nativeMatrix")),
		),
		If(Id("c").Op("<").Lit(0).Op("||").Int().Call(Id("c")).Op(">=").Len(Id("m")).Op("||").
			Id("p").Op("<").Lit(0).Op("||").Int().Call(Id("p")).Op(">=").Len(Id("m").Index(Id("c")))).Block(
			Return(Id("Unsupported"), Lit("")),
		),
		Id("cl").Op(":=").Id("m").Index(Id("c")).Index(Id("p")),
		If(Id("cl").Dot("support").Op("==").Id("Partial")).Block(
			Return(Id("cl").Dot("support"), Id("footnotes").Index(Id("cl").Dot("footnote"))),
		),
		Return(Id("cl").Dot("support"), Lit("")),
	)
	f.Line()

	if err := hostPlatform(f, s); err != nil {
		return nil, err
	}

	f.Comment("// checkSupport refuses a call that platform p marks X.")
	f.Func().Id("checkSupport").Params(Id("p").Id("Platform"), Id("c").Id("Call")).Error().Block(
		If(List(Id("support"), Id("_")).Op(":=").Id("Supports").Call(Id("p"), Id("c")), Id("support").Op("==").Id("Unsupported")).Block(
			Return(Id("unsupportedError").Call(Id("c"), Id("p"))),
		),
		Return(Nil()),
	)
	return render(f)
}

// callID is the name of a call's Call constant: CallCreateSocket.
func callID(c spec.Call) string { return "Call" + exported(c.Name) }

// hostPlatforms are the default host platform and the platforms a host
// is recognised as (host: in the spec), in spec order.
func hostPlatforms(s *spec.Spec) (spec.Platform, []spec.Platform, error) {
	var def *spec.Platform
	var detect []spec.Platform
	for i, p := range s.Platforms {
		switch {
		case p.Host == nil:
		case p.Host.Default:
			def = &s.Platforms[i]
		default:
			detect = append(detect, p)
		}
	}
	if def == nil {
		return spec.Platform{}, nil, fmt.Errorf("%s: HostPlatform needs a platform with host: {default: true}", s.File)
	}
	return *def, detect, nil
}

// hostDoc words how the host platform is found, with name giving a
// platform's name in the target's terms.
func hostDoc(def spec.Platform, detect []spec.Platform, name func(spec.Platform) string) string {
	var parts []string
	for _, p := range detect {
		var by []string
		if p.Host.OSRelease != "" {
			by = append(by, "/etc/os-release has ID or ID_LIKE "+p.Host.OSRelease)
		}
		if p.Host.Model != "" {
			by = append(by, "/proc/device-tree/model names a "+p.Host.Model)
		}
		parts = append(parts, name(p)+" on "+strings.Join(p.Host.Arch, " and ")+" when "+strings.Join(by, " or "))
	}
	parts = append(parts, "else "+name(def))
	if len(detect) == 0 {
		return name(def)
	}
	return strings.Join(parts, ", ")
}

// hostPlatform writes HostPlatform: the first platform whose host: the
// host matches, else the default one.
func hostPlatform(f *File, s *spec.Spec) error {
	def, detect, err := hostPlatforms(s)
	if err != nil {
		return err
	}
	goName := func(p spec.Platform) string { return p.Go }
	if len(detect) == 0 {
		f.Comment("// HostPlatform returns the platform whose native support Native means: " + def.Go + ".")
		f.Func().Id("HostPlatform").Params().Id("Platform").Block(Return(Id(def.Go)))
		f.Line()
		return nil
	}
	f.Comment(comment("HostPlatform returns the platform whose native support Native means: " + hostDoc(def, detect, goName) + ". It looks once."))
	f.Func().Id("HostPlatform").Params().Id("Platform").Block(Return(Id("hostPlatform").Call()))
	f.Line()
	var body []Code
	for _, p := range detect {
		var arch, by []Code
		for _, a := range p.Host.Arch {
			arch = append(arch, Qual("runtime", "GOARCH").Op("==").Lit(a))
		}
		if p.Host.OSRelease != "" {
			by = append(by, Id("osReleaseHas").Call(Lit(p.Host.OSRelease)))
		}
		if p.Host.Model != "" {
			by = append(by, Id("modelHas").Call(Lit(p.Host.Model)))
		}
		or := func(cs []Code) *Statement {
			if len(cs) == 1 {
				return Add(cs[0])
			}
			st := Add(cs[0])
			for _, c := range cs[1:] {
				st = st.Op("||").Add(c)
			}
			return Parens(st)
		}
		body = append(body, If(or(arch).Op("&&").Add(or(by))).Block(Return(Id(p.Go))))
	}
	body = append(body, Return(Id(def.Go)))
	f.Comment("// hostPlatform detects the host platform, once.")
	f.Var().Id("hostPlatform").Op("=").Qual("sync", "OnceValue").Call(Func().Params().Id("Platform").Block(body...))
	f.Line()
	strs := func(name string) *Statement { return Qual("strings", name) }
	f.Comment("// osReleaseHas reports whether /etc/os-release has id in ID or ID_LIKE.")
	f.Func().Id("osReleaseHas").Params(Id("id").String()).Bool().Block(
		List(Id("data"), Err()).Op(":=").Qual("os", "ReadFile").Call(Lit("/etc/os-release")),
		If(Err().Op("!=").Nil()).Block(Return(False())),
		For(List(Id("_"), Id("line")).Op(":=").Range().Add(strs("Split")).Call(String().Call(Id("data")), Lit("\n"))).Block(
			List(Id("key"), Id("value"), Id("_")).Op(":=").Add(strs("Cut")).Call(Id("line"), Lit("=")),
			If(Parens(Id("key").Op("==").Lit("ID").Op("||").Id("key").Op("==").Lit("ID_LIKE")).Op("&&").
				Qual("slices", "Contains").Call(strs("Fields").Call(strs("Trim").Call(Id("value"), Lit(`"'`))), Id("id"))).Block(
				Return(True()),
			),
		),
		Return(False()))
	f.Line()
	f.Comment("// modelHas reports whether /proc/device-tree/model contains name.")
	f.Func().Id("modelHas").Params(Id("name").String()).Bool().Block(
		List(Id("model"), Err()).Op(":=").Qual("os", "ReadFile").Call(Lit("/proc/device-tree/model")),
		Return(Err().Op("==").Nil().Op("&&").Add(strs("Contains")).Call(String().Call(Id("model")), Id("name"))))
	f.Line()
	return nil
}
