//go:build !unix

package dgramjs

import (
	"os"
	"time"
)

// windowSize reports no terminal where the host has no ioctl.
func windowSize(int) (cols, rows int, ok bool) { return 0, 0, false }

// cpuTimes is unknown here.
func cpuTimes() (user, sys time.Duration) { return 0, 0 }

// residentBytes is what the Go runtime holds from the system.
func residentBytes(fallback uint64) uint64 { return fallback }

// signalNum is the signal named name where only an interrupt can be
// caught: SIGINT.
func signalNum(name string) (os.Signal, bool) {
	if name == "SIGINT" {
		return os.Interrupt, true
	}
	return nil, false
}
