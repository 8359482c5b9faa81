#!/usr/bin/env python3
"""Differential test: `kazaz-monitor parse --json` against feedparser (via feedref.py).

For every feed file of every corpus it runs the oracle (`feedref.py`, feedparser) and our
parser, then compares, entry by entry in document order:

  count      number of entries
  title      both sides reduced to plain text (tags stripped, entities decoded) and compared
             without white space -- we always return plain text, feedparser sometimes keeps
             markup, and the reduction puts a space where any tag was (`ft<sup>2</sup>`)
  link       exact; a relative oracle link is first resolved against the base we used
             (the file's URL, or the test's Content-Location), since we resolve links
  id         exact; when feedparser has no id (no guid/atom:id) ours must be our own fallback
             (the item's link, or a "hash:" content hash) -- the policy of ItemIdentity
  published  the item's date, RFC 3339 UTC to the second: feedparser's published, else its
             updated (we fall back the same way); our `date_estimated` items count as null

Entries present on one side only count as a disagreement in every field.

Usage
  differential.py --bin .build-parse/release/kazaz-monitor [--bench ../shared/bench]
                  [--report FILE.md] [--details FILE.jsonl]
                  NAME=DIR[,headers] ...
  `,headers` passes feedparser test files' `Header:` lines (Content-type, Content-Location)
  to both sides: to feedref.py as --test-headers, to us as --content-type/--base-url.
"""
import argparse
import concurrent.futures as cf
import fnmatch
import html
import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.parse

FIELDS = ["count", "title", "link", "id", "published"]
TAG_RE = re.compile(r"<[^>]*>", re.S)
WS_RE = re.compile(r"\s+")
HDR_RE = re.compile(rb"^\s*Header:\s*([A-Za-z0-9-]+):\s*(.*?)\s*$", re.M)


def text_of(s):
    if s is None:
        return ""
    return WS_RE.sub(" ", html.unescape(TAG_RE.sub(" ", s))).strip()


def test_headers(data):
    m = re.search(rb"<!--(.*?)-->", data[:4096], re.S)
    if not m:
        return {}
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in HDR_RE.findall(m.group(1))}


def run_ours(binary, path, headers):
    args = [binary, "parse", "--json"]
    base = None
    if headers.get("content-type"):
        args += ["--content-type", headers["content-type"]]
    if headers.get("content-location"):
        base = headers["content-location"]
        args += ["--base-url", base]
    args.append(path)
    proc = subprocess.run(args, capture_output=True, timeout=60)
    if base is None:
        base = "file://" + urllib.parse.quote(os.path.abspath(path))
    if proc.returncode != 0:
        return {"error": proc.stderr.decode("utf-8", "replace").strip()[:300], "items": []}, base
    try:
        return json.loads(proc.stdout), base
    except ValueError as ex:
        return {"error": "bad JSON from parse: %s" % ex, "items": []}, base


def compare(ref, ours, base):
    """Yields (field, agree, detail) for one feed."""
    rents, oents = ref["entries"], ours.get("items", [])
    yield "count", len(rents) == len(oents), "ref %d, ours %d%s" % (
        len(rents), len(oents), (" (" + ours["error"] + ")") if ours.get("error") else "")
    for i in range(max(len(rents), len(oents))):
        r = rents[i] if i < len(rents) else None
        o = oents[i] if i < len(oents) else None
        if r is None or o is None:
            for f in FIELDS[1:]:
                yield f, False, "entry %d only in %s" % (i, "ours" if r is None else "feedparser")
            continue
        rt, ot = text_of(r.get("title")), text_of(o.get("title"))
        yield "title", rt.replace(" ", "") == ot.replace(" ", ""), "entry %d: ref %r, ours %r" % (i, rt[:100], ot[:100])
        rl, ol = r.get("link"), o.get("link")
        if rl and base and not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", rl):
            rl = urllib.parse.urljoin(base, rl)
        yield "link", (rl or None) == (ol or None), "entry %d: ref %r, ours %r" % (i, rl, ol)
        rid, oid = r.get("id"), o.get("id")
        if rid is None or rid == "":
            ok = oid == o.get("link") or (oid or "").startswith("hash:")
        else:
            ok = rid.strip() == (oid or "").strip()
        yield "id", ok, "entry %d: ref %r, ours %r" % (i, rid, oid)
        rp = r.get("published") or r.get("updated")
        op = None if o.get("date_estimated") else o.get("published")
        yield "published", rp == op, "entry %d: ref %r, ours %r" % (i, rp, op)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpora", nargs="+", metavar="NAME=DIR[,headers]")
    ap.add_argument("--bin", default=os.path.join(root, ".build-parse/release/kazaz-monitor"))
    ap.add_argument("--bench", default=os.path.join(root, "..", "shared", "bench"),
                    help="folder holding feedref.py")
    ap.add_argument("--report", help="write a Markdown summary here")
    ap.add_argument("--details", help="write every disagreement as JSON lines here")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--reasons", default=os.path.join(here, "reasons.tsv"),
                    help="known disagreements: corpus, file glob, field (or *), why, tab-separated")
    a = ap.parse_args()

    feedref = os.path.join(a.bench, "feedref.py")
    reasons = []
    if a.reasons and os.path.exists(a.reasons):
        for line in open(a.reasons, encoding="utf-8"):
            if line.strip() and not line.startswith("#"):
                corpus, pattern, field, why = line.rstrip("\n").split("\t", 3)
                reasons.append((corpus, pattern, field, why))

    def reason_for(corpus, path, field):
        for c, pattern, f, why in reasons:
            if c in (corpus, "*") and fnmatch.fnmatch(path, pattern) and f in (field, "*"):
                return why
        return None

    disagreements = []
    details = open(a.details, "w", encoding="utf-8") if a.details else None
    summary = []
    for spec in a.corpora:
        name, _, rest = spec.partition("=")
        directory, _, flags = rest.partition(",")
        with_headers = flags == "headers"
        with tempfile.TemporaryDirectory() as tmp:
            jsonl = os.path.join(tmp, "ref.jsonl")
            cmd = [sys.executable, "-W", "ignore", feedref, "--quiet", "--jsonl", jsonl, directory]
            if with_headers:
                cmd.insert(4, "--test-headers")
            subprocess.run(cmd, check=True)
            refs = [json.loads(line) for line in open(jsonl, encoding="utf-8")]
        base_dir = directory if os.path.isdir(directory) else os.path.dirname(directory)

        def one(ref):
            path = os.path.join(base_dir, ref["file"])
            with open(path, "rb") as fh:
                headers = test_headers(fh.read()) if with_headers else {}
            ours, base = run_ours(a.bin, path, headers)
            return ref, [(f, ok, scrub(d)) for f, ok, d in compare(ref, ours, base)]

        # Reports name files relative to their corpus, never by this machine's paths.
        root_dir = os.path.abspath(base_dir)
        spellings = [root_dir, urllib.parse.quote(root_dir), base_dir]

        def scrub(text):
            for spelling in spellings:
                text = text.replace("file://" + spelling, "<corpus>").replace(spelling, "<corpus>")
            return text

        totals = {f: [0, 0] for f in FIELDS}
        with cf.ThreadPoolExecutor(a.jobs) as pool:
            for ref, results in pool.map(one, refs):
                for field, agree, detail in results:
                    totals[field][0] += agree
                    totals[field][1] += 1
                    if agree:
                        continue
                    why = reason_for(name, ref["file"], field)
                    disagreements.append((name, ref["file"], field, detail, why))
                    if details:
                        details.write(json.dumps({"corpus": name, "file": ref["file"], "field": field,
                                                  "detail": detail, "reason": why},
                                                 ensure_ascii=False) + "\n")
        summary.append((name, len(refs), totals))
        line = "  ".join("%s %.2f%% (%d/%d)" % (f, 100.0 * t[0] / t[1] if t[1] else 100.0, t[0], t[1])
                         for f, t in totals.items())
        print("%-12s files %4d  %s" % (name, len(refs), line), flush=True)
    if details:
        details.close()
    all_agree = sum(t[f][0] for _, _, t in summary for f in FIELDS)
    all_total = sum(t[f][1] for _, _, t in summary for f in FIELDS)
    print("%d disagreements, %d without a recorded reason" % (
        len(disagreements), sum(1 for d in disagreements if d[4] is None)))
    print("overall agreement %.2f%% (%d/%d)" % (100.0 * all_agree / max(all_total, 1), all_agree, all_total))
    if a.report:
        with open(a.report, "w", encoding="utf-8") as out:
            out.write("| corpus | files | " + " | ".join(FIELDS) + " |\n")
            out.write("|---|---|" + "---|" * len(FIELDS) + "\n")
            for name, n, t in summary:
                out.write("| %s | %d | " % (name, n) + " | ".join(
                    "%.2f%% (%d/%d)" % (100.0 * t[f][0] / t[f][1] if t[f][1] else 100.0, t[f][0], t[f][1])
                    for f in FIELDS) + " |\n")
            unexplained = sum(1 for d in disagreements if d[4] is None)
            out.write("\n%d disagreements, %d without a recorded reason.\n\n" % (len(disagreements), unexplained))
            out.write("| corpus | file | field | detail | why |\n|---|---|---|---|---|\n")
            for corpus, path, field, detail, why in disagreements:
                cell = lambda text: str(text).replace("|", "\\|").replace("\n", " ")[:160]
                out.write("| %s | %s | %s | %s | %s |\n" % (
                    corpus, cell(path), field, cell(detail), cell(why or "UNEXPLAINED")))


if __name__ == "__main__":
    main()
