#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Turns wb_bench's JSON output into one markdown table with the ratios of issue 7.

usage: report.py results.json memory.json cli.tsv
"""
import json
import sys
from collections import defaultdict


def load(path):
    with open(path) as f:
        return json.load(f).get("benchmarks", [])


def main():
    results = load(sys.argv[1])
    memory = load(sys.argv[2])
    cli = {}
    with open(sys.argv[3]) as f:
        for line in f:
            if line.strip():
                n, ms = line.split()
                cli[int(n)] = float(ms)

    # name "CaseList/enc/1000" (plus "/iterations:N" for fixed counts) -> family, mode, size
    table = defaultdict(dict)  # (family, mode) -> size -> entry
    sizes = set()
    singles = {}
    for b in results + memory:
        if b.get("run_type") == "aggregate":
            continue
        parts = [p for p in b["name"].split("/") if not p.startswith("iterations:")]
        scale = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}[b.get("time_unit", "ns")]
        entry = {"ms": b["real_time"] * scale}
        for key in ("p50_ms", "p99_ms", "checkpoint_ms", "items", "peak_rss_MiB"):
            if key in b:
                entry[key] = b[key]
        if len(parts) == 1:
            singles[parts[0]] = entry
        elif len(parts) == 2:
            size = int(parts[1])
            sizes.add(size)
            table[(parts[0], "")][size] = entry
        else:
            size = int(parts[2])
            sizes.add(size)
            table[(parts[0], parts[1])][size] = entry
    sizes = sorted(sizes)
    small, large = (sizes[0], sizes[-1]) if sizes else (None, None)

    def cell(entry):
        if entry is None:
            return "–"
        text = f"{entry['ms']:.3f} ms" if entry["ms"] < 100 else f"{entry['ms']:.0f} ms"
        if "p99_ms" in entry:
            text = f"p50 {entry['p50_ms']:.2f} / p99 {entry['p99_ms']:.2f} ms"
            if "checkpoint_ms" in entry:
                text += f"; then checkpoint {entry['checkpoint_ms']:.0f} ms"
        if "items" in entry:
            text += f" ({int(entry['items'])} items)"
        if "peak_rss_MiB" in entry:
            text = f"{entry['peak_rss_MiB']:.0f} MiB peak RSS"
        return text

    def ratio(a, b, key="ms"):
        if a is None or b is None or not b.get(key):
            return "–"
        return f"{a[key] / b[key]:.2f}"

    families = []
    for family, mode in table:
        if family not in families:
            families.append(family)
    print("| Benchmark | " + " | ".join(f"{n:,} cases" for n in sizes) +
          f" | enc/plain at {large:,} | {large:,}/{small:,} |")
    print("|---|" + "---|" * (len(sizes) + 2))
    for family in families:
        for mode in ("enc", "plain", ""):
            row = table.get((family, mode))
            if row is None:
                continue
            name = f"{family} ({mode})" if mode else family
            key = "p99_ms" if any("p99_ms" in e for e in row.values()) else "ms"
            enc_plain = ""
            if mode == "enc" and (family, "plain") in table:
                enc_plain = ratio(row.get(large), table[(family, "plain")].get(large), key)
            growth = ratio(row.get(large), row.get(small), key) if small != large else "–"
            print(f"| {name} | " + " | ".join(cell(row.get(n)) for n in sizes) +
                  f" | {enc_plain or '–'} | {growth} |")
    for name, entry in singles.items():
        print(f"| {name} | {cell(entry)} | " + " | ".join("" for _ in sizes[1:]) + " – | – |")
    if cli:
        print("| `rasso-workbench-cli cases` whole process (best of 3, incl. key derivation) | " +
              " | ".join(f"{cli[n]:.0f} ms" if n in cli else "–" for n in sizes) + " | – | – |")

    print()
    print("Ratios against the targets of issue 7:")
    for n in sizes:
        enc = table.get(("CaseList", "enc"), {}).get(n)
        floor = table.get(("CaseListFloor", "enc"), {}).get(n)
        print(f"- case list vs bare statement loop at {n:,} cases: {ratio(enc, floor)} (target ≤ 1.5)")
    fsync = singles.get("Fsync")
    for family in ("SaveContact", "SaveDecision"):
        for n in sizes:
            print(f"- {family} p99 vs bare fsync p99 at {n:,} cases: "
                  f"{ratio(table.get((family, 'enc'), {}).get(n), fsync, 'p99_ms')} (target ≤ 2)")
    for family in ("CaseList", "Today", "TodayAfterChange", "UnlockToToday"):
        row = table.get((family, "enc"), {})
        print(f"- {family} {large:,} vs {small:,} cases: {ratio(row.get(large), row.get(small))} (target ≤ 2)")
    worst = []
    for (family, mode), row in table.items():
        if mode == "enc" and (family, "plain") in table:
            key = "p99_ms" if any("p99_ms" in e for e in row.values()) else "ms"
            worst.append((family, ratio(row.get(large), table[(family, "plain")].get(large), key)))
    print("- encrypted / plain at " + f"{large:,} cases: " +
          ", ".join(f"{f} {r}" for f, r in worst) + " (target ≤ 1.2)")


if __name__ == "__main__":
    main()
