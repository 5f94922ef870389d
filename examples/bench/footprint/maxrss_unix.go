//go:build unix

package main

import (
	"os"
	"syscall"
)

// peakRSS is a finished child's peak resident memory (ru_maxrss), in MB.
func peakRSS(ps *os.ProcessState) float64 {
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		return float64(ru.Maxrss) / 1024
	}
	return 0
}
