//go:build !linux

package dgram

// netSandboxEnv names the network sandbox's mode, which child processes of
// the tests set to "off". The sandbox is Linux's (netns_linux_test.go):
// elsewhere there is none and the sandbox-only tests are not built.
const netSandboxEnv = "DGRAM_NETNS"
