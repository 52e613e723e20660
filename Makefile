# The README's two commands: `make demo` and `make test`. Both install what is missing first.
SWIFT ?= swift
SCENARIO ?= ogre-2024
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build demo test compare-ci calendar-check package-check docs schema-check install

# Everything the build and the test scripts need on a fresh Debian: GLPK and LEMON headers, Python with venv (the
# calendar, schema and benchmark checks install their pinned PyPI packages into virtual environments), and GNU time
# (the benchmark's peak memory). Installs only when something is missing.
DEB_PACKAGES := libglpk-dev liblemon-dev python3 python3-venv time
deps:
	@if [ ! -f /usr/include/glpk.h ] || [ ! -f /usr/include/lemon/network_simplex.h ] \
		|| ! python3 -c 'import ensurepip, venv' 2>/dev/null || [ ! -x /usr/bin/time ]; then \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(DEB_PACKAGES); \
	fi

build: deps
	$(SWIFT) build -c release --product mentormatch

demo: build
	.build/release/mentormatch match \
		--mentors Scenarios/$(SCENARIO)/mentors.csv \
		--mentees Scenarios/$(SCENARIO)/mentees.csv \
		--places Scenarios/$(SCENARIO)/places.csv \
		--policy Scenarios/$(SCENARIO)/policy.yaml \
		--out out/$(SCENARIO)

# The imports check, the whole suite, then the solver comparison at 1,000 young people so that it cannot rot
# (objectives must agree), the generated calendars parsed by a standard iCalendar consumer (Python) against
# sessions.json, and the DocC archive of the library (a warning fails). The CLI tests copy the JSON files they write
# into .build/test-output, which schema-check validates afterwards.
test: deps package-check
	rm -rf .build/test-output
	$(SWIFT) test
	$(MAKE) schema-check
	$(MAKE) compare-ci
	$(MAKE) calendar-check
	$(MAKE) docs

# Package.swift declares exactly the modules each Swift target imports.
package-check:
	Tests/PackageChecks/check_target_imports.py

# The MentorMatch library's DocC archive (.build/plugins/Swift-DocC/outputs/MentorMatch.doccarchive); a warning fails.
docs:
	$(SWIFT) package --disable-sandbox generate-documentation --target MentorMatch --warnings-as-errors

schema-check: deps
	$(SWIFT) build --product mentormatch
	Tests/SchemaCheck/check_schemas.sh

calendar-check: deps
	$(SWIFT) build --product mentormatch
	Tests/CalendarConsumer/check_calendars.sh

compare-ci: build
	Benchmarks/compare.sh --sizes 1000 --ci --no-build

# `make install` puts the release binary at $(PREFIX)/bin/mentormatch (default /usr/local/bin, on PATH).
PREFIX ?= /usr/local
install: build
	install -d "$(DESTDIR)$(PREFIX)/bin"
	install -m 755 "$$($(SWIFT) build -c release --show-bin-path)/mentormatch" "$(DESTDIR)$(PREFIX)/bin/mentormatch"
	@echo "installed $(DESTDIR)$(PREFIX)/bin/mentormatch"
