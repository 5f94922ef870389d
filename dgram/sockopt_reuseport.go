//go:build darwin || dragonfly || freebsd || netbsd || openbsd

package dgram

import "golang.org/x/sys/unix"

// soReuse is the option reuseAddr sets: SO_REUSEPORT on the BSDs and
// macOS, as libuv sets it there (uv_udp_bind with UV_UDP_REUSEADDR), since
// their SO_REUSEADDR lets a second UDP socket bind a port only for
// multicast addresses.
const soReuse = unix.SO_REUSEPORT
