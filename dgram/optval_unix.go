//go:build unix

package dgram

import "syscall"

// setsockoptInt sets the integer option level, name of socket fd.
func setsockoptInt(fd uintptr, level, name, v int) error {
	return syscall.SetsockoptInt(int(fd), level, name, v)
}

// getsockoptInt reads the integer option level, name of socket fd.
func getsockoptInt(fd uintptr, level, name int) (int, error) {
	return syscall.GetsockoptInt(int(fd), level, name)
}

// setsockoptInet4 sets the IPv4 address option level, name of socket fd.
func setsockoptInet4(fd uintptr, level, name int, a [4]byte) error {
	return syscall.SetsockoptInet4Addr(int(fd), level, name, a)
}
