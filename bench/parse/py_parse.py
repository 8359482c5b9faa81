#!/usr/bin/env python3
"""Whole-process baseline for bench.sh: parse feeds with feedparser or fastfeedparser.

  py_parse.py feedparser|fastfeedparser FILE...      (or @LIST: one path per line)

Parses every file, counts entries, prints "files entries" — no normalisation, no output
per feed: the least work a Python program can do to read the feeds.
"""
import sys

engine, args = sys.argv[1], sys.argv[2:]
paths = [line.rstrip("\n") for line in open(args[0][1:])] if args and args[0].startswith("@") else args
if engine == "feedparser":
    import feedparser

    def parse(data):
        return len(feedparser.parse(data).entries)
else:
    import fastfeedparser

    def parse(data):
        try:
            return len(fastfeedparser.parse(data)["entries"])
        except Exception:  # it raises on documents it cannot read
            return 0
entries = 0
for path in paths:
    with open(path, "rb") as handle:
        entries += parse(handle.read())
print(len(paths), entries)
