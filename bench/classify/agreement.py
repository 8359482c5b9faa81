#!/usr/bin/env python3
"""Agreement between two labellings of the same documents' topics.

  agreement.py FIRST.json SECOND.json [--files LIST]...

Each file is a JSON array of objects with `file`, `topics` and (optionally) `primary`, as
`labels.json` holds them. Documents present in both (and in every LIST given, one file name a
line) with at least one topic in either are compared. Printed: topic micro-F1 of SECOND against
FIRST (symmetric: F1 does not depend on which is called the reference), topics per document in
each, the share of documents whose primary topic agrees, and per-topic counts of disagreement.
The micro-F1 between two careful labellers is the ceiling a classifier can be measured against
on these labels: below it, differences are the labels', not the classifier's.
"""
import collections
import json
import sys


def load(path):
    with open(path, encoding="utf-8") as f:
        return {entry["file"].split("/")[-1]: entry for entry in json.load(f)}


def main(argv):
    paths, lists, i = [], [], 0
    while i < len(argv):
        if argv[i] == "--files":
            with open(argv[i + 1], encoding="utf-8") as f:
                lists.append({line.strip() for line in f if line.strip() and not line.startswith("#")})
            i += 2
        else:
            paths.append(argv[i])
            i += 1
    if len(paths) != 2:
        sys.exit(__doc__)
    first, second = load(paths[0]), load(paths[1])
    names = sorted(set(first) & set(second))
    for listing in lists:
        names = [n for n in names if n in listing]
    tp = fp = fn = 0
    counts = [0, 0]
    primary_same = primary_total = 0
    only_first, only_second = collections.Counter(), collections.Counter()
    compared = 0
    for name in names:
        a, b = set(first[name].get("topics") or []), set(second[name].get("topics") or [])
        if not a and not b:
            continue
        compared += 1
        counts[0] += len(a)
        counts[1] += len(b)
        tp += len(a & b)
        fn += len(a - b)
        fp += len(b - a)
        only_first.update(a - b)
        only_second.update(b - a)
        pa, pb = first[name].get("primary"), second[name].get("primary")
        if pa and pb:
            primary_total += 1
            primary_same += pa == pb
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    print(f"documents compared: {compared}")
    print(f"topic micro-F1: {f1:.3f}   agreed {tp}, only first {fn}, only second {fp}")
    if compared:
        print(f"topics per document: first {counts[0] / compared:.2f}, second {counts[1] / compared:.2f}")
    if primary_total:
        print(f"primary topic agrees: {primary_same} of {primary_total} ({primary_same / primary_total:.3f})")
    print("topics given by one labeller only (first / second):")
    for topic in sorted(set(only_first) | set(only_second)):
        print(f"  {topic:22} {only_first[topic]:3} / {only_second[topic]:3}")


if __name__ == "__main__":
    main(sys.argv[1:])
