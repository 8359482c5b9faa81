#!/usr/bin/env python3
"""A fault-injecting feed server for soak and chaos tests. Loopback only.

Serves N feeds at http://HOST:PORT/feed/<i>.xml over several loopback addresses. Each feed has a
behaviour chosen deterministically from its index and the seed:

  healthy      new items over time (one every --item-period seconds), ETag/Last-Modified, 304s;
               item links are article pages on the same server (/article/<feed>/<n>, some 404)
  error500     always 500
  ratelimit    429 with Retry-After (seconds)
  timeout      accepts, then says nothing for a long time
  trickle      sends the body one byte every 0.5 s
  truncated    a healthy feed cut off in the middle of an item
  wrongcharset windows-1251 bytes under a declaration of UTF-8
  gzipbomb     Content-Encoding: gzip, a small body that inflates to 256 MiB
  endless      a body that never ends
  redirectloop 302 to itself via a second URL
  garbage      random bytes
  gone         healthy, then 410 Gone after a few requests
  republish    healthy, but republishes old items with new guids (same links)

Every item a healthy-type feed (healthy, truncated, wrongcharset, gone, republish) has served is
appended to --published (JSON lines: feed, guid, link) the first time it is served, so the soak
can check that each one is stored exactly once. Runs until killed, or --duration seconds.
"""
import argparse
import gzip
import http.server
import io
import json
import os
import random
import socketserver
import sys
import threading
import time

BEHAVIOURS = [
    ("healthy", 60), ("error500", 4), ("ratelimit", 4), ("timeout", 3), ("trickle", 3),
    ("truncated", 4), ("wrongcharset", 4), ("gzipbomb", 2), ("endless", 2), ("redirectloop", 3),
    ("garbage", 3), ("gone", 4), ("republish", 4),
]
RECORDED = {"healthy", "truncated", "wrongcharset", "gone", "republish"}
HEADLINES = [
    "Kazakhstan and Azerbaijan sign a transit agreement in Baku",
    "Президенты Казахстана и Азербайджана обсудили транзит через Каспий",
    "Astana and Baku agree to raise trade turnover to $1 billion",
    "Weather in Almaty: sunny, up to 20 degrees",
    "Central bank keeps the base rate unchanged",
    "Казахстанско-азербайджанский деловой форум прошёл в Астане",
]


def behaviour_of(index, seed):
    rng = random.Random(seed * 1_000_003 + index)
    total = sum(weight for _, weight in BEHAVIOURS)
    pick = rng.uniform(0, total)
    for name, weight in BEHAVIOURS:
        pick -= weight
        if pick <= 0:
            return name
    return "healthy"


class State:
    def __init__(self, args):
        self.args = args
        self.start = time.time()
        self.lock = threading.Lock()
        self.hits = {}
        self.articles = 0
        self.recorded = set()
        self.published = open(args.published, "a", encoding="utf-8") if args.published else None

    def items(self, index, behaviour, now, base):
        """Items visible now: the newest 20 of those published so far (one per period). Their
        links are article pages on this server (`base`), so the daemon's article fetches stay
        on loopback too."""
        count = 3 + int((now - self.start) / self.args.item_period)
        first = max(0, count - 20)
        items = []
        for k in range(first, count):
            guid = f"f{index}-i{k}"
            link = f"{base}/article/{index}/{k}"
            if behaviour == "republish" and k % 3 == 0 and k > 0:
                guid = f"f{index}-i{k}-again{count}"  # an old item under a new guid
                link = f"{base}/article/{index}/{k - 1}?utm_source=rss"
            items.append((k, guid, link))
        return items

    def record(self, index, items):
        if not self.published:
            return
        with self.lock:
            for k, guid, link in items:
                key = (index, guid)
                if key not in self.recorded:
                    self.recorded.add(key)
                    self.published.write(json.dumps({"feed": index, "guid": guid, "link": link}) + "\n")
            self.published.flush()


def article(index, k):
    """The article page behind an item link: a headline and a few paragraphs of text. Every
    seventh one is missing (404), so the daemon must fall back to the feed's text."""
    title = HEADLINES[(index + k) % len(HEADLINES)]
    paragraphs = "".join(
        f"<p>{title}. Paragraph {n} of report {index}.{k}: officials in Astana and Baku discussed "
        f"trade, transit across the Caspian Sea and the Middle Corridor, and agreed to meet "
        f"again next month to review the progress of the joint projects.</p>"
        for n in range(1, 7))
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
            f"</head><body><nav>Home | World | Business</nav><article><h1>{title}</h1>"
            f"{paragraphs}</article><footer>News Example</footer></body></html>")


def rss(index, items, encoding="utf-8"):
    body = []
    for k, guid, link in items:
        title = HEADLINES[(index + k) % len(HEADLINES)]
        body.append(
            f"<item><title>{title} ({index}.{k})</title><link>{link}</link>"
            f'<guid isPermaLink="false">{guid}</guid>'
            f"<pubDate>Mon, 24 Nov 2025 10:{k % 60:02d}:00 +0500</pubDate>"
            f"<description>{title}. Report {index}.{k} about Kazakhstan and Azerbaijan, "
            f"Astana and Baku, trade and transit across the Caspian.</description></item>")
    return (f'<?xml version="1.0" encoding="{encoding}"?>\n<rss version="2.0"><channel>'
            f"<title>Feed {index}</title><link>https://news.example/{index}</link>"
            + "".join(body) + "</channel></rss>\n")


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "fault-server"

    def log_message(self, *args):
        pass

    def send(self, status, body=b"", headers=()):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self):
        state = self.server.state
        parts = self.path.split("?")[0].strip("/").split("/")
        if len(parts) == 3 and parts[0] == "article":
            with state.lock:
                state.articles += 1
            return self.serve_article(parts[1], parts[2])
        if len(parts) != 2 or parts[0] not in ("feed", "loop"):
            return self.send(404)
        try:
            index = int(parts[1].split(".")[0])
        except ValueError:
            return self.send(404)
        behaviour = behaviour_of(index, state.args.seed)
        with state.lock:
            state.hits[index] = state.hits.get(index, 0) + 1
            hits = state.hits[index]
        now = time.time()
        try:
            getattr(self, "serve_" + behaviour)(state, index, now, hits)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def base(self):
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def serve_article(self, index, k):
        try:
            index, k = int(index), int(k)
        except ValueError:
            return self.send(404)
        if (index + k) % 7 == 0:
            return self.send(404, b"not found")
        body = article(index, k).encode()
        self.send(200, body, [("Content-Type", "text/html; charset=utf-8")])

    # Healthy-type behaviours

    def serve_healthy(self, state, index, now, hits, encoding="utf-8", charset="utf-8"):
        items = state.items(index, behaviour_of(index, state.args.seed), now, self.base())
        etag = f'"{index}-{items[-1][0]}"'
        if self.headers.get("If-None-Match") == etag:
            return self.send(304, headers=[("ETag", etag)])
        body = rss(index, items, charset).encode(encoding, errors="xmlcharrefreplace")
        state.record(index, items)
        self.send(200, body, [("Content-Type", f"application/rss+xml; charset={charset}"), ("ETag", etag)])

    def serve_republish(self, state, index, now, hits):
        self.serve_healthy(state, index, now, hits)

    def serve_wrongcharset(self, state, index, now, hits):
        items = state.items(index, "wrongcharset", now, self.base())
        body = rss(index, items, "utf-8").encode("cp1251", errors="xmlcharrefreplace")
        state.record(index, items)
        self.send(200, body, [("Content-Type", "application/rss+xml")])

    def serve_truncated(self, state, index, now, hits):
        items = state.items(index, "truncated", now, self.base())
        body = rss(index, items).encode()
        cut = body.rfind(b"<item>") + 40  # the last item is cut in the middle
        # Only the complete items are promised; the broken last one may or may not be kept.
        state.record(index, items[:-1])
        self.send(200, body[:cut], [("Content-Type", "application/rss+xml")])

    def serve_gone(self, state, index, now, hits):
        if hits > 3:
            return self.send(410, b"gone")
        self.serve_healthy(state, index, now, hits)

    # Hostile behaviours

    def serve_error500(self, state, index, now, hits):
        self.send(500, b"internal error")

    def serve_ratelimit(self, state, index, now, hits):
        self.send(429, b"slow down", [("Retry-After", "120")])

    def serve_timeout(self, state, index, now, hits):
        time.sleep(state.args.stall)

    def serve_trickle(self, state, index, now, hits):
        body = rss(index, state.items(index, "trickle", now, self.base())).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        for i in range(len(body)):
            self.wfile.write(body[i:i + 1])
            self.wfile.flush()
            time.sleep(0.5)

    def serve_gzipbomb(self, state, index, now, hits):
        self.send(200, self.server.bomb, [("Content-Encoding", "gzip"), ("Content-Type", "application/rss+xml")])

    def serve_endless(self, state, index, now, hits):
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.end_headers()
        chunk = b"<item><title>more</title></item>" * 1000
        self.wfile.write(b'<?xml version="1.0"?><rss version="2.0"><channel>')
        deadline = time.time() + state.args.stall
        while time.time() < deadline:
            self.wfile.write(chunk)

    def serve_redirectloop(self, state, index, now, hits):
        target = f"/loop/{index}.xml" if self.path.startswith("/feed") else f"/feed/{index}.xml"
        self.send(302, headers=[("Location", target)])

    def serve_garbage(self, state, index, now, hits):
        self.send(200, os.urandom(4096 + index % 4096), [("Content-Type", "application/rss+xml")])


def make_bomb(megabytes=256):
    """A gzip body of a few hundred KiB that inflates to `megabytes` MiB of zeros."""
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=6) as z:
        block = b"\0" * (1 << 20)
        for _ in range(megabytes):
            z.write(block)
    return out.getvalue()


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 1024

    def handle_error(self, request, client_address):
        # Clients hanging up on hostile responses (bombs, endless bodies) is the point.
        pass


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--hosts", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=18180)
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--item-period", type=float, default=30.0)
    parser.add_argument("--stall", type=float, default=120.0)
    parser.add_argument("--published")
    parser.add_argument("--urls", help="write the feed URLs here and exit")
    parser.add_argument("--duration", type=float, default=0)
    parser.add_argument("--stats", help="write request counts per behaviour here every 5 s")
    args = parser.parse_args()
    hosts = args.hosts.split()
    for host in hosts:
        if not host.startswith("127."):
            sys.exit(f"loopback only: {host}")
    if args.urls:
        with open(args.urls, "w") as out:
            for i in range(args.feeds):
                out.write(f"http://{hosts[i % len(hosts)]}:{args.port}/feed/{i}.xml\n")
        return
    state = State(args)
    bomb = make_bomb()
    servers = []
    for host in hosts:
        server = Server((host, args.port), Handler)
        server.state = state
        server.bomb = bomb
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
    counts = {}
    for i in range(args.feeds):
        counts[behaviour_of(i, args.seed)] = counts.get(behaviour_of(i, args.seed), 0) + 1
    print(json.dumps({"listening": hosts, "port": args.port, "behaviours": counts}), flush=True)
    def write_stats():
        while args.stats:
            with state.lock:
                by = {}
                for index, hits in state.hits.items():
                    name = behaviour_of(index, args.seed)
                    by[name] = by.get(name, 0) + hits
            with open(args.stats + ".tmp", "w") as out:
                json.dump({"requests": sum(by.values()), "by_behaviour": by,
                           "article_pages": state.articles}, out)
            os.replace(args.stats + ".tmp", args.stats)
            time.sleep(5)
    threading.Thread(target=write_stats, daemon=True).start()
    try:
        if args.duration:
            time.sleep(args.duration)
        else:
            while True:
                time.sleep(3600)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
