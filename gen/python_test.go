package gen

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestPythonFFICompiles byte-compiles the Python declarations of the
// fixture and of the real spec, and checks they carry the spec's hash and
// declare every function of the C model.
func TestPythonFFICompiles(t *testing.T) {
	for _, file := range specs {
		s := load(t, file)
		out := generate(t, Output{"_ffi_gen.py", PythonFFI}, s)
		if !strings.HasPrefix(string(out), "# "+header+"\n") {
			t.Errorf("%s: no generated-code header", file)
		}
		if !strings.Contains(string(out), `SPEC_HASH = "`+s.SHA256+`"`) {
			t.Errorf("%s: the module does not carry the spec's hash", file)
		}
		cm, err := buildC(s)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range append(cm.Funcs, cm.Library...) {
			if !strings.Contains(string(out), `    "`+f.Name+`": Function(`) {
				t.Errorf("%s: no declaration of %s", file, f.Name)
			}
		}
		python, err := exec.LookPath("python3")
		if err != nil {
			t.Logf("no python3: %s not compiled", file)
			continue
		}
		p := filepath.Join(t.TempDir(), "_ffi_gen.py")
		if err := os.WriteFile(p, out, 0o644); err != nil {
			t.Fatal(err)
		}
		if b, err := exec.Command(python, "-c", "import ast, sys; ast.parse(open(sys.argv[1]).read())", p).CombinedOutput(); err != nil {
			t.Errorf("%s: the Python module does not parse: %v\n%s", file, err, b)
		}
	}
}

func TestPyCTypeUnknown(t *testing.T) {
	if _, err := pyCType("long double"); err == nil || !strings.Contains(err.Error(), "long double") {
		t.Errorf("pyCType(long double) = %v, want an error naming it", err)
	}
	if got, _ := pyCType("const struct dgram_remote_info *"); got != "ctypes.POINTER(RemoteInfo)" {
		t.Errorf("pyCType(const struct dgram_remote_info *) = %s", got)
	}
}
