//go:build !linux

package dgramjs

import (
	"os"
	"testing"
)

var noSandbox = "no network namespaces on this system"

func TestMain(m *testing.M) { os.Exit(runTests(m)) }

func needSandbox(t *testing.T) {
	t.Helper()
	t.Skip(noSandbox)
}

const inSandbox = false
