#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a file in core/ includes a core header from a higher layer (a dependency pointing back up).
# The layers, lowest first; a folder may include its own layer and every layer below it:
#   0 Error.h, json/                 errors and the JSON-reading helpers
#   1 domain/, security/, store/     plain types, process hardening, the SQLCipher connection
#   2 reference/, matching/          reference lists (resources/reference); the repeat-suspect matching model
#   3 records/                       record types and their field rules
#   4 nom/                           NOM catalogues, conditions, checklists
#   5 audit/                         the audit chain (every write appends to it)
#   6 schema/                        the migrations (they write audit baselines)
#   7 repo/                          repositories: the SQL of cases, people, records, context, search
#   8 integrity/                     the whole-workspace verifier (audit chain, records, index, schema)
#   9 Workspace.h                    the open workspace
#  10 catalogues/, deadlines/, plan/, io/, demo/, journey/, and the use-case folders victim/, people/, cases/, disclosure/,
#     drafts/, suspects/, training/ (scenario packs: read against the catalogues), reports/ (the reports' data),
#     export/ (the POLE CSV and case JSON exports), letters/ (victim letters: their templates and writing one)
# Usage: check-core-layers.sh [SOURCE_ROOT]
set -euo pipefail
root="${1:-$(cd "$(dirname "$0")/../../.." && pwd)}"
cd "$root"

rank_of() { # a path under core/ → its layer; empty when unknown
    case "$1" in
    core/Error.h | core/Error.cpp | core/json/*) echo 0 ;;
    core/domain/* | core/security/* | core/store/*) echo 1 ;;
    core/reference/* | core/matching/*) echo 2 ;;
    core/records/*) echo 3 ;;
    core/nom/*) echo 4 ;;
    core/audit/*) echo 5 ;;
    core/schema/*) echo 6 ;;
    core/repo/*) echo 7 ;;
    core/integrity/*) echo 8 ;;
    core/Workspace.h | core/Workspace.cpp | core/Workspace*.cpp | core/workspace/*) echo 9 ;;
    core/catalogues/* | core/deadlines/* | core/plan/* | core/io/* | core/demo/* | core/journey/* | core/victim/* | \
        core/people/* | core/cases/* | core/drafts/* | core/suspects/* | core/training/* | core/reports/* | \
        core/export/* | core/letters/* | core/disclosure/*) echo 10 ;;
    *) echo "" ;;
    esac
}

status=0
while IFS= read -r file; do
    from=$(rank_of "$file")
    if [[ -z "$from" ]]; then
        echo "$file: not in any layer; add its folder to tests/core/layers/check-core-layers.sh" >&2
        status=1
        continue
    fi
    while IFS= read -r include; do
        to=$(rank_of "$include")
        if [[ -z "$to" ]]; then
            echo "$file includes $include, which is in no layer" >&2
            status=1
        elif ((to > from)); then
            echo "$file (layer $from) includes $include (layer $to): a dependency pointing back up" >&2
            status=1
        fi
    done < <(sed -n 's/^#include "\(core\/[^"]*\)".*/\1/p' "$file")
done < <(find core -type f \( -name '*.h' -o -name '*.cpp' \) | sort)

if ((status == 0)); then
    echo "core layers: no dependency points back up"
fi
exit $status
