package dgram

import (
	"syscall"
	"unsafe"
)

// setsockoptInt sets the integer option level, name of socket fd.
func setsockoptInt(fd uintptr, level, name, v int) error {
	return syscall.SetsockoptInt(syscall.Handle(fd), level, name, v)
}

// getsockoptInt reads the integer option level, name of socket fd.
func getsockoptInt(fd uintptr, level, name int) (int, error) {
	var v int32
	n := int32(unsafe.Sizeof(v))
	err := syscall.Getsockopt(syscall.Handle(fd), int32(level), int32(name), (*byte)(unsafe.Pointer(&v)), &n)
	return int(v), err
}

// setsockoptInet4 sets the IPv4 address option level, name of socket fd.
func setsockoptInet4(fd uintptr, level, name int, a [4]byte) error {
	return syscall.SetsockoptInet4Addr(syscall.Handle(fd), level, name, a)
}
