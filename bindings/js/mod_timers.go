package dgramjs

// timers/promises (lib/node/timers_promises.js) on the host's timers.
func init() {
	jsModules["timers/promises"] = "timers_promises.js"
}
