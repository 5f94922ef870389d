package dgramjs

import (
	"bufio"
	"context"
	"errors"
	"net"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/dop251/goja"
)

// dns (lib/node/dns.js) on Go's resolver: lookup as Node's dgram itself
// resolves (the system's hosts file and name servers), the resolve*
// queries and reverse, and the servers of setServers by a Dial of their
// own.
func init() {
	jsModules["dns"] = "dns.js"
	jsModules["dns/promises"] = "dns_promises.js"
	bindings["dns"] = (*host).dnsBinding
}

// dnsResolver is Go's resolver, asking servers (ip or ip:port) when given.
func dnsResolver(servers []string) *net.Resolver {
	if len(servers) == 0 {
		return net.DefaultResolver
	}
	next := 0
	return &net.Resolver{PreferGo: true, Dial: func(ctx context.Context, network, _ string) (net.Conn, error) {
		var d net.Dialer
		var err error
		for range servers {
			s := servers[next%len(servers)]
			next++
			if _, _, e := net.SplitHostPort(s); e != nil {
				s = net.JoinHostPort(s, "53")
			}
			var c net.Conn
			if c, err = d.DialContext(ctx, network, s); err == nil {
				return c, nil
			}
		}
		return nil, err
	}}
}

// dnsCode is Node's code for a resolver error: lookup's getaddrinfo codes
// or c-ares' for the queries.
func dnsCode(err error, lookup bool) string {
	var de *net.DNSError
	if errors.As(err, &de) {
		switch {
		case de.IsNotFound:
			return "ENOTFOUND"
		case de.IsTimeout && lookup:
			return "EAI_AGAIN"
		case de.IsTimeout:
			return "ETIMEOUT"
		case lookup:
			return "EAI_AGAIN"
		}
		return "ESERVFAIL"
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return "ETIMEOUT"
	}
	return "ECONNREFUSED"
}

// lookupTimeout bounds a lookup or query (getaddrinfo's and c-ares'
// retries end about so).
const lookupTimeout = 30 * time.Second

func (h *host) dnsBinding() map[string]any {
	vm := h.vm
	callErr := func(cb goja.Callable, code string) error {
		_, err := cb(goja.Undefined(), vm.ToValue(code))
		return err
	}
	return map[string]any{
		// lookup(hostname, family, cb): cb(code) or cb(null, [[address,
		// family], ...]) in the resolver's order.
		"lookup": func(hostname string, family int, cb goja.Callable) {
			var addrs []net.IPAddr
			var err error
			h.background(func() {
				ctx, cancel := context.WithTimeout(context.Background(), lookupTimeout)
				defer cancel()
				addrs, err = net.DefaultResolver.LookupIPAddr(ctx, hostname)
			}, func() error {
				if err != nil {
					return callErr(cb, dnsCode(err, true))
				}
				var list []any
				for _, a := range addrs {
					f := 6
					if a.IP.To4() != nil {
						f = 4
					}
					if family != 0 && f != family {
						continue
					}
					addr := a.IP.String()
					if f == 4 {
						addr = a.IP.To4().String()
					} else if a.Zone != "" {
						addr += "%" + a.Zone
					}
					list = append(list, []any{addr, f})
				}
				if len(list) == 0 {
					return callErr(cb, "ENOTFOUND")
				}
				_, e := cb(goja.Undefined(), goja.Null(), vm.ToValue(list))
				return e
			})
		},
		// resolve(servers, hostname, rrtype, ttl, cb): cb(code) or cb(null,
		// records) as Node gives each rrtype's.
		"resolve": func(servers []string, hostname, rrtype string, ttl bool, cb goja.Callable) {
			var records func() goja.Value
			var err error
			h.background(func() {
				ctx, cancel := context.WithTimeout(context.Background(), lookupTimeout)
				defer cancel()
				records, err = h.query(ctx, dnsResolver(servers), hostname, rrtype, ttl)
			}, func() error {
				if err != nil {
					return callErr(cb, dnsCode(err, false))
				}
				_, e := cb(goja.Undefined(), goja.Null(), records())
				return e
			})
		},
		"reverse": func(servers []string, ip string, cb goja.Callable) {
			var names []string
			var err error
			h.background(func() {
				ctx, cancel := context.WithTimeout(context.Background(), lookupTimeout)
				defer cancel()
				names, err = dnsResolver(servers).LookupAddr(ctx, ip)
			}, func() error {
				if err != nil {
					return callErr(cb, dnsCode(err, false))
				}
				for i, n := range names {
					names[i] = strings.TrimSuffix(n, ".")
				}
				_, e := cb(goja.Undefined(), goja.Null(), vm.ToValue(names))
				return e
			})
		},
		// lookupService(address, port, cb): cb(code) or cb(null, host,
		// service), the service from /etc/services, else the port.
		"lookupService": func(address string, port int, cb goja.Callable) {
			var names []string
			var err error
			h.background(func() {
				ctx, cancel := context.WithTimeout(context.Background(), lookupTimeout)
				defer cancel()
				names, err = net.DefaultResolver.LookupAddr(ctx, address)
			}, func() error {
				if err != nil || len(names) == 0 {
					return callErr(cb, "ENOTFOUND")
				}
				_, e := cb(goja.Undefined(), goja.Null(), vm.ToValue(strings.TrimSuffix(names[0], ".")), vm.ToValue(serviceName(port)))
				return e
			})
		},
		"servers": systemServers,
		"isIP": func(s string) int {
			ip := net.ParseIP(s)
			switch {
			case ip == nil || strings.Contains(s, "%"):
				return 0
			case ip.To4() != nil && !strings.Contains(s, ":"):
				return 4
			}
			return 6
		},
	}
}

// query asks for hostname's records of rrtype; the JavaScript value is
// made on the loop.
func (h *host) query(ctx context.Context, r *net.Resolver, hostname, rrtype string, ttl bool) (func() goja.Value, error) {
	vm := h.vm
	switch rrtype {
	case "A", "AAAA":
		network := "ip4"
		if rrtype == "AAAA" {
			network = "ip6"
		}
		ips, err := r.LookupIP(ctx, network, hostname)
		if err != nil {
			return nil, err
		}
		return func() goja.Value {
			var out []any
			for _, ip := range ips {
				if ttl {
					o := vm.NewObject()
					o.Set("address", ip.String())
					o.Set("ttl", 0) // Go's resolver does not give the TTL
					out = append(out, o)
				} else {
					out = append(out, ip.String())
				}
			}
			return vm.ToValue(out)
		}, nil
	case "CNAME":
		name, err := r.LookupCNAME(ctx, hostname)
		if err != nil {
			return nil, err
		}
		return func() goja.Value { return vm.ToValue([]string{strings.TrimSuffix(name, ".")}) }, nil
	case "MX":
		mxs, err := r.LookupMX(ctx, hostname)
		if err != nil {
			return nil, err
		}
		return func() goja.Value {
			var out []any
			for _, mx := range mxs {
				o := vm.NewObject()
				o.Set("exchange", strings.TrimSuffix(mx.Host, "."))
				o.Set("priority", int(mx.Pref))
				out = append(out, o)
			}
			return vm.ToValue(out)
		}, nil
	case "NS":
		nss, err := r.LookupNS(ctx, hostname)
		if err != nil {
			return nil, err
		}
		return func() goja.Value {
			var out []string
			for _, ns := range nss {
				out = append(out, strings.TrimSuffix(ns.Host, "."))
			}
			return vm.ToValue(out)
		}, nil
	case "TXT":
		txts, err := r.LookupTXT(ctx, hostname)
		if err != nil {
			return nil, err
		}
		return func() goja.Value {
			var out []any
			for _, t := range txts {
				out = append(out, []string{t})
			}
			return vm.ToValue(out)
		}, nil
	case "SRV":
		_, srvs, err := r.LookupSRV(ctx, "", "", hostname)
		if err != nil {
			return nil, err
		}
		return func() goja.Value {
			var out []any
			for _, s := range srvs {
				o := vm.NewObject()
				o.Set("name", strings.TrimSuffix(s.Target, "."))
				o.Set("port", int(s.Port))
				o.Set("priority", int(s.Priority))
				o.Set("weight", int(s.Weight))
				out = append(out, o)
			}
			return vm.ToValue(out)
		}, nil
	case "PTR":
		names, err := r.LookupAddr(ctx, hostname)
		if err != nil {
			return nil, err
		}
		return func() goja.Value {
			for i, n := range names {
				names[i] = strings.TrimSuffix(n, ".")
			}
			return vm.ToValue(names)
		}, nil
	}
	return nil, &net.DNSError{Err: "not implemented", Name: hostname}
}

// systemServers are the name servers of /etc/resolv.conf, as
// dns.getServers() words them.
func systemServers() []string {
	f, err := os.Open("/etc/resolv.conf")
	if err != nil {
		return []string{}
	}
	defer f.Close()
	out := []string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) >= 2 && fields[0] == "nameserver" && net.ParseIP(strings.SplitN(fields[1], "%", 2)[0]) != nil {
			out = append(out, fields[1])
		}
	}
	return out
}

// serviceName is the service of a TCP port in /etc/services, else the
// port's number.
func serviceName(port int) string {
	data, err := os.ReadFile("/etc/services")
	if err == nil {
		want := strconv.Itoa(port) + "/tcp"
		for line := range strings.SplitSeq(string(data), "\n") {
			f := strings.Fields(line)
			if len(f) >= 2 && f[1] == want && !strings.HasPrefix(f[0], "#") {
				return f[0]
			}
		}
	}
	return strconv.Itoa(port)
}
