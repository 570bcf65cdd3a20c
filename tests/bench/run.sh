#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs every benchmark on a Release build at 1k, 10k and 50k cases and prints one markdown
# table of the results and their ratios (tests/bench/README.md says what each figure means).
#
#   tests/bench/run.sh                     # sizes 1000,10000,50000
#   WB_BENCH_SIZES=1000,10000 tests/bench/run.sh
#
# Generated workspaces are kept in $WB_BENCH_DIR (default build/bench-data) between runs; the
# first run at 50k generates about 4.7 million records and takes a long while.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
SIZES=${WB_BENCH_SIZES:-1000,10000,50000}
DIR=${WB_BENCH_DIR:-$ROOT/build/bench-data}
MEMORY_SIZE=${WB_BENCH_MEMORY_SIZE:-10000}
mkdir -p "$DIR"

cmake --preset release > /dev/null
cmake --build build/release --target wb_bench rasso-workbench-cli > /dev/null
BENCH=$ROOT/build/release/bin/wb_bench
CLI=$ROOT/build/release/bin/rasso-workbench-cli
export WB_BENCH_DIR=$DIR

# Everything except peak memory, with the generated data created first if it is missing.
WB_BENCH_SIZES=$SIZES "$BENCH" --benchmark_filter='-PeakMemory' \
    --benchmark_out="$DIR/results.json" --benchmark_out_format=json >&2
# Peak memory in a process of its own, so nothing else raised the peak.
case ",$SIZES," in
*",$MEMORY_SIZE,"*)
    WB_BENCH_SIZES=$MEMORY_SIZE "$BENCH" --benchmark_filter='PeakMemory' \
        --benchmark_out="$DIR/memory.json" --benchmark_out_format=json >&2 ;;
*) echo '{"benchmarks": []}' > "$DIR/memory.json" ;;
esac

# The whole CLI process (key derivation, unlock, every case printed), timed from outside.
: > "$DIR/cli.tsv"
IFS=',' read -r -a sizes <<< "$SIZES"
for n in "${sizes[@]}"; do
    file=$DIR/workspace-$n.rwb
    best=
    for _ in 1 2 3; do
        start=$(date +%s%N)
        echo "benchmark passphrase for fictional data only" | "$CLI" cases "$file" --passphrase-fd 0 > /dev/null
        end=$(date +%s%N)
        ms=$(( (end - start) / 1000000 ))
        if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
    done
    printf '%s\t%s\n' "$n" "$best" >> "$DIR/cli.tsv"
done

python3 "$ROOT/tests/bench/report.py" "$DIR/results.json" "$DIR/memory.json" "$DIR/cli.tsv" | tee "$DIR/table.md"
