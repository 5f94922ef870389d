//go:build darwin || dragonfly || freebsd || netbsd || openbsd

package dgram

// bsdDisconnect: connect(2) to AF_UNSPEC may report EINVAL after it
// dissolved the association (libuv's uv__udp_disconnect).
const bsdDisconnect = true
