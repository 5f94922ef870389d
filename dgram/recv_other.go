//go:build !linux

package dgram

import (
	"net"
	"net/netip"
	"syscall"
)

// batchReader reads one datagram per system call where recvmmsg(2) is
// not available.
type batchReader struct {
	conn *net.UDPConn
	buf  []byte
	n    int
	from netip.AddrPort
}

func newBatchReader(conn *net.UDPConn) (*batchReader, error) {
	return &batchReader{conn: conn, buf: make([]byte, 1<<16)}, nil
}

func (r *batchReader) next() (int, error) {
	n, from, err := r.conn.ReadFromUDPAddrPort(r.buf)
	if err != nil {
		return 0, err
	}
	r.n, r.from = n, from
	return 1, nil
}

func (r *batchReader) Datagram(int) ([]byte, netip.AddrPort) { return r.buf[:r.n], r.from }

func (r *batchReader) release() {}

// fresh reports whether the last error came after a wait for the
// network; a blocking read cannot tell, so never.
func (r *batchReader) fresh() bool { return false }

// groEnable reports that there is no UDP_GRO here.
func groEnable(syscall.RawConn) bool { return false }
