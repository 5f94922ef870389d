//go:build unix

package dgramjs

import (
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// windowSize is the terminal's columns and rows at fd, and whether fd is a
// terminal (isatty).
func windowSize(fd int) (cols, rows int, ok bool) {
	if fd < 0 {
		return 0, 0, false
	}
	ws, err := unix.IoctlGetWinsize(fd, unix.TIOCGWINSZ)
	if err != nil {
		return 0, 0, false
	}
	return int(ws.Col), int(ws.Row), true
}

// cpuTimes is the process's user and system CPU time.
func cpuTimes() (user, sys time.Duration) {
	var ru unix.Rusage
	if unix.Getrusage(unix.RUSAGE_SELF, &ru) != nil {
		return 0, 0
	}
	return time.Duration(ru.Utime.Nano()), time.Duration(ru.Stime.Nano())
}

// residentBytes is the resident set size (/proc/self/statm), or fallback
// where there is none.
func residentBytes(fallback uint64) uint64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return fallback
	}
	f := strings.Fields(string(b))
	if len(f) < 2 {
		return fallback
	}
	pages, err := strconv.ParseUint(f[1], 10, 64)
	if err != nil {
		return fallback
	}
	return pages * uint64(os.Getpagesize())
}

// signalNum is the signal named name (SIGINT), if the system has it.
func signalNum(name string) (syscall.Signal, bool) {
	s := unix.SignalNum(name)
	return s, s != 0
}
