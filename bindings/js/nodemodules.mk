# bindings/js/nodemodules.mk: Node's own tests for the built-in modules
# dgramjs provides (issue 21; bindings/js/testdata/node/modules.txt lists
# them, docs/JS.md has the pass rates). Included by the top Makefile
# before its rules.
#
#   make node-test-snapshot  puts Node's test/parallel, from denoland/node_test
#                            at the commit modules.txt names, in build/node_test:
#                            from NODE_TEST_SNAPSHOT when set (a git directory
#                            holding that commit, or a directory holding
#                            test/parallel), else fetched from GitHub
#                            (.ci/run does this before make test)
#   make test-node-modules   runs the listed tests under dgramjs and node
#                            (go test -run TestNodeModules ./bindings/js) and
#                            prints the pass rates per module; part of make
#                            test where build/node_test or NODE_TEST_SNAPSHOT
#                            is there, else skipped and said so at its end

.DEFAULT_GOAL := all

NODE_TESTS_LIST   := bindings/js/testdata/node/modules.txt
NODE_TESTS_COMMIT := $(shell sed -n 's/^commit //p' $(NODE_TESTS_LIST))
NODE_TESTS_DIR    := $(BUILD)/node_test
NODE_TESTS_REPO   := https://github.com/denoland/node_test

ifeq ($(shell { [ -n "$(NODE_TEST_SNAPSHOT)" ] || [ -d $(NODE_TESTS_DIR)/test/parallel ]; } && command -v node >/dev/null 2>&1 && echo yes),yes)
TESTS += test-node-modules
else
TESTS += test-node-modules-skipped
SKIPPED += "Node's tests for the built-in modules (test-node-modules): no snapshot of Node's tests in $(NODE_TESTS_DIR) (make node-test-snapshot), or no node"
endif

.PHONY: node-test-snapshot test-node-modules test-node-modules-skipped

node-test-snapshot:
	@if [ -d $(NODE_TESTS_DIR)/test/parallel ]; then echo "node-test-snapshot: $(NODE_TESTS_DIR) is there"; exit 0; fi; \
	rm -rf $(NODE_TESTS_DIR).tmp && mkdir -p $(NODE_TESTS_DIR).tmp && \
	if [ -n "$(NODE_TEST_SNAPSHOT)" ] && [ -d "$(NODE_TEST_SNAPSHOT)/test/parallel" ]; then \
	  mkdir -p $(NODE_TESTS_DIR).tmp/test && cp -r "$(NODE_TEST_SNAPSHOT)/test/parallel" $(NODE_TESTS_DIR).tmp/test/; \
	elif [ -n "$(NODE_TEST_SNAPSHOT)" ]; then \
	  git --git-dir="$(NODE_TEST_SNAPSHOT)" archive $(NODE_TESTS_COMMIT) test/parallel | tar -x -C $(NODE_TESTS_DIR).tmp; \
	else \
	  git -C $(NODE_TESTS_DIR).tmp init -q && \
	  git -C $(NODE_TESTS_DIR).tmp sparse-checkout set --no-cone /test/parallel/ && \
	  timeout 120 git -C $(NODE_TESTS_DIR).tmp fetch -q --depth 1 --filter=blob:none $(NODE_TESTS_REPO) $(NODE_TESTS_COMMIT) && \
	  git -C $(NODE_TESTS_DIR).tmp -c advice.detachedHead=false checkout -q FETCH_HEAD && \
	  rm -rf $(NODE_TESTS_DIR).tmp/.git; \
	fi && [ -d $(NODE_TESTS_DIR).tmp/test/parallel ] && mv $(NODE_TESTS_DIR).tmp $(NODE_TESTS_DIR) && \
	echo "node-test-snapshot: Node's test/parallel of denoland/node_test $(NODE_TESTS_COMMIT) in $(NODE_TESTS_DIR)"

test-node-modules: node-test-snapshot
	@mkdir -p $(BUILD)
	DGRAMJS_NODE_TESTS=$(CURDIR)/$(NODE_TESTS_DIR) DGRAMJS_NODE_MODULES_REPORT=$(CURDIR)/$(BUILD)/node-modules.md \
	  $(GO) test -count=1 -run '^TestNodeModules$$' ./bindings/js; \
	  code=$$?; cat $(BUILD)/node-modules.md 2>/dev/null | sed '/^passing under dgramjs/d'; exit $$code

test-node-modules-skipped:
	@echo "test-node-modules: SKIPPED: no snapshot of Node's tests in $(NODE_TESTS_DIR): make node-test-snapshot (or NODE_TEST_SNAPSHOT=<git dir or checkout>)"
