// Command nmbase is the baseline of symbols.sh: a c-shared library with
// the Go runtime and package dgram but none of libdgram's own code, so
// that the symbols libdgram.so has beyond it are libdgram's own.
package main

import "C"

import (
	"os"
	"strings"

	_ "github.com/dgramkit/dgramkit/dgram"
)

func init() { _ = strings.Index(os.Args[0], "dgram") }

func main() {}
