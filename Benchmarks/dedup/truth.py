"""Exact near-duplicate truth: pairs with Jaccard >= t over normalized character 5-gram sets.

    python3 Benchmarks/dedup/truth.py [EVAL_JSONL]

Reads Benchmarks/data/eval.jsonl (default), normalizes every text as Winnow's matching does
(common.normalize: tags stripped, NFKC, lower case, no whitespace, P*, S*, Z*), and writes
Benchmarks/data/truth-{0.7,0.8,0.9}.tsv (`a<TAB>b<TAB>jaccard`, a < b).  Candidates come from
an inverted index over each set's prefix (shingles ordered rarest first; a pair with Jaccard
>= t must share one of the first |A| - ceil(t|A|) + 1), so the result is exact without
comparing all pairs.

Also writes Benchmarks/data/truth-contain-0.9.tsv (`a<TAB>b<TAB>containment`): pairs where the
smaller set has at least 100 shingles and at least 90 % of them lie in the larger (a short
repost inside a longer article). Candidates: any B holding >= c|A| of A's shingles holds one
of A's |A| - ceil(c|A|) + 1 rarest, looked up in an inverted index over every set.
"""
import json
import math
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import CONTAIN_MIN, CONTAIN_T, THRESHOLDS, shingles  # noqa: E402

DATA = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data")


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(DATA, "eval.jsonl")
    t0 = time.perf_counter()
    ids, sets = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            ids.append(r["id"])
            sets.append(shingles(r["text"]))
    freq = {}
    for s in sets:
        for g in s:
            freq[g] = freq.get(g, 0) + 1
    tmin = min(THRESHOLDS)
    index = {}
    candidates = set()
    for i, s in enumerate(sets):
        if not s:
            continue
        order = sorted(s, key=lambda g: (freq[g], g))
        prefix = order[: len(s) - math.ceil(tmin * len(s)) + 1]
        for g in prefix:
            for j in index.get(g, ()):
                candidates.add((j, i))
            index.setdefault(g, []).append(i)
    found = {t: [] for t in THRESHOLDS}
    for j, i in candidates:
        a, b = sets[j], sets[i]
        small, large = (a, b) if len(a) <= len(b) else (b, a)
        if len(small) < tmin * len(large):
            continue
        inter = len(small & large)
        jac = inter / (len(a) + len(b) - inter)
        for t in THRESHOLDS:
            if jac >= t:
                x, y = sorted((ids[j], ids[i]))
                found[t].append((x, y, jac))
    for t in THRESHOLDS:
        with open(os.path.join(DATA, f"truth-{t}.tsv"), "w", encoding="utf-8") as out:
            out.write("a\tb\tjaccard\n")
            for x, y, jac in sorted(found[t]):
                out.write(f"{x}\t{y}\t{jac:.4f}\n")
    contained = containment_pairs(ids, sets, freq)
    with open(os.path.join(DATA, f"truth-contain-{CONTAIN_T}.tsv"), "w", encoding="utf-8") as out:
        out.write("a\tb\tcontainment\n")
        for x, y, c in contained:
            out.write(f"{x}\t{y}\t{c:.4f}\n")
    print(f"truth: {len(contained)} containment pairs >= {CONTAIN_T}")
    print(f"truth: {len(ids)} docs, {len(candidates)} candidates, "
          + ", ".join(f"{len(found[t])} pairs >= {t}" for t in THRESHOLDS)
          + f" ({time.perf_counter() - t0:.1f} s)")


def containment_pairs(ids, sets, freq):
    """Sorted (a, b, containment) with the smaller set >= CONTAIN_MIN shingles, >= CONTAIN_T inside the larger."""
    index = {}
    for i, s in enumerate(sets):
        for g in s:
            index.setdefault(g, []).append(i)
    found, checked = set(), set()
    for i, s in enumerate(sets):
        if len(s) < CONTAIN_MIN:
            continue
        order = sorted(s, key=lambda g: (freq[g], g))
        for g in order[: len(s) - math.ceil(CONTAIN_T * len(s)) + 1]:
            for j in index[g]:
                if j == i or len(sets[j]) < len(s) or (len(sets[j]) == len(s) and j < i) or (i, j) in checked:
                    continue
                checked.add((i, j))
                c = len(s & sets[j]) / len(s)
                if c >= CONTAIN_T:
                    x, y = sorted((ids[i], ids[j]))
                    found.add((x, y, c))
    return sorted(found)


if __name__ == "__main__":
    main()
