#!/usr/bin/env python3
"""Compare `coc-lint check --format json` output with a gen-corpus manifest.

    compare.py dir    MANIFEST.json  LINT_OUTPUT.json  CORPUS_DIR
    compare.py ndjson MANIFEST.json  LINT_OUTPUT.json  FILE.ndjson
    compare.py single MANIFEST.json  LINT_OUTPUT.json  FILE.json

A *miss* is an injected violation without a diagnostic of that name in the
same file (or NDJSON line), or a faulty file with no diagnostic at all.
A *false alarm* is an error-severity diagnostic in a file (line) the
generator left valid. Warnings and infos on valid files are counted apart.
Exit status is 0 when there are neither misses nor false alarms, 1 otherwise.
"""

import json
import os
import sys
from collections import Counter, defaultdict

SHOW = 10


def load_diagnostics(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    try:
        report = json.loads(text)
    except json.JSONDecodeError as err:
        sys.exit(f"compare.py: {path} is not one JSON object ({err}); first bytes: {text[:200]!r}")
    if not isinstance(report, dict) or "diagnostics" not in report:
        sys.exit(f"compare.py: {path} has no `diagnostics` array")
    return report["diagnostics"]


def describe(diags):
    if not diags:
        return "no diagnostic"
    return ", ".join(f"{d.get('name')}({d.get('severity')}) at {d.get('pointer', '?')}" for d in diags)


def main():
    if len(sys.argv) != 5 or sys.argv[1] not in ("dir", "ndjson", "single"):
        sys.exit(__doc__)
    mode, manifest_path, output_path, target = sys.argv[1:]
    with open(manifest_path, encoding="utf-8") as f:
        manifest = json.load(f)
    diags = load_diagnostics(output_path)

    # Expected violations per unit (a file path relative to the corpus dir, or
    # a line number of the NDJSON stream).
    expected = {}
    if mode == "dir":
        for entry in manifest["files"]:
            expected[entry["path"]] = entry["violations"]
        root = os.path.abspath(target)

        def unit_of(d):
            return os.path.relpath(os.path.abspath(d["path"]), root).replace(os.sep, "/")
    elif mode == "ndjson":
        expected = {n: [] for n in range(1, manifest["lines"] + 1)}
        for entry in manifest["faulty_lines"]:
            expected[entry["line"]] = entry["violations"]

        def unit_of(d):
            return d.get("line")
    else:
        expected = {os.path.basename(target): manifest["violations"]}

        def unit_of(d):
            return os.path.basename(d["path"])

    found = defaultdict(list)
    stray = []
    for d in diags:
        unit = unit_of(d)
        if unit in expected:
            found[unit].append(d)
        else:
            stray.append(d)

    misses = []  # (unit, expected name, what coc-lint said)
    false_alarms = []  # (unit, diagnostics)
    noise = Counter()  # warnings/infos on valid units, by rule name
    injected = Counter()
    detected = Counter()
    for unit, names in expected.items():
        got = found.get(unit, [])
        got_names = {d.get("name") for d in got}
        if names:
            if not got:
                misses.append((unit, "/".join(names), "no diagnostic at all"))
            for name in names:
                injected[name] += 1
                if name in got_names:
                    detected[name] += 1
                elif got:
                    misses.append((unit, name, describe(got)))
        else:
            errors = [d for d in got if d.get("severity") == "error"]
            if errors:
                false_alarms.append((unit, errors))
            for d in got:
                if d.get("severity") != "error":
                    noise[d.get("name")] += 1

    label = {"dir": "file", "ndjson": "line", "single": "file"}[mode]
    faulty = sum(1 for names in expected.values() if names)
    print(f"  {len(expected)} {label}s checked: {len(expected) - faulty} valid, {faulty} with injected violations; "
          f"{len(diags)} diagnostics")
    print(f"  misses: {len(misses)}   false alarms: {len(false_alarms)} {label}s")
    if injected:
        print("  per rule (detected/injected):")
        for name in sorted(injected):
            flag = "" if detected[name] == injected[name] else "   <-- missed some"
            print(f"    {name:34} {detected[name]:6}/{injected[name]:<6}{flag}")
    for unit, name, said in misses[:SHOW]:
        print(f"  MISS  {label} {unit}: expected {name}; coc-lint said: {said}")
    if len(misses) > SHOW:
        print(f"  ... and {len(misses) - SHOW} more misses")
    for unit, errors in false_alarms[:SHOW]:
        for d in errors:
            print(f"  FALSE ALARM  {label} {unit}: {d.get('name')} at {d.get('pointer')}: {d.get('message')}")
    if len(false_alarms) > SHOW:
        print(f"  ... and {len(false_alarms) - SHOW} more {label}s with false alarms")
    if noise:
        total = sum(noise.values())
        top = ", ".join(f"{n} x{c}" for n, c in noise.most_common(8))
        print(f"  warnings/infos on valid {label}s: {total} ({top})")
    if stray:
        print(f"  {len(stray)} diagnostics for {label}s not in the manifest, e.g. {stray[0].get('path')} "
              f"line {stray[0].get('line')}: {stray[0].get('name')}")
    return 1 if misses or false_alarms else 0


if __name__ == "__main__":
    sys.exit(main())
