#!/usr/bin/env python3
"""Checks the soak's invariants and prints its figures as Markdown. Exit status 1 on a failure."""
import argparse
import csv
import json
import os
import sqlite3
import sys
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit


def canonical(link):
    """The store's canonical form for the links the fault server uses."""
    parts = urlsplit(link)
    host = parts.hostname.lower().removeprefix("www.")
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    query = [(k, v) for k, v in parse_qsl(parts.query) if not k.lower().startswith("utm_")]
    path = parts.path.rstrip("/")
    return urlunsplit(("https", host, path, urlencode(sorted(query)), ""))


def item_number(link):
    return int(urlsplit(link).path.rstrip("/").rsplit("/", 1)[1])


def gone_tail(db, missing, published, seed):
    """The missing items of feeds that went away (410) that are all newer than the feed's newest
    stored item."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from fault_server import behaviour_of
    by_feed = {}
    for link in missing:
        by_feed.setdefault(published[link]["feed"], []).append(link)
    tail = set()
    for feed, links in by_feed.items():
        if behaviour_of(feed, seed) != "gone":
            continue
        row = db.execute(
            "SELECT feed.lastStatus, (SELECT group_concat(item.url, ' ') FROM item "
            "WHERE item.feedId = feed.id) FROM feed WHERE url LIKE ?",
            (f"%/feed/{feed}.xml",)).fetchone()
        if not row or row[0] != 410:
            continue
        stored = [item_number(url) for url in (row[1] or "").split()]
        if all(item_number(link) > max(stored, default=-1) for link in links):
            tail.update(links)
    return tail


def explain_missing(db, missing, published, seed):
    """Prints, for each feed with missing items, its behaviour and its stored poll state."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from fault_server import behaviour_of
    by_feed = {}
    for link in missing:
        by_feed.setdefault(published[link]["feed"], []).append(link)
    print("missing items by feed:", file=sys.stderr)
    for feed, links in sorted(by_feed.items()):
        row = db.execute(
            "SELECT lastCheckedAt, nextCheckAt, lastSuccessAt, lastStatus, lastErrorKind, "
            "consecutiveFailures, (SELECT COUNT(*) FROM item WHERE item.feedId = feed.id) "
            "FROM feed WHERE url LIKE ?", (f"%/feed/{feed}.xml",)).fetchone()
        print(f"  feed {feed} ({behaviour_of(feed, seed)}): {len(links)} missing, e.g. "
              f"{sorted(links)[:2]}; state {row}", file=sys.stderr)


def main():
    p = argparse.ArgumentParser()
    for name in ["store", "published", "resources", "digests", "log", "server", "requests"]:
        p.add_argument("--" + name)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--digest-day", help="the day (YYYY-MM-DD) of a digest due during the run")
    p.add_argument("--digest-formats", help="formats of a digest due during the run, e.g. markdown,json")
    p.add_argument("--daemon-stopped", type=float,
                   help="when the daemon was stopped (seconds since 1970): the due digest must "
                        "have been written by the daemon, before that, not by the last catch-up")
    for name in ["kills", "restarts", "reloads", "crashes", "term-status", "feeds", "duration"]:
        p.add_argument("--" + name, type=int, default=0)
    a = p.parse_args()
    failures = []
    db = sqlite3.connect(a.store)

    integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
    if integrity != "ok":
        failures.append(f"integrity_check: {integrity}")

    published = {}
    with open(a.published) as lines:
        for line in lines:
            entry = json.loads(line)
            published.setdefault(canonical(entry["link"]), entry)
    stored = dict(db.execute(
        "SELECT canonicalURL, COUNT(*) FROM item WHERE canonicalURL LIKE 'https://127.%/article/%' "
        "GROUP BY canonicalURL").fetchall())
    missing = [link for link in published if link not in stored]
    # A feed that answers 410 after serving items can take with it the items of its last 200
    # response, when the poll that read them was cut short (a SIGKILL, a full disk): no client can
    # read them again. Those are counted apart, and only when every one of them is newer than
    # everything stored from that feed; anything older missing is a loss like any other.
    lost_with_feed = gone_tail(db, missing, published, a.seed)
    missing = [link for link in missing if link not in lost_with_feed]
    twice = [link for link, count in stored.items() if count > 1]
    unexpected = [link for link in stored if link not in published]
    if missing:
        failures.append(f"{len(missing)} published items not stored, e.g. {missing[:3]}")
        explain_missing(db, missing, published, a.seed)
    if twice:
        failures.append(f"{len(twice)} items stored more than once, e.g. {twice[:3]}")
    orphans = db.execute(
        "SELECT COUNT(*) FROM item LEFT JOIN classification ON classification.itemId = item.id "
        "WHERE classification.itemId IS NULL").fetchone()[0]
    if orphans:
        failures.append(f"{orphans} items without their classification (a half-written poll)")

    digests = db.execute(
        "SELECT day, format, path, partial, CAST(strftime('%s', writtenAt) AS REAL) FROM digest "
        "ORDER BY day").fetchall()
    complete = [d for d in digests if not d[3]]
    for day, fmt, path, partial, _ in digests:
        if not os.path.exists(path):
            failures.append(f"digest {day} {fmt} recorded but missing: {path}")
        elif fmt == "json":
            try:
                json.load(open(path))
            except ValueError as error:
                failures.append(f"digest {path} is not valid JSON: {error}")

    if a.digest_formats and a.digest_day:
        for fmt in a.digest_formats.split(","):
            written = [d for d in digests if d[0] == a.digest_day and d[1] == fmt and not d[3]]
            if not written:
                failures.append(
                    f"the {a.digest_day} digest fell due during the run but no complete {fmt} "
                    "digest of that day was written")
            elif a.daemon_stopped and written[0][4] > a.daemon_stopped:
                failures.append(
                    f"the complete {fmt} digest of {a.digest_day} was written only by the last "
                    "catch-up, not by the daemon while it ran")

    if a.crashes:
        failures.append(f"the daemon exited by itself {a.crashes} times")
    if a.term_status != 0:
        failures.append(f"SIGTERM exit status {a.term_status}")

    rows = list(csv.DictReader(open(a.resources)))
    rss = [int(r["rss_kib"]) for r in rows if r["rss_kib"]]
    fds = [int(r["fds"]) for r in rows if r["fds"]]
    settled = rss[len(rss) // 4:] or rss
    if settled and max(settled) > 2 * min(settled) + 20_000:
        failures.append(f"RSS grew from {min(settled)} to {max(settled)} KiB")
    if fds and max(fds) - min(fds) > 64:
        failures.append(f"open descriptors ranged {min(fds)}–{max(fds)}")

    requests = json.load(open(a.requests)) if a.requests and os.path.exists(a.requests) else {}
    behaviours = json.loads(open(a.server).readline()).get("behaviours", {}) if a.server else {}
    health = db.execute(
        "SELECT COALESCE(lastErrorKind, CASE WHEN disabledReason IS NOT NULL THEN 'disabled' ELSE 'ok' END),"
        " COUNT(*) FROM feed GROUP BY 1 ORDER BY 2 DESC").fetchall()
    items = db.execute("SELECT COUNT(*) FROM item").fetchone()[0]
    relevant = db.execute("SELECT COUNT(*) FROM classification WHERE relevant").fetchone()[0]
    errors = 0
    if a.log and os.path.exists(a.log):
        errors = sum(1 for line in open(a.log, errors="replace") if " error " in line)

    print("| figure | value |\n|---|---|")
    print(f"| feeds | {a.feeds} ({', '.join(f'{k} {v}' for k, v in sorted(behaviours.items()))}) |")
    print(f"| duration | {a.duration} s |")
    print(f"| feed requests served | {requests.get('requests', '?')} "
          f"({', '.join(f'{k} {v}' for k, v in sorted(requests.get('by_behaviour', {}).items()))}) |")
    print(f"| article pages served | {requests.get('article_pages', '?')} |")
    print(f"| SIGKILLs survived / restarts | {a.kills} / {a.restarts} |")
    print(f"| SIGHUP reloads | {a.reloads} |")
    print(f"| items published (healthy kinds) / stored once / missing / twice | "
          f"{len(published)} / {len(published) - len(missing) - len(lost_with_feed)} / {len(missing)} / "
          f"{len(twice)} |")
    print(f"| items lost with a feed that went away (its last response's poll cut short) | "
          f"{len(lost_with_feed)} |")
    print(f"| items in store (all) / relevant | {items} / {relevant} |")
    print(f"| feed states | {', '.join(f'{k} {v}' for k, v in health)} |")
    print(f"| digests written (complete / partial) | {len(complete)} / {len(digests) - len(complete)} |")
    if rss:
        print(f"| RSS KiB: first / peak / final | {rss[0]} / {max(rss)} / {rss[-1]} |")
    if fds:
        print(f"| open descriptors: min / max / final | {min(fds)} / {max(fds)} / {fds[-1]} |")
    print(f"| error lines in the log | {errors} |")
    print(f"| integrity_check | {integrity} |")
    print()
    if failures:
        print("FAILED:")
        for failure in failures:
            print(f"- {failure}")
        sys.exit(1)
    print("all invariants hold")


if __name__ == "__main__":
    main()
