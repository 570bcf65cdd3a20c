#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Regenerate the generated tables of resources/nom/README.md from the shipped files.

    python3 packaging/nom-readme-tables.py           rewrite the README in place
    python3 packaging/nom-readme-tables.py --check   exit 1 (naming the blocks) if it is stale

The generated parts sit between `<!-- generated: NAME -->` and `<!-- end generated: NAME -->`
lines; nothing outside them is touched. On a README without the markers (the first run) each
block is found under its heading (the first table, list or count line there) and wrapped in
markers. Reads resources/nom/enquiries.json, context-questions.json, journey-checklists.json and
resources/reference/journey-stages.json. Standard library only; the output depends only on the
files, so running it twice changes nothing.
"""

import argparse
import json
import re
import sys
from pathlib import Path

# The order of the catalogue table (the order of the `category` field's documentation in the
# README); a category not listed here is appended in the order it first appears in the file.
CATEGORY_ORDER = [
    "suspect-behaviour-before",
    "suspect-behaviour-during",
    "suspect-behaviour-after",
    "targeting-vulnerability",
    "prior-reports-intelligence",
    "repeat-suspect",
    "suspect-digital",
    "witnesses-associates",
    "forensic-scene",
    "arrest-interview",
    "disruption",
    "victim-centred",
    "digital-forensics",
    "third-party-material",
]

SCRIPT = "packaging/nom-readme-tables.py"


class ReadmeError(Exception):
    pass


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def cell(text):
    """A Markdown table cell: one line, with any `|` escaped."""
    return " ".join(str(text).split()).replace("|", "\\|")


def yes_no(flag):
    return "yes" if flag else "no"


# --- the generated blocks ------------------------------------------------------------------


def catalogue_version(enq):
    return [
        f"Version {enq['version']}. Regenerate these tables with `python3 {SCRIPT}` after "
        "changing the files; the files are the authority."
    ]


def category_table(entries):
    order = list(CATEGORY_ORDER)
    for e in entries:
        if e["category"] not in order:
            order.append(e["category"])
    lines = ["| Category | Entries | Confirmed [C] | Unconfirmed |", "|---|---|---|---|"]
    total = conf = 0
    for cat in order:
        group = [e for e in entries if e["category"] == cat]
        if not group:
            continue
        n = len(group)
        c = sum(1 for e in group if e["confirmed"] is True)
        total += n
        conf += c
        lines.append(f"| `{cat}` | {n} | {c} | {n - c} |")
    lines.append(f"| **Total** | **{total}** | **{conf}** | **{total - conf}** |")
    return lines


def deadline_tag(deadline):
    if deadline.get("confirmed") is True:
        return "[C]"
    tags = re.findall(r"\[[^\]]*\]", deadline.get("source", ""))
    return tags[-1] if tags else "untagged"


def deadline_span(deadline):
    if "hours" in deadline:
        return f"{deadline['hours']} h"
    if "days" in deadline:
        days = deadline["days"]
        return f"{days} day" if days == 1 else f"{days} days"
    raise ReadmeError(f"deadline {deadline!r} has neither hours nor days")


def time_limits_table(entries):
    lines = ["| Id | Window | From | Tag |", "|---|---|---|---|"]
    for e in entries:
        d = e.get("deadline")
        if d is None:
            continue
        lines.append(
            f"| {e['id']} | {cell(d['label'])} | `{d['from']}` ({deadline_span(d)}) | {deadline_tag(d)} |"
        )
    return lines


def privacy_list(entries):
    lines = [
        f"- **{e['id']}** {' '.join(e['title'].split())}"
        for e in entries
        if e.get("intrudesOnVictimPrivacy") is True
    ]
    return lines or ["- (none)"]


def unconfirmed_table(entries):
    lines = ["| Id | Title | Source as tagged |", "|---|---|---|"]
    for e in entries:
        if e["confirmed"] is not True:
            lines.append(f"| {e['id']} | {cell(e['title'])} | {cell(e['source'])} |")
    return lines


def questions_heading(questions):
    return [f"### Questions ({len(questions)})"]


def questions_table(questions):
    lines = ["| Id | Group | Type | Confirmed |", "|---|---|---|---|"]
    for q in questions:
        lines.append(f"| `{q['id']}` | {q['group']} | {q['type']} | {yes_no(q['confirmed'] is True)} |")
    return lines


def ticked_by(done):
    """The "Ticked by" wording for one `doneWhen`, or "reminder" when there is none."""
    if done is None:
        return "reminder"
    if not isinstance(done, dict) or len(done) == 0:
        raise ReadmeError(f"unknown doneWhen {done!r}")
    if "any" in done:
        return " or ".join(ticked_by(alt) for alt in done["any"])
    if "caseField" in done:
        return f"case field `{done['caseField']}`"
    if "person" in done:
        return f"a person with role `{done['person']}`"
    if "fact" in done:
        return f"answer to `{done['fact']}`"
    if "recordType" in done:
        text = f"record `{done['recordType']}`"
        where = done.get("where")
        if where:
            conds = []
            for field, value in where.items():
                values = value if isinstance(value, list) else [value]
                conds.append(f"`{field}` = " + " or ".join(f"`{v}`" for v in values))
            text += " where " + " and ".join(conds)
        return text
    raise ReadmeError(f"unknown doneWhen {done!r}")


def stage_number(code):
    m = re.fullmatch(r"stage-(\d+)", code)
    if not m:
        raise ReadmeError(f"unexpected stage code {code!r}")
    return f"{int(m.group(1)):02d}"


def checklist_items(checklists):
    return [(stage["stage"], item) for stage in checklists["stages"] for item in stage["items"]]


def checklist_summary(checklists):
    items = checklist_items(checklists)
    n = len(items)
    stages = len({code for code, _ in items} | {s["stage"] for s in checklists["stages"]})
    ticked = sum(1 for _, it in items if it.get("doneWhen") is not None)
    conf = sum(1 for _, it in items if it.get("confirmed") is True)
    return [
        f"{n} items across {stages} stages; {ticked} are ticked from the case (`doneWhen`), "
        f"{n - ticked} are reminders; {conf} are confirmed [C], {n - conf} are not."
    ]


def checklist_table(checklists, stage_labels):
    lines = ["| Stage | Item | Ticked by | Confirmed |", "|---|---|---|---|"]
    for stage in checklists["stages"]:
        code = stage["stage"]
        if code not in stage_labels:
            raise ReadmeError(f"stage {code!r} is not in journey-stages.json")
        for i, item in enumerate(stage["items"]):
            label = f"{stage_number(code)} {stage_labels[code]}" if i == 0 else f"{stage_number(code)} "
            lines.append(
                f"| {label} | `{item['id']}` {cell(item['text'])} | {ticked_by(item.get('doneWhen'))} "
                f"| {yes_no(item.get('confirmed') is True)} |"
            )
    return lines


# --- where each block lives (used only to place the markers on the first run) ----------------

TABLE = "table"
LIST = "list"

# name -> (a regular expression for the heading that holds the block, what to look for under it)
# the "what" is TABLE (the first run of `|` lines), LIST (the first run of `- ` lines),
# "heading" (the heading line itself) or a regular expression matched against a whole line.
PLACES = [
    ("catalogue-version", re.escape("## The shipped catalogue in numbers"), r"Version \S+\..*"),
    ("catalogue-categories", re.escape("## The shipped catalogue in numbers"), TABLE),
    ("time-limits", re.escape("### Time limits"), TABLE),
    ("privacy-entries", re.escape("### Entries flagged as intruding on the victim's private life"), LIST),
    ("unconfirmed-entries", re.escape("### Unconfirmed entries (review these first)"), TABLE),
    ("questions-heading", r"### Questions \(\d+\)", "heading"),
    ("questions-table", r"### Questions \(\d+\)", TABLE),
    ("checklist-summary", re.escape("### The shipped checklists in numbers"),
     r"\d+ items across \d+ stages;.*"),
    ("checklist-table", re.escape("### The shipped checklists in numbers"), TABLE),
]


def begin_marker(name):
    return f"<!-- generated: {name} -->"


def end_marker(name):
    return f"<!-- end generated: {name} -->"


def heading_level(line):
    m = re.match(r"(#{1,6}) ", line)
    return len(m.group(1)) if m else 0


def find_markers(lines, name):
    """(begin, end) line indices of the block's markers, or None when it has none."""
    begins = [i for i, l in enumerate(lines) if l.strip() == begin_marker(name)]
    ends = [i for i, l in enumerate(lines) if l.strip() == end_marker(name)]
    if not begins and not ends:
        return None
    if len(begins) != 1 or len(ends) != 1 or ends[0] < begins[0]:
        raise ReadmeError(f"block {name}: its markers are missing, repeated or out of order")
    return begins[0], ends[0]


def find_unmarked(lines, name, heading, what):
    """(first, last) line indices of the unmarked block under its heading."""
    in_fence = False
    start = None
    for i, line in enumerate(lines):
        if line.startswith("```"):
            in_fence = not in_fence
        if not in_fence and heading_level(line) and re.fullmatch(heading, line.rstrip()):
            start = i
            break
    if start is None:
        raise ReadmeError(f"block {name}: no heading matching {heading!r} and no markers")
    if what == "heading":
        return start, start
    level = heading_level(lines[start])
    end = len(lines)
    in_fence = False
    for i in range(start + 1, len(lines)):
        if lines[i].startswith("```"):
            in_fence = not in_fence
        lv = heading_level(lines[i])
        if not in_fence and lv and lv <= level:
            end = i
            break
    i = start + 1
    while i < end:
        line = lines[i]
        if line.startswith("<!-- generated: "):  # skip a block already marked
            while i < end and not lines[i].startswith("<!-- end generated: "):
                i += 1
            i += 1
            continue
        if what == TABLE and line.startswith("|"):
            j = i
            while j + 1 < end and lines[j + 1].startswith("|"):
                j += 1
            return i, j
        if what == LIST and line.startswith("- "):
            j = i
            while j + 1 < end and (lines[j + 1].startswith("- ") or lines[j + 1].startswith("  ")):
                j += 1
            return i, j
        if what not in (TABLE, LIST) and re.fullmatch(what, line):
            return i, i
        i += 1
    raise ReadmeError(f"block {name}: nothing to replace under {lines[start]!r}")


# --- main -----------------------------------------------------------------------------------


def generate(root):
    nom = root / "resources" / "nom"
    enq = load(nom / "enquiries.json")
    questions = load(nom / "context-questions.json")["questions"]
    checklists = load(nom / "journey-checklists.json")
    stages = load(root / "resources" / "reference" / "journey-stages.json")
    stage_labels = {s["code"]: s["label"] for s in stages["items"]}
    entries = enq["entries"]
    return {
        "catalogue-version": catalogue_version(enq),
        "catalogue-categories": category_table(entries),
        "time-limits": time_limits_table(entries),
        "privacy-entries": privacy_list(entries),
        "unconfirmed-entries": unconfirmed_table(entries),
        "questions-heading": questions_heading(questions),
        "questions-table": questions_table(questions),
        "checklist-summary": checklist_summary(checklists),
        "checklist-table": checklist_table(checklists, stage_labels),
    }


def update(text, blocks):
    """The README text with every block regenerated, and the names of the blocks that changed."""
    trailing_newline = text.endswith("\n")
    lines = text.split("\n")
    if trailing_newline:
        lines.pop()
    changed = []
    for name, heading, what in PLACES:
        new = blocks[name]
        marked = find_markers(lines, name)
        if marked is None:
            first, last = find_unmarked(lines, name, heading, what)
            lines[first:last + 1] = [begin_marker(name)] + new + [end_marker(name)]
            changed.append(f"{name} (no markers yet)")
            continue
        begin, end = marked
        if lines[begin + 1:end] != new:
            lines[begin + 1:end] = new
            changed.append(name)
    out = "\n".join(lines)
    if trailing_newline:
        out += "\n"
    return out, changed


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="do not write; exit 1 and name the blocks if the README is stale")
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent,
                        help="the source tree (default: the one this script is in)")
    args = parser.parse_args(argv)
    readme = args.root / "resources" / "nom" / "README.md"
    try:
        blocks = generate(args.root)
        with open(readme, encoding="utf-8", newline="") as f:
            text = f.read()
        new_text, changed = update(text, blocks)
    except (OSError, ValueError, KeyError, ReadmeError) as e:
        print(f"nom-readme-tables: {e}", file=sys.stderr)
        return 2
    if args.check:
        if changed:
            for name in changed:
                print(f"{readme}: generated block {name} is out of date")
            print(f"run: python3 {SCRIPT}")
            return 1
        return 0
    if new_text != text:
        with open(readme, "w", encoding="utf-8", newline="") as f:
            f.write(new_text)
        print(f"{readme}: regenerated " + ", ".join(changed))
    else:
        print(f"{readme}: up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
