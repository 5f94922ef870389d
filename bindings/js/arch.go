package dgramjs

import "runtime"

// nodeArch is process.arch: Node's name of the processor architecture.
func nodeArch() string {
	switch runtime.GOARCH {
	case "amd64":
		return "x64"
	case "386":
		return "ia32"
	case "mips64le":
		return "mips64el"
	case "mipsle":
		return "mipsel"
	}
	return runtime.GOARCH
}
