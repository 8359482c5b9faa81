#!/usr/bin/env python3
"""Check the evaluation folder that sits outside the repository against the labels kept here.

    python3 bench/classify/eval/assemble.py EVAL_DIR [--sync-labels]

EVAL_DIR must have the shape the project's `eval` command reads:
    EVAL_DIR/labels.json      the same objects as bench/classify/eval/labels.json
    EVAL_DIR/docs/NNN.txt     line 1 = headline (empty when the page had none), then the body

The article texts are third-party copyrighted and are never kept in the repository; only their
labels, source URLs and the split are. This script checks that every labelled file exists and is
non-empty, that EVAL_DIR/labels.json matches the repository's labels (or writes it from them
with --sync-labels), that the split covers every document once, and prints the counts. It exits
non-zero when anything is missing or inconsistent.
"""
import collections
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ("en", "ru", "kk", "az", "tr")
TOPICS = ("politics-diplomacy", "trade-economy", "investment-finance", "energy", "transport-logistics",
          "digital-telecom", "culture-humanitarian", "education-science", "media-information",
          "youth-sports", "religion", "regional-integration", "reconstruction", "agriculture",
          "security-defense")


def fail(msg):
    print("error:", msg, file=sys.stderr)
    return 1


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 1:
        print(__doc__)
        return 64
    root = args[0]
    labels = json.load(open(os.path.join(HERE, "labels.json"), encoding="utf-8"))
    split = json.load(open(os.path.join(HERE, "split.json"), encoding="utf-8"))
    errors = 0

    outside = os.path.join(root, "labels.json")
    if "--sync-labels" in sys.argv[1:]:
        with open(outside, "w", encoding="utf-8") as f:
            json.dump(labels, f, ensure_ascii=False, indent=1)
            f.write("\n")
    elif not os.path.exists(outside):
        errors += fail(f"{outside} is missing (run with --sync-labels to write it)")
    elif json.load(open(outside, encoding="utf-8")) != labels:
        errors += fail(f"{outside} differs from the repository's labels (run with --sync-labels)")

    for d in labels:
        path = os.path.join(root, d["file"])
        if not os.path.isfile(path) or os.path.getsize(path) == 0:
            errors += fail(f"missing or empty: {path}")
        if d["lang"] not in LANGS:
            errors += fail(f"{d['file']}: unknown lang {d['lang']}")
        if any(t not in TOPICS for t in d["topics"]):
            errors += fail(f"{d['file']}: unknown topic in {d['topics']}")
        if d["label"] == "irrelevant" and (d["topics"] or d.get("primary")):
            errors += fail(f"{d['file']}: irrelevant document with topics")
        if d["label"] != "irrelevant" and d.get("primary") not in d["topics"]:
            errors += fail(f"{d['file']}: primary topic not among its topics")

    names = [d["file"].split("/")[-1] for d in labels]
    parts = split["tune"] + split["heldout"]
    if sorted(parts) != sorted(names):
        errors += fail("split.json does not cover every labelled document exactly once")
    for name in ("tune", "heldout"):
        listed = open(os.path.join(HERE, name + ".txt"), encoding="utf-8").read().split()
        if listed != split[name]:
            errors += fail(f"{name}.txt differs from split.json")

    by_label = collections.Counter((d["label"], d["lang"]) for d in labels)
    print(f"{len(labels)} documents in {root}")
    print("label        " + " ".join(f"{l:>4}" for l in LANGS) + "  total")
    for label in ("relevant", "irrelevant", "borderline"):
        row = [by_label[(label, l)] for l in LANGS]
        print(f"{label:12} " + " ".join(f"{n:>4}" for n in row) + f"  {sum(row):>5}")
    rel = [d for d in labels if d["label"] == "relevant"]
    topics = collections.Counter(t for d in rel for t in d["topics"])
    primary = collections.Counter(d["primary"] for d in rel)
    print("topic (relevant documents)   assigned  primary")
    for t in TOPICS:
        print(f"  {t:26} {topics[t]:>8} {primary[t]:>8}")
    print(f"split: tune {len(split['tune'])}, heldout {len(split['heldout'])} (seed {split['seed']})")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
