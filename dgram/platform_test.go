package dgram

import (
	"errors"
	"testing"
)

// With a platform profile, a socket refuses exactly the calls the seed's
// matrix (and the extension table) marks X for that platform, and allows
// every other. Each call is made once, in its first form with the valid
// arguments of the bad-input table, on a socket of the profile that is
// bound first (a call that then fails for another reason is not refused).
func TestPlatformProfiles(t *testing.T) {
	forms := map[string]badForm{}
	for _, f := range loadBadTable(t).Forms {
		forms[f.Form] = f
	}
	_, _, port := boundSocket(t, "udp4", "127.0.0.1")
	for _, p := range append([]Platform{Native}, Platforms...) {
		for _, c := range Calls {
			t.Run(p.String()+"/"+c.String(), func(t *testing.T) {
				f, ok := forms[callForms[c][0]]
				if !ok {
					t.Fatalf("the bad-input table has no form %s", callForms[c][0])
				}
				s := newSocket(t, SocketOptions{Type: "udp4", Platform: p})
				r := record(s)
				if err := s.Bind(0, "127.0.0.1", nil); err == nil {
					r.expect(t, "listening")
				} else if !errors.Is(err, ErrNotSupportedOnPlatform) {
					t.Fatal(err)
				}
				a := newCaseArgs(f.Args, port, make(chan error, 1))
				a.profile = p
				created, err := callForm(f.Form, s, a)
				if created != nil {
					created.Close(nil)
				}
				level, _ := Supports(p, c)
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
