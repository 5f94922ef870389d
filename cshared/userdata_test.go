package main

import (
	"net/netip"
	"testing"
	"unsafe"

	"github.com/dgramkit/dgramkit/cshared/internal/hx"
	"github.com/dgramkit/dgramkit/dgram"
)

// A C caller's user_data is opaque: C code often passes a small integer
// cast to a pointer ((void *)(intptr_t)61). The library must never hold
// it in a Go pointer-typed word, or the Go runtime finds an invalid
// pointer on a stack it grows ("fatal error: invalid pointer found on
// stack", which ends the host process). The adapters run here at every
// stack depth up to a few KiB, so that the stack grows inside them.
func TestSmallIntegerUserData(t *testing.T) {
	const slot = 61 // user_data (void *)61
	hx.Reset(slot)
	for depth := 0; depth < 600; depth++ {
		adapterAtDepth(depth, slot)
	}
	if got := hx.Count(slot, hx.EvMessage); got != 600 {
		t.Fatalf("%d messages delivered, want 600", got)
	}
}

// adapt calls an adapter of exports_gen.go (an entry method that takes a
// C function pointer and the user_data as cgo's types, which a test file
// cannot name) with the C function fn and user_data ud.
func adapt[F ~*[0]byte, U ~uint64 | ~uint32, L any](adapter func(F, U) L, fn unsafe.Pointer, ud uint64) L {
	return adapter(F(fn), U(ud))
}

// adapterAtDepth runs the Go side of a 'message', 'error' and send
// callback delivery with a user_data that is a small integer, after depth
// frames of recursion on a new goroutine: at some depth the goroutine's
// stack grows inside the adapter, and the runtime then inspects every
// pointer-typed word of its frames.
func adapterAtDepth(depth, slot int) {
	e := &entry{h: 1}
	ud := uint64(slot)
	msg := adapt(e.messageListener, hx.MessageCB(), ud)
	errl := adapt(e.errorListener, hx.ErrorCB(), ud)
	send := adapt(e.sendCallback, hx.SendCB(), ud)
	done := make(chan struct{})
	go func() {
		defer close(done)
		var recurse func(int) int
		recurse = func(n int) int {
			var pad [8]int64
			if n == 0 {
				msg([]byte("x"), dgram.RemoteInfo{Address: netip.MustParseAddr("127.0.0.1"), Family: "IPv4", Port: 9, Size: 1})
				errl(&dgram.Error{Code: dgram.EINVAL, Kind: dgram.KindError, Message: "x EINVAL", Syscall: "x"})
				send(nil, 1)
				return int(pad[0])
			}
			pad[n%8] = int64(n)
			return recurse(n-1) + int(pad[(n+1)%8])
		}
		recurse(depth)
	}()
	<-done
}
