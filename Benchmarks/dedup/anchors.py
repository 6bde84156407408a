"""Runs an anchor near-duplicate system on the evaluation corpus, at 128 permutations.

    Benchmarks/.venv/bin/python Benchmarks/dedup/anchors.py datasketch|rensa [EVAL_JSONL]

Needs the venv from Benchmarks/dedup.sh (datasketch==2.0.0, rensa==0.5.0).  Both systems
see the same input as the truth: common.shingles() (normalized character 5-grams).
  datasketch: MinHash.bulk + MinHashLSH(threshold=t, num_perm=128), its own (b, r) choice.
  rensa:      RMinHash(128, seed) + RMinHashLSH(t, 128, num_bands=b); rensa wants b to divide
              128, so b is the divisor minimizing 0.9 x P(miss) + 0.1 x P(false candidate),
              the weighting Winnow uses to choose its own bands (dedup.false_negative_weight).
Each doc is inserted, then queried; every candidate pair is verified on the signatures
(estimated Jaccard >= t; neither anchor has an exact check).  Writes the verified pairs to
Benchmarks/data/{system}-{t}.tsv (score.py closes them into clusters) and Benchmarks/data/{system}-timing.json: seconds for text -> shingles, shingles ->
signatures, and per threshold the LSH build + query + verify.
"""
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import THRESHOLDS, shingles  # noqa: E402

DATA = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data")
NUM_PERM = 128
SEED = 1


def rensa_bands(t, weight=0.9, steps=1000):
    """The divisor b of NUM_PERM minimizing the weighted miss / false-candidate areas under the S-curve."""
    def area(b, lo, hi, miss):
        r, total = NUM_PERM // b, 0.0
        for k in range(steps):
            s = lo + (hi - lo) * (k + 0.5) / steps
            p = 1 - (1 - s ** r) ** b
            total += (1 - p if miss else p) * (hi - lo) / steps
        return total
    divisors = [b for b in range(1, NUM_PERM + 1) if NUM_PERM % b == 0]
    return min(divisors, key=lambda b: weight * area(b, t, 1, True) + (1 - weight) * area(b, 0, t, False))


def verified_links(lsh, sigs, sets, ids, t):
    """Indexes every non-empty signature, queries each, and keeps the candidate pairs whose
    signature estimate reaches t (both anchors verify as Winnow does)."""
    for i, m in enumerate(sigs):
        if sets[i]:
            lsh.insert(i, m)
    links = []
    for i, m in enumerate(sigs):
        if sets[i]:
            for j in lsh.query(m):
                if j > i and m.jaccard(sigs[j]) >= t:
                    links.append((ids[i], ids[j]))
    return links


def main():
    system = sys.argv[1]
    path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(DATA, "eval.jsonl")
    with open(path, encoding="utf-8") as f:
        records = [json.loads(line) for line in f]
    ids = [r["id"] for r in records]
    nbytes = sum(len(r["text"].encode("utf-8")) for r in records)

    t0 = time.perf_counter()
    sets = [sorted(shingles(r["text"])) for r in records]
    t_shingle = time.perf_counter() - t0

    from datasketch import MinHashLSH
    t0 = time.perf_counter()
    if system == "datasketch":
        from datasketch import MinHash
        sigs = MinHash.bulk([[g.encode("utf-8") for g in s] for s in sets], num_perm=NUM_PERM, seed=SEED)
    elif system == "rensa":
        from rensa import RMinHash
        sigs = []
        for s in sets:
            m = RMinHash(NUM_PERM, SEED)
            m.update(s)
            sigs.append(m)
    else:
        sys.exit(f"unknown system {system}")
    t_sig = time.perf_counter() - t0

    timing = {"system": system, "docs": len(ids), "bytes": nbytes,
              "shingle_s": t_shingle, "signature_s": t_sig, "lsh_s": {}, "bands": {}}
    for t in THRESHOLDS:
        t0 = time.perf_counter()
        if system == "datasketch":
            lsh = MinHashLSH(threshold=t, num_perm=NUM_PERM)
            bands = lsh.b
        else:
            from rensa import RMinHashLSH
            bands = rensa_bands(t)
            lsh = RMinHashLSH(t, NUM_PERM, bands)
        links = verified_links(lsh, sigs, sets, ids, t)
        timing["lsh_s"][str(t)] = time.perf_counter() - t0
        timing["bands"][str(t)] = bands
        pairs = {tuple(sorted(link)) for link in links}
        with open(os.path.join(DATA, f"{system}-{t}.tsv"), "w", encoding="utf-8") as out:
            out.write("a\tb\n")
            for a, b in sorted(pairs):
                out.write(f"{a}\t{b}\n")
    with open(os.path.join(DATA, f"{system}-timing.json"), "w") as out:
        json.dump(timing, out, indent=1)
    print(f"{system}: shingles {t_shingle:.2f} s, signatures {t_sig:.2f} s, LSH "
          + ", ".join(f"{t}: {timing['lsh_s'][str(t)]:.2f} s" for t in THRESHOLDS))


if __name__ == "__main__":
    main()
