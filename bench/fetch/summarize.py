#!/usr/bin/env python3
"""Summarises fetch_bench.sh results: median wall time, CPU time and peak RSS per client, mode
and N, with kazaz-monitor's speed-up over each peer."""
import json
import pathlib
import sys

out = pathlib.Path(sys.argv[1])
ns = sys.argv[2].split()
clients = ["kazaz", "newsboat", "python"]


def load(client, mode, n):
    hyper = json.loads((out / f"{client}-{mode}-N{n}.json").read_text())["results"][0]
    wall, user, system, rss = (out / f"{client}-{mode}-N{n}.time").read_text().split()[-4:]
    return {
        "median": hyper["median"], "min": hyper["min"], "max": hyper["max"],
        "runs": len(hyper["times"]), "cpu": float(user) + float(system), "rss": int(rss) / 1024,
    }


print("| N | mode | client | median s | min s | max s | runs | CPU s (1 run) | peak RSS MiB | kazaz speed-up |")
print("|---|---|---|---:|---:|---:|---:|---:|---:|---:|")
for n in ns:
    for mode in ["cold", "warm"]:
        rows = {c: load(c, mode, n) for c in clients}
        for c in clients:
            r = rows[c]
            ratio = "—" if c == "kazaz" else f"{r['median'] / rows['kazaz']['median']:.1f}×"
            print(f"| {n} | {mode} | {c} | {r['median']:.3f} | {r['min']:.3f} | {r['max']:.3f} | "
                  f"{r['runs']} | {r['cpu']:.2f} | {r['rss']:.1f} | {ratio} |")
