package dgramjs

import (
	"errors"
	"sync"

	"github.com/dop251/goja"
	"golang.org/x/sys/unix"
)

// tty (lib/node/tty.js) on the terminal's file descriptors, with
// golang.org/x/sys/unix's termios and window-size calls.
func init() {
	jsModules["tty"] = "tty.js"
	bindings["tty"] = (*host).ttyBinding
}

// rawModes are the terminal modes saved by setRawMode(true), by
// descriptor, for setRawMode(false) to restore.
var rawModes sync.Map

func (h *host) ttyBinding() map[string]any {
	return map[string]any{
		"isatty": func(fd int) bool {
			_, err := unix.IoctlGetTermios(fd, unix.TCGETS)
			return err == nil
		},
		"size": func(fd int) []int {
			ws, err := unix.IoctlGetWinsize(fd, unix.TIOCGWINSZ)
			if err != nil {
				return []int{80, 24}
			}
			return []int{int(ws.Col), int(ws.Row)}
		},
		// write writes all of b to fd, waiting while the descriptor is
		// not ready (a terminal shared with a non-blocking reader).
		"write": func(fd int, bv goja.Value) {
			b := h.bufferBytes(bv, "chunk")
			for len(b) > 0 {
				n, err := unix.Write(fd, b)
				if errors.Is(err, unix.EAGAIN) {
					_, _ = unix.Poll([]unix.PollFd{{Fd: int32(fd), Events: unix.POLLOUT}}, -1)
					continue
				}
				if errors.Is(err, unix.EINTR) {
					continue
				}
				if err != nil {
					panic(h.systemError("write", err))
				}
				b = b[n:]
			}
		},
		// read reads once from fd in the background and calls cb(err,
		// chunk) on the loop (chunk null at the end of input).
		"read": func(fd int, cb goja.Callable) {
			h.ref()
			go func() {
				buf := make([]byte, 64*1024)
				var n int
				var err error
				for {
					n, err = unix.Read(fd, buf)
					if errors.Is(err, unix.EINTR) {
						continue
					}
					if errors.Is(err, unix.EAGAIN) {
						_, _ = unix.Poll([]unix.PollFd{{Fd: int32(fd), Events: unix.POLLIN}}, -1)
						continue
					}
					break
				}
				h.post(func() error {
					h.unref()
					switch {
					case err != nil:
						_, e := cb(goja.Undefined(), h.systemError("read", err))
						return e
					case n == 0:
						_, e := cb(goja.Undefined(), goja.Null(), goja.Null())
						return e
					}
					_, e := cb(goja.Undefined(), goja.Null(), h.bufAPI.WrapBytes(buf[:n]))
					return e
				})
			}()
		},
		"setRawMode": func(fd int, raw bool) {
			if !raw {
				if saved, ok := rawModes.LoadAndDelete(fd); ok {
					if err := unix.IoctlSetTermios(fd, unix.TCSETS, saved.(*unix.Termios)); err != nil {
						panic(h.systemError("uv_tty_set_mode", err))
					}
				}
				return
			}
			t, err := unix.IoctlGetTermios(fd, unix.TCGETS)
			if err != nil {
				panic(h.systemError("uv_tty_set_mode", err))
			}
			saved := *t
			rawModes.LoadOrStore(fd, &saved)
			// libuv's UV_TTY_MODE_RAW (cfmakeraw, keeping output processing)
			t.Iflag &^= unix.BRKINT | unix.ICRNL | unix.INPCK | unix.ISTRIP | unix.IXON
			t.Cflag |= unix.CS8
			t.Lflag &^= unix.ECHO | unix.ICANON | unix.IEXTEN | unix.ISIG
			t.Cc[unix.VMIN] = 1
			t.Cc[unix.VTIME] = 0
			if err := unix.IoctlSetTermios(fd, unix.TCSETS, t); err != nil {
				panic(h.systemError("uv_tty_set_mode", err))
			}
		},
	}
}
