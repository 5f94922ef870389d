package spec

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestRealSpecLoads(t *testing.T) {
	s, err := Load("dgram.yaml")
	if err != nil {
		t.Fatal(err)
	}
	// Every call is a row of the seed's table, a row of the extension
	// table, or shares the row of the call whose core it shares.
	sharing := 0
	for _, c := range s.Calls {
		if c.Core != "" {
			sharing++
		}
	}
	if len(s.Platforms) == 0 || len(s.MatrixCalls()) == 0 || len(s.MatrixCalls())+len(s.ExtensionCalls())+sharing != len(s.Calls) {
		t.Errorf("got %d platforms, %d calls: %d in the seed's table, %d in the extension table, %d sharing a core",
			len(s.Platforms), len(s.Calls), len(s.MatrixCalls()), len(s.ExtensionCalls()), sharing)
	}
	sendto, _ := s.Call("sendto")
	if got := s.Cell(sendto, "nuttx"); got != (Cell{Partial, 1}) {
		t.Errorf("sendto on nuttx = %+v, want send's △1", got)
	}
	ttl, _ := s.Call("setMulticastTTL")
	if s.Cell(ttl, "linux").Level != Unsupported || s.NativeCell(ttl, "linux").Level != Supported {
		t.Errorf("setMulticastTTL on linux: want X in the reference and O natively")
	}
}

func TestSpecHash(t *testing.T) {
	s, err := Parse("x.yaml", []byte("name: dgram\n"))
	if err != nil {
		t.Fatal(err)
	}
	// printf 'name: dgram\n' | sha256sum
	if want := "d1f0dc72f81e2020d993ea065730e5a521cd8948a557063a4e6bfe22cfed136f"; s.SHA256 != want {
		t.Errorf("SHA256 = %s, want %s", s.SHA256, want)
	}
}

func TestMiniLoads(t *testing.T) {
	if _, err := Load("../gen/testdata/mini.yaml"); err != nil {
		t.Fatal(err)
	}
}

// lineOf is the 1-based line of the first occurrence of marker in text.
func lineOf(t *testing.T, text, marker string) int {
	t.Helper()
	i := strings.Index(text, marker)
	if i < 0 {
		t.Fatalf("marker %q not in the edited spec", marker)
	}
	return strings.Count(text[:i], "\n") + 1
}

func TestLoadErrors(t *testing.T) {
	mini, err := os.ReadFile("../gen/testdata/mini.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name     string
		old, new string // the edit of the mini spec
		at       string // marks the line the error names
		msg      string
	}{
		{"unknown key", "    maxDatagram: 65507\n", "    maxDatagram: 65507\n    colour: red\n",
			"colour: red", `unknown key "colour" in family`},
		{"unknown key in an object field", "        doc: The sender port.\n", "        doc: The sender port.\n        units: none\n",
			"units: none", `unknown key "units" in arg`},
		{"bad cell", "support: {linux: O, raspbian: O}", "support: {linux: Q, raspbian: O}",
			"support: {linux: Q", `call createSocket, platform linux: bad support cell "Q": want O, X, or △ and a footnote number`},
		{"undefined footnote", "raspbian: △1}", "raspbian: △3}",
			"raspbian: △3}", `call send, platform raspbian: cell "△3" names undefined footnote 3`},
		{"missing platform cell", "support: {linux: O, raspbian: O}", "support: {linux: O}",
			"support: {linux: O}", "call createSocket has no support cell for platform raspbian"},
		{"cell for an undefined platform", "support: {linux: O, raspbian: O}", "support: {linux: O, raspbian: O, tizenrt: O}",
			"support: {linux: O, raspbian: O, tizenrt", `call createSocket: support cell for undefined platform "tizenrt"`},
		{"dangling error of a call", "errors: [ERR_SOCKET_BAD_TYPE, ERR_OUT_OF_RANGE]", "errors: [ERR_SOCKET_BAD_TYPE, ERR_NOPE]",
			"  - name: createSocket", `call createSocket lists undefined error "ERR_NOPE"`},
		{"dangling error of an argument", "        error: ERR_OUT_OF_RANGE\n", "        error: ERR_NOPE\n",
			"      - name: recvBufferSize", `object SocketOptions, argument recvBufferSize: undefined error "ERR_NOPE"`},
		{"undefined object", "object: RemoteInfo", "object: Nowhere",
			"      - name: rinfo", `event message, argument rinfo: undefined object "Nowhere"`},
		{"footnote without text", "text: On Raspbian, sending may be slow.", `text: ""`,
			"  - id: 1", "footnote 1 has no text"},
		{"unused footnote", "raspbian: △1}", "raspbian: O}",
			"  - id: 1", "footnote 1 is not used by any cell"},
		{"yaml syntax", "doc: A small datagram module.", "doc: a: b",
			"doc: a: b", "mapping values are not allowed in this context"},
		{"yaml type", "name: dgram", "name: [1, 2]",
			"name: [1, 2]", "cannot unmarshal !!seq into string"},
		{"js port on a string", "            default: sendAddress\n", "            default: sendAddress\n            js: {port: true}\n",
			"          - &addressArg", "send(msg, port[, address][, sendListener]), argument address: js port is only for integers"},
		{"js truthy on a string", "            default: sendAddress\n", "            default: sendAddress\n            js: {truthy: true}\n",
			"          - &addressArg", "send(msg, port[, address][, sendListener]), argument address: js truthy is only for optional integers"},
		{"unknown js key", "        doc: The sender port.\n", "        doc: The sender port.\n        js: {colour: red}\n",
			"js: {colour", `unknown key "colour" in jsarg`},
		{"error number twice", "    go: ErrSocketBadPort\n    number: 2\n", "    go: ErrSocketBadPort\n    number: 1\n",
			"code: ERR_SOCKET_BAD_PORT", "error ERR_SOCKET_BAD_PORT: number 1 is also ERR_SOCKET_BAD_TYPE's"},
		{"error without a number", "    number: 6\n", "",
			"code: EMSGSIZE", "error EMSGSIZE: number must be a positive integer (the C code is -number)"},
		{"returns an unknown type", "    returns: boolean\n", "    returns: float\n",
			"  - name: getBroadcast", `call getBroadcast returns "float": not socket, integer, boolean, string, address or a defined object`},
		{"getter of the wrong type", "    returns: integer\n", "    returns: string\n",
			"      - signature: getTTL()", "getTTL(): getting option unicastTTL takes no argument and returns integer"},
		{"undefined option", "option: {name: broadcast, op: get}", "option: {name: multicast, op: get}",
			"option: {name: multicast", `call getBroadcast: option names undefined option "multicast"`},
		{"bad option op", "option: {name: broadcast, op: get}", "option: {name: broadcast, op: toggle}",
			"option: {name: broadcast, op: toggle}", `call getBroadcast: option op "toggle" must be set or get`},
		{"undefined address kind", "            address: group\n", "            address: multicast\n",
			"          - name: multicastAddress", `addMembership(multicastAddress), argument multicastAddress: address names undefined address kind "multicast"`},
		{"malformed that is an address", "    malformed: 256.1.1.1\n", "    malformed: 1.1.1.1\n",
			"  - type: udp4", `family "udp4": malformed "1.1.1.1" is an address`},
		{"bad version", "version: 1.1.0", "version: 1.0",
			"# A cut-down", `version "1.0": want MAJOR.MINOR.PATCH`},
		{"setter outside the option's bounds", "            min: 1\n            max: 255\n            error: EINVAL\n            doc: Between 1 and 255.\n",
			"            min: 0\n            max: 255\n            error: EINVAL\n            doc: Between 1 and 255.\n",
			"          - name: ttl", "setTTL(ttl): argument ttl must be checked within option unicastTTL's bounds (min and max)"},
		{"unknown role", "    role: oversize\n", "    role: huge\n",
			"  - code: EMSGSIZE", `error EMSGSIZE: role "huge" must be one of wrong-type, null-pointer, unsupported, oversize, unbound, closed, already-bound, invalid-handle, connected, not-connected`},
		{"role twice", "    role: oversize\n", "    role: unbound\n",
			"  - code: EBADF", `role "unbound" defined twice`},
		{"call number twice", "    number: 9\n    since", "    number: 2\n    since",
			"  - name: setMulticastInterface", "call setMulticastInterface: number 2 is also sendto's (a released number never moves: give the new one 9)"},
		{"call without a number", "    title: dgram.Socket.getTTL\n    number: 5\n", "    title: dgram.Socket.getTTL\n",
			"  - name: getTTL", `call without its required key "number"`},
		{"platform number twice", "    go: Raspbian\n    number: 2\n", "    go: Raspbian\n    number: 1\n",
			"  - id: raspbian", "platform raspbian: number 1 is also linux's (a released number never moves: give the new one 2)"},
		{"call since after the version", "    number: 6\n    since: \"1.1\"\n", "    number: 6\n    since: \"1.2\"\n",
			"  - name: getBroadcast", "call getBroadcast: since 1.2 is after the spec's version 1.1.0: bump version: to 1.2.0"},
		{"call since not a minor", "    number: 6\n    since: \"1.1\"\n", "    number: 6\n    since: \"1.1.0\"\n",
			"  - name: getBroadcast", `call getBroadcast: since version "1.1.0": want MAJOR.MINOR`},
		{"event without since", "  - name: error\n    since: \"1.0\"\n", "  - name: error\n",
			"  - name: error\n", `event without its required key "since"`},
		{"empty", "", "", "", "empty spec"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text, line := "", 1 // the empty spec
			if tc.old != "" {
				text = strings.Replace(string(mini), tc.old, tc.new, 1)
				if text == string(mini) {
					t.Fatalf("edit %q not applied", tc.old)
				}
				line = lineOf(t, text, tc.at)
			}
			want := fmt.Sprintf("mini.yaml:%d: %s", line, tc.msg)
			_, err := Parse("mini.yaml", []byte(text))
			if err == nil {
				t.Fatalf("loaded; want %s", want)
			}
			if err.Error() != want {
				t.Errorf("got  %s\nwant %s", err, want)
			}
			if _, ok := err.(*LoadError); !ok {
				t.Errorf("error is %T, want *LoadError", err)
			}
		})
	}
}

func TestParseCell(t *testing.T) {
	for in, want := range map[string]Cell{"O": {Supported, 0}, "X": {Unsupported, 0}, "△1": {Partial, 1}, "△ 12": {Partial, 12}} {
		if got, err := ParseCell(in); err != nil || got != want {
			t.Errorf("ParseCell(%q) = %+v, %v; want %+v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "Q", "△", "△0", "△x", "o"} {
		if _, err := ParseCell(in); err == nil {
			t.Errorf("ParseCell(%q) succeeded", in)
		}
	}
}
