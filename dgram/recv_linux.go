package dgram

import (
	"net"
	"net/netip"
	"os"
	"syscall"

	"github.com/dgramkit/dgramkit/internal/hostread"
	"golang.org/x/sys/unix"
)

// The receive path on Linux reads up to hostread.MaxBatch datagrams per
// recvmmsg(2) system call, each into a buffer that holds the largest
// datagram, so nothing is ever truncated. The buffers are borrowed from a
// pool shared by every socket just before the call and given back once the
// batch was delivered: a socket waiting for datagrams owns none. A socket
// starts with a batch of one buffer and doubles it when a call fills it.
// With UDP_GRO (gro_linux.go) a buffer may hold several datagrams of one
// sender, which are split back by their segment size.

// batchReader is a socket's reader goroutine's receive state.
type batchReader struct {
	rc  syscall.RawConn
	r   hostread.Reader
	gro bool            // UDP_GRO is on
	b   *hostread.Batch // the last batch, until release
	err error           // the last read's error
	// waited: the last next waited for the poller (EAGAIN first)
	waited bool
	read   func(fd uintptr) bool
}

func newBatchReader(conn *net.UDPConn) (*batchReader, error) {
	rc, err := conn.SyscallConn()
	if err != nil {
		return nil, err
	}
	gro := groEnable(rc)
	r := &batchReader{rc: rc, r: *hostread.NewReader(gro), gro: gro}
	// One closure for the socket's life: RawConn.Read with a fresh one
	// would allocate per call. The batch is taken from the pool within
	// it, just before recvmmsg, and given back at once when nothing came.
	r.read = func(fd uintptr) bool {
		r.b, r.err = r.r.Read(int(fd))
		if r.err == unix.EAGAIN {
			r.waited = true
			return false // wait for the poller
		}
		return true
	}
	return r, nil
}

// next reads the next batch, waiting for one: it returns how many
// datagrams came, or the error (net.ErrClosed once the socket is closed).
func (r *batchReader) next() (int, error) {
	r.waited = false
	if err := r.rc.Read(r.read); err != nil {
		return 0, err
	}
	if r.err != nil {
		return 0, os.NewSyscallError("recvmmsg", r.err)
	}
	return r.b.Len(), nil
}

// fresh reports whether the last error of next came after a wait for
// the poller: news from the network (an ICMP error), not the same error
// returned again at once.
func (r *batchReader) fresh() bool { return r.waited }

// datagram is the i-th datagram of the last batch and its sender, valid
// until release.
func (r *batchReader) Datagram(i int) ([]byte, netip.AddrPort) { return r.b.Datagram(i) }

// release gives the last batch's buffers back to the pool.
func (r *batchReader) release() {
	if r.b != nil {
		r.b.Release()
		r.b = nil
	}
}
