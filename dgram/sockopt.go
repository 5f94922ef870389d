package dgram

import (
	"errors"
	"fmt"
	"syscall"
)

// The socket options go through golang.org/x/net/ipv4 and ipv6, which
// reach each operating system's own option (sockopt_unix.go and
// sockopt_windows.go set the SOL_SOCKET ones). An option the operating
// system lacks is refused by x/net itself, with no errno ("not implemented
// on <os>/<arch>", "operation not supported").
//
// optionError reports that refusal as ENOPROTOOPT, "<call> ENOPROTOOPT"
// ("setMulticastLoopback ENOPROTOOPT"): the errno a kernel answers for an
// option it does not know, which is what Node would report on that system,
// so callers test one code for both. It is not ERR_NOT_SUPPORTED_ON_PLATFORM:
// that code says the socket's platform profile (the seed's matrix, chosen
// with SocketOptions.Platform) marks the call X, and is raised before the
// operating system is asked. The error's cause keeps x/net's words.
// Any other error is the kernel's, named by its errno.
func optionError(call string, err error) *Error {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return sysError(call, err, "", 0)
	}
	e := sysCodeError(call, ENOPROTOOPT, "", 0)
	e.Err = fmt.Errorf("%w (%v)", e.Err, err)
	return e
}
