//go:build unix

package dgramjs

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestSignalsAsNode runs testdata/signal/sigint.js under dgramjs and node,
// sends SIGINT once the script printed "ready", and compares the output and
// exit code: a listener for a signal takes it, as in node. A script with no
// listener dies of the signal, as under node.
func TestSignalsAsNode(t *testing.T) {
	node := nodeBin(t)
	interrupt := func(bin, script string) (string, int) {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		cmd := exec.CommandContext(ctx, bin, script)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			b.WriteString(sc.Text() + "\n")
			if sc.Text() == "ready" {
				cmd.Process.Signal(syscall.SIGINT)
			}
		}
		cmd.Wait()
		if ctx.Err() != nil {
			t.Fatalf("%s %s did not end after SIGINT", bin, script)
		}
		code := cmd.ProcessState.ExitCode()
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			code = 128 + int(ws.Signal())
		}
		return b.String(), code
	}
	dir := t.TempDir()
	bare := filepath.Join(dir, "bare.js")
	if err := os.WriteFile(bare, []byte("setInterval(() => {}, 1000);\nconsole.log('ready');\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, script := range []string{"testdata/signal/sigint.js", bare} {
		gotOut, gotCode := interrupt(dgramjsBin, script)
		wantOut, wantCode := interrupt(node, script)
		if gotOut != wantOut || gotCode != wantCode {
			t.Errorf("%s: dgramjs printed %q and exited %d; node printed %q and exited %d", script, gotOut, gotCode, wantOut, wantCode)
		}
	}
}
