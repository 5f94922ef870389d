// Command jsprof is dgramjs with Go profiles, for `make bench-profile`:
//
//	jsprof -cpuprofile FILE [-memprofile FILE] script.js [args...]
//
// It runs the script as dgramjs does; the profiles are written when the
// script ends or when SIGTERM or SIGINT stops it.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"runtime/pprof"
	"syscall"

	dgramjs "github.com/dgramkit/dgramkit/bindings/js"
)

func main() {
	cpu := flag.String("cpuprofile", "", "write a CPU profile here")
	mem := flag.String("memprofile", "", "write an allocation profile here (every allocation)")
	flag.Parse()
	if flag.NArg() < 1 {
		fmt.Fprintln(os.Stderr, "usage: jsprof [-cpuprofile FILE] [-memprofile FILE] script.js [args...]")
		os.Exit(2)
	}
	if *cpu != "" {
		f, err := os.Create(*cpu)
		if err != nil {
			fmt.Fprintln(os.Stderr, "jsprof:", err)
			os.Exit(2)
		}
		pprof.StartCPUProfile(f)
	}
	if *mem != "" {
		runtime.MemProfileRate = 1
	}
	finish := func(code int) {
		pprof.StopCPUProfile()
		if *mem != "" {
			if f, err := os.Create(*mem); err == nil {
				pprof.Lookup("allocs").WriteTo(f, 0)
				f.Close()
			}
		}
		os.Exit(code)
	}
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM, os.Interrupt)
	go func() { <-sig; finish(0) }()
	dgramjs.TuneRuntime() // as dgramjs
	code, err := dgramjs.Run(flag.Arg(0), dgramjs.Options{Args: flag.Args()[1:]})
	if err != nil {
		fmt.Fprintln(os.Stderr, "jsprof:", err)
		finish(1)
	}
	finish(code)
}
