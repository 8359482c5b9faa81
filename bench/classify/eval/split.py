#!/usr/bin/env python3
"""Tune / held-out split of the evaluation set, by event, seeded and deterministic.

    python3 bench/classify/eval/split.py            # prints the split and checks it
    python3 bench/classify/eval/split.py --write    # (re)writes split.json, tune.txt, heldout.txt

Only labels.json (beside this script) is read; the article texts are not needed.

Procedure:
1. Documents are grouped by `event`; a document without an event is its own group
   ("file:NNN.txt"). Groups, never documents, are assigned.
2. Group ids are sorted and shuffled with random.Random(SEED).
3. Every (language, label) stratum gets a held-out target of round(HELDOUT_SHARE * size).
4. Groups are visited in the shuffled order; a group goes to the held-out part when adding it
   keeps every stratum it touches at or below its target, otherwise to the tune part.
5. The script fails unless both parts hold relevant and irrelevant documents in every language.

The split was made once, before any tuning on this set, and is frozen: the held-out part is
reported once per profile version and never used for tuning.
"""
import collections
import json
import os
import random
import sys

SEED = 20261207
HELDOUT_SHARE = 0.4
HERE = os.path.dirname(os.path.abspath(__file__))


def split(labels):
    groups = collections.defaultdict(list)
    for doc in labels:
        name = doc["file"].split("/")[-1]
        groups[doc["event"] or "file:" + name].append(doc)
    ids = sorted(groups)
    random.Random(SEED).shuffle(ids)
    size = collections.Counter((d["lang"], d["label"]) for d in labels)
    target = {s: round(HELDOUT_SHARE * n) for s, n in size.items()}
    held = collections.Counter()
    tune_ids, held_ids = [], []
    for gid in ids:
        need = collections.Counter((d["lang"], d["label"]) for d in groups[gid])
        if all(held[s] + k <= target[s] for s, k in need.items()):
            held.update(need)
            held_ids.append(gid)
        else:
            tune_ids.append(gid)
    names = lambda gids: sorted(d["file"].split("/")[-1] for g in gids for d in groups[g])
    return names(tune_ids), names(held_ids)


def main():
    labels = json.load(open(os.path.join(HERE, "labels.json"), encoding="utf-8"))
    tune, heldout = split(labels)
    by_name = {d["file"].split("/")[-1]: d for d in labels}
    ok = True
    print("part     docs  " + "  ".join(f"{l}:rel/irr/bl" for l in ("en", "ru", "kk", "az", "tr")))
    for part, names in (("tune", tune), ("heldout", heldout)):
        c = collections.Counter((by_name[n]["lang"], by_name[n]["label"]) for n in names)
        cells = []
        for lang in ("en", "ru", "kk", "az", "tr"):
            r, i, b = c[(lang, "relevant")], c[(lang, "irrelevant")], c[(lang, "borderline")]
            ok &= r > 0 and i > 0
            cells.append(f"{lang}:{r:>3}/{i:>3}/{b}")
        print(f"{part:8} {len(names):>4}  " + "  ".join(cells))
    events = collections.defaultdict(set)
    for part, names in (("tune", tune), ("heldout", heldout)):
        for n in names:
            if by_name[n]["event"]:
                events[by_name[n]["event"]].add(part)
    ok &= all(len(p) == 1 for p in events.values())
    if not ok:
        sys.exit("split check failed: a part lacks relevant or irrelevant documents in some language, or an event is split")
    if "--write" in sys.argv[1:]:
        with open(os.path.join(HERE, "split.json"), "w", encoding="utf-8") as f:
            json.dump({"seed": SEED, "heldout_share": HELDOUT_SHARE, "tune": tune, "heldout": heldout}, f, indent=1)
            f.write("\n")
        for name, part in (("tune.txt", tune), ("heldout.txt", heldout)):
            with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
                f.write("".join(n + "\n" for n in part))
        print("wrote split.json, tune.txt, heldout.txt")


if __name__ == "__main__":
    main()
