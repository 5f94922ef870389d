'use strict';
// The npm package tr46, which whatwg-url requires: UTS #46 processing of a
// domain name, by golang.org/x/net/idna (mod_url.go) instead of tr46's
// mapping table. toASCII gives null where the name is refused.
var native = binding('url');

exports.toASCII = function toASCII(domain, options) {
  options = options || {};
  return native.idnaToASCII(domain, Boolean(options.useSTD3ASCIIRules), Boolean(options.verifyDNSLength));
};
exports.toUnicode = function toUnicode(domain) {
  return { domain: native.idnaToUnicode(domain), error: false };
};
