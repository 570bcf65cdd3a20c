#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when core/, ui/ or app/ reads the system's date or time anywhere but core/domain/Clock*:
# "now" comes from one clock, the workspace's (Workspace::clock(); the GUI reads it through
# ui/session/WorkspaceNow.h), so that a test can set the date. Clock::system() is the one reader.
# Monotonic timers (std::chrono::steady_clock, QElapsedTimer) measure durations, not dates: allowed.
# Usage: check-system-time.sh [SOURCE_ROOT]
set -euo pipefail
root="${1:-$(cd "$(dirname "$0")/../../.." && pwd)}"
cd "$root"

# What reads the wall clock: std::chrono, C, POSIX and Qt.
pattern='system_clock::now|utc_clock::now|file_clock::now|nowUtc[[:space:]]*\(|QDateTime::current|QDate::currentDate'
pattern+='|QTime::currentTime|std::time[[:space:]]*\(|[^_[:alnum:]]time[[:space:]]*\([[:space:]]*(nullptr|NULL|0)[[:space:]]*\)'
pattern+='|gettimeofday|clock_gettime|localtime|gmtime'

hits=$(grep -rnE --include='*.h' --include='*.cpp' "$pattern" core ui app |
    grep -vE '^core/domain/Clock[^/]*:' |
    grep -vE '^[^:]+:[0-9]+:[[:space:]]*(//|\*)' |
    grep -vE '^core/domain/Time\.h:[0-9]+:Instant nowUtc\(\);$' || true)
# (core/domain/Time.h declares nowUtc() for Clock.cpp, tests and benchmarks; comments may name it.)

if [[ -n "$hits" ]]; then
    echo "These read the system's time; read the workspace's clock instead (Workspace::clock(), workspaceNow):" >&2
    echo "$hits" >&2
    exit 1
fi
echo "system time: read only by core/domain/Clock*"
