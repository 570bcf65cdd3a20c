#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs every libFuzzer target for a bounded time from its committed seed corpus.
# Fails (exit 1) on the first crash, leak, timeout or sanitizer report.
#   tests/fuzz/run.sh BUILD_DIR [SECONDS_PER_TARGET]   (default 45)
set -euo pipefail
build=$(cd "${1:?usage: run.sh BUILD_DIR [SECONDS]}" && pwd)
seconds=${2:-45}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for target in "$build"/bin/fuzz_*; do
    name=$(basename "$target")
    mkdir -p "$work/$name"
    seeds="$here/corpus/$name"
    echo "==> $name for ${seconds}s"
    # New inputs go to a scratch corpus; the committed seeds are only read.
    if ! (cd "$work" && "$target" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2560 \
            -print_final_stats=1 "$work/$name" ${seeds:+"$seeds"} > "$work/$name.log" 2>&1); then
        echo "$name FAILED:"; tail -n 60 "$work/$name.log"
        status=1
    else
        grep -E '^stat::number_of_executed_units|^Done' "$work/$name.log" | tr '\n' ' '; echo
    fi
done
exit $status
