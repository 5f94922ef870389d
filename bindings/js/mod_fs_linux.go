package dgramjs

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/dgramkit/dgramkit/dgram"
	"github.com/dop251/goja"
	"golang.org/x/sys/unix"
)

// fs (lib/node/fs.js) and fs/promises on golang.org/x/sys/unix's system
// calls: each operation runs in the call (the Sync forms) or on a
// goroutine with its callback on the loop (the callback and promise
// forms), and fails with Node's errors ("ENOENT: no such file or
// directory, open '/x'", errno, code, syscall, path, dest).
func init() {
	jsModules["fs"] = "fs.js"
	jsModules["fs/promises"] = "fs_promises.js"
	bindings["fs"] = (*host).fsBinding
}

// fsArgs are an operation's arguments, read on the loop.
type fsArgs struct {
	path, dest           string
	data                 []byte // written, or read into
	flags, fd            int
	mode                 uint32
	recursive, force     bool
	offset, length       int
	position             int64 // -1: the current position
	atime, mtime         float64
	prefix               string
	follow, withFileType bool
}

// fsError is a failed system call, as Node reports it.
type fsError struct {
	errno      syscall.Errno
	syscall    string
	path, dest string
}

func (e *fsError) Error() string { return e.syscall + ": " + e.errno.Error() }

// fail is err of syscall on path (and dest) as an fsError.
func fail(err error, syscallName, path, dest string) error {
	var en syscall.Errno
	if !errors.As(err, &en) {
		en = unix.EIO
	}
	return &fsError{errno: en, syscall: syscallName, path: path, dest: dest}
}

// jsError is the JavaScript error of err.
func (h *host) fsJSError(err error) goja.Value {
	var fe *fsError
	if !errors.As(err, &fe) {
		return h.vm.NewGoError(err)
	}
	code := unix.ErrnoName(fe.errno)
	if fe.syscall == "rm" && fe.errno == unix.EISDIR { // Node's own check, a SystemError
		e := h.dgramless().codedError(dgram.KindError, "ERR_FS_EISDIR", "Path is a directory: rm returned EISDIR (is a directory) "+fe.path)
		e.Set("name", "SystemError")
		e.Set("errno", int(fe.errno))
		e.Set("syscall", "rm")
		e.Set("path", fe.path)
		return e
	}
	msg := code + ": " + uvMessage(fe.errno) + ", " + fe.syscall
	if fe.path != "" {
		msg += " '" + fe.path + "'"
	}
	if fe.dest != "" {
		msg += " -> '" + fe.dest + "'"
	}
	e := h.dgramless().codedError(dgram.KindError, "", msg)
	e.Set("errno", -int(fe.errno))
	e.Set("code", code)
	e.Set("syscall", fe.syscall)
	if fe.path != "" {
		e.Set("path", fe.path)
	}
	if fe.dest != "" {
		e.Set("dest", fe.dest)
	}
	return e
}

// statFields are a Stats' numbers in Node's order: dev, mode, nlink, uid,
// gid, rdev, blksize, ino, size, blocks, atimeMs, mtimeMs, ctimeMs,
// birthtimeMs.
func statFields(st *unix.Statx_t) []float64 {
	ms := func(t unix.StatxTimestamp) float64 { return float64(t.Sec)*1e3 + float64(t.Nsec)/1e6 }
	birth := 0.0
	if st.Mask&unix.STATX_BTIME != 0 {
		birth = ms(st.Btime)
	}
	return []float64{float64(unix.Mkdev(st.Dev_major, st.Dev_minor)), float64(st.Mode), float64(st.Nlink), float64(st.Uid), float64(st.Gid),
		float64(unix.Mkdev(st.Rdev_major, st.Rdev_minor)), float64(st.Blksize), float64(st.Ino), float64(st.Size), float64(st.Blocks),
		ms(st.Atime), ms(st.Mtime), ms(st.Ctime), birth}
}

func statx(dirfd int, path string, flags int) (*unix.Statx_t, error) {
	var st unix.Statx_t
	err := unix.Statx(dirfd, path, flags, unix.STATX_BASIC_STATS|unix.STATX_BTIME, &st)
	return &st, err
}

// direntType is Node's UV_DIRENT_ type of a directory entry.
func direntType(m os.FileMode) int {
	switch {
	case m.IsRegular():
		return 1
	case m.IsDir():
		return 2
	case m&os.ModeSymlink != 0:
		return 3
	case m&os.ModeNamedPipe != 0:
		return 4
	case m&os.ModeSocket != 0:
		return 5
	case m&os.ModeCharDevice != 0:
		return 6
	case m&os.ModeDevice != 0:
		return 7
	}
	return 0
}

// fsOps are the operations, by name: each returns a Go value (made a
// JavaScript value on the loop) or an error.
var fsOps = map[string]func(a *fsArgs) (any, error){
	"readFile": func(a *fsArgs) (any, error) {
		fd := a.fd
		if a.path != "" {
			var err error
			fd, err = unix.Open(a.path, a.flags|unix.O_CLOEXEC, 0o666)
			if err != nil {
				return nil, fail(err, "open", a.path, "")
			}
			defer unix.Close(fd)
		}
		var out []byte
		buf := make([]byte, 64*1024)
		for {
			n, err := unix.Read(fd, buf)
			if errors.Is(err, unix.EINTR) {
				continue
			}
			if err != nil {
				return nil, fail(err, "read", "", "")
			}
			if n == 0 {
				return out, nil
			}
			out = append(out, buf[:n]...)
		}
	},
	"writeFile": func(a *fsArgs) (any, error) {
		fd := a.fd
		if a.path != "" {
			var err error
			fd, err = unix.Open(a.path, a.flags|unix.O_CLOEXEC, a.mode)
			if err != nil {
				return nil, fail(err, "open", a.path, "")
			}
			defer unix.Close(fd)
		}
		if err := writeAll(fd, a.data, -1); err != nil {
			return nil, fail(err, "write", "", "")
		}
		return nil, nil
	},
	"stat": func(a *fsArgs) (any, error) {
		flags := 0
		if !a.follow {
			flags = unix.AT_SYMLINK_NOFOLLOW
		}
		st, err := statx(unix.AT_FDCWD, a.path, flags)
		if err != nil {
			name := "stat"
			if !a.follow {
				name = "lstat"
			}
			if a.force && errors.Is(err, unix.ENOENT) { // throwIfNoEntry: false
				return nil, nil
			}
			return nil, fail(err, name, a.path, "")
		}
		return statFields(st), nil
	},
	"fstat": func(a *fsArgs) (any, error) {
		st, err := statx(a.fd, "", unix.AT_EMPTY_PATH)
		if err != nil {
			return nil, fail(err, "fstat", "", "")
		}
		return statFields(st), nil
	},
	"readdir": func(a *fsArgs) (any, error) {
		entries, err := os.ReadDir(a.path)
		if err != nil {
			return nil, fail(err, "scandir", a.path, "")
		}
		out := make([][]any, 0, len(entries))
		for _, e := range entries {
			out = append(out, []any{e.Name(), direntType(e.Type())})
		}
		return out, nil
	},
	"mkdir": func(a *fsArgs) (any, error) {
		if !a.recursive {
			if err := unix.Mkdir(a.path, a.mode); err != nil {
				return nil, fail(err, "mkdir", a.path, "")
			}
			return nil, nil
		}
		// the first directory made, as Node returns it
		abs, _ := filepath.Abs(a.path)
		first := ""
		for p := abs; p != "/"; p = filepath.Dir(p) {
			if _, err := os.Lstat(p); err == nil {
				break
			}
			first = p
		}
		if err := os.MkdirAll(abs, os.FileMode(a.mode)); err != nil {
			return nil, fail(err, "mkdir", a.path, "")
		}
		if first == "" {
			return nil, nil
		}
		return first, nil
	},
	"rmdir": func(a *fsArgs) (any, error) {
		if err := unix.Rmdir(a.path); err != nil {
			return nil, fail(err, "rmdir", a.path, "")
		}
		return nil, nil
	},
	"rm": func(a *fsArgs) (any, error) {
		st, err := os.Lstat(a.path)
		if err != nil {
			if a.force && errors.Is(err, os.ErrNotExist) {
				return nil, nil
			}
			return nil, fail(err, "lstat", a.path, "")
		}
		if st.IsDir() {
			if !a.recursive {
				return nil, &fsError{errno: unix.EISDIR, syscall: "rm", path: a.path}
			}
			if err := os.RemoveAll(a.path); err != nil {
				return nil, fail(err, "rm", a.path, "")
			}
			return nil, nil
		}
		if err := unix.Unlink(a.path); err != nil {
			return nil, fail(err, "rm", a.path, "")
		}
		return nil, nil
	},
	"unlink": func(a *fsArgs) (any, error) {
		if err := unix.Unlink(a.path); err != nil {
			return nil, fail(err, "unlink", a.path, "")
		}
		return nil, nil
	},
	"rename": func(a *fsArgs) (any, error) {
		if err := unix.Rename(a.path, a.dest); err != nil {
			return nil, fail(err, "rename", a.path, a.dest)
		}
		return nil, nil
	},
	"copyFile": func(a *fsArgs) (any, error) {
		in, err := os.Open(a.path)
		if err != nil {
			return nil, fail(err, "copyfile", a.path, a.dest)
		}
		defer in.Close()
		flags := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
		if a.flags&1 != 0 { // COPYFILE_EXCL
			flags |= os.O_EXCL
		}
		st, _ := in.Stat()
		out, err := os.OpenFile(a.dest, flags, st.Mode().Perm())
		if err != nil {
			return nil, fail(err, "copyfile", a.path, a.dest)
		}
		if _, err := io.Copy(out, in); err != nil {
			out.Close()
			return nil, fail(err, "copyfile", a.path, a.dest)
		}
		if err := out.Close(); err != nil {
			return nil, fail(err, "copyfile", a.path, a.dest)
		}
		return nil, nil
	},
	"access": func(a *fsArgs) (any, error) {
		if err := unix.Access(a.path, a.mode); err != nil {
			return nil, fail(err, "access", a.path, "")
		}
		return nil, nil
	},
	"realpath": func(a *fsArgs) (any, error) {
		p, err := filepath.EvalSymlinks(a.path)
		if err != nil {
			return nil, fail(err, "realpath", a.path, "")
		}
		abs, _ := filepath.Abs(p)
		return abs, nil
	},
	"readlink": func(a *fsArgs) (any, error) {
		p, err := os.Readlink(a.path)
		if err != nil {
			return nil, fail(err, "readlink", a.path, "")
		}
		return p, nil
	},
	"symlink": func(a *fsArgs) (any, error) {
		if err := unix.Symlink(a.path, a.dest); err != nil {
			return nil, fail(err, "symlink", a.path, a.dest)
		}
		return nil, nil
	},
	"link": func(a *fsArgs) (any, error) {
		if err := unix.Link(a.path, a.dest); err != nil {
			return nil, fail(err, "link", a.path, a.dest)
		}
		return nil, nil
	},
	"chmod": func(a *fsArgs) (any, error) {
		if err := unix.Chmod(a.path, a.mode); err != nil {
			return nil, fail(err, "chmod", a.path, "")
		}
		return nil, nil
	},
	"truncate": func(a *fsArgs) (any, error) {
		if err := unix.Truncate(a.path, int64(a.length)); err != nil {
			return nil, fail(err, "open", a.path, "")
		}
		return nil, nil
	},
	"utimes": func(a *fsArgs) (any, error) {
		ts := []unix.Timespec{unix.NsecToTimespec(int64(a.atime * 1e9)), unix.NsecToTimespec(int64(a.mtime * 1e9))}
		if err := unix.UtimesNano(a.path, ts); err != nil {
			return nil, fail(err, "utime", a.path, "")
		}
		return nil, nil
	},
	"mkdtemp": func(a *fsArgs) (any, error) {
		dir, base := filepath.Split(a.prefix)
		if dir == "" {
			dir = "."
		}
		p, err := os.MkdirTemp(dir, base+"*")
		if err != nil {
			return nil, fail(err, "mkdtemp", a.prefix+"XXXXXX", "")
		}
		if !strings.HasPrefix(a.prefix, "./") && !filepath.IsAbs(a.prefix) && strings.HasPrefix(p, "./") {
			p = p[2:]
		}
		return p, nil
	},
	"open": func(a *fsArgs) (any, error) {
		fd, err := unix.Open(a.path, a.flags|unix.O_CLOEXEC, a.mode)
		if err != nil {
			return nil, fail(err, "open", a.path, "")
		}
		return fd, nil
	},
	"close": func(a *fsArgs) (any, error) {
		if err := unix.Close(a.fd); err != nil {
			return nil, fail(err, "close", "", "")
		}
		return nil, nil
	},
	"read": func(a *fsArgs) (any, error) {
		b := a.data[a.offset : a.offset+a.length]
		for {
			var n int
			var err error
			if a.position >= 0 {
				n, err = unix.Pread(a.fd, b, a.position)
			} else {
				n, err = unix.Read(a.fd, b)
			}
			if errors.Is(err, unix.EINTR) {
				continue
			}
			if err != nil {
				return nil, fail(err, "read", "", "")
			}
			return n, nil
		}
	},
	"write": func(a *fsArgs) (any, error) {
		b := a.data[a.offset : a.offset+a.length]
		if err := writeAll(a.fd, b, a.position); err != nil {
			return nil, fail(err, "write", "", "")
		}
		return len(b), nil
	},
	"fsync": func(a *fsArgs) (any, error) {
		if err := unix.Fsync(a.fd); err != nil {
			return nil, fail(err, "fsync", "", "")
		}
		return nil, nil
	},
	"ftruncate": func(a *fsArgs) (any, error) {
		if err := unix.Ftruncate(a.fd, int64(a.length)); err != nil {
			return nil, fail(err, "ftruncate", "", "")
		}
		return nil, nil
	},
}

// fsConstants is fs.constants, in Node's order, with this system's values.
func fsConstants() [][]any {
	return [][]any{
		{"UV_FS_SYMLINK_DIR", 1}, {"UV_FS_SYMLINK_JUNCTION", 2}, {"O_RDONLY", unix.O_RDONLY}, {"O_WRONLY", unix.O_WRONLY}, {"O_RDWR", unix.O_RDWR},
		{"UV_DIRENT_UNKNOWN", 0}, {"UV_DIRENT_FILE", 1}, {"UV_DIRENT_DIR", 2}, {"UV_DIRENT_LINK", 3}, {"UV_DIRENT_FIFO", 4},
		{"UV_DIRENT_SOCKET", 5}, {"UV_DIRENT_CHAR", 6}, {"UV_DIRENT_BLOCK", 7}, {"EXTENSIONLESS_FORMAT_JAVASCRIPT", 0}, {"EXTENSIONLESS_FORMAT_WASM", 1},
		{"S_IFMT", unix.S_IFMT}, {"S_IFREG", unix.S_IFREG}, {"S_IFDIR", unix.S_IFDIR}, {"S_IFCHR", unix.S_IFCHR}, {"S_IFBLK", unix.S_IFBLK},
		{"S_IFIFO", unix.S_IFIFO}, {"S_IFLNK", unix.S_IFLNK}, {"S_IFSOCK", unix.S_IFSOCK}, {"O_CREAT", unix.O_CREAT}, {"O_EXCL", unix.O_EXCL},
		{"UV_FS_O_FILEMAP", 0}, {"O_NOCTTY", unix.O_NOCTTY}, {"O_TRUNC", unix.O_TRUNC}, {"O_APPEND", unix.O_APPEND}, {"O_DIRECTORY", unix.O_DIRECTORY},
		{"O_NOATIME", unix.O_NOATIME}, {"O_NOFOLLOW", unix.O_NOFOLLOW}, {"O_SYNC", unix.O_SYNC}, {"O_DSYNC", unix.O_DSYNC}, {"O_DIRECT", unix.O_DIRECT},
		{"O_NONBLOCK", unix.O_NONBLOCK}, {"S_IRWXU", unix.S_IRWXU}, {"S_IRUSR", unix.S_IRUSR}, {"S_IWUSR", unix.S_IWUSR}, {"S_IXUSR", unix.S_IXUSR},
		{"S_IRWXG", unix.S_IRWXG}, {"S_IRGRP", unix.S_IRGRP}, {"S_IWGRP", unix.S_IWGRP}, {"S_IXGRP", unix.S_IXGRP}, {"S_IRWXO", unix.S_IRWXO},
		{"S_IROTH", unix.S_IROTH}, {"S_IWOTH", unix.S_IWOTH}, {"S_IXOTH", unix.S_IXOTH}, {"F_OK", unix.F_OK}, {"R_OK", unix.R_OK}, {"W_OK", unix.W_OK},
		{"X_OK", unix.X_OK}, {"UV_FS_COPYFILE_EXCL", 1}, {"COPYFILE_EXCL", 1}, {"UV_FS_COPYFILE_FICLONE", 2}, {"COPYFILE_FICLONE", 2},
		{"UV_FS_COPYFILE_FICLONE_FORCE", 4}, {"COPYFILE_FICLONE_FORCE", 4},
	}
}

// writeAll writes b to fd (at position, unless it is -1).
func writeAll(fd int, b []byte, position int64) error {
	for len(b) > 0 {
		var n int
		var err error
		if position >= 0 {
			n, err = unix.Pwrite(fd, b, position)
			position += int64(n)
		} else {
			n, err = unix.Write(fd, b)
		}
		if errors.Is(err, unix.EINTR) {
			continue
		}
		if err != nil {
			return err
		}
		b = b[n:]
	}
	return nil
}

// fsBinding is call(op, args[, cb]): the operation now (its result, or
// its error thrown), or with cb on a goroutine (cb(err, result) on the
// loop).
func (h *host) fsBinding() map[string]any {
	toJS := func(v any) goja.Value {
		switch x := v.(type) {
		case nil:
			return goja.Undefined()
		case []byte:
			return h.bufAPI.WrapBytes(x)
		}
		return h.vm.ToValue(v)
	}
	return map[string]any{
		"constants": fsConstants,
		"call": func(call goja.FunctionCall) goja.Value {
			op, ok := fsOps[call.Argument(0).String()]
			if !ok {
				panic(h.vm.NewTypeError("dgramjs: no fs operation " + call.Argument(0).String()))
			}
			a := h.fsArgs(call.Argument(1))
			cb, async := goja.AssertFunction(call.Argument(2))
			if !async {
				v, err := op(a)
				if err != nil {
					panic(h.fsJSError(err))
				}
				return toJS(v)
			}
			var v any
			var err error
			h.background(func() { v, err = op(a) }, func() error {
				if err != nil {
					_, e := cb(goja.Undefined(), h.fsJSError(err))
					return e
				}
				_, e := cb(goja.Undefined(), goja.Null(), toJS(v))
				return e
			})
			return goja.Undefined()
		},
	}
}

// fsArgs reads an operation's arguments from the object lib/node/fs.js
// made (its properties checked there).
func (h *host) fsArgs(v goja.Value) *fsArgs {
	o := v.ToObject(h.vm)
	str := func(k string) string {
		if x := field(o, k); !isNullish(x) {
			return x.String()
		}
		return ""
	}
	num := func(k string) float64 {
		if x := field(o, k); !isNullish(x) {
			return x.ToFloat()
		}
		return 0
	}
	a := &fsArgs{
		path: str("path"), dest: str("dest"), prefix: str("prefix"),
		flags: int(num("flags")), fd: int(num("fd")), mode: uint32(num("mode")),
		recursive: field(o, "recursive").ToBoolean(), force: field(o, "force").ToBoolean(), follow: field(o, "follow").ToBoolean(),
		offset: int(num("offset")), length: int(num("length")), position: -1,
		atime: num("atime"), mtime: num("mtime"),
	}
	if p := field(o, "position"); goja.IsNumber(p) && p.ToFloat() >= 0 {
		a.position = p.ToInteger()
	}
	if d := field(o, "data"); !isNullish(d) {
		a.data = h.bufferBytes(d, "data")
		if a.offset < 0 || a.length < 0 || a.offset+a.length > len(a.data) {
			panic(h.dgramless().codedError(dgram.KindRangeError, "ERR_OUT_OF_RANGE", "The value of \"length\" is out of range."))
		}
	}
	return a
}
