"""Scores Winnow and the anchors against the exact truth and prints the Markdown tables.

    python3 Benchmarks/dedup/score.py

Reads, under Benchmarks/data/: truth-{t}.tsv and truth-contain-0.9.tsv; Winnow's accepted pairs
winnow-{t}.pairs.tsv (`winnow run --pairs`), its rejected/*.jsonl.gz, winnow-{t}-report/report.json
and winnow-{t}.time (`/usr/bin/time -f "%e %M"`: wall seconds, peak RSS KB); the containment run
winnow-contain.pairs.tsv; the anchors' verified pairs {system}-{t}.tsv, {system}-timing.json and
{system}.time.  Three views of accuracy, each precision / recall / F1 over pairs:
  pairs     the pairs a system accepted against the true pairs (Jaccard >= t): the matcher;
  clusters  the system's clusters against the true clusters (components of the true pairs), both
            expanded to pairs: the decisions a user gets. The anchors' clusters are the connected
            components of their pairs; Winnow's are its decisions (`duplicate_of` of each rejected
            duplicate), where every member was verified against its keeper;
  mixed     the system's clusters against the true pairs.  Closing clusters adds pairs below t
            that the pairwise truth does not hold, so even a perfect matcher stays below 1 here.
Then containment (Winnow at t = 0.8 with containment_threshold 0.9 against the true pairs at 0.8
plus the true containment pairs), the speed table (at t = 0.8, MB = UTF-8 bytes of the `text`
fields) and, from variants.tsv, the true base-variant pairs each system misses by kind of edit.
Writes nothing.
"""
import glob
import gzip
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import CONTAIN_T, THRESHOLDS, pairs_from_clusters, read_pairs  # noqa: E402

DATA = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data")
ANCHORS = ("datasketch", "rensa")
SPEED_T = 0.8


def winnow_pairs(name):
    """Winnow's accepted pairs from `--pairs`, with the pairs its identical copies imply: Winnow
    matches one copy of each identical body and lists the others once, as "identical" to it."""
    rows = []
    with open(os.path.join(DATA, f"winnow-{name}.pairs.tsv"), encoding="utf-8") as f:
        next(f)
        rows = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    copies = {}
    for a, b, _, measure in rows:
        if measure == "identical":
            copies.setdefault(a, {a}).add(b)
            copies[b] = copies[a]
    pairs = set()
    for a, b, _, _ in rows:
        for x in copies.get(a, {a}):
            for y in copies.get(b, {b}):
                if x != y:
                    pairs.add(tuple(sorted((x, y))))
    for group in {id(g): g for g in copies.values()}.values():
        members = sorted(group)
        pairs |= {(x, y) for i, x in enumerate(members) for y in members[i + 1:]}
    return pairs


def winnow_links(t):
    """(member, keeper) of every article Winnow rejected as a duplicate at threshold t."""
    links = []
    for part in sorted(glob.glob(os.path.join(DATA, f"winnow-{t}", "rejected", "*.jsonl.gz"))):
        with gzip.open(part, "rt", encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                if r.get("reason") == "duplicate" and r.get("duplicate_of"):
                    links.append((r["id"], r["duplicate_of"]))
    return links


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


def funnel(t):
    d = json.load(open(os.path.join(DATA, f"winnow-{t}-report", "report.json")))["dedup"]["stats"]
    return (f"{d['bands']} × {d['rows']}: {d['candidate_pairs']} candidates, {d['signature_rejected']} "
            f"dropped on signatures, {d['exact_checked']} checked exactly, {d['exact_rejected']} dropped "
            f"there, {d['verified_pairs']} accepted")


def stage_seconds(t):
    report = json.load(open(os.path.join(DATA, f"winnow-{t}-report", "report.json")))
    stages = report["stages"]
    if isinstance(stages, dict):
        return {k: v["seconds"] for k, v in stages.items()}
    return {s["stage"]: s["seconds"] for s in stages}


def accuracy_table(title, systems, found, truth):
    print(f"\n#### {title}\n")
    print("| system | " + " | ".join(f"P@{t} | R@{t} | F1@{t}" for t in THRESHOLDS) + " |")
    print("| --- |" + " ---: |" * (3 * len(THRESHOLDS)))
    for s in systems:
        cells = []
        for t in THRESHOLDS:
            cells += [f"{x:.3f}" for x in prf(found(s, t), truth(t))]
        print(f"| {s} | " + " | ".join(cells) + " |")


def containment_table(truth08):
    contain = read_pairs(os.path.join(DATA, f"truth-contain-{CONTAIN_T}.tsv"))
    found = winnow_pairs("contain")
    plain = winnow_pairs("0.8")
    both = truth08 | contain
    print(f"\n#### Containment (t = 0.8; true pairs: {len(truth08)} by Jaccard, {len(contain)} by "
          f"containment >= {CONTAIN_T}, {len(both)} together)\n")
    print("| Winnow run | P | R | F1 | recall of containment pairs |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, pairs in (("containment off", plain), (f"containment_threshold {CONTAIN_T}", found)):
        p, r, f1 = prf(pairs, both)
        print(f"| {name} | {p:.3f} | {r:.3f} | {f1:.3f} | {len(pairs & contain) / len(contain):.3f} |")


def main():
    truth = {t: read_pairs(os.path.join(DATA, f"truth-{t}.tsv")) for t in THRESHOLDS}
    truth_clusters = {t: pairs_from_clusters(truth[t]) for t in THRESHOLDS}
    pairs = {("winnow", t): winnow_pairs(t) for t in THRESHOLDS}
    for s in ANCHORS:
        for t in THRESHOLDS:
            pairs[(s, t)] = read_pairs(os.path.join(DATA, f"{s}-{t}.tsv"))
    # The anchors' clusters are the components of their pairs; Winnow's are its own decisions
    # (each rejected duplicate's `duplicate_of`), which keep no article unlike its keeper.
    found = {key: pairs_from_clusters(value) for key, value in pairs.items()}
    for t in THRESHOLDS:
        found[("winnow", t)] = pairs_from_clusters(winnow_links(t))
    docs = sum(1 for _ in open(os.path.join(DATA, "eval.jsonl"), encoding="utf-8"))
    systems = ("winnow",) + ANCHORS

    print(f"### Accuracy ({docs} docs; true pairs: "
          + ", ".join(f"{len(truth[t])} at {t}" for t in THRESHOLDS) + ")")
    accuracy_table("Pairs: accepted pairs against the true pairs", systems,
                   lambda s, t: pairs[(s, t)], lambda t: truth[t])
    accuracy_table("Clusters: clusters against the true clusters (components of the true pairs)", systems,
                   lambda s, t: found[(s, t)], lambda t: truth_clusters[t])
    accuracy_table("Mixed: clusters against the true pairs", systems,
                   lambda s, t: found[(s, t)], lambda t: truth[t])
    perfect = [prf(truth_clusters[t], truth[t])[2] for t in THRESHOLDS]
    print("\nA perfect matcher's clusters score F1 " + " / ".join(f"{f:.3f}" for f in perfect)
          + " in the mixed view.")
    containment_table(truth[0.8])

    print("\nWinnow's rejections: " + "; ".join(
        f"{t}: " + ", ".join(f"{k} {v}" for k, v in sorted(winnow_rejections(t).items())) for t in THRESHOLDS))
    print("\nWinnow's verification funnel at " + "; ".join(
        f"{t}: {funnel(t)}" for t in THRESHOLDS))

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
    print(f"| winnow | dedup stage (wall: the exact check runs on --jobs threads) | {st.get('dedup', 0):.3f} | {docs / max(st['dedup'], 1e-9):,.0f} | {mb / max(st['dedup'], 1e-9):.1f} | |")
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
