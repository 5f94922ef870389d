package dgram

import (
	"errors"
	"testing"
)

// invoke calls c once on s (a socket created with the profile under test),
// with valid arguments.
var invoke = map[Call]func(s *Socket, p Platform) error{
	CallCreateSocket: func(_ *Socket, p Platform) error {
		s, err := CreateSocket(SocketOptions{Type: "udp4", Platform: p}, nil)
		if err == nil {
			s.Close(nil)
		}
		return err
	},
	CallAddMembership:  func(s *Socket, _ Platform) error { return s.AddMembership("239.1.2.3", "127.0.0.1") },
	CallAddress:        func(s *Socket, _ Platform) error { _, err := s.Address(); return err },
	CallBind:           func(s *Socket, _ Platform) error { return s.Bind(0, "127.0.0.1", nil) },
	CallClose:          func(s *Socket, _ Platform) error { return s.Close(nil) },
	CallDropMembership: func(s *Socket, _ Platform) error { return s.DropMembership("239.1.2.3", "127.0.0.1") },
	CallSend:           func(s *Socket, _ Platform) error { return s.Send("x", 9, "127.0.0.1", nil) },
	CallSendto:         func(s *Socket, _ Platform) error { return s.SendTo("x", 0, 1, 9, "127.0.0.1", nil) },
	CallSetBroadcast:   func(s *Socket, _ Platform) error { return s.SetBroadcast(true) },
	CallSetMulticastLoopback: func(s *Socket, _ Platform) error {
		return s.SetMulticastLoopback(true)
	},
	CallSetMulticastTTL: func(s *Socket, _ Platform) error { return s.SetMulticastTTL(1) },
	CallSetTTL:          func(s *Socket, _ Platform) error { return s.SetTTL(64) },
}

// With a platform profile, a socket refuses exactly the calls the seed's
// matrix marks X for that platform, and allows every other.
func TestPlatformProfiles(t *testing.T) {
	for _, p := range append([]Platform{Native}, Platforms...) {
		for _, c := range Calls {
			t.Run(p.String()+"/"+c.String(), func(t *testing.T) {
				call, ok := invoke[c]
				if !ok {
					t.Fatalf("no invocation for %v: add one to the test", c)
				}
				s := newSocket(t, SocketOptions{Type: "udp4", Platform: p})
				r := record(s)
				if c != CallBind && c != CallCreateSocket {
					// Bind first (on every platform bind is at least
					// partial), so the call meets a bound socket.
					if err := s.Bind(0, "127.0.0.1", nil); err != nil {
						t.Fatal(err)
					}
					r.expect(t, "listening")
				}
				level, _ := Supports(p, c)
				err := call(s, p)
				refused := errors.Is(err, ErrNotSupportedOnPlatform)
				switch {
				case level == Unsupported && !refused:
					t.Fatalf("%v is X on %v but returned %v", c, p, err)
				case level != Unsupported && refused:
					t.Fatalf("%v is %v on %v but was refused: %v", c, level, p, err)
				case level == Unsupported:
					if want := "Error [ERR_NOT_SUPPORTED_ON_PLATFORM]: " + c.String() + " is not supported on " + p.String(); err.Error() != want {
						t.Fatalf("error %q, want %q", err, want)
					}
				}
			})
		}
	}
}

// Supports reads the seed's matrix and footnotes; Native is the host's
// own support, where setMulticastTTL works although the seed marks it X.
func TestSupports(t *testing.T) {
	const (
		foot1 = "On NuttX/STM32F4-Discovery and TizenRT/Artik053, even a couple of sockets/server/requests might not work properly."
		foot2 = "On NuttX/STM32F4-Discovery, close() may block due to a bug in poll()."
	)
	for _, tc := range []struct {
		p     Platform
		c     Call
		level Support
		foot  string
	}{
		{Linux, CallSetMulticastTTL, Unsupported, ""},
		{Raspbian, CallSetMulticastTTL, Unsupported, ""},
		{TizenRT, CallSetMulticastTTL, Supported, ""},
		{Native, CallSetMulticastTTL, Supported, ""},
		{NuttX, CallClose, Partial, foot2},
		{NuttX, CallSend, Partial, foot1},
		{NuttX, CallSendto, Partial, foot1},
		{TizenRT, CallBind, Partial, foot1},
		{TizenRT, CallSetBroadcast, Unsupported, ""},
		{NuttX, CallAddress, Unsupported, ""},
		{Linux, CallAddMembership, Supported, ""},
	} {
		level, foot := Supports(tc.p, tc.c)
		if level != tc.level || foot != tc.foot {
			t.Errorf("Supports(%v, %v) = %v, %q; want %v, %q", tc.p, tc.c, level, foot, tc.level, tc.foot)
		}
	}
	for _, c := range Calls {
		if level, _ := Supports(Native, c); level != Supported {
			t.Errorf("native support of %v on this host is %v", c, level)
		}
	}
	if h := HostPlatform(); h != Linux && h != Raspbian {
		t.Errorf("HostPlatform() = %v on a Linux host", h)
	}
}
