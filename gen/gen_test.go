package gen

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/dgramkit/dgramkit/spec"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/mini")

// load loads a spec or fails the test.
func load(t *testing.T, file string) *spec.Spec {
	t.Helper()
	s, err := spec.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// generate runs o on s or fails the test.
func generate(t *testing.T, o Output, s *spec.Spec) []byte {
	t.Helper()
	out, err := o.Generate(s)
	if err != nil {
		t.Fatalf("%s: %v", o.Path, err)
	}
	return out
}

// specs are the fixture and the real spec.
var specs = []string{"testdata/mini.yaml", "../spec/dgram.yaml"}

func TestGolden(t *testing.T) {
	s := load(t, "testdata/mini.yaml")
	for _, o := range Outputs {
		t.Run(o.Path, func(t *testing.T) {
			got := generate(t, o, s)
			golden := filepath.Join("testdata", "mini", path.Base(o.Path)+".golden")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./gen -update)", err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("%s differs from %s (-want +got; go test ./gen -update rewrites it):\n%s", o.Path, golden, diff)
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	for _, file := range specs {
		for _, o := range Outputs {
			first := generate(t, o, load(t, file))
			if second := generate(t, o, load(t, file)); !bytes.Equal(first, second) {
				t.Errorf("%s from %s: two runs differ:\n%s", o.Path, file, cmp.Diff(string(first), string(second)))
			}
		}
	}
}

func TestGoOutputsParseAndAreFormatted(t *testing.T) {
	for _, file := range specs {
		s := load(t, file)
		for _, o := range Outputs {
			if !strings.HasSuffix(o.Path, ".go") {
				continue
			}
			out := generate(t, o, s)
			f, err := parser.ParseFile(token.NewFileSet(), o.Path, out, parser.ParseComments)
			if err != nil {
				t.Errorf("%s from %s does not parse: %v", o.Path, file, err)
				continue
			}
			if !strings.HasPrefix(string(out), "// "+header+"\n") || !ast.IsGenerated(f) {
				t.Errorf("%s from %s lacks the generated-code header", o.Path, file)
			}
			formatted, err := format.Source(out)
			if err != nil {
				t.Errorf("%s from %s: gofmt: %v", o.Path, file, err)
			} else if diff := cmp.Diff(string(formatted), string(out)); diff != "" {
				t.Errorf("%s from %s is not gofmt-stable (-gofmt +generated):\n%s", o.Path, file, diff)
			}
		}
	}
}

// tableBlock is a Markdown file's platform table: from the line starting
// "|  | Linux" through the numbered footnote 2.
func tableBlock(t *testing.T, name, md string) string {
	t.Helper()
	start := strings.Index(md, "\n|  | Linux")
	note := strings.Index(md[start+1:], "\n2. ")
	if start < 0 || note < 0 {
		t.Fatalf("%s: no platform table with two footnotes", name)
	}
	end := start + 1 + note + 1
	end += strings.IndexByte(md[end:], '\n') + 1
	return md[start+1 : end]
}

func TestPlatformTableIsTheSeeds(t *testing.T) {
	seed, err := os.ReadFile("../spec/seed/DGRAM.md")
	if err != nil {
		t.Fatal(err)
	}
	api := generate(t, Outputs[len(Outputs)-1], load(t, "../spec/dgram.yaml"))
	want := tableBlock(t, "spec/seed/DGRAM.md", string(seed))
	got := tableBlock(t, "docs/API.md", string(api))
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("docs/API.md's platform table differs from the seed's (-seed +generated):\n%s", diff)
	}
}

func TestSeedIsTheShared(t *testing.T) {
	shared, err := os.ReadFile("../../shared/seed/DGRAM.md")
	if os.IsNotExist(err) {
		t.Skip("no ../shared/seed/DGRAM.md beside the repository")
	} else if err != nil {
		t.Fatal(err)
	}
	seed, err := os.ReadFile("../spec/seed/DGRAM.md")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(shared), string(seed)); diff != "" {
		t.Errorf("spec/seed/DGRAM.md differs from ../shared/seed/DGRAM.md (-shared +seed):\n%s", diff)
	}
}

func TestCommittedOutputsAreFresh(t *testing.T) {
	s := load(t, "../spec/dgram.yaml")
	for _, o := range Outputs {
		committed, err := os.ReadFile(filepath.Join("..", filepath.FromSlash(o.Path)))
		if err != nil {
			t.Errorf("%v (run go generate ./dgram)", err)
			continue
		}
		if diff := cmp.Diff(string(committed), string(generate(t, o, s))); diff != "" {
			t.Errorf("%s is stale; run go generate ./dgram (-committed +fresh):\n%s", o.Path, diff)
		}
	}
}

// TestMiniBuilds compiles the fixture's Go outputs with a stub of the
// hand-written core (testdata/mini/core.go.txt), for the host and for 32-bit
// ARM.
func TestMiniBuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a package")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	dir := t.TempDir()
	s := load(t, "testdata/mini.yaml")
	files := map[string][]byte{"go.mod": []byte("module mini\n\ngo 1.24\n")}
	if files["dgram/core.go"], err = os.ReadFile("testdata/mini/core.go.txt"); err != nil {
		t.Fatal(err)
	}
	for _, o := range Outputs {
		// The JavaScript host's file needs goja and the real module: the
		// package's own tests build it.
		if strings.HasSuffix(o.Path, ".go") && strings.HasPrefix(o.Path, "dgram/") {
			files[o.Path] = generate(t, o, s)
		}
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, arch := range []string{"", "arm"} {
		cmd := exec.Command(goTool, "vet", "./...")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOFLAGS=", "GOWORK=off")
		if arch != "" {
			cmd.Env = append(cmd.Env, "GOARCH="+arch)
		}
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("go vet (GOARCH=%s) of the generated package: %v\n%s", arch, err, out)
		}
	}
}

// TestGeneratorErrors checks that specs the loader accepts but the
// generators cannot serve fail with a message.
func TestGeneratorErrors(t *testing.T) {
	mini, err := os.ReadFile("testdata/mini.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, old, new, want string
	}{
		{"default on a module call", "            doc: The socket options.\n",
			"            doc: The socket options.\n          - name: address\n            type: string\n            default: bindAddress\n", "a default address needs a socket"},
		{"no default host", "    host: {default: true}\n", "", "HostPlatform needs a platform with host: {default: true}"},
		{"connected forms without the connected role", "    role: connected\n", "", "the spec needs an error with role: connected"},
		{"two connected forms without bounds", "      - signature: send(msg, offset, length[, sendListener])\n        go: SendSliceConnected\n        connected: true\n        args:\n          - *msgArg\n          - *offsetArg\n          - *lengthArg\n",
			"      - signature: send(msg, offset, length[, sendListener])\n        go: SendSliceConnected\n        connected: true\n        args:\n          - *msgArg\n", "tells two connected forms apart by bounds"},
		{"one bounds argument", "            name: length\n            type: integer\n            bounds: msg\n", "            name: length\n            type: integer\n", "needs two bounds arguments"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := strings.ReplaceAll(string(mini), tc.old, tc.new)
			if text == string(mini) {
				t.Fatalf("edit %q not applied", tc.old)
			}
			s, err := spec.Parse("mini.yaml", []byte(text))
			if err != nil {
				t.Fatal(err)
			}
			var msgs []string
			for _, o := range Outputs {
				if _, err := o.Generate(s); err != nil {
					msgs = append(msgs, err.Error())
				}
			}
			if !strings.Contains(strings.Join(msgs, "\n"), tc.want) {
				t.Errorf("errors %q, want one containing %q", msgs, tc.want)
			}
		})
	}
}

// TestMiniCHeaderCompiles compiles the fixture's C header as C11 and as
// C++17 with every warning an error, and checks the spec hash it carries.
func TestMiniCHeaderCompiles(t *testing.T) {
	s := load(t, "testdata/mini.yaml")
	h := generate(t, Output{"bindings/c/dgram.h", CHeader}, s)
	if !strings.Contains(string(h), `#define DGRAM_SPEC_HASH "`+s.SHA256+`"`) {
		t.Errorf("the header does not carry the spec's hash %s", s.SHA256)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "dgram.h"), h, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ tool, src, std string }{{"cc", "t.c", "-std=c11"}, {"c++", "t.cpp", "-std=c++17"}} {
		tool, err := exec.LookPath(c.tool)
		if err != nil {
			t.Logf("no %s: header not compiled", c.tool)
			continue
		}
		src := "#include \"dgram.h\"\nint main(void) { return dgram_header_matches() ? 0 : DGRAM_ERR_SOCKET_BAD_TYPE; }\n"
		if err := os.WriteFile(filepath.Join(dir, c.src), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(tool, c.std, "-pedantic", "-Wall", "-Wextra", "-Werror", "-fsyntax-only", c.src)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("%s %s: %v\n%s", c.tool, c.std, err, out)
		}
	}
}

// TestCHashIsTheSpecs checks that the real header and the library's C
// side carry the SHA-256 of spec/dgram.yaml's bytes.
func TestCHashIsTheSpecs(t *testing.T) {
	data, err := os.ReadFile("../spec/dgram.yaml")
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	want := hex.EncodeToString(sum[:])
	for _, p := range []string{"../bindings/c/dgram.h", "../cshared/exports_gen.c"} {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), `"`+want+`"`) {
			t.Errorf("%s does not carry the spec's SHA-256 %s", p, want)
		}
	}
}

// TestContractListsEveryOutput checks that gen/CONTRACT.md's table of
// outputs has a row for every file of Outputs, with its generator.
func TestContractListsEveryOutput(t *testing.T) {
	contract, err := os.ReadFile("CONTRACT.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range Outputs {
		fn := runtime.FuncForPC(reflect.ValueOf(o.Generate).Pointer()).Name()
		row := "| " + o.Path + " | `gen." + fn[strings.LastIndex(fn, ".")+1:] + "` |"
		if !strings.Contains(string(contract), row) {
			t.Errorf("CONTRACT.md has no row %q", row)
		}
	}
}

func TestSnake(t *testing.T) {
	for in, want := range map[string]string{"setMulticastTTL": "set_multicast_ttl", "SendSlice": "send_slice",
		"createSocket": "create_socket", "TTLValue": "ttl_value", "udp4": "udp4", "recvBufferSize": "recv_buffer_size"} {
		if got := snake(in); got != want {
			t.Errorf("snake(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestExported: spec names become Go names, a leading initialism as Go
// writes it.
func TestExported(t *testing.T) {
	for in, want := range map[string]string{
		"reuseAddr": "ReuseAddr", "ipv6Only": "IPv6Only", "ipv4": "IPv4", "ipvSix": "IpvSix", "ipv6only": "Ipv6only",
	} {
		if got := exported(in); got != want {
			t.Errorf("exported(%q) = %q, want %q", in, got, want)
		}
	}
}
