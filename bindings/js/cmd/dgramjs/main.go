// Command dgramjs runs an IoT.js or Node.js script that uses the dgram
// module on dgramkit's Go core:
//
//	dgramjs script.js [args...]
//
// The script runs until nothing is pending (no open socket, no timer), as
// under IoT.js, and dgramjs exits with the script's exit code: the code
// given to process.exit, process.exitCode, or 1 after an uncaught
// exception, whose stack goes to standard error. See docs/JS.md.
package main

import (
	"fmt"
	"os"

	dgramjs "github.com/dgramkit/dgramkit/bindings/js"
)

func main() {
	if len(os.Args) < 2 || os.Args[1] == "-h" || os.Args[1] == "--help" {
		fmt.Fprintln(os.Stderr, "usage: dgramjs script.js [args...]")
		os.Exit(2)
	}
	dgramjs.TuneRuntime()
	code, err := dgramjs.Run(os.Args[1], dgramjs.Options{Args: os.Args[2:]})
	if err != nil {
		fmt.Fprintln(os.Stderr, "dgramjs:", err)
		os.Exit(1)
	}
	os.Exit(code)
}
