//go:build !linux

package dgramjs

// parker is Linux's only (loop_linux.go): elsewhere the loop has no set.
type parker struct{}

func newParker(int) *parker { return nil }

func (p *parker) park(poll func() bool) { poll() }

func (p *parker) close() {}
