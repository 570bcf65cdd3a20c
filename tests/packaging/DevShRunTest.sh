#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# `packaging/dev.sh run` builds only the workbench's GUI target (and what it links), then launches it
# with the arguments given; it used to build every target of the Release preset (tests and benchmarks
# included) before the window appeared. Run against a copy of dev.sh with cmake, dpkg-query and the
# built program replaced by scripts that write down how they were called. Usage: DevShRunTest.sh SOURCE_DIR
set -euo pipefail

source_dir=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/tree/packaging" "$work/tree/build/release/bin" "$work/fake"
cp "$source_dir/packaging/dev.sh" "$source_dir/packaging/debian-packages.txt" "$work/tree/packaging/"
log=$work/calls.log
export WB_FAKE_LOG=$log

cat >"$work/fake/cmake" <<'SCRIPT'
#!/bin/sh
echo "cmake $*" >>"$WB_FAKE_LOG"
SCRIPT
cat >"$work/fake/dpkg-query" <<'SCRIPT'
#!/bin/sh
printf 'install ok installed'
SCRIPT
cat >"$work/tree/build/release/bin/rasso-workbench" <<'SCRIPT'
#!/bin/sh
echo "launched $*" >>"$WB_FAKE_LOG"
SCRIPT
chmod +x "$work/fake/cmake" "$work/fake/dpkg-query" "$work/tree/build/release/bin/rasso-workbench"

PATH="$work/fake:$PATH" WB_JOBS=2 bash "$work/tree/packaging/dev.sh" run --workspace fictional.rwb 2>/dev/null

fail() {
    echo "FAILED: $*" >&2
    echo "calls:" >&2
    sed 's/^/  /' "$log" >&2
    exit 1
}
grep -qx 'cmake --preset release' "$log" || fail "the release preset is not configured"
builds=$(grep -c '^cmake --build' "$log" || true)
[ "$builds" -eq 1 ] || fail "expected one build, got $builds"
grep -qx 'cmake --build --preset release -j 2 --target rasso-workbench' "$log" ||
    fail "the build is not limited to the rasso-workbench target"
[ "$(tail -n 1 "$log")" = 'launched --workspace fictional.rwb' ] || fail "the workbench is not launched last, with the arguments"
echo "dev.sh run builds only rasso-workbench, then launches it"
