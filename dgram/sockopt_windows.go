package dgram

import (
	"syscall"

	"golang.org/x/sys/windows"
)

// syscallConn is the raw socket handed to net.ListenConfig.Control.
type syscallConn = syscall.RawConn

// controlSocket runs before bind: SO_REUSEADDR when asked (libuv's
// reuseAddr on Windows), SO_BROADCAST cleared, because Go's net package
// sets it on every UDP socket and Node's sockets start without it, and on
// udp6 IPV6_V6ONLY set to ipv6Only (Node's udp6 sockets are dual-stack
// unless asked). Windows has no load-balancing SO_REUSEPORT: reusePort is
// ENOTSUP, as libuv reports it.
func controlSocket(rc syscall.RawConn, o bindOptions) error {
	if o.reusePort {
		return ENOTSUP
	}
	var serr error
	err := rc.Control(func(fd uintptr) {
		h := windows.Handle(fd)
		if o.reuseAddr {
			if serr = windows.SetsockoptInt(h, windows.SOL_SOCKET, windows.SO_REUSEADDR, 1); serr != nil {
				return
			}
		}
		if o.v6 {
			v := 0
			if o.ipv6Only {
				v = 1
			}
			if serr = windows.SetsockoptInt(h, windows.IPPROTO_IPV6, windows.IPV6_V6ONLY, v); serr != nil {
				return
			}
		}
		serr = windows.SetsockoptInt(h, windows.SOL_SOCKET, windows.SO_BROADCAST, 0)
	})
	if err != nil {
		return err
	}
	return serr
}

// winsockNames names the Winsock errors a UDP socket meets by their POSIX
// counterparts, so that a bind on Windows fails with EADDRINUSE as it does
// elsewhere (and as libuv translates them for Node).
var winsockNames = map[syscall.Errno]string{
	windows.WSAEACCES:        "EACCES",
	windows.WSAEADDRINUSE:    "EADDRINUSE",
	windows.WSAEADDRNOTAVAIL: "EADDRNOTAVAIL",
	windows.WSAEAFNOSUPPORT:  "EAFNOSUPPORT",
	windows.WSAEBADF:         "EBADF",
	windows.WSAECONNREFUSED:  "ECONNREFUSED",
	windows.WSAECONNRESET:    "ECONNRESET",
	windows.WSAEHOSTUNREACH:  "EHOSTUNREACH",
	windows.WSAEINTR:         "EINTR",
	windows.WSAEINVAL:        "EINVAL",
	windows.WSAEMSGSIZE:      "EMSGSIZE",
	windows.WSAENETDOWN:      "ENETDOWN",
	windows.WSAENETUNREACH:   "ENETUNREACH",
	windows.WSAENOBUFS:       "ENOBUFS",
	windows.WSAENOPROTOOPT:   "ENOPROTOOPT",
	windows.WSAENOTSOCK:      "ENOTSOCK",
	windows.WSAEWOULDBLOCK:   "EAGAIN",
}

// errnoName is the POSIX name of a Winsock error ("EADDRINUSE"), or ""
// when it has none.
func errnoName(e syscall.Errno) string { return winsockNames[e] }

// errnoValue is the Winsock error named name, and false when there is none.
func errnoValue(name string) (syscall.Errno, bool) {
	for e, n := range winsockNames {
		if n == name {
			return e, true
		}
	}
	return 0, false
}
