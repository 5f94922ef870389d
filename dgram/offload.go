package dgram

import (
	"os"
	"sync/atomic"
)

// UDP segmentation offloads, Linux only (gso_linux.go, gro_linux.go): a
// burst of queued datagrams to one destination, of one size, leaves as
// one GSO send (UDP_SEGMENT), which the kernel cuts into the datagrams;
// a socket receives with UDP_GRO, so datagrams a GSO peer sent arrive
// several per buffer and are split back before they are delivered. Either
// is used only where the kernel has it; the environment variables
// DGRAMKIT_UDP_GSO=0 and DGRAMKIT_UDP_GRO=0 turn them off for sockets
// opened afterwards (send queues made afterwards, for GSO).
var gsoEnabled, groEnabled atomic.Bool

func init() {
	gsoEnabled.Store(os.Getenv("DGRAMKIT_UDP_GSO") != "0")
	groEnabled.Store(os.Getenv("DGRAMKIT_UDP_GRO") != "0")
}
