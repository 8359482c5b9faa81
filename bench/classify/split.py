#!/usr/bin/env python3
"""Deterministic tune / held-out split of a labelled corpus (labels.json format).

Reports of the same event (`event`) stay together; a document without an event is its own
group. Groups are visited in the order of a salted SHA-256 of their id, and a group goes to the
held-out part while its (language, label) strata still need documents to reach one third of
their size. Borderline documents are excluded from scoring and do not count towards targets.

    python3 bench/classify/split.py CORPUS_DIR > bench/classify/heldout.txt
"""
import collections
import hashlib
import json
import math
import sys

SALT = "kazaz-split-v1"


def main() -> None:
    corpus = sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus/dev"
    labels = json.load(open(f"{corpus}/labels.json", encoding="utf-8"))
    groups = collections.defaultdict(list)
    for doc in labels:
        groups[doc["event"] or "file:" + doc["file"]].append(doc)

    def stratum(doc):
        return (doc["lang"], doc["label"])

    scored = [d for d in labels if d["label"] != "borderline"]
    totals = collections.Counter(stratum(d) for d in scored)
    # One third of each stratum, at least one held-out document for strata of three or more.
    target = {s: (math.floor(n / 3 + 0.5) if n >= 3 else 0) for s, n in totals.items()}
    held = collections.Counter()
    heldout = []
    order = sorted(groups, key=lambda g: hashlib.sha256((SALT + g).encode()).hexdigest())
    for group in order:
        docs = [d for d in groups[group] if d["label"] != "borderline"]
        if not docs:
            continue
        need = collections.Counter(stratum(d) for d in docs)
        # Join the held-out part only if every stratum the group touches still has room.
        if all(held[s] + n <= target[s] for s, n in need.items()):
            held.update(need)
            heldout += [d["file"] for d in groups[group]]
    for name in sorted(heldout):
        print(name.split("/")[-1])


if __name__ == "__main__":
    main()
