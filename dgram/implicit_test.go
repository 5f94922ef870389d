package dgram

import (
	"testing"
	"time"
)

// A close() that comes while the datagrams queued behind an implicit bind
// are being written joins the queue: every datagram goes, every callback
// succeeds, and 'close' comes last, whenever the close lands.
func TestCloseWhileQueueIsWritten(t *testing.T) {
	_, r, port := boundSocket(t, "udp4", "127.0.0.1")
	const sends = 8
	for i := 0; i < 60; i++ {
		s, err := CreateSocketType("udp4", nil)
		if err != nil {
			t.Fatal(err)
		}
		events := make(chan string, sends+2)
		for j := 0; j < sends; j++ {
			if err := s.Send("q", port, "127.0.0.1", func(err error, n int) {
				if err != nil || n != 1 {
					events <- "bad send " + err.Error()
					return
				}
				events <- "send"
			}); err != nil {
				t.Fatal(err)
			}
		}
		time.Sleep(time.Duration(i%12) * 50 * time.Microsecond) // land the close at different points of the bind
		if err := s.Close(func() { events <- "close" }); err != nil {
			t.Fatal(err)
		}
		for j := 0; j < sends; j++ {
			if ev := recv(t, events); ev != "send" {
				t.Fatalf("round %d: %s where send callback %d was due", i, ev, j)
			}
		}
		if ev := recv(t, events); ev != "close" {
			t.Fatalf("round %d: %s after the send callbacks, want close", i, ev)
		}
		for j := 0; j < sends; j++ {
			r.expect(t, "message:q")
		}
	}
}
