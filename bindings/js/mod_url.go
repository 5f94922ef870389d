package dgramjs

import "golang.org/x/net/idna"

// url (lib/node/url.js): the WHATWG URL and URLSearchParams as the npm
// package whatwg-url 7.1.0 implements them, with IDNA (UTS #46) by
// golang.org/x/net/idna in place of tr46's table; the legacy API as the npm
// package url 0.11.0 ports Node's (vendored, with punycode 1.4.1, which is
// also the punycode module).
func init() {
	jsModules["url"] = "url.js"
	jsModules["punycode"] = "vendor/punycode/punycode.js"
	libAliases["tr46"] = "vendor/shims/tr46.js"
	libAliases["lodash.sortby"] = "vendor/shims/lodash.sortby.js"
	libAliases["webidl-conversions"] = "vendor/webidl-conversions/lib/index.js"
	bindings["url"] = func(*host) map[string]any {
		return map[string]any{
			// idnaToASCII is UTS #46 ToASCII as the URL Standard's domain to
			// ASCII asks it (CheckBidi, CheckJoiners, not CheckHyphens,
			// nontransitional), or null where the domain is refused.
			"idnaToASCII": func(domain string, strict, verifyLength bool) any {
				p := idna.New(idna.MapForLookup(), idna.BidiRule(), idna.CheckJoiners(true), idna.CheckHyphens(false),
					idna.StrictDomainName(strict), idna.VerifyDNSLength(verifyLength), idna.Transitional(false))
				s, err := p.ToASCII(domain)
				if err != nil {
					return nil
				}
				return s
			},
			"idnaToUnicode": func(domain string) string {
				s, _ := idna.New(idna.MapForLookup(), idna.Transitional(false)).ToUnicode(domain)
				return s
			},
		}
	}
}
