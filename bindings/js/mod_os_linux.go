package dgramjs

import (
	"bufio"
	"bytes"
	"net"
	"os"
	"os/user"
	"runtime"
	"strconv"
	"strings"
	"syscall"

	"github.com/dgramkit/dgramkit/dgram"
	"github.com/dop251/goja"
	"golang.org/x/sys/unix"
)

// os: Node's os module on Go's standard library and golang.org/x/sys/unix
// (uname, sysinfo, priorities) and Linux's /proc, as libuv reads them.
func init() {
	goModules["os"] = (*host).osModule
}

// nodeErrnoNames are the names of Node's os.constants.errno on Linux, in
// Node's order (node_constants.cc); the values are the system's.
var nodeErrnoNames = strings.Fields(`E2BIG EACCES EADDRINUSE EADDRNOTAVAIL EAFNOSUPPORT EAGAIN EALREADY EBADF
EBADMSG EBUSY ECANCELED ECHILD ECONNABORTED ECONNREFUSED ECONNRESET EDEADLK EDESTADDRREQ EDOM EDQUOT EEXIST
EFAULT EFBIG EHOSTUNREACH EIDRM EILSEQ EINPROGRESS EINTR EINVAL EIO EISCONN EISDIR ELOOP EMFILE EMLINK
EMSGSIZE EMULTIHOP ENAMETOOLONG ENETDOWN ENETRESET ENETUNREACH ENFILE ENOBUFS ENODATA ENODEV ENOENT ENOEXEC
ENOLCK ENOLINK ENOMEM ENOMSG ENOPROTOOPT ENOSPC ENOSR ENOSTR ENOSYS ENOTCONN ENOTDIR ENOTEMPTY ENOTSOCK
ENOTSUP ENOTTY ENXIO EOPNOTSUPP EOVERFLOW EPERM EPIPE EPROTO EPROTONOSUPPORT EPROTOTYPE ERANGE EROFS ESPIPE
ESRCH ESTALE ETIME ETIMEDOUT ETXTBSY EWOULDBLOCK EXDEV`)

// nodeSignalNames are the names of Node's os.constants.signals on Linux,
// in Node's order; the values are the system's.
var nodeSignalNames = strings.Fields(`SIGHUP SIGINT SIGQUIT SIGILL SIGTRAP SIGABRT SIGIOT SIGBUS SIGFPE SIGKILL
SIGUSR1 SIGSEGV SIGUSR2 SIGPIPE SIGALRM SIGTERM SIGCHLD SIGSTKFLT SIGCONT SIGSTOP SIGTSTP SIGTTIN SIGTTOU
SIGURG SIGXCPU SIGXFSZ SIGVTALRM SIGPROF SIGWINCH SIGIO SIGPOLL SIGPWR SIGSYS`)

// signalAliases are the signals x/sys/unix's table names otherwise.
var signalAliases = map[string]syscall.Signal{"SIGIOT": unix.SIGABRT, "SIGPOLL": unix.SIGIO}

// errnoValues are the system's errno numbers by name.
func errnoValues() map[string]int {
	m := map[string]int{"EWOULDBLOCK": int(unix.EWOULDBLOCK), "EDEADLOCK": int(unix.EDEADLOCK), "ENOTSUP": int(unix.ENOTSUP), "EOPNOTSUPP": int(unix.EOPNOTSUPP)}
	for n := 1; n < 4096; n++ {
		if name := unix.ErrnoName(syscall.Errno(n)); name != "" {
			if _, ok := m[name]; !ok {
				m[name] = n
			}
		}
	}
	return m
}

// osConstants is os.constants, with Node's order of keys.
func (h *host) osConstants() *goja.Object {
	vm := h.vm
	c := vm.NewObject()
	c.Set("UV_UDP_REUSEADDR", 4)
	dl := vm.NewObject()
	for _, kv := range []struct {
		k string
		v int
	}{{"RTLD_LAZY", 1}, {"RTLD_NOW", 2}, {"RTLD_GLOBAL", 256}, {"RTLD_LOCAL", 0}, {"RTLD_DEEPBIND", 8}} {
		dl.Set(kv.k, kv.v)
	}
	c.Set("dlopen", dl)
	errno := vm.NewObject()
	values := errnoValues()
	for _, name := range nodeErrnoNames {
		if v, ok := values[name]; ok {
			errno.Set(name, v)
		}
	}
	c.Set("errno", errno)
	sig := vm.NewObject()
	for _, name := range nodeSignalNames {
		s, ok := signalAliases[name]
		if !ok {
			s = unix.SignalNum(name)
		}
		if s != 0 {
			sig.Set(name, int(s))
		}
	}
	c.Set("signals", sig)
	prio := vm.NewObject()
	for _, kv := range []struct {
		k string
		v int
	}{{"PRIORITY_LOW", 19}, {"PRIORITY_BELOW_NORMAL", 10}, {"PRIORITY_NORMAL", 0}, {"PRIORITY_ABOVE_NORMAL", -7}, {"PRIORITY_HIGH", -14}, {"PRIORITY_HIGHEST", -20}} {
		prio.Set(kv.k, kv.v)
	}
	c.Set("priority", prio)
	return c
}

// osModule makes the os module's exports.
func (h *host) osModule(exports *goja.Object) {
	vm := h.vm
	uname := func() (sys, release, version, machine string) {
		var u unix.Utsname
		if unix.Uname(&u) != nil {
			return "Linux", "", "", ""
		}
		return unix.ByteSliceToString(u.Sysname[:]), unix.ByteSliceToString(u.Release[:]), unix.ByteSliceToString(u.Version[:]), unix.ByteSliceToString(u.Machine[:])
	}
	fns := []struct {
		name string
		fn   func(goja.FunctionCall) goja.Value
	}{
		{"arch", func(goja.FunctionCall) goja.Value { return vm.ToValue(nodeArch()) }},
		{"availableParallelism", func(goja.FunctionCall) goja.Value { return vm.ToValue(runtime.NumCPU()) }},
		{"cpus", func(goja.FunctionCall) goja.Value { return vm.ToValue(h.cpus()) }},
		{"endianness", func(goja.FunctionCall) goja.Value { return vm.ToValue("LE") }},
		{"freemem", func(goja.FunctionCall) goja.Value { return vm.ToValue(meminfo("MemAvailable")) }},
		{"getPriority", h.getPriority},
		{"homedir", func(goja.FunctionCall) goja.Value { return vm.ToValue(homedir(h.getenv)) }},
		{"hostname", func(goja.FunctionCall) goja.Value {
			n, _ := os.Hostname()
			return vm.ToValue(n)
		}},
		{"loadavg", func(goja.FunctionCall) goja.Value {
			var si unix.Sysinfo_t
			if unix.Sysinfo(&si) != nil {
				return vm.ToValue([]float64{0, 0, 0})
			}
			return vm.ToValue([]float64{float64(si.Loads[0]) / 65536, float64(si.Loads[1]) / 65536, float64(si.Loads[2]) / 65536})
		}},
		{"networkInterfaces", func(goja.FunctionCall) goja.Value { return h.networkInterfaces() }},
		{"platform", func(goja.FunctionCall) goja.Value { return vm.ToValue(runtime.GOOS) }},
		{"release", func(goja.FunctionCall) goja.Value { _, r, _, _ := uname(); return vm.ToValue(r) }},
		{"setPriority", h.setPriority},
		{"tmpdir", func(goja.FunctionCall) goja.Value { return vm.ToValue(tmpdir(h.getenv)) }},
		{"totalmem", func(goja.FunctionCall) goja.Value { return vm.ToValue(meminfo("MemTotal")) }},
		{"type", func(goja.FunctionCall) goja.Value { s, _, _, _ := uname(); return vm.ToValue(s) }},
		{"userInfo", h.userInfo},
		{"uptime", func(goja.FunctionCall) goja.Value {
			// libuv reads /proc/uptime (seconds, to the hundredth)
			data, _ := os.ReadFile("/proc/uptime")
			f := strings.Fields(string(data))
			up := 0.0
			if len(f) > 0 {
				up, _ = strconv.ParseFloat(f[0], 64)
			}
			return vm.ToValue(up)
		}},
		{"version", func(goja.FunctionCall) goja.Value { _, _, v, _ := uname(); return vm.ToValue(v) }},
		{"machine", func(goja.FunctionCall) goja.Value { _, _, _, m := uname(); return vm.ToValue(m) }},
	}
	// Node's os functions of no argument convert to their value
	// (`${os.hostname}`), as Node's have Symbol.toPrimitive.
	primitive := map[string]bool{"arch": true, "availableParallelism": true, "endianness": true, "freemem": true, "homedir": true, "hostname": true,
		"machine": true, "platform": true, "release": true, "tmpdir": true, "totalmem": true, "type": true, "uptime": true, "version": true}
	toPrimitive := vm.Get("Symbol").(*goja.Object).Get("toPrimitive")
	for _, f := range fns {
		fn := native(vm, f.name, f.fn).(*goja.Object)
		if primitive[f.name] {
			call := f.fn
			_ = fn.SetSymbol(toPrimitive.(*goja.Symbol), native(vm, "", func(goja.FunctionCall) goja.Value { return call(goja.FunctionCall{}) }))
		}
		exports.Set(f.name, fn)
	}
	exports.Set("constants", h.osConstants())
	exports.DefineDataProperty("EOL", vm.ToValue("\n"), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_TRUE)
	exports.DefineDataProperty("devNull", vm.ToValue(os.DevNull), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_TRUE)
}

// meminfo is a line of /proc/meminfo in bytes (libuv's uv_get_free_memory
// and uv_get_total_memory).
func meminfo(key string) float64 {
	data, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return 0
	}
	for line := range strings.SplitSeq(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, key+":"); ok {
			f := strings.Fields(rest)
			if len(f) > 0 {
				n, _ := strconv.ParseFloat(f[0], 64)
				return n * 1024
			}
		}
	}
	return 0
}

// getenv is process.env[key] as the script sees it (it may have changed
// it), or the environment's.
func (h *host) getenv(key string) string {
	if h.process != nil {
		if env, ok := field(h.process, "env").(*goja.Object); ok {
			if v := field(env, key); !isNullish(v) {
				return v.String()
			}
			return ""
		}
	}
	return os.Getenv(key)
}

// homedir is os.homedir(): $HOME, else the password database's.
func homedir(getenv func(string) string) string {
	if h := getenv("HOME"); h != "" {
		return h
	}
	if u, err := user.Current(); err == nil {
		return u.HomeDir
	}
	return ""
}

// tmpdir is os.tmpdir(): $TMPDIR, $TMP or $TEMP, else /tmp, without a
// trailing slash.
func tmpdir(getenv func(string) string) string {
	p := "/tmp"
	for _, k := range []string{"TMPDIR", "TMP", "TEMP"} {
		if v := getenv(k); v != "" {
			p = v
			break
		}
	}
	if len(p) > 1 && strings.HasSuffix(p, "/") {
		p = p[:len(p)-1]
	}
	return p
}

// cpus is os.cpus(): per processor its model and speed (/proc/cpuinfo)
// and its times in milliseconds (/proc/stat), as libuv reads them.
func (h *host) cpus() []any {
	var models []string
	var speeds []float64
	if f, err := os.Open("/proc/cpuinfo"); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			k, v, ok := strings.Cut(sc.Text(), ":")
			if !ok {
				continue
			}
			switch strings.TrimSpace(k) {
			case "model name":
				models = append(models, strings.TrimSpace(v))
			case "cpu MHz":
				s, _ := strconv.ParseFloat(strings.TrimSpace(v), 64)
				speeds = append(speeds, float64(int(s)))
			}
		}
		f.Close()
	}
	var out []any
	data, _ := os.ReadFile("/proc/stat")
	tick := 1000.0 / 100 // milliseconds per clock tick (USER_HZ)
	for line := range bytes.SplitSeq(data, []byte("\n")) {
		f := strings.Fields(string(line))
		if len(f) < 8 || !strings.HasPrefix(f[0], "cpu") || f[0] == "cpu" {
			continue
		}
		n := func(i int) float64 { v, _ := strconv.ParseFloat(f[i], 64); return v * tick }
		i := len(out)
		model, speed := "unknown", 0.0
		if i < len(models) {
			model = models[i]
		}
		if i < len(speeds) {
			speed = speeds[i]
		}
		if b, err := os.ReadFile("/sys/devices/system/cpu/" + f[0] + "/cpufreq/scaling_cur_freq"); err == nil {
			if khz, err := strconv.ParseFloat(strings.TrimSpace(string(b)), 64); err == nil {
				speed = float64(int(khz / 1000))
			}
		}
		cpu, times := h.vm.NewObject(), h.vm.NewObject()
		cpu.Set("model", model)
		cpu.Set("speed", speed)
		for _, t := range []struct {
			k string
			i int
		}{{"user", 1}, {"nice", 2}, {"sys", 3}, {"idle", 4}, {"irq", 6}} {
			times.Set(t.k, n(t.i))
		}
		cpu.Set("times", times)
		out = append(out, cpu)
	}
	return out
}

// networkInterfaces is os.networkInterfaces(): the addresses of the
// interfaces that are up and running, by interface, as libuv's
// uv_interface_addresses gives them.
func (h *host) networkInterfaces() goja.Value {
	vm := h.vm
	res := vm.NewObject()
	ifs, err := net.Interfaces()
	if err != nil {
		return res
	}
	// getifaddrs lists every IPv4 address before the IPv6 ones, and libuv
	// keeps that order: an interface with an IPv4 address comes first.
	type entry struct {
		name string
		list []any
	}
	var withV4, onlyV6 []entry
	for _, ifc := range ifs {
		if ifc.Flags&net.FlagUp == 0 || ifc.Flags&net.FlagRunning == 0 {
			continue
		}
		addrs, err := ifc.Addrs()
		if err != nil || len(addrs) == 0 {
			continue
		}
		mac := "00:00:00:00:00:00"
		if len(ifc.HardwareAddr) == 6 {
			mac = ifc.HardwareAddr.String()
		}
		var v4, v6 []any
		for _, a := range addrs {
			ipn, ok := a.(*net.IPNet)
			if !ok {
				continue
			}
			ones, _ := ipn.Mask.Size()
			o := vm.NewObject()
			if ip4 := ipn.IP.To4(); ip4 != nil {
				o.Set("address", ip4.String())
				o.Set("netmask", net.IP(ipn.Mask).String())
				o.Set("family", "IPv4")
				o.Set("mac", mac)
				o.Set("internal", ifc.Flags&net.FlagLoopback != 0)
				o.Set("cidr", ip4.String()+"/"+strconv.Itoa(ones))
				v4 = append(v4, o)
				continue
			}
			o.Set("address", ipn.IP.String())
			o.Set("netmask", net.IP(ipn.Mask).String())
			o.Set("family", "IPv6")
			o.Set("mac", mac)
			o.Set("internal", ifc.Flags&net.FlagLoopback != 0)
			o.Set("cidr", ipn.IP.String()+"/"+strconv.Itoa(ones))
			scope := 0
			if ipn.IP.IsLinkLocalUnicast() || ipn.IP.IsLinkLocalMulticast() {
				scope = ifc.Index
			}
			o.Set("scopeid", scope)
			v6 = append(v6, o)
		}
		switch {
		case len(v4) > 0:
			withV4 = append(withV4, entry{ifc.Name, append(v4, v6...)})
		case len(v6) > 0:
			onlyV6 = append(onlyV6, entry{ifc.Name, v6})
		}
	}
	for _, e := range append(withV4, onlyV6...) {
		res.Set(e.name, vm.NewArray(e.list...))
	}
	return res
}

// userInfo is os.userInfo([options]): uid, gid, username, homedir and shell
// of the effective user, from the password database; a Buffer of each
// string with {encoding: 'buffer'}.
func (h *host) userInfo(call goja.FunctionCall) goja.Value {
	vm := h.vm
	asBuffer := false
	if o, ok := call.Argument(0).(*goja.Object); ok {
		asBuffer = field(o, "encoding").String() == "buffer"
	}
	uid := os.Geteuid()
	name, home, shell := "", homedir(h.getenv), ""
	if u, err := user.LookupId(strconv.Itoa(uid)); err == nil {
		name, home = u.Username, u.HomeDir
	}
	if data, err := os.ReadFile("/etc/passwd"); err == nil {
		for line := range strings.SplitSeq(string(data), "\n") {
			f := strings.Split(line, ":")
			if len(f) >= 7 && f[2] == strconv.Itoa(uid) {
				shell = f[6]
				break
			}
		}
	}
	res := vm.NewObject()
	res.SetPrototype(nil)
	res.Set("uid", uid)
	res.Set("gid", os.Getegid())
	str := func(s string) goja.Value {
		if asBuffer {
			return h.bufAPI.WrapBytes([]byte(s))
		}
		return vm.ToValue(s)
	}
	res.Set("username", str(name))
	res.Set("homedir", str(home))
	var sh goja.Value = goja.Null()
	if shell != "" {
		sh = str(shell)
	}
	res.Set("shell", sh)
	return res
}

// getPriority is os.getPriority([pid]): the scheduling priority (nice).
func (h *host) getPriority(call goja.FunctionCall) goja.Value {
	pid := h.priorityPid(call.Argument(0))
	p, err := unix.Getpriority(unix.PRIO_PROCESS, pid)
	if err != nil {
		panic(h.systemError("uv_os_getpriority", err))
	}
	return h.vm.ToValue(20 - p) // the raw system call's value is 20 - nice
}

// setPriority is os.setPriority([pid, ]priority).
func (h *host) setPriority(call goja.FunctionCall) goja.Value {
	pidV, prioV := call.Argument(0), call.Argument(1)
	if len(call.Arguments) < 2 {
		pidV, prioV = h.vm.ToValue(0), call.Argument(0)
	}
	pid := h.priorityPid(pidV)
	if !goja.IsNumber(prioV) || !isInteger(prioV.ToFloat()) || prioV.ToFloat() < -20 || prioV.ToFloat() > 19 {
		if !goja.IsNumber(prioV) {
			panic(h.dgramless().codedError(dgram.KindTypeError, "ERR_INVALID_ARG_TYPE", `The "priority" argument must be of type number. Received `+describe(prioV)))
		}
		panic(h.dgramless().codedError(dgram.KindRangeError, "ERR_OUT_OF_RANGE", `The value of "priority" is out of range. It must be >= -20 && <= 19. Received `+prioV.String()))
	}
	if err := unix.Setpriority(unix.PRIO_PROCESS, pid, int(prioV.ToInteger())); err != nil {
		panic(h.systemError("uv_os_setpriority", err))
	}
	return goja.Undefined()
}

func (h *host) priorityPid(v goja.Value) int {
	if goja.IsUndefined(v) {
		return 0
	}
	if !goja.IsNumber(v) {
		panic(h.dgramless().codedError(dgram.KindTypeError, "ERR_INVALID_ARG_TYPE", `The "pid" argument must be of type number. Received `+describe(v)))
	}
	if !isInteger(v.ToFloat()) || v.ToFloat() < -2147483648 || v.ToFloat() > 2147483647 {
		panic(h.dgramless().codedError(dgram.KindRangeError, "ERR_OUT_OF_RANGE", `The value of "pid" is out of range. It must be an integer. Received `+v.String()))
	}
	return int(v.ToInteger())
}

// systemError is Node's SystemError for a failed system call: "A system
// error occurred: syscall returned CODE (message)", with errno (negative),
// code, syscall and info.
func (h *host) systemError(syscallName string, err error) *goja.Object {
	code, errno, msg := "EIO", -int(unix.EIO), err.Error()
	if en, ok := err.(syscall.Errno); ok {
		code, errno = unix.ErrnoName(en), -int(en)
	}
	e := h.dgramless().codedError(dgram.KindError, "ERR_SYSTEM_ERROR", "A system error occurred: "+syscallName+" returned "+code+" ("+msg+")")
	e.Set("name", "SystemError")
	e.Set("errno", errno)
	e.Set("syscall", syscallName)
	info := h.vm.NewObject()
	info.Set("errno", errno)
	info.Set("code", code)
	info.Set("message", msg)
	info.Set("syscall", syscallName)
	e.Set("info", info)
	return e
}
