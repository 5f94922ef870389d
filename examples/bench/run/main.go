// Command benchrun is `make bench`: it runs the same workloads on every
// implementation (Node's dgram, raw Go, golang.org/x/net/ipv4 batches,
// dgramkit's Go API, its C API through libdgram.so, its JavaScript host,
// Python's own asyncio UDP endpoint and dgramkit's Python package on
// asyncio), server and client in separate processes on 127.0.0.1, interleaved
// repetition by repetition, and prints Markdown tables of medians with
// their min and max and each implementation's ratio to Node within the
// same repetition. The raw runs go to a JSON file. docs/PERFORMANCE.md
// describes the workloads and the results.
//
//	benchrun -bin build/bench [-reps 5] [-quick | -smoke] [-json FILE] [-only echo64,ping] [-impls node,dgramkit-go]
//
// Every child is bounded in time (lifetime=, and killed past it), every
// loop in count.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// impl is how to start one implementation's program: argv before the role.
type impl struct {
	name, label string
	argv        []string
}

// workload is one measurement: a server role and a client role.
type workload struct {
	name   string
	server []string
	client []string
}

// run is one measurement's raw result.
type run struct {
	Rep         int                `json:"rep"`
	Arrangement string             `json:"arrangement"`
	Workload    string             `json:"workload"`
	Impl        string             `json:"impl"`
	Metrics     map[string]float64 `json:"metrics"`
	Error       string             `json:"error,omitempty"`
}

var (
	binDir   = flag.String("bin", "build/bench", "where benchgo, bench_c and dgramjs are")
	nodeBin  = flag.String("node", "node", "the node binary")
	script   = flag.String("script", "examples/bench/node/bench.js", "the JavaScript workloads")
	pyScript = flag.String("pyscript", "examples/bench/python/bench.py", "the Python workloads")
	python   = flag.String("python", "python3", "the Python interpreter (PYTHONPATH and DGRAMKIT_LIBRARY are set for dgramkit)")
	reps     = flag.Int("reps", 5, "repetitions (interleaved)")
	quick    = flag.Bool("quick", false, "shorter windows and counts (the quick profile, under 5 minutes)")
	jsonOut  = flag.String("json", "build/bench/results.json", "where the raw runs go")
	mdOut    = flag.String("md", "build/bench/results.md", "where the tables go (also printed)")
	only     = flag.String("only", "", "comma-separated workloads to run (default all)")
	impls    = flag.String("impls", "", "comma-separated implementations to run (default all); node is always run")
	oneCore  = flag.String("onecore", "echo64", "workloads also run with both processes on CPU 0 (taskset -c 0)")
	warmMS   = flag.Int("warm", 500, "echo warm-up, ms")
	measMS   = flag.Int("measure", 3000, "echo measured window, ms")
	pingN    = flag.Int("pings", 50000, "round trips measured by ping")
	blastN   = flag.Int("blast", 1000000, "datagrams sent by blast")
	lifetime = flag.Duration("lifetime", 90*time.Second, "the longest any child may run")
	smoke    = flag.Bool("smoke", false, "one tiny run of everything, failing on any error (make test)")
	before   = flag.String("before", "", "a -bin directory built from an earlier commit: its dgramkit Go (copying and pooled), C (thread and poll delivery) and JS rows are added, for before/after")
)

func main() {
	flag.Parse()
	if *smoke {
		for k, v := range map[string]string{"reps": "1", "warm": "50", "measure": "200", "pings": "200", "blast": "5000", "onecore": "echo64", "lifetime": "30s", "json": "build/bench/smoke.json", "md": ""} {
			setDefault(k, v)
		}
	}
	if *quick {
		setDefault("warm", "200")
		setDefault("measure", "800")
		setDefault("pings", "5000")
		setDefault("blast", "200000")
	}
	all := []impl{
		{"node", "Node dgram", []string{*nodeBin, *script}},
		{"go-raw", "raw Go net.UDPConn", []string{filepath.Join(*binDir, "benchgo"), "raw"}},
		{"go-xnet", "raw Go x/net ReadBatch/WriteBatch", []string{filepath.Join(*binDir, "benchgo"), "xnet"}},
		{"dgramkit-go", "dgramkit Go API (PooledReceive)", []string{filepath.Join(*binDir, "benchgo"), "dgramkit"}},
		{"dgramkit-go-copy", "dgramkit Go API (copying listener)", []string{filepath.Join(*binDir, "benchgo"), "dgramkit-copy"}},
		{"dgramkit-c", "dgramkit C API, thread delivery", []string{filepath.Join(*binDir, "bench_c"), "delivery=thread"}},
		{"dgramkit-c-poll", "dgramkit C API, poll delivery", []string{filepath.Join(*binDir, "bench_c"), "delivery=poll"}},
		{"dgramkit-js", "dgramkit JS host (dgramjs)", []string{filepath.Join(*binDir, "dgramjs"), *script}},
		{"python-asyncio", "Python asyncio UDP endpoint", []string{*python, *pyScript, "asyncio"}},
		{"dgramkit-python", "dgramkit Python, asyncio delivery", []string{*python, *pyScript, "dgramkit"}},
	}
	if _, err := exec.LookPath(*python); err != nil {
		fmt.Fprintf(os.Stderr, "benchrun: no %s: the Python rows are left out\n", *python)
		all = slices.DeleteFunc(all, func(im impl) bool { return im.argv[0] == *python })
	}
	if *before != "" {
		all = append(all,
			impl{"before-go", "before: dgramkit Go API (copying listener)", []string{filepath.Join(*before, "benchgo"), "dgramkit-copy"}},
			impl{"before-go-pooled", "before: dgramkit Go API (PooledReceive)", []string{filepath.Join(*before, "benchgo"), "dgramkit"}},
			impl{"before-c", "before: dgramkit C API, thread delivery", []string{filepath.Join(*before, "bench_c"), "delivery=thread"}},
			impl{"before-c-poll", "before: dgramkit C API, poll delivery", []string{filepath.Join(*before, "bench_c"), "delivery=poll"}},
			impl{"before-js", "before: dgramkit JS host", []string{filepath.Join(*before, "dgramjs"), *script}})
	}
	if _, err := exec.LookPath(*nodeBin); err != nil {
		fmt.Fprintf(os.Stderr, "benchrun: no %s: Node is left out, and so are the ratios\n", *nodeBin)
		all = all[1:]
	}
	if *impls != "" {
		want := strings.Split(*impls, ",")
		all = slices.DeleteFunc(all, func(im impl) bool { return im.name != "node" && !slices.Contains(want, im.name) })
	}
	life := fmt.Sprintf("lifetime=%d", int(lifetime.Seconds()))
	echo := func(size int) []string {
		return []string{"echo-client", fmt.Sprintf("size=%d", size), "inflight=64",
			fmt.Sprintf("warm=%d", *warmMS), fmt.Sprintf("measure=%d", *measMS), life}
	}
	works := []workload{
		{"echo64", []string{"echo-server", life}, echo(64)},
		{"echo1200", []string{"echo-server", life}, echo(1200)},
		{"ping", []string{"echo-server", life}, []string{"ping-client", "size=64", fmt.Sprintf("n=%d", *pingN), "warm=1000", life}},
		{"blast", []string{"sink", "rcvbuf=4194304", fmt.Sprintf("count=%d", *blastN), "idle=500", life},
			[]string{"blast", "size=64", fmt.Sprintf("n=%d", *blastN), life}},
		memoryWorkload(),
	}
	if *only != "" {
		want := strings.Split(*only, ",")
		works = slices.DeleteFunc(works, func(w workload) bool { return !slices.Contains(want, w.name) })
	}
	oneCoreWorks := strings.Split(*oneCore, ",")

	start := time.Now()
	var runs []run
	for rep := 1; rep <= *reps; rep++ {
		for _, arr := range []string{"two-core", "one-core"} {
			for _, w := range works {
				if arr == "one-core" && !slices.Contains(oneCoreWorks, w.name) {
					continue
				}
				for _, im := range all {
					r := measure(im, w, arr)
					r.Rep = rep
					runs = append(runs, r)
					status := fmt.Sprint(r.Metrics)
					if r.Error != "" {
						status = "ERROR " + r.Error
					}
					fmt.Fprintf(os.Stderr, "[%s] rep %d %s %s %s: %s\n", time.Since(start).Round(time.Second), rep, arr, w.name, im.name, status)
				}
			}
		}
	}
	out, _ := json.MarshalIndent(map[string]any{
		"machine": machine(), "command": strings.Join(os.Args, " "), "reps": *reps, "quick": *quick,
		"elapsed_s": time.Since(start).Seconds(), "runs": runs,
	}, "", " ")
	if err := os.WriteFile(*jsonOut, out, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "benchrun:", err)
		os.Exit(1)
	}
	md := report(runs, all, works, oneCoreWorks)
	fmt.Print(md)
	if *mdOut != "" {
		os.WriteFile(*mdOut, []byte(md), 0o644)
	}
	fmt.Fprintf(os.Stderr, "benchrun: %d runs in %v; raw runs in %s\n", len(runs), time.Since(start).Round(time.Second), *jsonOut)
	if *smoke {
		for _, r := range runs {
			if r.Error != "" {
				fmt.Fprintf(os.Stderr, "benchrun: smoke: %s %s %s: %s\n", r.Arrangement, r.Workload, r.Impl, r.Error)
				os.Exit(1)
			}
		}
		fmt.Fprintf(os.Stderr, "benchrun: smoke: every implementation ran every workload\n")
	}
}

func setDefault(name, v string) {
	set := false
	flag.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	if !set {
		flag.Set(name, v)
	}
}

// child is a started program and its stdout lines.
type child struct {
	cmd   *exec.Cmd
	lines chan string
	errs  bytes.Buffer
	done  chan struct{}
}

func start(argv []string, onecore bool) (*child, error) {
	if onecore {
		argv = append([]string{"taskset", "-c", "0"}, argv...)
	}
	c := &child{cmd: exec.Command(argv[0], argv[1:]...), lines: make(chan string, 16), done: make(chan struct{})}
	c.cmd.Stderr = &c.errs
	out, err := c.cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := c.cmd.Start(); err != nil {
		return nil, err
	}
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			c.lines <- sc.Text()
		}
		io.Copy(io.Discard, out)
		close(c.lines)
		c.cmd.Wait()
		close(c.done)
	}()
	return c, nil
}

// next returns the next line that starts with one of prefixes, or an error
// when the program ends or the deadline passes first.
func (c *child) next(deadline time.Time, prefixes ...string) (string, error) {
	t := time.NewTimer(time.Until(deadline))
	defer t.Stop()
	for {
		select {
		case l, ok := <-c.lines:
			if !ok {
				return "", fmt.Errorf("%s exited: %s", strings.Join(c.cmd.Args[1:], " "), strings.TrimSpace(c.errs.String()))
			}
			for _, p := range prefixes {
				if strings.HasPrefix(l, p) {
					return l, nil
				}
			}
		case <-t.C:
			return "", fmt.Errorf("%s: no %v in time", strings.Join(c.cmd.Args[1:], " "), prefixes)
		}
	}
}

// stop ends a child: SIGTERM, then SIGKILL after 5 s.
func (c *child) stop() {
	c.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-c.done:
	case <-time.After(5 * time.Second):
		c.cmd.Process.Kill()
		<-c.done
	}
}

// cpuTicks is a process's user+system CPU time in clock ticks, from
// /proc/PID/stat: the counters getrusage(RUSAGE_SELF) reads.
func cpuTicks(pid int) float64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return -1
	}
	f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+2:]))
	u, _ := strconv.ParseFloat(f[11], 64)
	s, _ := strconv.ParseFloat(f[12], 64)
	return u + s
}

const clockTick = 1e6 / 100 // microseconds per tick (USER_HZ is 100 on Linux)

func measure(im impl, w workload, arr string) (r run) {
	if w.client == nil {
		return measureMemory(im)
	}
	r = run{Arrangement: arr, Workload: w.name, Impl: im.name, Metrics: map[string]float64{}}
	one := arr == "one-core"
	deadline := time.Now().Add(*lifetime)
	srv, err := start(append(slices.Clone(im.argv), w.server...), one)
	if err != nil {
		r.Error = err.Error()
		return
	}
	defer srv.stop()
	l, err := srv.next(time.Now().Add(10*time.Second), "PORT ")
	if err != nil {
		r.Error = err.Error()
		return
	}
	port := strings.TrimPrefix(l, "PORT ")
	cli, err := start(append(append(slices.Clone(im.argv), w.client...), "port="+port), one)
	if err != nil {
		r.Error = err.Error()
		return
	}
	defer cli.stop()
	pid := srv.cmd.Process.Pid
	var cpu0, cpu1 float64
	for {
		l, err := cli.next(deadline, "START", "END", "RESULT ")
		if err != nil {
			r.Error = err.Error()
			return
		}
		switch {
		case l == "START":
			cpu0 = cpuTicks(pid)
			continue
		case l == "END":
			cpu1 = cpuTicks(pid)
			continue
		}
		if r.Metrics, err = parseResult(l); err != nil {
			r.Error = err.Error()
			return
		}
		break
	}
	m := r.Metrics
	switch w.name {
	case "blast":
		l, err := srv.next(deadline, "RESULT ")
		if err != nil {
			r.Error = err.Error()
			return
		}
		sink, err := parseResult(l)
		if err != nil {
			r.Error = err.Error()
			return
		}
		m["received"], m["recv_secs"] = sink["received"], sink["secs"]
		m["recv_per_s"] = sink["received"] / sink["secs"]
		m["sent_per_s"] = m["sent"] / m["secs"]
		m["loss_pct"] = 100 * (1 - sink["received"]/m["sent"])
	case "ping":
		delete(m, "hires")
	default:
		m["msgs_per_s"] = m["msgs"] / m["secs"]
		if cpu0 >= 0 && cpu1 >= cpu0 && m["msgs"] > 0 {
			m["server_cpu_us"] = (cpu1 - cpu0) * clockTick / m["msgs"]
		}
	}
	return r
}

// parseResult reads a RESULT line's numbers; a boolean is 1 or 0.
func parseResult(line string) (map[string]float64, error) {
	var raw map[string]any
	if err := json.Unmarshal([]byte(strings.TrimPrefix(line, "RESULT ")), &raw); err != nil {
		return nil, err
	}
	m := map[string]float64{}
	for k, v := range raw {
		switch v := v.(type) {
		case float64:
			m[k] = v
		case bool:
			if v {
				m[k] = 1
			} else {
				m[k] = 0
			}
		}
	}
	return m, nil
}

func machine() map[string]string {
	m := map[string]string{}
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
				m["cpu"] = strings.TrimSpace(v)
				break
			}
		}
	}
	if b, err := exec.Command("nproc").Output(); err == nil {
		m["nproc"] = strings.TrimSpace(string(b))
	}
	if b, err := exec.Command("uname", "-sr").Output(); err == nil {
		m["kernel"] = strings.TrimSpace(string(b))
	}
	if b, err := exec.Command(*nodeBin, "--version").Output(); err == nil {
		m["node"] = strings.TrimSpace(string(b))
	}
	if b, err := exec.Command("go", "version").Output(); err == nil {
		m["go"] = strings.TrimSpace(string(b))
	}
	return m
}

// metric is one column of a workload's table.
type metric struct {
	key, title string
	ratio      bool // also the ratio to Node within each repetition
	format     string
	vsRaw      bool // and the ratio to raw Go (go-raw) within each repetition
}

var columns = map[string][]metric{
	"echo64":   {{"msgs_per_s", "msgs/s", true, "%.0f", false}, {"server_cpu_us", "server CPU µs/msg", true, "%.2f", true}},
	"echo1200": {{"msgs_per_s", "msgs/s", true, "%.0f", false}, {"server_cpu_us", "server CPU µs/msg", true, "%.2f", true}},
	"ping":     {{"p50_us", "p50 µs", true, "%.1f", false}, {"p99_us", "p99 µs", false, "%.1f", false}, {"mean_us", "mean µs", false, "%.1f", false}},
	"blast":    {{"recv_per_s", "received/s", true, "%.0f", false}, {"loss_pct", "loss %", false, "%.2f", false}, {"sent_per_s", "sent/s", false, "%.0f", false}},
}

// stat is "median (min–max)" of vals.
func stat(vals []float64, format string) string {
	if len(vals) == 0 {
		return "–"
	}
	slices.Sort(vals)
	med := vals[len(vals)/2]
	if len(vals)%2 == 0 {
		med = (vals[len(vals)/2-1] + vals[len(vals)/2]) / 2
	}
	if len(vals) == 1 {
		return fmt.Sprintf(format, med)
	}
	return fmt.Sprintf(format+" ("+format+"–"+format+")", med, vals[0], vals[len(vals)-1])
}

func report(runs []run, all []impl, works []workload, oneCore []string) string {
	var b strings.Builder
	for _, arr := range []string{"two-core", "one-core"} {
		for _, w := range works {
			if arr == "one-core" && !slices.Contains(oneCore, w.name) {
				continue
			}
			cols := columns[w.name]
			fmt.Fprintf(&b, "\n### %s, %s\n\n| implementation |", w.name, arr)
			sep := "|---|"
			for _, c := range cols {
				fmt.Fprintf(&b, " %s |", c.title)
				sep += "---|"
				if c.ratio {
					fmt.Fprintf(&b, " %s ÷ Node |", c.title)
					sep += "---|"
				}
				if c.vsRaw {
					fmt.Fprintf(&b, " %s ÷ raw Go |", c.title)
					sep += "---|"
				}
			}
			fmt.Fprintf(&b, "\n%s\n", sep)
			node, raw := map[int]run{}, map[int]run{}
			for _, r := range runs {
				if r.Arrangement == arr && r.Workload == w.name && r.Error == "" {
					switch r.Impl {
					case "node":
						node[r.Rep] = r
					case "go-raw":
						raw[r.Rep] = r
					}
				}
			}
			for _, im := range all {
				fmt.Fprintf(&b, "| %s |", im.label)
				errs := 0
				for _, c := range cols {
					var vals, ratios, rawRatios []float64
					for _, r := range runs {
						if r.Arrangement != arr || r.Workload != w.name || r.Impl != im.name {
							continue
						}
						if r.Error != "" {
							errs++
							continue
						}
						v, ok := r.Metrics[c.key]
						if !ok {
							continue
						}
						vals = append(vals, v)
						if n, ok := node[r.Rep].Metrics[c.key]; ok && n != 0 {
							ratios = append(ratios, v/n)
						}
						if n, ok := raw[r.Rep].Metrics[c.key]; ok && n != 0 {
							rawRatios = append(rawRatios, v/n)
						}
					}
					fmt.Fprintf(&b, " %s |", stat(vals, c.format))
					if c.ratio {
						fmt.Fprintf(&b, " %s |", stat(ratios, "%.2f"))
					}
					if c.vsRaw {
						fmt.Fprintf(&b, " %s |", stat(rawRatios, "%.2f"))
					}
				}
				if errs > 0 {
					fmt.Fprintf(&b, " (%d failed runs)", errs/len(cols))
				}
				b.WriteString("\n")
			}
		}
	}
	return b.String()
}
