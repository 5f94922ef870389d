//go:build !linux

package dgramjs

import "syscall"

// errnoNames are the names of the errors a socket or a file reports,
// where golang.org/x/sys/unix's table (Linux) is not built.
var errnoNames = map[syscall.Errno]string{
	syscall.EACCES: "EACCES", syscall.EADDRINUSE: "EADDRINUSE", syscall.EADDRNOTAVAIL: "EADDRNOTAVAIL",
	syscall.EAGAIN: "EAGAIN", syscall.EBADF: "EBADF", syscall.ECONNABORTED: "ECONNABORTED",
	syscall.ECONNREFUSED: "ECONNREFUSED", syscall.ECONNRESET: "ECONNRESET", syscall.EEXIST: "EEXIST",
	syscall.EHOSTUNREACH: "EHOSTUNREACH", syscall.EINVAL: "EINVAL", syscall.EIO: "EIO", syscall.EISDIR: "EISDIR",
	syscall.EMFILE: "EMFILE", syscall.ENETUNREACH: "ENETUNREACH", syscall.ENOENT: "ENOENT", syscall.ENOTCONN: "ENOTCONN",
	syscall.ENOTDIR: "ENOTDIR", syscall.ENOTEMPTY: "ENOTEMPTY", syscall.EPERM: "EPERM", syscall.EPIPE: "EPIPE",
	syscall.ETIMEDOUT: "ETIMEDOUT",
}

// errnoName is e's name (EACCES), or "" when it has none.
func errnoName(e syscall.Errno) string { return errnoNames[e] }
