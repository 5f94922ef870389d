// Command footprint is the footprint part of `make bench` (issue 21): for
// dgramjs beside node, in one interleaved run,
//
//   - the start-up time of an echo server to its first line of output (the
//     line it prints once bound), alone and after requiring the built-in
//     modules real dgram programs load (echo-server.js);
//   - the resident memory of that echo server once idle: after it has
//     answered a burst of round trips, VmRSS from /proc;
//   - the peak resident memory (the child's ru_maxrss) and the wall time of
//     each script of the npm suite (bindings/js/npm, when its packages are
//     installed: make test-npm), the multicast ones in a private network
//     namespace of their own (unshare and ip; skipped without them); a run
//     whose output is not the script's expected one shows as failed.
//
// It prints Markdown tables of medians with min and max and the ratio
// dgramjs/node, and writes them to -md.
//
//	footprint -dgramjs build/bench/dgramjs [-node node] [-reps 5] [-npm bindings/js/npm] [-md build/bench/footprint.md]
//	footprint -smoke -dgramjs build/bench/dgramjs   (make test: it runs, nothing measured)
//
// Every child is bounded in time (-lifetime) and every loop in count.
package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

var (
	dgramjs  = flag.String("dgramjs", "build/bench/dgramjs", "the dgramjs binary")
	nodeBin  = flag.String("node", "node", "the node binary")
	reps     = flag.Int("reps", 5, "repetitions (interleaved)")
	npmDir   = flag.String("npm", "bindings/js/npm", "the npm suite (its scripts run where its node_modules is installed)")
	server   = flag.String("server", "examples/bench/footprint/echo-server.js", "the echo server script")
	mdOut    = flag.String("md", "build/bench/footprint.md", "where the tables go (also printed)")
	lifetime = flag.Duration("lifetime", 30*time.Second, "the longest any child may run")
	rounds   = flag.Int("rounds", 200, "echo round trips before the idle memory is read")
	smoke    = flag.Bool("smoke", false, "one repetition of the echo server alone, failing if either runtime fails it (make test)")
)

// runtimeCmd is one of the two runtimes measured.
type runtimeCmd struct{ name, bin string }

// sample is one measurement of one case under one runtime.
type sample struct {
	value float64
	err   string
}

func main() {
	flag.Parse()
	runtimes := []runtimeCmd{{"node", *nodeBin}, {"dgramjs", *dgramjs}}
	if *smoke {
		for _, rt := range runtimes {
			if _, _, err := measureServer(rt.bin, ""); err != nil {
				fmt.Fprintf(os.Stderr, "footprint -smoke: the echo server under %s: %v\n", rt.name, err)
				os.Exit(1)
			}
		}
		fmt.Println("footprint -smoke: the echo server runs under node and dgramjs")
		return
	}
	scripts := npmScripts()
	startup := map[string]map[string][]sample{}
	idle := map[string]map[string][]sample{}
	peak := map[string]map[string][]sample{}
	wall := map[string]map[string][]sample{}
	servers := []struct{ label, arg string }{{"echo server", ""}, {"echo server, modules required", "modules"}}
	for rep := 0; rep < *reps; rep++ {
		order := runtimes
		if rep%2 == 1 {
			order = []runtimeCmd{runtimes[1], runtimes[0]}
		}
		for _, s := range servers {
			for _, rt := range order {
				up, rss, err := measureServer(rt.bin, s.arg)
				add(startup, s.label, rt.name, sample{up, errString(err)})
				add(idle, s.label, rt.name, sample{rss, errString(err)})
			}
		}
		for _, sc := range scripts {
			for _, rt := range order {
				maxrss, ms, err := measureScript(rt.bin, sc)
				add(peak, sc.name, rt.name, sample{maxrss, errString(err)})
				add(wall, sc.name, rt.name, sample{ms, errString(err)})
			}
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "### Footprint: dgramjs beside node (%d interleaved repetitions; median, min–max)\n\n", *reps)
	table(&b, "Start-up to the first line of output (ms)", "ms", serverLabels(servers), startup)
	table(&b, "Resident memory of the idle echo server (VmRSS after round trips, MB)", "MB", serverLabels(servers), idle)
	var names []string
	for _, sc := range scripts {
		names = append(names, sc.name)
	}
	if len(names) == 0 {
		fmt.Fprintf(&b, "The npm suite's scripts were not run: %s/node_modules is not installed (make test-npm installs it).\n", *npmDir)
	} else {
		table(&b, "Peak resident memory running each npm suite script (ru_maxrss, MB)", "MB", names, peak)
		table(&b, "Wall time of each npm suite script (ms)", "ms", names, wall)
	}
	fmt.Print(b.String())
	if err := os.MkdirAll(filepath.Dir(*mdOut), 0o755); err == nil {
		if err := os.WriteFile(*mdOut, []byte(b.String()), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "footprint:", err)
		}
	}
}

func serverLabels(s []struct{ label, arg string }) []string {
	var out []string
	for _, x := range s {
		out = append(out, x.label)
	}
	return out
}

func add(m map[string]map[string][]sample, c, rt string, s sample) {
	if m[c] == nil {
		m[c] = map[string][]sample{}
	}
	m[c][rt] = append(m[c][rt], s)
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// measureServer starts the echo server, times its first line, checks that
// it echoes, and reads its resident memory.
func measureServer(bin, arg string) (startupMS, rssMB float64, err error) {
	ctx, cancel := context.WithTimeout(context.Background(), *lifetime)
	defer cancel()
	args := []string{*server}
	if arg != "" {
		args = append(args, arg)
	}
	cmd := exec.CommandContext(ctx, bin, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return 0, 0, err
	}
	t0 := time.Now()
	if err := cmd.Start(); err != nil {
		return 0, 0, err
	}
	defer func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	}()
	line, rerr := bufio.NewReader(out).ReadString('\n')
	startupMS = float64(time.Since(t0).Microseconds()) / 1000
	port, ok := strings.CutPrefix(strings.TrimSpace(line), "listening ")
	if rerr != nil || !ok {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		return 0, 0, fmt.Errorf("no 'listening' line (%q): %s", line, firstLine(stderr.String()))
	}
	if err := echoRounds(port); err != nil {
		return startupMS, 0, err
	}
	rss, err := vmRSS(cmd.Process.Pid)
	return startupMS, rss, err
}

// echoRounds sends *rounds datagrams to the server one at a time, each
// waiting for its echo (bounded by a read deadline).
func echoRounds(port string) error {
	c, err := net.Dial("udp4", "127.0.0.1:"+port)
	if err != nil {
		return err
	}
	defer c.Close()
	msg := []byte("footprint echo")
	buf := make([]byte, 64)
	for i := 0; i < *rounds; i++ {
		if _, err := c.Write(msg); err != nil {
			return err
		}
		if err := c.SetReadDeadline(time.Now().Add(5 * time.Second)); err != nil {
			return err
		}
		n, err := c.Read(buf)
		if err != nil {
			return fmt.Errorf("echo %d: %w", i, err)
		}
		if !bytes.Equal(buf[:n], msg) {
			return fmt.Errorf("echo %d: got %q", i, buf[:n])
		}
	}
	return nil
}

// vmRSS is the resident memory of process pid, in MB.
func vmRSS(pid int) (float64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			f := strings.Fields(rest)
			kb, err := strconv.ParseFloat(f[0], 64)
			return kb / 1024, err
		}
	}
	return 0, errors.New("no VmRSS in /proc status")
}

// npmScript is one script of the npm suite.
type npmScript struct {
	name, path string
	sandbox    bool // multicast: run in a private network namespace
}

// npmScripts lists the npm suite's scripts, or none when its packages are
// not installed.
func npmScripts() []npmScript {
	if _, err := os.Stat(filepath.Join(*npmDir, "node_modules")); err != nil {
		return nil
	}
	paths, _ := filepath.Glob(filepath.Join(*npmDir, "*.*js"))
	var out []npmScript
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		base := filepath.Base(p)
		name := strings.TrimSuffix(base, filepath.Ext(base))
		out = append(out, npmScript{name, p, strings.HasPrefix(string(b), "// needs: sandbox")})
	}
	return out
}

// sandboxShell sets up a private network namespace as the tests' sandbox
// (lo, and a veth pair with the default route) and runs its arguments.
const sandboxShell = `ip link set lo up && ip link add dg0 type veth peer name dg1 && ip addr add 10.200.0.1/24 brd + dev dg0 && ip link set dg0 up && ip link set dg1 up && ip route add default dev dg0 && exec "$@"`

// measureScript runs one npm suite script to its end and returns the
// child's peak resident memory and the wall time.
func measureScript(bin string, sc npmScript) (maxrssMB, wallMS float64, err error) {
	ctx, cancel := context.WithTimeout(context.Background(), *lifetime)
	defer cancel()
	argv := []string{bin, sc.path}
	if sc.sandbox {
		if _, err := exec.LookPath("ip"); err != nil {
			return 0, 0, errors.New("skipped: needs ip and unshare for a private network namespace")
		}
		unshare := []string{"unshare", "-n"}
		if os.Geteuid() != 0 {
			unshare = []string{"unshare", "-rn"}
		}
		argv = append(append(unshare, "sh", "-c", sandboxShell, "sh"), argv...)
	}
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Env = append(os.Environ(), "TZ=UTC")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	t0 := time.Now()
	runErr := cmd.Run()
	wallMS = float64(time.Since(t0).Microseconds()) / 1000
	maxrssMB = peakRSS(cmd.ProcessState)
	if runErr != nil {
		return maxrssMB, wallMS, fmt.Errorf("%v: %s", runErr, firstLine(stderr.String()))
	}
	// A run counts only when it did the script's work: its output is the
	// expected one (npm/expected, node's).
	if want, err := os.ReadFile(filepath.Join(*npmDir, "expected", sc.name+".out")); err == nil && !bytes.Equal(want, stdout.Bytes()) {
		return maxrssMB, wallMS, errors.New("output differs from node's")
	}
	return maxrssMB, wallMS, nil
}

func firstLine(s string) string {
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			return l
		}
	}
	return ""
}

// table writes one Markdown table: a row per case, node and dgramjs
// medians with min–max, and the ratio of the medians; a case that failed
// under a runtime shows its error.
func table(b *strings.Builder, title, unit string, cases []string, m map[string]map[string][]sample) {
	fmt.Fprintf(b, "%s\n\n| | node | dgramjs | dgramjs/node |\n|---|---|---|---|\n", title)
	for _, c := range cases {
		n, nerr := summary(m[c]["node"])
		d, derr := summary(m[c]["dgramjs"])
		ratio := "–"
		if nerr == "" && derr == "" && n[1] > 0 {
			ratio = fmt.Sprintf("%.2f", d[1]/n[1])
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s |\n", c, cell(n, nerr, unit), cell(d, derr, unit), ratio)
	}
	b.WriteString("\n")
}

// summary is min, median and max of the samples, or the first error.
func summary(s []sample) ([3]float64, string) {
	var v []float64
	for _, x := range s {
		if x.err != "" {
			return [3]float64{}, x.err
		}
		v = append(v, x.value)
	}
	if len(v) == 0 {
		return [3]float64{}, "not run"
	}
	slices.Sort(v)
	return [3]float64{v[0], v[len(v)/2], v[len(v)-1]}, ""
}

func cell(v [3]float64, err, unit string) string {
	if err != "" {
		if len(err) > 70 {
			err = err[:70] + "…"
		}
		return "fails: " + strings.ReplaceAll(err, "|", `\|`)
	}
	return fmt.Sprintf("%.1f %s (%.1f–%.1f)", v[1], unit, v[0], v[2])
}
