//go:build !linux

package dgram

import "net"

// batchWriter writes queued datagrams one per system call where
// sendmmsg(2) is not available.
type batchWriter struct{ conn *net.UDPConn }

func newBatchWriter(conn *net.UDPConn) *batchWriter { return &batchWriter{conn} }

func (w *batchWriter) write(items []outgoing, data []byte) (int, error) {
	it := items[0]
	if _, err := writeDatagram(w.conn, data[it.off:it.off+it.n], it.to, it.port); err != nil {
		return 0, err
	}
	return 1, nil
}
