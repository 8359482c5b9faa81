#!/usr/bin/env python3
"""Scores extracted article text against the expected text of the page set.

The measure is the one of the article-extraction-benchmark (scrapinghub, MIT; evaluate.py,
`string_shingle_matching`): texts are split into \\w+ tokens, overlapping 4-token shingles are
counted, and per page tp/fp/fn are the shingle counts in common, only extracted, only expected,
normalised by their sum so that every page weighs the same. Precision and recall are the means of
the per-page precision and recall; F1 is their harmonic mean. A page where both texts are empty
scores 1; an empty extraction scores precision 0 (where anything was expected).

Usage: score.py MANIFEST PAGES RESULTS.jsonl [--split tune|holdout|all] [--kind full|reduced|all]
                [--by-site] [--worst N]
--kind picks pages by the manifest's `kind` column (a manifest without it holds full pages only):
`full` (the default) are whole saved pages, `reduced` are pages saved reduced to the article (see
build_corpus.py), which test language, charset and paragraph handling rather than boilerplate
removal, so they are scored apart. --by-site adds a line of scores per site.
RESULTS.jsonl is the output of `kazaz-monitor extract --json` over the pages, one line a page
with "source" (the file path) and "text" (and "method" for the report).
"""
import argparse, collections, json, os, re, statistics

TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text, n=4):
    tokens = TOKEN.findall(text or "")
    return collections.Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1))
                               if tokens[i:i + n])


def tp_fp_fn(expected, extracted):
    want, got = shingles(expected), shingles(extracted)
    tp = sum(min(want[k], got[k]) for k in want.keys() & got.keys())
    fp = sum(got.values()) - tp
    fn = sum(want.values()) - tp
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def precision(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def recall(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def summary(rows):
    p = statistics.mean(precision(*r) for r in rows if r[0] + r[1] > 0) if any(
        r[0] + r[1] > 0 for r in rows) else 0.0
    r_ = statistics.mean(recall(*r) for r in rows if r[0] + r[2] > 0) if any(
        r[0] + r[2] > 0 for r in rows) else 0.0
    f1 = 2 * p * r_ / (p + r_) if p + r_ else 0.0
    return f1, p, r_


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("manifest")
    parser.add_argument("pages")
    parser.add_argument("results")
    parser.add_argument("--split", default="all")
    parser.add_argument("--kind", default="full", choices=("full", "reduced", "all"))
    parser.add_argument("--by-site", action="store_true")
    parser.add_argument("--worst", type=int, default=10)
    args = parser.parse_args()
    with open(args.manifest, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        manifest = [dict(zip(header, line.rstrip("\n").split("\t"))) for line in f if line.strip()]
    results = {}
    with open(args.results, encoding="utf-8") as f:
        for line in f:
            item = json.loads(line)
            name = os.path.basename(item.get("source", ""))
            results[name[:-5] if name.endswith(".html") else name] = item
    scored, empty = [], []
    for page in manifest:
        if args.split != "all" and page["split"] != args.split:
            continue
        if args.kind != "all" and page.get("kind", "full") != args.kind:
            continue
        with open(os.path.join(args.pages, page["id"] + ".txt"), encoding="utf-8") as f:
            expected = f.read()
        item = results.get(page["id"], {})
        text = item.get("text", "")
        if not text.strip() and expected.strip():
            empty.append(page["id"])
        row = tp_fp_fn(expected, text)
        scored.append((page, row, item.get("method", {})))
    if not scored:
        print("no pages")
        return
    f1, p, r = summary([row for _, row, _ in scored])
    print(f"pages {len(scored)} ({args.split}, {args.kind}): F1 {f1:.3f} (P {p:.3f}, R {r:.3f}); "
          f"without text: {len(empty)} {' '.join(empty)}")
    for column, title in (("lang", "language"), ("site", "site")):
        if column == "site" and not args.by_site:
            continue
        groups = collections.defaultdict(list)
        for page, row, _ in scored:
            groups[page[column]].append(row)
        print(f"by {title}: " + ", ".join(
            f"{name} {summary(rows)[0]:.3f} ({len(rows)})"
            for name, rows in sorted(groups.items(), key=lambda x: (-len(x[1]), x[0]))))
    f1s = sorted(((2 * precision(*row) * recall(*row) / (precision(*row) + recall(*row))
                   if precision(*row) + recall(*row) else 0.0), page["id"], precision(*row),
                  recall(*row), method) for page, row, method in scored)
    print(f"median page F1 {statistics.median(x[0] for x in f1s):.3f}")
    print(f"worst {args.worst}:")
    for value, pid, pr, rc, method in f1s[:args.worst]:
        how = method.get("path", "") if isinstance(method, dict) else str(method)
        print(f"  {pid:40} F1 {value:.3f} P {pr:.3f} R {rc:.3f}  {how}")


if __name__ == "__main__":
    main()
