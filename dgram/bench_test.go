package dgram

import (
	"testing"
	"time"
)

// BenchmarkRoundTrip measures one datagram in flight over loopback: a
// client sends 64 bytes, an echo server sends them back.
func BenchmarkRoundTrip(b *testing.B) {
	srv, err := CreateSocketType("udp4", nil)
	if err != nil {
		b.Fatal(err)
	}
	srv.OnMessage(func(msg []byte, rinfo RemoteInfo) { srv.Send(msg, rinfo.Port, "127.0.0.1", nil) })
	echoed := make(chan struct{}, 1)
	cli, err := CreateSocketType("udp4", func([]byte, RemoteInfo) { echoed <- struct{}{} })
	if err != nil {
		b.Fatal(err)
	}
	ready := make(chan struct{}, 2)
	srv.Bind(0, "127.0.0.1", func() { ready <- struct{}{} })
	cli.Bind(0, "127.0.0.1", func() { ready <- struct{}{} })
	<-ready
	<-ready
	defer srv.Close(nil)
	defer cli.Close(nil)
	a, _ := srv.Address()
	msg := make([]byte, 64)
	lost := time.NewTimer(time.Minute)
	defer lost.Stop()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		cli.Send(msg, a.Port, "127.0.0.1", nil)
		select {
		case <-echoed:
		case <-lost.C:
			b.Fatal("a datagram was lost")
		}
	}
}
