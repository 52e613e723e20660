#!/usr/bin/env bash
# Runs each libFuzzer target for SECONDS, from seeds made of the bundled scenarios plus the corpus of earlier runs
# (.build-fuzz/corpus/TARGET), with the formats' dictionary. Fails on any crash, trap, timeout (10 s for one input)
# or running out of memory (2 GB), after running every target; the input that failed is saved as
# FINDINGS/TARGET-crash-…, -timeout-… or -oom-…. Prints libFuzzer's final line (executions, coverage) per target.
# Usage: Tests/Fuzz/run.sh SECONDS FINDINGS TARGET…
set -uo pipefail
cd "$(dirname "$0")/../.."
seconds=$1 findings=$2
shift 2
binary=.build-fuzz/debug/MentorMatchFuzz
mkdir -p "$findings"
Tests/Fuzz/seeds.sh .build-fuzz/seeds
failed=()
for target in "$@"; do
    corpus=.build-fuzz/corpus/$target
    mkdir -p "$corpus"
    log=.build-fuzz/$target.log
    MENTORMATCH_FUZZ_TARGET=$target "$binary" "$corpus" ".build-fuzz/seeds/$target" \
        -dict=Tests/Fuzz/mentormatch.dict -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
        -print_final_stats=1 -artifact_prefix="$findings/$target-" >"$log" 2>&1
    status=$?
    executions=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
    echo "fuzz $target: exit $status; $(grep -E '^#[0-9]+.*(DONE|cov:)' "$log" | tail -1 | sed 's/^#/executions /'); units ${executions:-?}"
    if [ "$status" -ne 0 ]; then
        failed+=("$target")
        grep -E 'ERROR|Fatal error|fuzz finding|SUMMARY|artifact' "$log" | head -8
    fi
done
if [ "${#failed[@]}" -gt 0 ]; then
    echo "fuzzing found inputs that crash, hang or exhaust memory: ${failed[*]} (inputs in $findings, logs in .build-fuzz/*.log)" >&2
    exit 1
fi
