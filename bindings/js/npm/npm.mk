# bindings/js/npm/npm.mk: the npm suite (issue 21, docs/JS.md): real npm
# packages that use dgram, run under node and dgramjs side by side.
# Included by the top Makefile before its rules.
#
#   make test-npm   npm ci (the versions pinned in package-lock.json, from
#                   the registry; install scripts off: no native addons),
#                   then go test -run TestNpmPackages ./bindings/js, which
#                   runs each script under node and under dgramjs and writes
#                   the table of packages and results to build/npm-suite.md
#                   (printed at the end). Skipped, and said so at the end of
#                   make test, where node or npm is missing.

.DEFAULT_GOAL := all

NPM_DIR := bindings/js/npm

ifeq ($(shell command -v npm >/dev/null 2>&1 && command -v node >/dev/null 2>&1 && echo yes),yes)
TESTS += test-npm
else
TESTS += test-npm-skipped
SKIPPED += 'the npm suite (test-npm: real npm packages under node and dgramjs): no node or npm (Debian: nodejs npm; tools/setup.sh --all)'
endif

.PHONY: test-npm test-npm-skipped

test-npm:
	@mkdir -p $(BUILD)
	cd $(NPM_DIR) && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@rm -f $(BUILD)/npm-suite.md
	DGRAMJS_NPM_SUITE=$(CURDIR)/$(BUILD)/npm-suite.md $(GO) test -count=1 -run '^TestNpmPackages$$' ./bindings/js; \
	  code=$$?; cat $(BUILD)/npm-suite.md 2>/dev/null || echo "test-npm: no summary written"; exit $$code

test-npm-skipped:
	@echo "test-npm: SKIPPED: node or npm is missing (Debian: apt-get install nodejs npm; tools/setup.sh --all)"
