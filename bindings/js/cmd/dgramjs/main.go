// Command dgramjs runs an IoT.js or Node.js script that uses the dgram
// module on dgramkit's Go core:
//
//	dgramjs script.js [args...]
//	dgramjs -e 'code' [args...]
//	dgramjs --version | --help
//
// The script runs until nothing is pending (no open socket, no timer), as
// under IoT.js, and dgramjs exits with the script's exit code: the code
// given to process.exit, process.exitCode, or 1 after an uncaught
// exception, whose stack goes to standard error. See docs/JS.md.
package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"

	dgramjs "github.com/dgramkit/dgramkit/bindings/js"
)

// usage is the text of --help.
const usage = `usage: dgramjs [options] script.js [args...]
       dgramjs -e 'code' [args...]

Runs an IoT.js or Node.js script that uses the dgram module on dgramkit's
Go core, until nothing is pending, and exits with its exit code.

options:
  -e, --eval code   run code instead of a script file
  -h, --help        print this help and exit
  -v, --version     print the version of dgramjs and exit
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the command with args; it returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	case "-v", "--version":
		fmt.Fprintln(stdout, "dgramjs "+version())
		return 0
	case "-e", "--eval":
		if len(args) < 2 {
			fmt.Fprintln(stderr, "dgramjs: "+args[0]+" requires an argument")
			return 9 // as node
		}
		dgramjs.TuneRuntime()
		return dgramjs.Eval(args[1], dgramjs.Options{Args: args[2:], Stdout: stdout, Stderr: stderr})
	}
	if len(args[0]) > 1 && args[0][0] == '-' {
		fmt.Fprintln(stderr, "dgramjs: bad option: "+args[0])
		return 9 // as node
	}
	dgramjs.TuneRuntime()
	code, err := dgramjs.Run(args[0], dgramjs.Options{Args: args[1:], Stdout: stdout, Stderr: stderr})
	if err != nil {
		fmt.Fprintln(stderr, "dgramjs:", err)
		return 1
	}
	return code
}

// version is the module version dgramjs was built from ("(devel)" in a
// work tree), with the VCS revision when the build recorded one.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	v := info.Main.Version
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			v += " " + s.Value[:12]
		}
	}
	return v
}
