# hkbill: the two everyday commands are `make demo` and `make test`.
# Both install missing system packages first (Debian: apt-get, as root or via sudo).

PREFIX ?= /usr/local
SWIFT ?= swift
SWIFT_FLAGS ?=
DEPS_PKGS := libcurl4-openssl-dev libncurses-dev tmux
BENCH_PKGS := wrk python3
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all build release demo test bench install uninstall deps bench-deps clean snapshots readme-screens

all: build

# Install what is missing, and only then: `apt-get update` runs only when a package is absent.
deps:
	@missing=""; for p in $(DEPS_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y $$missing; \
	fi

bench-deps: deps
	@missing=""; for p in $(BENCH_PKGS); do command -v $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y $$missing; \
	fi

build: deps
	$(SWIFT) build $(SWIFT_FLAGS)

release: deps
	$(SWIFT) build -c release $(SWIFT_FLAGS)

# Opens the console on the built-in sandbox (a seeded demo customer, no account needed).
demo: deps
	$(SWIFT) build $(SWIFT_FLAGS) --product hkbill
	$$($(SWIFT) build --show-bin-path)/hkbill --demo

# Every test: unit, sandbox, view-models, rendering snapshots, then the tmux end-to-end script.
test: deps
	$(SWIFT) build --build-tests $(SWIFT_FLAGS)
	HKBILL_BIN=$$($(SWIFT) build --show-bin-path)/hkbill $(SWIFT) test --skip-build $(SWIFT_FLAGS)
	@if [ -x scripts/e2e.sh ]; then HKBILL_BIN=$$($(SWIFT) build --show-bin-path)/hkbill scripts/e2e.sh; fi

# Benchmarks print their figures (release build); see README "Speed".
bench: bench-deps
	$(SWIFT) build -c release $(SWIFT_FLAGS) --product hkbill
	$(SWIFT) build -c release $(SWIFT_FLAGS) --product HkbillBench
	$$($(SWIFT) build -c release --show-bin-path)/HkbillBench --hkbill $$($(SWIFT) build -c release --show-bin-path)/hkbill

install: release
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/hkbill/themes
	install -m 0755 $$($(SWIFT) build -c release --show-bin-path)/hkbill $(DESTDIR)$(PREFIX)/bin/hkbill
	install -m 0644 themes/*.theme $(DESTDIR)$(PREFIX)/share/hkbill/themes/ 2>/dev/null || true

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/hkbill
	rm -rf $(DESTDIR)$(PREFIX)/share/hkbill

clean:
	$(SWIFT) package clean
