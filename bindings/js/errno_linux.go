package dgramjs

import (
	"syscall"

	"golang.org/x/sys/unix"
)

// errnoName is e's name (EACCES), or "" when it has none.
func errnoName(e syscall.Errno) string { return unix.ErrnoName(e) }
