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
