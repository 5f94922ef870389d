package dgram

import (
	"errors"
	"strconv"
	"syscall"
	"testing"
)

// Node's buffer-size calls, added through the spec alone (extension calls
// whose cores are generated from the spec's socket options): before bind
// ERR_SOCKET_BUFFER_SIZE with Node's message, a bad size
// ERR_SOCKET_BAD_BUFFER_SIZE, after close ERR_SOCKET_DGRAM_NOT_RUNNING; on
// a bound socket the sizes are the socket's (Linux reports double what was
// set), for udp4 and udp6, and the socket still sends and receives.
func TestBufferSizes(t *testing.T) {
	for _, fam := range []struct{ typ, addr string }{{"udp4", "127.0.0.1"}, {"udp6", "::1"}} {
		t.Run(fam.typ, func(t *testing.T) {
			s := newSocket(t, SocketOptions{Type: fam.typ})
			for _, tc := range []struct {
				name, op string
				call     func() error
			}{
				{"setRecvBufferSize", "uv_recv_buffer_size", func() error { return s.SetRecvBufferSize(8192) }},
				{"setSendBufferSize", "uv_send_buffer_size", func() error { return s.SetSendBufferSize(8192) }},
				{"setRecvBufferSize(0)", "uv_recv_buffer_size", func() error { return s.SetRecvBufferSize(0) }},
				{"setSendBufferSize(0)", "uv_send_buffer_size", func() error { return s.SetSendBufferSize(0) }},
				{"getRecvBufferSize", "uv_recv_buffer_size", func() error { _, err := s.GetRecvBufferSize(); return err }},
				{"getSendBufferSize", "uv_send_buffer_size", func() error { _, err := s.GetSendBufferSize(); return err }},
			} {
				err := tc.call()
				want := "SystemError [ERR_SOCKET_BUFFER_SIZE]: Could not get or set buffer size: " + tc.op + " returned EBADF (bad file descriptor)"
				if !errors.Is(err, ErrSocketBufferSize) || err.Error() != want || !errors.Is(err, syscall.EBADF) {
					t.Errorf("%s before bind: %v; want %s, wrapping EBADF", tc.name, err, want)
				}
			}
			bads := []int{-1}
			if big := int64(1) << 32; strconv.IntSize == 64 {
				bads = append(bads, int(big)) // beyond 32-bit Go's int
			}
			for _, bad := range bads {
				err := s.SetRecvBufferSize(bad)
				if want := "TypeError [ERR_SOCKET_BAD_BUFFER_SIZE]: Buffer size must be a positive integer"; err == nil || err.Error() != want {
					t.Errorf("SetRecvBufferSize(%d): %v; want %s", bad, err, want)
				}
				if err := s.SetSendBufferSize(bad); !errors.Is(err, ErrSocketBadBufferSize) {
					t.Errorf("SetSendBufferSize(%d): %v; want ERR_SOCKET_BAD_BUFFER_SIZE", bad, err)
				}
			}

			r := record(s)
			if err := s.Bind(0, fam.addr, nil); err != nil {
				t.Fatal(err)
			}
			r.expect(t, "listening")
			for _, tc := range []struct {
				name string
				set  func(int) error
				get  func() (int, error)
			}{
				{"recv", s.SetRecvBufferSize, s.GetRecvBufferSize},
				{"send", s.SetSendBufferSize, s.GetSendBufferSize},
			} {
				for _, size := range []int{8192, 65536} {
					if err := tc.set(size); err != nil {
						t.Fatalf("set %s buffer size %d: %v", tc.name, size, err)
					}
					got, err := tc.get()
					if err != nil || got < size {
						t.Errorf("get %s buffer size after setting %d: %d, %v; want at least %d", tc.name, size, got, err, size)
					}
				}
				// 0 reads the size and changes nothing, as libuv's
				// uv_recv_buffer_size: it does not shrink the buffer to the
				// kernel's minimum.
				before, _ := tc.get()
				if err := tc.set(0); err != nil {
					t.Errorf("set %s buffer size 0: %v; want nil", tc.name, err)
				}
				if after, err := tc.get(); err != nil || after != before {
					t.Errorf("%s buffer size after setting 0: %d, %v; want %d as before", tc.name, after, err, before)
				}
			}
			a, err := s.Address()
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Send("sized", a.Port, fam.addr, nil); err != nil {
				t.Fatal(err)
			}
			r.expect(t, "message:sized")

			s.Close(nil)
			r.expect(t, "close")
			if _, err := s.GetRecvBufferSize(); !errors.Is(err, ErrSocketDgramNotRunning) {
				t.Errorf("GetRecvBufferSize after close: %v; want ERR_SOCKET_DGRAM_NOT_RUNNING", err)
			}
			if err := s.SetSendBufferSize(8192); !errors.Is(err, ErrSocketDgramNotRunning) {
				t.Errorf("SetSendBufferSize after close: %v; want ERR_SOCKET_DGRAM_NOT_RUNNING", err)
			}
			if err := s.SetRecvBufferSize(0); !errors.Is(err, ErrSocketDgramNotRunning) {
				t.Errorf("SetRecvBufferSize(0) after close: %v; want ERR_SOCKET_DGRAM_NOT_RUNNING", err)
			}
		})
	}
}
