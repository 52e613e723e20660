# The README's two commands: `make demo` and `make test`. Both install what is missing first.
SWIFT ?= swift
SCENARIO ?= ogre-2024
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build demo test api-test browser-test load-test compare-ci calendar-check workbook-check package-check docs schema-check install fuzz fuzz-ci fuzz-build property-test signal-test crash-test

# Everything the build and the test scripts need on a fresh Debian: GLPK, LEMON and zlib headers, Python with venv
# (the calendar, schema and benchmark checks install their pinned PyPI packages into virtual environments), GNU time
# (the benchmark's peak memory), Chromium and its WebDriver (the browser test). Installs only when something is missing.
DEB_PACKAGES := libglpk-dev liblemon-dev zlib1g-dev python3 python3-venv time chromium chromium-driver
deps:
	@if [ ! -f /usr/include/glpk.h ] || [ ! -f /usr/include/lemon/network_simplex.h ] || [ ! -f /usr/include/zlib.h ] \
		|| ! python3 -c 'import ensurepip, venv' 2>/dev/null || [ ! -x /usr/bin/time ] \
		|| [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then \
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

# The imports check, the whole suite, the JSON Schemas, the HTTP API against its OpenAPI document (schemathesis), the
# solver comparison at 1,000 young people so that it cannot rot (objectives must agree), the generated calendars parsed
# by a standard iCalendar consumer (Python) against sessions.json, the Ogre files read as .xlsx workbooks, the DocC
# archive of the library (a warning fails), the Hypothesis driver and every fuzz target for 30 s. The CLI tests copy
# the JSON files they write into .build/test-output, which schema-check validates afterwards.
test: deps package-check
	rm -rf .build/test-output
	$(SWIFT) test
	$(MAKE) schema-check
	$(MAKE) api-test
	$(MAKE) browser-test
	$(MAKE) compare-ci
	$(MAKE) calendar-check
	$(MAKE) workbook-check
	$(MAKE) docs
	$(MAKE) property-test
	$(MAKE) fuzz-ci

# Package.swift declares exactly the modules each Swift target imports.
package-check:
	Tests/PackageChecks/check_target_imports.py

# The MentorMatch library's DocC archive (.build/plugins/Swift-DocC/outputs/MentorMatch.doccarchive); a warning fails.
docs:
	$(SWIFT) package --disable-sandbox generate-documentation --target MentorMatch --warnings-as-errors

schema-check: deps
	$(SWIFT) build --product mentormatch
	Tests/SchemaCheck/check_schemas.sh

# The HTTP API against its OpenAPI document: openapi-spec-validator, then schemathesis (pinned, in a venv) against the
# real server on a free loopback port, stateful links included (Tests/APIConformance/run.sh).
api-test: deps
	$(SWIFT) build --product mentormatch
	Tests/APIConformance/run.sh

# Opt-in (about 2 minutes): 16 clients submitting Ogre-size matchings with ?wait=10 for 60 s, then a 10,000-request
# soak, against the release server (Benchmarks/server_load.py); prints throughput, p50/p99, errors and RSS.
load-test: build
	python3 Benchmarks/server_load.py --binary .build/release/mentormatch

# The pages in a real browser: headless Chromium (Debian) driven by Selenium (pinned, in a venv) against the built
# server on a free loopback port; a screenshot of every page goes to .build/test-output/browser (Tests/Browser/run.sh).
browser-test: deps
	$(SWIFT) build --product mentormatch
	Tests/Browser/run.sh

calendar-check: deps
	$(SWIFT) build --product mentormatch
	Tests/CalendarConsumer/check_calendars.sh

# The `.xlsx` reader on workbooks written by openpyxl and LibreOffice (installed when missing) from the Ogre CSV files.
workbook-check: deps
	$(SWIFT) build --product mentormatch
	Tests/Workbooks/check_workbooks.sh

compare-ci: build
	Benchmarks/compare.sh --sizes 1000 --ci --no-build

# `make install` puts the release binary at $(PREFIX)/bin/mentormatch (default /usr/local/bin, on PATH).
PREFIX ?= /usr/local
install: build
	install -d "$(DESTDIR)$(PREFIX)/bin"
	install -m 755 "$$($(SWIFT) build -c release --show-bin-path)/mentormatch" "$(DESTDIR)$(PREFIX)/bin/mentormatch"
	@echo "installed $(DESTDIR)$(PREFIX)/bin/mentormatch"

# Issue 14: no input can crash or hang it. libFuzzer targets (Tests/Fuzz/README.md), built into .build-fuzz with the
# toolchain's libFuzzer runtime; `make fuzz` runs each for FUZZ_SECONDS, `make test` each for FUZZ_CI_SECONDS. A crash,
# a timeout or running out of memory fails the run; the input is saved under FUZZ_FINDINGS.
FUZZ_TARGETS ?= csv xlsx schedule-csv availability policy scenario input-json engine
FUZZ_SECONDS ?= 600
FUZZ_CI_SECONDS ?= 30
FUZZ_FINDINGS ?= out/fuzz-findings
FUZZ_RUNTIME = $(firstword $(wildcard $(dir $(realpath $(shell command -v swiftc)))../lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-$(shell uname -m).a))

fuzz-build: deps
	@test -n "$(FUZZ_RUNTIME)" || { echo "libFuzzer's runtime (libclang_rt.fuzzer_no_main) is not in this Swift toolchain" >&2; exit 1; }
	MENTORMATCH_FUZZ=$(FUZZ_RUNTIME) $(SWIFT) build --scratch-path .build-fuzz --product MentorMatchFuzz

fuzz: fuzz-build
	Tests/Fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_FINDINGS) $(FUZZ_TARGETS)

fuzz-ci: fuzz-build
	Tests/Fuzz/run.sh $(FUZZ_CI_SECONDS) $(FUZZ_FINDINGS) $(FUZZ_TARGETS)

# Extreme but well-formed inputs for the whole binary, generated by Hypothesis (Tests/PropertyDriver), in a venv.
PROPERTY_VENV ?= .build/property-venv
PROPERTY_EXAMPLES ?= 40

property-test: deps
	Tests/Support/python_venv.sh $(PROPERTY_VENV) Tests/PropertyDriver/requirements.txt
	$(SWIFT) build --product mentormatch
	MENTORMATCH_BINARY=.build/debug/mentormatch PROPERTY_EXAMPLES=$(PROPERTY_EXAMPLES) \
		$(PROPERTY_VENV)/bin/python Tests/PropertyDriver/extreme_inputs.py

# Opt-in (minutes): SIGKILL at six points while `match` writes a 50,000-young-person result, with the release binary.
signal-test: build
	MENTORMATCH_SIGNAL_TEST=1 MENTORMATCH_BINARY=.build/release/mentormatch $(SWIFT) test --filter KilledWriteTests

# Opt-in (minutes): SIGKILL to `mentormatch serve` while it solves a 50,000-young-person job; its worker must end with it,
# and the restarted server must finish the job with the `pairs.csv` of `match`, byte for byte (Tests/ServeCrash).
crash-test: build
	python3 Tests/ServeCrash/crash_test.py --binary .build/release/mentormatch
