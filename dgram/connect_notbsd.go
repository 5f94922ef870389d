//go:build unix && !(darwin || dragonfly || freebsd || netbsd || openbsd)

package dgram

// bsdDisconnect: see connect_bsd.go.
const bsdDisconnect = false
