package main

import (
	"testing"
)

// A C caller's user_data is opaque: C code often passes a small integer
// cast to a pointer ((void *)(intptr_t)61). The library must never hold
// it in a Go pointer-typed word, or the Go runtime finds an invalid
// pointer on a stack it grows ("fatal error: invalid pointer found on
// stack", which ends the host process). The adapters run here at every
// stack depth up to a few KiB, so that the stack grows inside them.
func TestSmallIntegerUserData(t *testing.T) {
	const slot = 61 // user_data (void *)61
	hxReset(slot)
	for depth := 0; depth < 600; depth++ {
		hxAdapterAtDepth(depth, slot)
	}
	if got := hxCount(slot, hxEvMessage); got != 600 {
		t.Fatalf("%d messages delivered, want 600", got)
	}
}
