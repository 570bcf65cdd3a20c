#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# One entry point for developers and CI on Debian 12.
#   packaging/dev.sh run    set up, build the workbench (Release: only the GUI and what it loads) and launch it
#   packaging/dev.sh test   set up, build and run every test (ctest), printing failures
#   packaging/dev.sh setup  only install the Debian packages that are missing
#   packaging/dev.sh build [PRESET]   configure and build one preset (default: release)
#   packaging/dev.sh fuzz [SECONDS]   build the libFuzzer targets and run each (default 300 s)
#   packaging/dev.sh format [--fix]   check (or apply) the project's .clang-format on every C++ file
#   packaging/dev.sh tidy [PRESET] [--app]   clang-tidy 14 (.clang-tidy) over core/ (and app/), warnings as errors
#   packaging/dev.sh sanitize [--all]   ASan+UBSan build: the core's and CLI's tests (--all: every suite)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(cd "$here/.." && pwd)
cd "$top"

jobs=${WB_JOBS:-$(nproc 2>/dev/null || echo 2)}

say() { printf '==> %s\n' "$*" >&2; }

setup() {
    local wanted=() missing=()
    mapfile -t wanted < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' -e '/^$/d' "$here/debian-packages.txt")
    for pkg in "${wanted[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$pkg")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        say "all ${#wanted[@]} Debian packages are installed"
        return 0
    fi
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "need root or sudo to install: ${missing[*]}" >&2; exit 1; }
        sudo=(sudo)
    fi
    say "installing missing Debian packages: ${missing[*]}"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
}

# build PRESET [TARGET...]: configure the preset, then build the targets named (default: all of them).
build() {
    local preset=${1:-release}
    [ $# -gt 0 ] && shift
    local targets=("$@")
    cmake --preset "$preset" >/dev/null
    if [ ${#targets[@]} -gt 0 ]; then
        say "configured preset '$preset'; building ${targets[*]}"
        cmake --build --preset "$preset" -j "$jobs" --target "${targets[@]}"
    else
        say "configured preset '$preset'; building everything"
        cmake --build --preset "$preset" -j "$jobs"
    fi
}

# run_tests PRESET [CTEST ARGS...]
run_tests() {
    local preset=$1
    shift
    say "running tests of preset '$preset' $*"
    ctest --preset "$preset" -j "$jobs" "$@"
}

# The crash-safety and corruption-corpus tests at a tenth of their size: the
# full runs (200 kills, 10,000 damaged files) happen once, in the sanitizer build.
run_quick_tests() {
    WB_CRASH_CYCLES=${WB_CRASH_CYCLES:-50} WB_CORRUPTION_VARIANTS=${WB_CORRUPTION_VARIANTS:-1000} run_tests "$1"
}

# Runs one step and prints how long it took (the CI log then shows each step's time).
timed() {
    local start=$SECONDS rc=0
    "$@" || rc=$?
    say "[$((SECONDS - start)) s] $*"
    return $rc
}

# Every tracked C++ file must match .clang-format (clang-format 14, as Debian 12 ships).
check_format() {
    local files=()
    mapfile -t files < <(git ls-files '*.cpp' '*.h')
    if [ "${1:-}" = --fix ]; then
        clang-format-14 -i "${files[@]}"
        return 0
    fi
    if ! clang-format-14 --dry-run --Werror "${files[@]}" 2>/dev/null; then
        clang-format-14 --dry-run "${files[@]}" 2>&1 | grep -o '^[^:]*\.\(cpp\|h\)' | sort -u | sed 's/^/  not formatted: /' >&2
        say "run 'packaging/dev.sh format --fix' and commit the result"
        return 1
    fi
}

# clang-tidy 14 with the checks in .clang-tidy over every core/*.cpp, on the compile commands of
# a configured preset (configured here if it is not yet), one file per job; any finding fails.
# --app adds the app/*.cpp files the preset compiles (core-only: the CLI, not the Qt main). app/ is
# clean but kept out of `dev.sh test`: its 13 CLI files include CLI11 and cost about 4 CPU-minutes
# (2 min on CI's 2 cores), more than the 90 s the CI budget allows for it.
run_tidy() {
    local preset=core-only with_app=no scope=core/
    for arg in "$@"; do
        case "$arg" in
            --app) with_app=yes ;;
            *) preset=$arg ;;
        esac
    done
    if [ ! -f "build/$preset/compile_commands.json" ]; then
        cmake --preset "$preset" >/dev/null
    fi
    local files=()
    mapfile -t files < <(git ls-files 'core/*.cpp')
    if [ "$with_app" = yes ]; then
        scope="core/ and app/"
        local compiled
        compiled=$(sed -n 's/^ *"file": *"\(.*\)",\{0,1\}$/\1/p' "build/$preset/compile_commands.json")
        while read -r file; do
            if grep -qxF "$top/$file" <<<"$compiled"; then
                files+=("$file")
            fi
        done < <(git ls-files 'app/*.cpp')
    fi
    say "clang-tidy over ${#files[@]} files of $scope ($jobs at a time)"
    # run-clang-tidy colours its output whatever the terminal; the log is read as plain text.
    run-clang-tidy-14 -p "build/$preset" -j "$jobs" -quiet "${files[@]/#/$top/}" 2>&1 |
        sed -e 's/\x1b\[[0-9;]*m//g' -e '/^clang-tidy-14 /d' -e '/^[0-9]* warnings\{0,1\} generated\.$/d'
    return "${PIPESTATUS[0]}"
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case "$cmd" in
    setup)
        setup
        ;;
    build)
        setup
        build "${1:-release}"
        ;;
    run)
        setup
        # Only the application and what it links (the reference data is copied when configuring): the tests,
        # benchmarks and the CLI are built by `test` and `build`, not before the window can appear.
        build release rasso-workbench
        say "launching the workbench"
        exec "$top/build/release/bin/rasso-workbench" "$@"
        ;;
    format)
        setup
        check_format "${1:-}"
        ;;
    sanitize)
        # The ASan+UBSan build by hand: the core's and the CLI's tests, or with --all every suite
        # (the widget tests and the end-to-end scans too: about half an hour on two cores).
        setup
        if [ "${1:-}" = --all ]; then
            build asan
            run_tests asan
        else
            build asan wb_core_tests wb_app_tests
            run_tests asan -L '^(core|app)$'
        fi
        ;;
    tidy)
        setup
        run_tidy "$@"
        ;;
    fuzz)
        setup
        build fuzz
        exec tests/fuzz/run.sh build/fuzz "${1:-300}"
        ;;
    test)
        setup
        status=0
        timed check_format || status=1
        # Everything with gcc, warnings as errors, GUI tests headless (with the end-to-end leak scan).
        # The full crash-safety (200 kills) and corruption (10,000 files) runs happen once, under
        # the sanitizers below; this build runs shorter versions. wb_core links no Qt here (core.noQt).
        timed build ci
        timed run_quick_tests ci || status=1
        # One clang build with ASan+UBSan of the core, the CLI and the libFuzzer targets: the core's
        # and the CLI's tests again at full size, then every parser of outside input under libFuzzer
        # for a bounded time each. The widget tests are not built here: under the sanitizers they
        # doubled the length of a CI run (`dev.sh sanitize --all` runs them).
        timed build asan wb_core_tests wb_app_tests wb_fuzzers
        timed run_tests asan -L '^(core|app)$' || status=1
        say "fuzzing each target for ${WB_FUZZ_SECONDS:-20}s"
        timed tests/fuzz/run.sh build/asan "${WB_FUZZ_SECONDS:-20}" || status=1
        if [ $status -ne 0 ]; then
            say "some tests FAILED (see above)"
        else
            say "all tests passed"
        fi
        exit $status
        ;;
    *)
        sed -n '3,11p' "$0" | sed 's/^# \{0,1\}//' >&2
        exit 2
        ;;
esac
