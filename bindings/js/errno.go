package dgramjs

import "syscall"

// uvMessages are libuv's descriptions of the errors where they differ
// from the C library's.
var uvMessages = map[syscall.Errno]string{
	syscall.EEXIST:    "file already exists",
	syscall.EISDIR:    "illegal operation on a directory",
	syscall.ELOOP:     "too many symbolic links encountered",
	syscall.EXDEV:     "cross-device link not permitted",
	syscall.EBUSY:     "resource busy or locked",
	syscall.EAGAIN:    "resource temporarily unavailable",
	syscall.ENOTEMPTY: "directory not empty",
}

// uvMessage is libuv's description of e.
func uvMessage(e syscall.Errno) string {
	if m, ok := uvMessages[e]; ok {
		return m
	}
	return e.Error()
}
