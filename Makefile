# Folio: `make run` installs what is missing, builds and renders Output/; `make test` runs the tests.
SWIFT ?= swift
CONFIG ?= release
DEB_PACKAGES := libcairo2-dev libpango1.0-dev libfontconfig-dev libcmark-gfm-dev \
                libcmark-gfm-extensions-dev zlib1g-dev libssl-dev libyaml-dev libqpdf-dev qpdf poppler-utils fonts-inter \
                util-linux
# Only the tests need a browser: they measure chart text at phone width and screenshot the HTML
# in headless Chromium (about 2 s of a run; 12 s and 350 MB to install once).
TEST_DEB_PACKAGES := chromium
FOLIO := .build/$(CONFIG)/folio
# The Swift runtime is linked dynamically: notebook libraries loaded at run time share it with folio.
BUILD_FLAGS :=

.PHONY: all deps test-deps build run test check clean

all: run

# Installs the Debian packages of $(1) that are missing (apt-get when run as root), or says how.
define install_missing
	@missing=""; \
	for p in $(1); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	  else \
	    echo "Missing Debian packages:$$missing"; echo "Run 'sudo make $(2)' or: sudo apt-get install$$missing"; exit 1; \
	  fi; \
	fi
endef

## deps: install the Debian packages Folio needs that are missing (apt-get when run as root).
deps:
	$(call install_missing,$(DEB_PACKAGES),deps)

## test-deps: also the packages only the tests use (Chromium).
test-deps: deps
	$(call install_missing,$(TEST_DEB_PACKAGES),test-deps)

## build: compile the folio executable.
build: deps
	$(SWIFT) build -c $(CONFIG) $(BUILD_FLAGS) --product folio

## run: render every analysis into Output/.
run: build
	$(FOLIO) run

# The test build, as CI makes it from scratch: each module compiled whole (one frontend job
# instead of one per batch of files, which each re-parse and re-check the module's other files;
# `-num-threads` keeps one object file per source, as SwiftPM's link step expects) and without
# debug info. Measured from a fresh clone (2 cores): 94 s (154 CPU-seconds) with SwiftPM's debug
# defaults, 80 s whole-module, 73 s (114) also without debug info. Incremental rebuilds of a
# module are whole too; `swift build` without these flags keeps the per-file defaults.
TEST_FLAGS := -Xswiftc -wmo -Xswiftc -num-threads -Xswiftc $(shell nproc 2>/dev/null || echo 2) -Xswiftc -gnone

# `--disable-xctest`: every test is a Swift Testing one; without it `swift test` also starts the
# test bundle once for XCTest, to find none (0.3-0.7 s of every run).
## test: run the test suite, then prove Output/ is current (with the debug build the tests made).
test: test-deps
	$(SWIFT) test $(TEST_FLAGS) --disable-xctest
	.build/debug/folio check

## check: fail when Output/ is stale.
check: build
	$(FOLIO) check

clean:
	rm -rf .build
