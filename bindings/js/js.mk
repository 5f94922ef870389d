# bindings/js/js.mk: the JavaScript host, dgramjs (docs/JS.md). Included
# by the top Makefile before its rules.
#
#   make dgramjs   build/dgramjs
#   make test-js   go install puts dgramjs on PATH, and the installed command
#                  runs a script and reports a failed one (the package's tests,
#                  go test ./bindings/js, run with test-go)
#   make demo-js   the Go echo server with the JavaScript client run by dgramjs

# The fragment is included before the top Makefile's first rule.
.DEFAULT_GOAL := all

TESTS += test-js
DEMOS += demo-js

.PHONY: dgramjs test-js demo-js

dgramjs:
	@mkdir -p $(BUILD)
	$(GO) build -o $(BUILD)/dgramjs ./bindings/js/cmd/dgramjs

test-js:
	@rm -rf $(BUILD)/gobin && mkdir -p $(BUILD)/gobin
	GOBIN=$(CURDIR)/$(BUILD)/gobin $(GO) install ./bindings/js/cmd/dgramjs
	PATH=$(CURDIR)/$(BUILD)/gobin:$$PATH dgramjs bindings/js/testdata/createSocket.js
	@PATH=$(CURDIR)/$(BUILD)/gobin:$$PATH dgramjs bindings/js/testdata/fail-assert.js >/dev/null 2>&1; \
	  code=$$?; if [ $$code -ne 1 ]; then echo "test-js: a failed assertion exited $$code, want 1"; exit 1; fi
	@echo "test-js: dgramjs installed and runs scripts"

demo-js: examples dgramjs
	./examples/js/demo.sh $(BUILD)
