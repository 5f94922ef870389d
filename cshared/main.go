// Command cshared is libdgram, the C shared library of dgramkit: build it
// with `make lib` (go build -buildmode=c-shared), which writes
// build/libdgram.so.1. The C API is bindings/c/dgram.h, generated from
// spec/dgram.yaml like exports_gen.go and exports_gen.c; runtime.go and
// shim.c are the hand-written rest. docs/C.md tells the rules.
package main

func main() {}
