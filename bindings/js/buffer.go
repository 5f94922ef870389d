package dgramjs

import (
	"encoding/base64"
	"encoding/hex"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dgramkit/dgramkit/dgram"
	"github.com/dop251/goja"
)

// This file completes goja_nodejs's Buffer with what scripts use and it
// lacks: the encodings ascii, latin1 (binary), utf16le (ucs2) and
// base64url beside utf8, hex and base64; allocUnsafe; sizes checked before
// any allocation. It also has the host's clocks.

// maxBufferLength is the largest Buffer the host makes (buffer.constants.
// MAX_LENGTH): Node's is 4 GiB; a larger request is ERR_OUT_OF_RANGE
// rather than an allocation the Go runtime cannot recover from.
const maxBufferLength = 1 << 30

// encodings maps Node's encoding names (in lower case) to their canonical
// name.
var encodings = map[string]string{
	"utf8": "utf8", "utf-8": "utf8", "hex": "hex", "base64": "base64", "base64url": "base64url",
	"ascii": "ascii", "latin1": "latin1", "binary": "latin1",
	"utf16le": "utf16le", "utf-16le": "utf16le", "ucs2": "utf16le", "ucs-2": "utf16le",
}

// encodingOf is the canonical encoding of v: utf8 when undefined or null,
// else Node's ERR_UNKNOWN_ENCODING for an unknown one.
func (h *host) encodingOf(v goja.Value) string {
	if isNullish(v) {
		return "utf8"
	}
	if goja.IsString(v) {
		if e, ok := encodings[strings.ToLower(v.String())]; ok {
			return e
		}
	}
	panic(h.dgramless().codedError(dgram.KindTypeError, "ERR_UNKNOWN_ENCODING", "Unknown encoding: "+v.String()))
}

// decodeString is the bytes of s in encoding enc, as Buffer.from(s, enc).
func decodeString(s, enc string) []byte {
	switch enc {
	case "hex":
		// Node decodes the leading pairs of hex digits.
		n := 0
		for n+1 < len(s) && isHex(s[n]) && isHex(s[n+1]) {
			n += 2
		}
		b, _ := hex.DecodeString(s[:n])
		return b
	case "base64", "base64url":
		return decodeBase64(s)
	case "ascii", "latin1":
		u := utf16.Encode([]rune(s))
		b := make([]byte, len(u))
		for i, c := range u {
			b[i] = byte(c)
		}
		return b
	case "utf16le":
		u := utf16.Encode([]rune(s))
		b := make([]byte, 2*len(u))
		for i, c := range u {
			b[2*i], b[2*i+1] = byte(c), byte(c>>8)
		}
		return b
	}
	return []byte(s)
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// decodeBase64 decodes base64 or base64url as Node does: both alphabets,
// with or without padding, up to the first '=', skipping the characters of
// neither.
func decodeBase64(s string) []byte {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '-':
			b.WriteByte('+')
		case c == '_':
			b.WriteByte('/')
		case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '+', c == '/':
			b.WriteByte(c)
		case c == '=':
			i = len(s)
		}
	}
	t := b.String()
	if len(t)%4 == 1 {
		t = t[:len(t)-1]
	}
	out, _ := base64.RawStdEncoding.DecodeString(t)
	return out
}

// encodeBytes is b as a string in encoding enc, as buf.toString(enc).
func encodeBytes(b []byte, enc string) string {
	switch enc {
	case "hex":
		return hex.EncodeToString(b)
	case "base64":
		return base64.StdEncoding.EncodeToString(b)
	case "base64url":
		return base64.RawURLEncoding.EncodeToString(b)
	case "ascii", "latin1":
		r := make([]rune, len(b))
		for i, c := range b {
			if enc == "ascii" {
				c &= 0x7f
			}
			r[i] = rune(c)
		}
		return string(r)
	case "utf16le":
		u := make([]uint16, len(b)/2)
		for i := range u {
			u[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
		}
		return string(utf16.Decode(u))
	}
	return decodeUTF8(b)
}

// decodeUTF8 is b as a string, as V8 and the WHATWG decoder read UTF-8:
// each maximal subpart of an invalid sequence is one U+FFFD (a truncated
// character one, each other stray byte one).
func decodeUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	var sb strings.Builder
	sb.Grow(len(b) + 8)
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r != utf8.RuneError || n > 1 {
			sb.Write(b[i : i+n])
			i += n
			continue
		}
		i += maximalSubpart(b[i:])
		sb.WriteRune(utf8.RuneError)
	}
	return sb.String()
}

// maximalSubpart is the length of the start of b (not valid UTF-8) that
// one U+FFFD stands for: a lead byte and the continuation bytes that could
// follow it, at least one byte.
func maximalSubpart(b []byte) int {
	c := b[0]
	need, lo, hi := 0, byte(0x80), byte(0xBF)
	switch {
	case c >= 0xC2 && c <= 0xDF:
		need = 1
	case c == 0xE0:
		need, lo = 2, 0xA0
	case c == 0xED:
		need, hi = 2, 0x9F
	case c >= 0xE1 && c <= 0xEF:
		need = 2
	case c == 0xF0:
		need, lo = 3, 0x90
	case c == 0xF4:
		need, hi = 3, 0x8F
	case c >= 0xF1 && c <= 0xF3:
		need = 3
	default:
		return 1
	}
	n := 1
	for k := 0; k < need && n < len(b); k++ {
		x := b[n]
		if (k == 0 && (x < lo || x > hi)) || (k > 0 && (x < 0x80 || x > 0xBF)) {
			return n
		}
		n++
	}
	return n
}

// bufferBytes is the bytes of a Buffer (or other Uint8Array), or Node's
// ERR_INVALID_ARG_TYPE.
func (h *host) bufferBytes(v goja.Value, name string) []byte {
	if o, ok := v.(*goja.Object); ok && o.ExportType() == bytesType {
		if b, ok := o.Export().([]byte); ok {
			return b
		}
	}
	panic(h.dgramless().codedError(dgram.KindTypeError, "ERR_INVALID_ARG_TYPE", `The "`+name+`" argument must be an instance of Buffer or Uint8Array. Received `+describe(v)))
}

// size reads Buffer.alloc's size as Node does.
func (h *host) size(v goja.Value) int {
	if !goja.IsNumber(v) {
		panic(h.dgramless().codedError(dgram.KindTypeError, "ERR_INVALID_ARG_TYPE", `The "size" argument must be of type number. Received `+describe(v)))
	}
	f := v.ToFloat()
	if !(f >= 0 && f <= maxBufferLength) {
		s := v.String()
		if isInteger(f) {
			s = separated(s)
		}
		panic(h.dgramless().codedError(dgram.KindRangeError, "ERR_OUT_OF_RANGE", `The value of "size" is out of range. It must be >= 0 && <= `+strconv.Itoa(maxBufferLength)+`. Received `+s))
	}
	return int(f)
}

// guardBufferMethods makes goja_nodejs's Buffer.prototype methods refuse
// a this that is not a Buffer or other view, before they read it: they
// export this as bytes, and an array-like of any length would be copied.
func (h *host) guardBufferMethods() {
	proto := h.bufAPI.WrapBytes(nil).Prototype()
	for _, name := range proto.GetOwnPropertyNames() {
		f, ok := goja.AssertFunction(proto.Get(name))
		if !ok || name == "constructor" {
			continue
		}
		proto.Set(name, native(h.vm, name, func(call goja.FunctionCall) goja.Value {
			if !h.isViewValue(call.This) {
				panic(h.dgramless().codedError(dgram.KindTypeError, "ERR_INVALID_ARG_TYPE", `The "this" argument must be an instance of Buffer or Uint8Array. Received `+describe(call.This)))
			}
			v, err := f(call.This, call.Arguments...)
			if err != nil {
				panic(err)
			}
			return v
		}))
	}
}

// isViewValue reports a Buffer, TypedArray or DataView.
func (h *host) isViewValue(v goja.Value) bool {
	o, ok := v.(*goja.Object)
	if !ok {
		return false
	}
	if o.ExportType() == bytesType {
		return true
	}
	r, err := h.isView(goja.Undefined(), o)
	return err == nil && r.ToBoolean()
}

// bufferNatives are the Go functions of the prelude's Buffer part.
func (h *host) bufferNatives() map[string]any {
	vm := h.vm
	return map[string]any{
		// alloc(size, fill, encoding) is Buffer.alloc, allocUnsafe and
		// allocUnsafeSlow (all zero-filled).
		"alloc": func(call goja.FunctionCall) goja.Value {
			b := make([]byte, h.size(call.Argument(0)))
			fill := call.Argument(1)
			switch {
			case isNullish(fill):
			case goja.IsString(fill):
				p := decodeString(fill.String(), h.encodingOf(call.Argument(2)))
				if len(p) == 0 && len(b) > 0 {
					panic(h.dgramless().codedError(dgram.KindTypeError, "ERR_INVALID_ARG_VALUE", "The argument 'value' is invalid. Received '"+fill.String()+"'"))
				}
				fillPattern(b, p)
			case isObject(fill) && fill.(*goja.Object).ExportType() == bytesType:
				fillPattern(b, h.bufferBytes(fill, "value"))
			default:
				fillPattern(b, []byte{byte(fill.ToInteger())})
			}
			return h.bufAPI.WrapBytes(b)
		},
		// from(string, encoding) is Buffer.from of a string.
		"from": func(s, enc goja.Value) goja.Value {
			return h.bufAPI.WrapBytes(decodeString(s.String(), h.encodingOf(enc)))
		},
		// toString(buf, encoding, start, end) is buf.toString.
		"toString": func(call goja.FunctionCall) goja.Value {
			b := h.bufferBytes(call.Argument(0), "buffer")
			enc := h.encodingOf(call.Argument(1))
			n := int64(len(b))
			start, end := int64(0), n
			if v := call.Argument(2); !goja.IsUndefined(v) {
				start = max(0, min(v.ToInteger(), n))
			}
			if v := call.Argument(3); !goja.IsUndefined(v) {
				end = max(0, min(v.ToInteger(), n))
			}
			if end <= start {
				return vm.ToValue("")
			}
			if enc == "utf16le" { // UTF-16 code units as they are, lone surrogates too
				u := make([]uint16, (end-start)/2)
				for i := range u {
					u[i] = uint16(b[start+2*int64(i)]) | uint16(b[start+2*int64(i)+1])<<8
				}
				return goja.StringFromUTF16(u)
			}
			return vm.ToValue(encodeBytes(b[start:end], enc))
		},
		// write(buf, string, offset, length, encoding) is buf.write with its
		// arguments placed.
		"write": func(call goja.FunctionCall) goja.Value {
			b := h.bufferBytes(call.Argument(0), "buffer")
			p := decodeString(call.Argument(1).String(), h.encodingOf(call.Argument(4)))
			off := call.Argument(2).ToInteger()
			if off < 0 || off > int64(len(b)) {
				panic(h.dgramless().codedError(dgram.KindRangeError, "ERR_OUT_OF_RANGE", `The value of "offset" is out of range. It must be >= 0 && <= `+strconv.Itoa(len(b))+`. Received `+call.Argument(2).String()))
			}
			n := int64(len(b)) - off
			if v := call.Argument(3); !goja.IsUndefined(v) {
				n = max(0, min(v.ToInteger(), n))
			}
			return vm.ToValue(copy(b[off:off+n], p))
		},
		// byteLength(string, encoding) is Buffer.byteLength of a string.
		"byteLength": func(s, enc goja.Value) int {
			return byteLength(s.String(), h.encodingOf(enc))
		},
		"isEncoding": func(v goja.Value) bool {
			_, ok := encodings[strings.ToLower(v.String())]
			return ok && goja.IsString(v)
		},
		"maxLength": maxBufferLength,
		// hrtime is the monotonic clock in nanoseconds since the host
		// started, for process.hrtime and performance.now; a FunctionCall
		// function, as it is called per event by scripts that time them
		// (the reflection a func() int64 goes through costs as much as
		// the rest of the call).
		"hrtime": func(goja.FunctionCall) goja.Value { return h.vm.ToValue(int64(time.Since(h.start))) },
		// timeOrigin is when the host started, in ms since the epoch.
		"timeOrigin": float64(time.Now().Add(-time.Since(h.start)).UnixNano()) / 1e6,
	}
}

// byteLength is Buffer.byteLength(s, enc): for hex and base64 Node's
// estimate from the length, as Node gives it; else the decoded length.
func byteLength(s, enc string) int {
	switch enc {
	case "hex":
		return len(utf16.Encode([]rune(s))) >> 1
	case "base64", "base64url":
		n := len(utf16.Encode([]rune(s)))
		for i := 0; i < 2 && n > 0 && s[len(s)-1-i] == '='; i++ {
			n--
		}
		return n * 3 >> 2
	}
	return len(decodeString(s, enc))
}

// fillPattern fills b with p repeated.
func fillPattern(b, p []byte) {
	if len(p) == 0 {
		return
	}
	for i := 0; i < len(b); {
		i += copy(b[i:], p)
	}
}
