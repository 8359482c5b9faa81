#!/usr/bin/env python3
"""Choose the profile's topic thresholds by measurement instead of by hand.

  sweep.py BINARY PROFILE SET[:LIST] [SET[:LIST]...] [--rounds N] [--param NAME=v1,v2,...]...

Each SET is a labelled folder as `kazaz-monitor eval` reads it (labels.json, docs/); an optional
LIST (after a colon) restricts it to the files named there, one a line (e.g. the tuning half of
the evaluation set, never its held-out half). The search is coordinate descent: from the
profile's current values, each parameter in turn takes each of its candidate values with the
others fixed, and the value kept is the one with the best topic micro-F1 pooled over all sets
(true/false positives and negatives summed) **that leaves no set's own micro-F1 more than
one decision below where it started** (about what one topic label more or less changes in that
set's F1: below that a difference is noise) — a change that helps one corpus by clearly hurting another is fitting a
corpus, not the language. Ties keep the current value. Relevance is printed too (topic
thresholds must not move it).

The profile file is never modified: each trial writes a copy with the `thresholds:` values
replaced and runs `eval --json --no-profile-cache --profile COPY`. Prints one line a trial and
the chosen values at the end.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

DEFAULT_GRID = {
    "topic": [1.5, 2.0, 2.5, 3.0, 3.5],
    "topic_relative": [0.1, 0.15, 0.2, 0.25, 0.3, 0.4],
    "topic_sentence": [0.8, 1.0, 1.2, 1.4, 1.6, 2.0],
    "topic_sentences": [2, 3, 4, 5],
    "topic_clear_sentence": [1.5, 2.0, 2.5, 3.0, 4.0],
    "topic_nearby": [0.0, 0.25, 0.5, 0.75, 1.0],
    "topic_list": [3, 4, 5, 6, 99],
    "topic_cooperation_list": [2, 3, 4, 5, 99],
    "sector_politics": [0.0, 0.25, 0.5, 0.75, 1.0],
}


def with_thresholds(text, values):
    """The profile text with each `  name: value` line of `thresholds:` replaced."""
    out, inside = [], False
    for line in text.splitlines(keepends=True):
        if re.match(r"^thresholds:\s*$", line):
            inside = True
        elif inside and re.match(r"^\S", line):
            inside = False
        if inside:
            m = re.match(r"^(\s+)([a-z_]+):(\s*)([-0-9.]+)(.*)$", line, re.S)
            if m and m.group(2) in values:
                line = f"{m.group(1)}{m.group(2)}:{m.group(3)}{values[m.group(2)]}{m.group(5)}"
        out.append(line)
    return "".join(out)


def current_values(text, names):
    found = {}
    inside = False
    for line in text.splitlines():
        if re.match(r"^thresholds:\s*$", line):
            inside = True
            continue
        if inside and re.match(r"^\S", line):
            break
        m = re.match(r"^\s+([a-z_]+):\s*([-0-9.]+)", line)
        if inside and m and m.group(1) in names:
            v = m.group(2)
            found[m.group(1)] = int(v) if re.fullmatch(r"-?\d+", v) else float(v)
    return found


def evaluate(binary, profile_text, sets):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "profile.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(profile_text)
        results = []
        for folder, listing in sets:
            cmd = [binary, "eval", "--json", "--no-profile-cache", "--profile", path, folder]
            if listing:
                cmd += ["--files", listing]
            out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
            results.append(json.loads(out))
    return results


def f1(tp, fp, fn):
    return 0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn)


def summary(results):
    pooled = [sum(r["topics_micro"][k] for r in results) for k in ("tp", "fp", "fn")]
    per_set = [r["topics_micro"]["f1"] for r in results]
    relevance = [r["relevance"]["f1"] for r in results]
    return f1(*pooled), per_set, relevance


def one_decision(results):
    """Per set, about how much one topic decision moves its micro-F1 (one false positive more
    takes F1/D, one hit turned miss (2 - F1)/D, with D = 2tp + fp + fn): 1/D, the noise floor
    under which a set is not said to fall."""
    floors = []
    for r in results:
        m = r["topics_micro"]
        floors.append(1 / max(1, 2 * m["tp"] + m["fp"] + m["fn"]))
    return floors


def main(argv):
    args, grid, rounds = [], {}, 2
    i = 0
    while i < len(argv):
        if argv[i] == "--rounds":
            rounds = int(argv[i + 1])
            i += 2
        elif argv[i] == "--param":
            name, values = argv[i + 1].split("=", 1)
            grid[name] = [float(v) if "." in v else int(v) for v in values.split(",")]
            i += 2
        else:
            args.append(argv[i])
            i += 1
    if len(args) < 3:
        sys.exit(__doc__)
    binary, profile = args[0], args[1]
    sets = [tuple(s.split(":", 1)) if ":" in s else (s, None) for s in args[2:]]
    grid = grid or DEFAULT_GRID
    text = open(profile, encoding="utf-8").read()
    chosen = current_values(text, grid)
    missing = [n for n in grid if n not in chosen]
    if missing:
        sys.exit(f"{profile}: no thresholds.{', thresholds.'.join(missing)} to vary")

    floors = []

    def run(values):
        results = evaluate(binary, with_thresholds(text, values), sets)
        if not floors:
            floors.extend(one_decision(results))
        pooled, per_set, relevance = summary(results)
        shown = " ".join(f"{n}={values[n]}" for n in grid)
        sets_f1 = " ".join(f"{x:.3f}" for x in per_set)
        rel = " ".join(f"{x:.3f}" for x in relevance)
        print(f"{pooled:.4f}  sets {sets_f1}  relevance {rel}  {shown}", flush=True)
        return pooled, per_set

    best, best_sets = run(chosen)
    start = (best, best_sets)
    for _ in range(rounds):
        changed = False
        for name, candidates in grid.items():
            for value in candidates:
                if value == chosen[name]:
                    continue
                trial = dict(chosen, **{name: value})
                score, per_set = run(trial)
                # Measured against the start, so that small steps cannot add up to a fall.
                no_set_worse = all(
                    a >= b - floor - 1e-9 for a, b, floor in zip(per_set, start[1], floors))
                if score > best + 1e-9 and no_set_worse:
                    best, best_sets, chosen, changed = score, per_set, trial, True
        if not changed:
            break
    print(f"start  pooled {start[0]:.4f}  sets {' '.join(f'{x:.3f}' for x in start[1])}")
    print(f"chosen pooled {best:.4f}  sets {' '.join(f'{x:.3f}' for x in best_sets)}")
    print("  " + "\n  ".join(f"{n}: {chosen[n]}" for n in grid))


if __name__ == "__main__":
    main(sys.argv[1:])
