package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// The memory row (issue 19): resident memory per bound socket that
// receives now and then. Each implementation's memory program
// (examples/bench/memory for the Go API, c/memory.c, node/memory.js for
// Node and dgramjs) creates the sockets, sends each three tiny datagrams,
// closes them, cycle after cycle, printing BASE, LOADED and CLOSED; the
// runner reads the process's VmRSS at each line.

var (
	memSockets = flag.Int("memsockets", 2000, "sockets of the memory row")
	memCycles  = flag.Int("memcycles", 3, "create/receive/close cycles of the memory row")
)

// memoryWorkload is the memory row: a workload without a client.
func memoryWorkload() workload { return workload{name: "memory"} }

// memoryArgv is an implementation's memory program, or nil when it has none.
func memoryArgv(im impl) []string {
	dir := *binDir
	name := im.name
	if strings.HasPrefix(name, "before-") {
		dir, name = *before, "dgramkit-"+strings.TrimPrefix(name, "before-")
	}
	switch name {
	case "node":
		return []string{*nodeBin, memScript()}
	case "dgramkit-go", "dgramkit-go-pooled": // (the memory program's listener copies nothing either way)
		return []string{filepath.Join(dir, "benchmem")}
	case "dgramkit-c":
		return []string{filepath.Join(dir, "bench_mem_c"), "delivery=thread"}
	case "dgramkit-c-poll":
		return []string{filepath.Join(dir, "bench_mem_c"), "delivery=poll"}
	case "dgramkit-js":
		return []string{filepath.Join(dir, "dgramjs"), memScript()}
	}
	return nil
}

// memScript is node/memory.js, beside the workloads' script.
func memScript() string { return filepath.Join(filepath.Dir(*script), "memory.js") }

// measureMemory runs im's memory program. Its metrics: kb_per_socket, the
// most (LOADED − BASE) ÷ sockets of any cycle; kb_per_socket_first, the
// first cycle's; growth_mb, how much the last CLOSED is above the first
// (memory that create/close cycles leave behind).
func measureMemory(im impl) (r run) {
	r = run{Arrangement: "two-core", Workload: "memory", Impl: im.name, Metrics: map[string]float64{}}
	argv := memoryArgv(im)
	if argv == nil {
		return r // no memory program: an empty cell
	}
	if _, err := os.Stat(argv[0]); err != nil && strings.Contains(argv[0], "/") {
		return r // a -before directory without it
	}
	sockets, cycles := *memSockets, *memCycles
	if *smoke {
		sockets, cycles = 50, 1
	}
	c, err := start(append(argv, fmt.Sprintf("sockets=%d", sockets), fmt.Sprintf("cycles=%d", cycles),
		fmt.Sprintf("lifetime=%d", int(lifetime.Seconds()))), false)
	if err != nil {
		r.Error = err.Error()
		return
	}
	defer c.stop()
	deadline := time.Now().Add(*lifetime)
	var base, firstLoaded, maxLoaded, firstClosed, lastClosed float64
	for {
		l, err := c.next(deadline, "BASE", "LOADED", "CLOSED", "RESULT")
		if err != nil {
			r.Error = err.Error()
			return
		}
		if strings.HasPrefix(l, "RESULT") {
			break
		}
		kb := rssKB(c.cmd.Process.Pid)
		switch l {
		case "BASE":
			base = kb
		case "LOADED":
			if firstLoaded == 0 {
				firstLoaded = kb
			}
			maxLoaded = max(maxLoaded, kb)
		case "CLOSED":
			if firstClosed == 0 {
				firstClosed = kb
			}
			lastClosed = kb
		}
	}
	r.Metrics["kb_per_socket"] = (maxLoaded - base) / float64(sockets)
	r.Metrics["kb_per_socket_first"] = (firstLoaded - base) / float64(sockets)
	r.Metrics["growth_mb"] = (lastClosed - firstClosed) / 1024
	r.Metrics["peak_mb"] = maxLoaded / 1024
	return r
}

// rssKB is a process's resident set size in KiB (VmRSS), or -1.
func rssKB(pid int) float64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return -1
	}
	for _, l := range bytes.Split(b, []byte("\n")) {
		if rest, ok := bytes.CutPrefix(l, []byte("VmRSS:")); ok {
			f := strings.Fields(string(rest))
			if len(f) > 0 {
				v, _ := strconv.ParseFloat(f[0], 64)
				return v
			}
		}
	}
	return -1
}

func init() {
	columns["memory"] = []metric{
		{"kb_per_socket", "KiB per socket (peak cycle)", true, "%.1f", false},
		{"kb_per_socket_first", "KiB per socket (first cycle)", true, "%.1f", false},
		{"growth_mb", "MiB left by cycles 2..n", false, "%.1f", false},
		{"peak_mb", "peak RSS MiB", false, "%.1f", false},
	}
}
