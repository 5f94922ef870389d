package dgram

import (
	"bytes"
	"math"
	"net/netip"
	"strings"
	"testing"
)

// FuzzArgs drives the argument normaliser: send's three forms (Send,
// SendSlice, SendTo) with every message shape (bytes, string, lists of
// either, mixed lists, and values that are not messages), offsets,
// lengths and ports; the port of bind; the TTLs; the required group of
// the membership calls; and the address parser (resolve), on both
// families. A model written from the spec gives the expected code of each
// call on a closed socket: the argument checks come first, in argument
// order, and a call whose arguments pass is ERR_SOCKET_DGRAM_NOT_RUNNING.
// Nothing is sent and no name is looked up: an address that is not an IP
// literal and does not look like one (which would be a DNS query) is
// left to the address tests.
func FuzzArgs(f *testing.F) {
	f.Add(uint8(0), []byte("abc"), "xyz", 0, 3, 41234, "127.0.0.1", 64)
	f.Add(uint8(1), []byte{}, "", 4, 0, 0, "::1", 0)
	f.Add(uint8(2), []byte("a"), "bc", -1, 1, 65536, "::ffff:127.0.0.1", 256)
	f.Add(uint8(3), []byte(nil), "q", 1, -1, -1, "1.2.3", -1)
	f.Add(uint8(4), []byte("ab"), "cd", 2, 2, 65535, "fe80::1%lo", 255)
	f.Add(uint8(5), []byte("ab"), "cd", 0, 0, 1, "256.1.1.1", 1)
	f.Add(uint8(6), []byte("ab"), "cd", 0, 0, 1, "[::1]", 1)
	f.Add(uint8(7), []byte("ab"), "", 0, 0, 1, "", 1)
	f.Add(uint8(8), []byte("ab"), "cd", math.MaxInt, math.MaxInt, math.MaxInt, "0.0.0.0", math.MinInt)
	f.Add(uint8(9), []byte("ab"), "cd", 1, math.MaxInt, 1, "::", 1)

	s4, _ := CreateSocketType("udp4", nil)
	s6, _ := CreateSocketType("udp6", nil)
	closed, _ := CreateSocketType("udp4", nil)
	closed.Close(nil)
	f.Cleanup(func() { s4.Close(nil); s6.Close(nil) })

	f.Fuzz(func(t *testing.T, kind uint8, a []byte, b string, offset, length, port int, address string, ttl int) {
		msg, want, valid := fuzzMessage(kind, a, b)

		// Send: msg, port.
		code := ErrSocketDgramNotRunning
		switch {
		case !valid:
			code = ErrInvalidArgType
		case port < 1 || port > 65535:
			code = ErrSocketBadPort
		}
		fuzzWant(t, "Send", closed.Send(msg, port, address, nil), code)

		// SendSlice and SendTo: msg, offset, length, port.
		code = ErrSocketDgramNotRunning
		switch {
		case !valid:
			code = ErrInvalidArgType
		case offset < 0 || offset > len(want):
			code = ErrBufferOutOfBounds
		case length < 0 || length > len(want)-offset:
			code = ErrBufferOutOfBounds
		case port < 1 || port > 65535:
			code = ErrSocketBadPort
		}
		fuzzWant(t, "SendSlice", closed.SendSlice(msg, offset, length, port, address, nil), code)
		fuzzWant(t, "SendTo", closed.SendTo(msg, offset, length, port, address, nil), code)

		// The message itself.
		if valid {
			got, err := toMessage(ErrInvalidArgType, "send", "msg", msg)
			if err != nil || !bytes.Equal(got, want) {
				t.Fatalf("toMessage(%#v) = %q, %v; want %q", msg, got, err, want)
			}
		}

		// bind's port, the TTLs, the required group.
		code = ErrSocketDgramNotRunning
		if port < 0 || port > 65535 {
			code = ErrSocketBadPort
		}
		fuzzWant(t, "Bind", closed.Bind(port, address, nil), code)
		fuzzWant(t, "BindOptions", closed.BindOptions(BindOptions{Port: port, Address: address}, nil), code)
		code = ErrSocketDgramNotRunning
		if ttl < 1 || ttl > 255 {
			code = EINVAL
		}
		fuzzWant(t, "SetTTL", closed.SetTTL(ttl), code)
		code = ErrSocketDgramNotRunning
		if ttl < 0 || ttl > 255 {
			code = EINVAL
		}
		fuzzWant(t, "SetMulticastTTL", closed.SetMulticastTTL(ttl), code)
		code = ErrSocketDgramNotRunning
		if b == "" {
			code = ErrMissingArgs
		}
		fuzzWant(t, "AddMembership", closed.AddMembership(b, address), code)
		fuzzWant(t, "DropMembership", closed.DropMembership(b, address), code)

		// The address parser, without name lookups.
		parsed, perr := netip.ParseAddr(address)
		if perr != nil && !looksLiteral(address) {
			return
		}
		for _, s := range []*Socket{s4, s6} {
			ip, err := s.resolve("send", address, 1234)
			switch {
			case perr != nil:
				if err == nil || err.Code != ENOTFOUND {
					t.Fatalf("%s resolve(%q) = %v, %v; want ENOTFOUND", s.family.typ, address, ip, err)
				}
			default:
				wantIP := parsed
				if wantIP.Is4In6() && s.family.family == "IPv4" {
					wantIP = wantIP.Unmap()
				}
				if wantIP.Is4() != (s.family.family == "IPv4") {
					if err == nil || err.Code != EINVAL {
						t.Fatalf("%s resolve(%q) = %v, %v; want EINVAL", s.family.typ, address, ip, err)
					}
				} else if err != nil || ip != wantIP {
					t.Fatalf("%s resolve(%q) = %v, %v; want %v", s.family.typ, address, ip, err, wantIP)
				}
			}
			if err != nil && (err.Error() == "" || !strings.Contains(err.Error(), string(err.Code))) {
				t.Fatalf("resolve(%q): error %q does not name its code %s", address, err.Error(), err.Code)
			}
		}
	})
}

// fuzzMessage builds a message argument of shape kind from a and b, the
// datagram the spec says it is, and whether it is a message at all.
func fuzzMessage(kind uint8, a []byte, b string) (msg any, want []byte, valid bool) {
	cat := func(ps ...[]byte) []byte { return bytes.Join(ps, nil) }
	switch kind % 12 {
	case 0:
		return a, cat(a), true
	case 1:
		return b, []byte(b), true
	case 2:
		return [][]byte{a, []byte(b), a}, cat(a, []byte(b), a), true
	case 3:
		return []string{b, string(a)}, cat([]byte(b), a), true
	case 4:
		return []any{a, b}, cat(a, []byte(b)), true
	case 5:
		return []any{a, len(b)}, nil, false
	case 6:
		return len(a), nil, false
	case 7:
		return nil, nil, false
	case 8:
		return []byte(nil), []byte{}, true
	case 9:
		return []any{}, []byte{}, true
	case 10:
		return []int{len(a)}, nil, false
	}
	return &b, nil, false
}

// fuzzWant fails t unless err carries code and reads as an error of it.
func fuzzWant(t *testing.T, call string, err error, code Code) {
	t.Helper()
	e, ok := err.(*Error)
	if !ok || e.Code != code {
		t.Fatalf("%s: got %v, want %s", call, err, code)
	}
	if !strings.Contains(e.Error(), string(code)) && e.Syscall == "" {
		t.Fatalf("%s: message %q does not name %s", call, e.Error(), code)
	}
}
