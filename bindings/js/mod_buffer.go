package dgramjs

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// The rest of Node's Buffer API (lib/node/buffer_more.js): copy, compare,
// indexOf, lastIndexOf, includes, fill with an encoding, swap16/32/64,
// Buffer.compare, Buffer.of, Buffer.copyBytesFrom, and buffer's isUtf8,
// isAscii, atob, btoa and SlowBuffer. The byte searches and fills are Go's.
func init() {
	bindings["buffer"] = (*host).bufferMoreBinding
}

// bufferMore completes Buffer at start-up (the prelude made it) with a
// stub for each function lib/node/buffer_more.js defines: the first call of
// any of them loads the file (which puts the real functions in place) and
// calls the real one, so that a script that uses none pays nothing.
// TestBufferStubs checks that the file defines nothing without a stub.
func (h *host) bufferMore() {
	vm := h.vm
	buf := h.require("buffer").(*goja.Object)
	ctor := field(buf, "Buffer").(*goja.Object)
	proto := field(ctor, "prototype").(*goja.Object)
	buf.Set("INSPECT_MAX_BYTES", 50)
	buf.Set("kStringMaxLength", field(field(buf, "constants").(*goja.Object), "MAX_STRING_LENGTH"))
	originals := vm.NewObject()
	h.builtins.bufferOriginals = originals
	// Symbol.for('dgramjs.stub') marks a stub, for TestBufferStubs
	symFor, _ := goja.AssertFunction(vm.Get("Symbol").(*goja.Object).Get("for"))
	mark, _ := symFor(goja.Undefined(), vm.ToValue("dgramjs.stub"))
	stub := func(o *goja.Object, name string) {
		if f := o.Get(name); f != nil && o == proto {
			originals.Set(name, f)
		}
		var self *goja.Object
		self = native(vm, name, func(call goja.FunctionCall) goja.Value {
			h.libRequire("buffer_more.js")
			f, ok := goja.AssertFunction(o.Get(name))
			if !ok || o.Get(name) == self {
				panic(vm.NewTypeError("dgramjs: buffer_more.js defines no " + name))
			}
			v, err := f(call.This, call.Arguments...)
			if err != nil {
				panic(err)
			}
			return v
		}).(*goja.Object)
		_ = self.SetSymbol(mark.(*goja.Symbol), true)
		o.Set(name, self)
	}
	for _, name := range bufferProtoStubs() {
		stub(proto, name)
	}
	for _, name := range []string{"compare", "of", "copyBytesFrom"} {
		stub(ctor, name)
	}
	for _, name := range []string{"SlowBuffer", "isUtf8", "isAscii", "btoa", "atob"} {
		stub(buf, name)
	}
}

// bufferProtoStubs are the Buffer.prototype functions buffer_more.js
// defines: its own, and the read/write families it wraps (with their Uint
// aliases).
func bufferProtoStubs() []string {
	names := []string{"copy", "compare", "equals", "indexOf", "lastIndexOf", "includes", "fill", "swap16", "swap32", "swap64", "toLocaleString"}
	kinds := []string{"UInt8", "Int8"}
	for _, e := range []string{"LE", "BE"} {
		kinds = append(kinds, "UInt16"+e, "Int16"+e, "UInt32"+e, "Int32"+e, "Float"+e, "Double"+e, "BigUInt64"+e, "BigInt64"+e, "UInt"+e, "Int"+e)
	}
	for _, k := range kinds {
		for _, op := range []string{"read", "write"} {
			names = append(names, op+k)
			if strings.Contains(k, "UInt") {
				names = append(names, op+strings.Replace(k, "UInt", "Uint", 1))
			}
		}
	}
	return names
}

func (h *host) bufferMoreBinding() map[string]any {
	return map[string]any{
		// originals are goja_nodejs's Buffer.prototype functions the
		// stubs stand in front of (buffer_more.js wraps them).
		"originals": h.builtins.bufferOriginals,
		// indexOf(buf, needle, byteOffset, forward) is node_buffer.cc's
		// IndexOfString/IndexOfBuffer: needle is a Buffer, or a number
		// (a byte).
		"indexOf": func(bv, nv goja.Value, offset int64, forward bool) int64 {
			b := h.bufferBytes(bv, "buffer")
			var needle []byte
			if goja.IsNumber(nv) {
				needle = []byte{byte(uint32(nv.ToInteger()))}
			} else {
				needle = h.bufferBytes(nv, "value")
			}
			return indexOf(b, needle, offset, forward)
		},
		// fill(buf, value, start, end) fills buf[start:end] with value
		// repeated (a Buffer, the encoded string); -1 when value is empty.
		"fill": func(bv, vv goja.Value, start, end int) int {
			b := h.bufferBytes(bv, "buffer")
			v := h.bufferBytes(vv, "value")
			if len(v) == 0 {
				return -1
			}
			if start < 0 || end > len(b) || start > end {
				return -2
			}
			for i := start; i < end; i += len(v) {
				copy(b[i:end], v)
			}
			return 0
		},
		"isUtf8": func(bv goja.Value) bool { return utf8.Valid(h.bufferBytes(bv, "input")) },
		"isAscii": func(bv goja.Value) bool {
			for _, c := range h.bufferBytes(bv, "input") {
				if c >= 0x80 {
					return false
				}
			}
			return true
		},
	}
}

// indexOf is the position of needle in b searched from offset forward, or
// backward from it, as Node's Buffer#indexOf and #lastIndexOf; -1 when it
// is not there.
func indexOf(b, needle []byte, offset int64, forward bool) int64 {
	n, m := int64(len(b)), int64(len(needle))
	opt := indexOfOffset(n, offset, m, forward)
	if m == 0 {
		return opt
	}
	if n == 0 || opt <= -1 || m > n || (forward && n < opt+m) {
		return -1
	}
	if forward {
		i := bytes.Index(b[opt:], needle)
		if i < 0 {
			return -1
		}
		return opt + int64(i)
	}
	last := min(opt, n-m)
	return int64(bytes.LastIndex(b[:last+m], needle))
}

// indexOfOffset is node_buffer.cc's IndexOfOffset: where a search of a
// needle of needleLen starts in a buffer of length n.
func indexOfOffset(n, offset, needleLen int64, forward bool) int64 {
	if offset < 0 {
		switch {
		case offset+n >= 0:
			return n + offset
		case forward || needleLen == 0:
			return 0
		default:
			return -1
		}
	}
	switch {
	case offset+needleLen <= n:
		return offset
	case needleLen == 0:
		return n
	case forward:
		return -1
	default:
		return n - 1
	}
}
