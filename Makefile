# The README's two commands: `make demo` and `make test`. Both install what is missing first.
SWIFT ?= swift
SCENARIO ?= ogre-2024
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build demo test compare-ci calendar-check package-check docs

deps:
	@if [ ! -f /usr/include/glpk.h ] || [ ! -f /usr/include/lemon/network_simplex.h ]; then \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libglpk-dev liblemon-dev; \
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
# sessions.json, and the DocC archive of the library (a warning fails).
test: deps package-check
	$(SWIFT) test
	$(MAKE) compare-ci
	$(MAKE) calendar-check
	$(MAKE) docs

# Package.swift declares exactly the modules each Swift target imports.
package-check:
	Tests/PackageChecks/check_target_imports.py

# The MentorMatch library's DocC archive (.build/plugins/Swift-DocC/outputs/MentorMatch.doccarchive); a warning fails.
docs:
	$(SWIFT) package --disable-sandbox generate-documentation --target MentorMatch --warnings-as-errors

calendar-check: deps
	$(SWIFT) build --product mentormatch
	Tests/CalendarConsumer/check_calendars.sh

compare-ci: build
	Benchmarks/compare.sh --sizes 1000 --ci --no-build
