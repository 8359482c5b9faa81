#!/usr/bin/env python3
"""Driver for bench/classify/run.sh: builds the repeated corpus and times both classifiers."""
import argparse
import os
import re
import resource
import subprocess
import sys
import time


def build_corpus(corpus: str, work: str, megabytes: float) -> tuple[list[str], int]:
    """Copies the corpus documents round-robin into work/docs until the total reaches the size."""
    source = os.path.join(corpus, "docs")
    names = sorted(n for n in os.listdir(source) if n.endswith(".txt"))
    texts = [open(os.path.join(source, n), "rb").read() for n in names]
    if not texts:
        sys.exit(f"no documents in {source}")
    target = int(megabytes * 1_000_000)
    os.makedirs(os.path.join(work, "docs"))
    paths, total, index = [], 0, 0
    while total < target:
        path = os.path.join(work, "docs", f"{index:06d}.txt")
        data = texts[index % len(texts)]
        with open(path, "wb") as handle:
            handle.write(data)
        paths.append(path)
        total += len(data)
        index += 1
    with open(os.path.join(work, "files.txt"), "w") as handle:
        handle.write("\n".join(paths) + "\n")
    return paths, total


def side_patterns(profile: str) -> dict[str, list[str]]:
    """The `"pattern": weight` entries of the profile's `sides:` section, per side."""
    sides: dict[str, list[str]] = {"kazakhstan": [], "azerbaijan": []}
    inside, side = False, None
    entry = re.compile(r'^\s+"([^"]+)":\s*[0-9.]+')
    for line in open(profile, encoding="utf-8"):
        if re.match(r"^sides:", line):
            inside = True
            continue
        if inside and re.match(r"^\S", line) and not line.startswith("#"):
            break
        heading = re.match(r"^  (kazakhstan|azerbaijan):", line)
        if inside and heading:
            side = heading.group(1)
            continue
        match = entry.match(line) if inside and side else None
        if match:
            sides[side].append(match.group(1))
    return sides


def alternation(patterns: list[str]) -> str:
    """Words joined by any run of non-word characters; a trailing `*` is a stem."""
    parts = []
    for pattern in sorted(set(patterns), key=len, reverse=True):
        stem = pattern.endswith("*")
        words = pattern.rstrip("*").split()
        body = r"\W+".join(re.escape(w) for w in words)
        parts.append(r"\b" + body + (r"\w*" if stem else r"\b"))
    return "|".join(parts)


def baseline_regex(sides: dict[str, list[str]]) -> re.Pattern:
    """One compiled alternation of every side term, in two named groups."""
    return re.compile(
        f"(?P<kz>{alternation(sides['kazakhstan'])})|(?P<az>{alternation(sides['azerbaijan'])})",
        re.IGNORECASE,
    )


def run_baseline(paths: list[str], regex: re.Pattern) -> int:
    """Scans every document completely, like the classifier: all side-term matches, then the
    naive verdict "both sides are named". Returns how many documents pass it."""
    found = 0
    for path in paths:
        with open(path, encoding="utf-8", errors="replace") as handle:
            text = handle.read()
        sides = set()
        for match in regex.finditer(text):
            sides.add(match.lastgroup)
        if len(sides) == 2:
            found += 1
    return found


def child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str], **options) -> tuple[float, float, subprocess.CompletedProcess]:
    """Wall-clock and CPU seconds (user + system) of a child process."""
    cpu, start = child_cpu(), time.perf_counter()
    done = subprocess.run(command, check=True, **options)
    return time.perf_counter() - start, child_cpu() - cpu, done


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--megabytes", type=float, default=50)
    parser.add_argument("--work", required=True)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--profile", required=True)
    parser.add_argument("--child-baseline", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()

    paths, total = build_corpus(args.corpus, args.work, args.megabytes)
    files = os.path.join(args.work, "files.txt")
    mb = total / 1_000_000
    print(f"corpus: {len(paths)} documents, {mb:.1f} MB (the {args.corpus} docs repeated)")
    pin = ["taskset", "-c", "0"]
    # Warm the page cache so both contenders read from memory.
    for path in paths:
        open(path, "rb").read()

    results = {}
    for label, extra in (("kazaz-monitor classify", []), ("kazaz-monitor classify --json", ["--json"])):
        command = pin + [args.binary, "classify", *extra, "--profile", args.profile, "--files-from", files]
        wall, cpu, _ = timed(command, stdout=subprocess.DEVNULL)
        results[label] = (wall, cpu)

    sides = side_patterns(args.profile)
    terms = len(set(sides["kazakhstan"])) + len(set(sides["azerbaijan"]))
    script = (
        "import re,sys,time;sys.path.insert(0,%r);import bench as b;"
        "rx=b.baseline_regex(b.side_patterns(%r));"
        "paths=open(%r).read().split();t=time.perf_counter();c=time.process_time();"
        "b.run_baseline(paths,rx);print(time.perf_counter()-t,time.process_time()-c)"
    ) % (os.path.dirname(os.path.abspath(__file__)), args.profile, files)
    wall, cpu, done = timed(pin + [sys.executable, "-c", script], capture_output=True, text=True)
    label = f"python regex baseline ({terms} side terms)"
    results[label] = (wall, cpu)
    inner_wall, inner_cpu = (float(x) for x in done.stdout.split())

    print("one core (taskset -c 0); MB/s = input bytes / time")
    print(f"{'':40} {'wall s':>7} {'cpu s':>7} {'docs/s':>8} {'MB/s':>6} {'docs/s':>8} {'MB/s':>6}")
    print(f"{'':40} {'':>7} {'':>7} {'(wall)':>8} {'(wall)':>6} {'(cpu)':>8} {'(cpu)':>6}")
    for name, (wall, cpu) in results.items():
        print(f"{name:40} {wall:7.2f} {cpu:7.2f} {len(paths) / wall:8.0f} {mb / wall:6.1f}"
              f" {len(paths) / cpu:8.0f} {mb / cpu:6.1f}")
    print(f"(baseline scan loop alone, without interpreter start and regex compile: "
          f"{inner_wall:.2f} s wall, {inner_cpu:.2f} s cpu, {mb / inner_cpu:.1f} MB/s cpu)")
    plain_wall, plain_cpu = results["kazaz-monitor classify"]
    json_wall, json_cpu = results["kazaz-monitor classify --json"]
    base_wall, base_cpu = results[label]
    print(f"classify vs baseline: {base_cpu / plain_cpu:.2f}x faster by cpu time "
          f"({base_wall / plain_wall:.2f}x by wall time); with --json {base_cpu / json_cpu:.2f}x; "
          f"vs the baseline's scan loop alone {inner_cpu / plain_cpu:.2f}x")


if __name__ == "__main__":
    main()
