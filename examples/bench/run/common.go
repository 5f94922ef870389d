package main

import "path/filepath"

// The common-peer workloads: every implementation's server (or receiver)
// faces the same fast client (or sender), golang.org/x/net's batched one
// (benchgo xnet: recvmmsg and sendmmsg), so that a binding's own client or
// sender never hides its server or receiver (issue 19):
//
//   - blast-common: the xnet sender sends as fast as it can to each
//     receiver; received/s ÷ Node and the loss are the receiver's.
//   - echo64-server: the xnet echo client (64 in flight) against each echo
//     server; msgs/s ÷ Node and the server's CPU per message.
//
// They run in the two-core arrangement (and one-core when -onecore names
// them).

// commonPeer is what a common-peer workload runs as its client, and the
// workload whose measurement and columns it has.
type commonPeer struct {
	argv []string
	kind string
}

// commonPeers are the common-peer workloads, by name.
var commonPeers = map[string]commonPeer{}

// commonPeerWorkloads makes the common-peer workloads of works.
func commonPeerWorkloads(works []workload) []workload {
	xnet := []string{filepath.Join(*binDir, "benchgo"), "xnet"}
	var out []workload
	for _, w := range works {
		name := map[string]string{"blast": "blast-common", "echo64": "echo64-server"}[w.name]
		if name == "" {
			continue
		}
		commonPeers[name] = commonPeer{argv: xnet, kind: w.name}
		out = append(out, workload{name, w.server, w.client})
	}
	return out
}

// what is the workload whose measurement and columns w has.
func what(w workload) string {
	if p, ok := commonPeers[w.name]; ok {
		return p.kind
	}
	return w.name
}
