#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Crash soak: 1,000 kill -9 cycles of a writer in the middle of saves (the CI test runs 200),
# and 40 of each whole-file CLI operation (create, backup, restore, change-passphrase, import).
# Not run by CI (about 10-20 minutes on the 2-core reference machine). Run from the source tree
# after building the tests, e.g. `cmake --preset release && cmake --build build/release
# --target wb_core_tests`:
#
#   tests/soak/crash-soak.sh [BUILD_DIR]          # default build/release, else build/ci
#
# Environment: WB_CRASH_CYCLES (default 1000), WB_CRASH_OPERATION_CYCLES (default 40),
# WB_CRASH_SEED (default: the time, printed so that a failing run can be repeated).
# Prints kill cycles, saves acknowledged, saves lost (must be 0), broken files (must be 0) and
# the wall time; exits non-zero on any loss or broken file.
set -eu

build=${1:-}
if [ -z "$build" ]; then
    if [ -x build/release/bin/wb_core_tests ]; then build=build/release; else build=build/ci; fi
fi
tests="$build/bin/wb_core_tests"
if [ ! -x "$tests" ]; then
    echo "crash-soak: $tests not found; build the wb_core_tests target first" >&2
    exit 2
fi

WB_CRASH_CYCLES=${WB_CRASH_CYCLES:-1000}
WB_CRASH_OPERATION_CYCLES=${WB_CRASH_OPERATION_CYCLES:-40}
WB_CRASH_SEED=${WB_CRASH_SEED:-$(date +%s)}
export WB_CRASH_CYCLES WB_CRASH_OPERATION_CYCLES WB_CRASH_SEED

log=$(mktemp)
trap 'rm -f "$log"' EXIT
echo "crash-soak: $WB_CRASH_CYCLES save kills, $WB_CRASH_OPERATION_CYCLES of each operation, seed $WB_CRASH_SEED ($tests)"
start=$(date +%s)
status=0
"$tests" --gtest_filter='CrashSafety.*:CrashOperations.*' >"$log" 2>&1 || status=$?
end=$(date +%s)

grep '^\[ crash' "$log" || true
failed=$(grep -c '^\[  FAILED  \].*ms)$' "$log" || true)
echo "crash-soak: wall time $((end - start)) s; failed tests: $failed; exit status $status"
if [ "$status" -ne 0 ]; then
    grep -B2 -A8 'Failure' "$log" | head -60
    echo "crash-soak: FAILED (seed $WB_CRASH_SEED)" >&2
    exit 1
fi
echo "crash-soak: passed: no acknowledged save lost, no broken file"
