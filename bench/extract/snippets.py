#!/usr/bin/env python3
"""The snippet benchmark: trafilatura's evaluation pages, scored as trafilatura scores them.

adbar/trafilatura (Apache-2.0) keeps about a thousand real pages (tests/cache/, tests/eval/) and,
for each, in tests/evaldata.json, snippets that must appear in the extracted main text ("with")
and snippets that must not ("without": menus, footers, dates, comments, teasers). Per page:
a "with" snippet found is a true positive, one missing a false negative; a "without" snippet found
is a false positive, one missing a true negative. Snippets match as substrings after white space
is collapsed (trafilatura's tests/eval_common.py). Precision, recall, F-score and accuracy are
computed over the pooled counts.

  snippets.py build MIRROR OUT [--check CHECKER]
      MIRROR  a clone of adbar/trafilatura (a bare one works: files are read with `git show`)
      OUT     where pages go: OUT/pages/<id>.html and OUT/snippets.json (id, URL, site, split,
              snippets), outside this repository
      CHECKER the project's hold-out check script; every page URL is passed to
              `python3 CHECKER --stdin` and the pages it reports as held out are dropped
  snippets.py run OUT LABEL [--split tune|holdout|all] [--worst N]
      extracts every page with the release binary (one process), keeps the results in
      OUT/results-LABEL.jsonl and prints the scores of the tuning part, the held-out part and
      the whole set (or of --split only), per language, and the worst pages
  snippets.py score OUT RESULTS.jsonl [--split …] [--worst N]
      scores stored results

The data file is read as JSON (older versions of the repository kept it as a Python dict in
tests/evaldata.py; that form is read with ast.literal_eval, never executed). Sites are split as
build_corpus.py splits them (a hash of the site, about 30 % `holdout`).
"""
import argparse, ast, collections, gzip, json, os, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from build_corpus import site_of, split_of  # noqa: E402  (one split rule for both page sets)

COMMIT = "e90b0ef51ab026fdb905fb6c5b3c84dd3d784fd5"


def git(mirror, *args):
    return subprocess.run(["git", "-C", mirror, *args], check=True, capture_output=True).stdout


def load_evaldata(mirror):
    names = set(git(mirror, "ls-tree", "-r", "--name-only", "-z", COMMIT, "tests/").decode(
        "utf-8").split("\0"))
    if "tests/evaldata.json" in names:
        return json.loads(git(mirror, "show", f"{COMMIT}:tests/evaldata.json")), names
    source = git(mirror, "show", f"{COMMIT}:tests/evaldata.py").decode("utf-8")
    start = source.index("{")
    return ast.literal_eval(source[start:]), names


def page_id(name, taken):
    base = re.sub(r"[^A-Za-z0-9]+", "-", name.rsplit(".html", 1)[0]).strip("-").lower()[:60]
    base = base or "page"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def held_out(urls, checker):
    found = subprocess.run([sys.executable, checker, "--stdin"], input="\n".join(urls),
                           capture_output=True, text=True).stdout
    return {line.split(None, 1)[1] for line in found.splitlines() if line.startswith("held-out")}


def build(args):
    data, names = load_evaldata(args.mirror)
    urls = sorted(data)
    dropped = held_out(urls, args.check) if args.check else set()
    os.makedirs(os.path.join(args.out, "pages"), exist_ok=True)
    taken, pages, missing = set(), [], 0
    for url in urls:
        if url in dropped:
            continue
        item = data[url]
        path = next((f"tests/{d}/{item['file']}" for d in ("cache", "eval")
                     if f"tests/{d}/{item['file']}" in names), None)
        if path is None or not item.get("with") or not item.get("without"):
            missing += 1
            continue
        markup = git(args.mirror, "show", f"{COMMIT}:{path}")
        if markup[:2] == b"\x1f\x8b":
            markup = gzip.decompress(markup)
        pid = page_id(item["file"], taken)
        with open(os.path.join(args.out, "pages", pid + ".html"), "wb") as f:
            f.write(markup)
        site = site_of(url)
        pages.append({"id": pid, "url": url, "site": site, "split": split_of(site), "path": path,
                      "with": item["with"], "without": item["without"]})
    with open(os.path.join(args.out, "snippets.json"), "w", encoding="utf-8") as f:
        json.dump({"repository": "adbar/trafilatura", "commit": COMMIT, "licence": "Apache-2.0",
                   "pages": pages}, f, ensure_ascii=False, indent=1)
    splits = collections.Counter(p["split"] for p in pages)
    print(f"{len(pages)} pages ({splits['tune']} tune, {splits['holdout']} holdout, "
          f"{len({p['site'] for p in pages})} sites) in {args.out}; held out and dropped: "
          f"{len(dropped)}; without a file or snippets: {missing}")


def norm(text):
    return re.sub(r"\s+", " ", text or "").strip()


def counts(page, text):
    found = norm(text)
    tp = sum(1 for s in page["with"] if norm(s) in found)
    fp = sum(1 for s in page["without"] if norm(s) in found)
    return tp, fp, len(page["with"]) - tp, len(page["without"]) - fp


def scores(rows):
    tp, fp, fn, tn = (sum(r[i] for r in rows) for i in range(4))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0
    accuracy = (tp + tn) / (tp + fp + fn + tn) if rows else 0.0
    return f1, precision, recall, accuracy


def load_results(path):
    results = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            item = json.loads(line)
            name = os.path.basename(item.get("source", ""))
            results[name[:-5] if name.endswith(".html") else name] = item
    return results


def report(out, results_path, split, worst):
    with open(os.path.join(out, "snippets.json"), encoding="utf-8") as f:
        pages = json.load(f)["pages"]
    results = load_results(results_path)
    rows, by_lang, per_page = [], collections.defaultdict(list), []
    for page in pages:
        if split != "all" and page["split"] != split:
            continue
        item = results.get(page["id"], {})
        row = counts(page, item.get("text", ""))
        rows.append(row)
        lang = (item.get("language") or "?").split("-")[0][:2]
        by_lang[lang].append(row)
        method = item.get("method") or {}
        per_page.append((row[1] + row[2], page["id"], row, method.get("path", ""),
                         method.get("container", "")))
    if not rows:
        print("no pages")
        return
    f1, p, r, a = scores(rows)
    empty = sum(1 for _, pid, _, _, _ in per_page if not results.get(pid, {}).get("text"))
    print(f"pages {len(rows)} ({split}): F {f1:.3f} (P {p:.3f}, R {r:.3f}, accuracy {a:.3f}); "
          f"without text: {empty}")
    print("by language: " + ", ".join(
        f"{lang} {scores(rs)[0]:.3f} ({len(rs)})"
        for lang, rs in sorted(by_lang.items(), key=lambda x: -len(x[1]))[:10]))
    if worst:
        print(f"worst {worst} (errors = missing 'with' + found 'without'):")
        for errors, pid, (tp, fp, fn, tn), path, container in sorted(
                per_page, key=lambda x: (-x[0], x[1]))[:worst]:
            print(f"  {pid:50} fn {fn} fp {fp}  {path} {container}")


def run(args):
    root = os.path.dirname(os.path.dirname(HERE))
    subprocess.run(["swift", "build", "-c", "release", "--product", "kazaz-monitor"], cwd=root,
                   check=True, stdout=subprocess.DEVNULL)
    binary = os.path.join(root, ".build", "release", "kazaz-monitor")
    with open(os.path.join(args.out, "snippets.json"), encoding="utf-8") as f:
        pages = json.load(f)["pages"]
    files = [os.path.join(args.out, "pages", p["id"] + ".html") for p in pages]
    results = os.path.join(args.out, f"results-{args.label}.jsonl")
    with open(results, "w", encoding="utf-8") as f:
        subprocess.run([binary, "extract", "--json", *files], check=True, stdout=f)
    for split in ([args.split] if args.split else ["tune", "holdout", "all"]):
        report(args.out, results, split, args.worst if split == (args.split or "tune") else 0)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build")
    b.add_argument("mirror")
    b.add_argument("out")
    b.add_argument("--check")
    r = sub.add_parser("run")
    r.add_argument("out")
    r.add_argument("label")
    r.add_argument("--split", choices=["tune", "holdout", "all"])
    r.add_argument("--worst", type=int, default=15)
    s = sub.add_parser("score")
    s.add_argument("out")
    s.add_argument("results")
    s.add_argument("--split", default="all", choices=["tune", "holdout", "all"])
    s.add_argument("--worst", type=int, default=15)
    args = parser.parse_args()
    if args.command == "build":
        build(args)
    elif args.command == "run":
        run(args)
    else:
        report(args.out, args.results, args.split, args.worst)


if __name__ == "__main__":
    main()
