//go:build unix && !(darwin || dragonfly || freebsd || netbsd || openbsd)

package dgram

import "golang.org/x/sys/unix"

// soReuse is the option reuseAddr sets: SO_REUSEADDR, as libuv sets it on
// Linux, where it lets several UDP sockets bind one port.
const soReuse = unix.SO_REUSEADDR
