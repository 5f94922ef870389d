package dgram

import (
	"errors"
	"testing"
)

// An option the operating system lacks, which golang.org/x/net refuses
// without an errno, is "<call> ENOPROTOOPT"; the kernel's own errors keep
// their errno.
func TestOptionError(t *testing.T) {
	lacks := errors.New("not implemented on plan9/amd64")
	err := optionError("setMulticastTTL", lacks)
	if err.Code != ENOPROTOOPT || err.Message != "setMulticastTTL ENOPROTOOPT" || err.Syscall != "setMulticastTTL" {
		t.Fatalf("got %#v", err)
	}
	if !errors.Is(err, ENOPROTOOPT) || !errors.Is(err, errnoOf(ENOPROTOOPT)) {
		t.Fatalf("%v is not ENOPROTOOPT by code and errno", err)
	}
	if got := err.Err.Error(); got != errnoOf(ENOPROTOOPT).Error()+" (not implemented on plan9/amd64)" {
		t.Fatalf("cause %q does not keep x/net's words", got)
	}
	if err := optionError("setTTL", errnoOf(EINVAL)); err.Code != EINVAL || err.Message != "setTTL EINVAL" {
		t.Fatalf("a kernel errno: got %#v", err)
	}
}
