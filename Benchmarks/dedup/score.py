"""Scores Winnow and the anchors against the exact truth and prints the Markdown tables.

    python3 Benchmarks/dedup/score.py

Reads, under Benchmarks/data/: truth-{t}.tsv; Winnow's output winnow-{t}/rejected/*.jsonl.gz
(records with reason "duplicate" and duplicate_of, joined into clusters) with
winnow-{t}-report/report.json and winnow-{t}.time (`/usr/bin/time -f "%e %M"`: wall seconds,
peak RSS KB); the anchors' {system}-{t}.tsv, {system}-timing.json and {system}.time.
Every system's clusters are expanded to pairs; precision, recall and F1 are over pairs at
t = 0.7, 0.8, 0.9.  Prints the accuracy table, the speed table (at t = 0.8, MB = UTF-8 bytes
of the `text` fields) and, from variants.tsv, the true base-variant pairs each system misses
at each threshold by kind of edit.  Writes nothing.
"""
import glob
import gzip
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import THRESHOLDS, pairs_from_clusters, read_pairs  # noqa: E402

DATA = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data")
ANCHORS = ("datasketch", "rensa")
SPEED_T = 0.8


def winnow_pairs(t):
    links = []
    for part in sorted(glob.glob(os.path.join(DATA, f"winnow-{t}", "rejected", "*.jsonl.gz"))):
        with gzip.open(part, "rt", encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                if r.get("reason") == "duplicate" and r.get("duplicate_of"):
                    links.append((r["id"], r["duplicate_of"]))
    return pairs_from_clusters(links)


def winnow_rejections(t):
    counts = {}
    for part in sorted(glob.glob(os.path.join(DATA, f"winnow-{t}", "rejected", "*.jsonl.gz"))):
        with gzip.open(part, "rt", encoding="utf-8") as f:
            for line in f:
                reason = json.loads(line).get("reason")
                counts[reason] = counts.get(reason, 0) + 1
    return counts


def prf(found, truth):
    tp = len(found & truth)
    p = tp / len(found) if found else 1.0
    r = tp / len(truth) if truth else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def read_time(name):
    wall, rss = open(os.path.join(DATA, f"{name}.time")).read().split()[-2:]
    return float(wall), int(rss) / 1024


def stage_seconds(t):
    report = json.load(open(os.path.join(DATA, f"winnow-{t}-report", "report.json")))
    stages = report["stages"]
    if isinstance(stages, dict):
        return {k: v["seconds"] for k, v in stages.items()}
    return {s["stage"]: s["seconds"] for s in stages}


def main():
    truth = {t: read_pairs(os.path.join(DATA, f"truth-{t}.tsv")) for t in THRESHOLDS}
    found = {("winnow", t): winnow_pairs(t) for t in THRESHOLDS}
    for s in ANCHORS:
        for t in THRESHOLDS:
            found[(s, t)] = read_pairs(os.path.join(DATA, f"{s}-{t}.tsv"))
    docs = sum(1 for _ in open(os.path.join(DATA, "eval.jsonl"), encoding="utf-8"))

    print(f"### Accuracy over duplicate pairs ({docs} docs; true pairs: "
          + ", ".join(f"{len(truth[t])} at {t}" for t in THRESHOLDS) + ")\n")
    print("| system | " + " | ".join(f"P@{t} | R@{t} | F1@{t}" for t in THRESHOLDS) + " |")
    print("| --- |" + " ---: |" * (3 * len(THRESHOLDS)))
    for s in ("winnow",) + ANCHORS:
        cells = []
        for t in THRESHOLDS:
            cells += [f"{x:.3f}" for x in prf(found[(s, t)], truth[t])]
        print(f"| {s} | " + " | ".join(cells) + " |")

    print("\nWinnow's rejections: " + "; ".join(
        f"{t}: " + ", ".join(f"{k} {v}" for k, v in sorted(winnow_rejections(t).items())) for t in THRESHOLDS))

    timing = {s: json.load(open(os.path.join(DATA, f"{s}-timing.json"))) for s in ANCHORS}
    mb = timing["datasketch"]["bytes"] / 1e6
    wall, rss = read_time(f"winnow-{SPEED_T}")
    st = stage_seconds(SPEED_T)
    w_fd = st.get("fingerprint", 0) + st.get("dedup", 0)
    print(f"\n### Speed at t = {SPEED_T} ({docs} docs, {mb:.2f} MB of text)\n")
    print("| system | what | seconds | docs/s | MB/s | peak RSS |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    print(f"| winnow | whole `winnow run` (wall, --jobs {os.cpu_count()}) | {wall:.2f} | {docs / wall:,.0f} | {mb / wall:.1f} | {rss:.0f} MB |")
    print(f"| winnow | fingerprint stage (thread-seconds) | {st.get('fingerprint', 0):.3f} | {docs / st['fingerprint']:,.0f} | {mb / st['fingerprint']:.1f} | |")
    print(f"| winnow | dedup stage (thread-seconds) | {st.get('dedup', 0):.3f} | {docs / max(st['dedup'], 1e-9):,.0f} | {mb / max(st['dedup'], 1e-9):.1f} | |")
    print(f"| winnow | fingerprint + dedup | {w_fd:.3f} | {docs / w_fd:,.0f} | {mb / w_fd:.1f} | |")
    anchor_total = {}
    for s in ANCHORS:
        tm = timing[s]
        _, arss = read_time(s)
        sig = tm["shingle_s"] + tm["signature_s"]
        lsh = tm["lsh_s"][str(SPEED_T)]
        anchor_total[s] = (sig + lsh, tm["signature_s"] + lsh)
        print(f"| {s} | text → signature (normalize + shingle {tm['shingle_s']:.2f} s, MinHash {tm['signature_s']:.2f} s) | {sig:.2f} | {docs / sig:,.0f} | {mb / sig:.1f} | {arss:.0f} MB |")
        print(f"| {s} | LSH build + query + verify ({tm['bands'][str(SPEED_T)]} bands) | {lsh:.2f} | {docs / lsh:,.0f} | {mb / lsh:.1f} | |")
        print(f"| {s} | MinHash + LSH (shingles given) | {tm['signature_s'] + lsh:.2f} | {docs / (tm['signature_s'] + lsh):,.0f} | {mb / (tm['signature_s'] + lsh):.1f} | |")
    print("\n| Winnow fingerprint + dedup throughput vs | text → clusters | MinHash + LSH only |")
    print("| --- | ---: | ---: |")
    for s in ANCHORS:
        full, core = anchor_total[s]
        print(f"| {s} | {full / w_fd:.1f}× | {core / w_fd:.1f}× |")

    # Misses by kind of edit: true base-variant pairs a system does not report.
    edits = {}
    with open(os.path.join(DATA, "variants.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            v, b, kind = line.rstrip("\n").split("\t")
            edits[(b, v)] = kind
    print("\n### True base–variant pairs missed, by edit (missed / true pairs of that edit)\n")
    kinds = sorted(set(edits.values()), key=lambda k: (k.count("+"), k))
    single = [k for k in kinds if "+" not in k]
    print("| system | t | " + " | ".join(single) + " | combined edits |")
    print("| --- | ---: |" + " ---: |" * (len(single) + 1))
    for s in ("winnow",) + ANCHORS:
        for t in THRESHOLDS:
            tot, miss = {}, {}
            for pair in truth[t]:
                kind = edits.get(pair)
                if kind is None:
                    continue
                key = kind if "+" not in kind else "combined edits"
                tot[key] = tot.get(key, 0) + 1
                if pair not in found[(s, t)]:
                    miss[key] = miss.get(key, 0) + 1
            print(f"| {s} | {t} | " + " | ".join(f"{miss.get(k, 0)}/{tot.get(k, 0)}" for k in single + ["combined edits"]) + " |")


if __name__ == "__main__":
    main()
