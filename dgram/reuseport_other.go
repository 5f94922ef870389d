//go:build unix && !(linux || freebsd || dragonfly)

package dgram

// setReusePort refuses reusePort where SO_REUSEPORT does not spread the
// datagrams among the sockets of a port (macOS, OpenBSD, NetBSD, ...):
// ENOTSUP, as libuv reports UV_UDP_REUSEPORT there.
func setReusePort(int) error { return ENOTSUP }
