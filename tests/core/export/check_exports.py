#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the workbench's exports with independent readers: Python's csv module for the POLE CSV
(against the column tables of resources/exports/pole-csv-v1.md) and python3-jsonschema for the case JSON.

  check_exports.py csv SPEC.md ENTITIES.csv LINKS.csv OUT.json   # writes the parsed rows to OUT.json
  check_exports.py json SCHEMA.json DOCUMENT.json

Exit status 0 when the files conform, 1 (with the reason on stderr) when not."""
import csv
import json
import re
import sys


def spec_columns(spec_path, heading):
    """The column names listed, in order, in the table under `## heading` of the spec."""
    columns, inside = [], False
    with open(spec_path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("## "):
                inside = line.strip() == "## " + heading
                continue
            if line.startswith("### "):
                inside = False
            m = re.match(r"^\| `([a-z0-9_]+)` \|", line)
            if inside and m:
                columns.append(m.group(1))
    return columns


def read_csv(path, expected):
    with open(path, "rb") as f:
        raw = f.read()
    if raw.startswith(b"\xef\xbb\xbf"):
        raise SystemExit(f"{path}: starts with a byte-order mark")
    text = raw.decode("utf-8")  # raises on invalid UTF-8
    if not text.endswith("\r\n"):
        raise SystemExit(f"{path}: the last record does not end with CRLF")
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, strict=True))
    if not rows or rows[0] != expected:
        raise SystemExit(f"{path}: header {rows[0] if rows else None} is not the spec's {expected}")
    out = []
    for n, row in enumerate(rows[1:], start=2):
        if len(row) != len(expected):
            raise SystemExit(f"{path}: record {n} has {len(row)} fields, the header {len(expected)}")
        record = dict(zip(expected, row))
        if record["spec_version"] != "pole-csv/1":
            raise SystemExit(f"{path}: record {n} has spec_version {record['spec_version']!r}")
        for key, value in record.items():
            if value[:1] in ("=", "+", "-", "@", "\t", "\r", "\0"):
                raise SystemExit(f"{path}: record {n}, {key} starts with a formula character")
        out.append(record)
    return out


def check_csv(spec, entities_path, links_path, out_path):
    entity_columns = spec_columns(spec, "entities.csv")
    link_columns = spec_columns(spec, "links.csv")
    if not entity_columns or not link_columns:
        raise SystemExit(f"{spec}: no column tables found")
    entities = read_csv(entities_path, entity_columns)
    links = read_csv(links_path, link_columns)
    ids = [e["entity_id"] for e in entities]
    if len(set(ids)) != len(ids):
        raise SystemExit(f"{entities_path}: an entity_id is used twice")
    known = set(ids)
    for link in links:
        for end in ("entity1_id", "entity2_id"):
            if link[end] not in known:
                raise SystemExit(f"{links_path}: {link['link_id']} names {end} {link[end]!r}, not in the entities")
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump({"entities": entities, "links": links}, f, ensure_ascii=False)


def check_json(schema_path, document_path):
    import jsonschema  # python3-jsonschema

    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    with open(document_path, encoding="utf-8") as f:
        document = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(document), key=lambda e: list(e.path))
    if errors:
        for e in errors[:10]:
            print(f"{document_path}: at {'/'.join(str(p) for p in e.path)}: {e.message}", file=sys.stderr)
        raise SystemExit(1)


def main(argv):
    if len(argv) == 6 and argv[1] == "csv":
        check_csv(*argv[2:])
    elif len(argv) == 4 and argv[1] == "json":
        check_json(*argv[2:])
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
