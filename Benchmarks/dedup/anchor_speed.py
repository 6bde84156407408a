"""Times one anchor MinHash-LSH system on a large JSON Lines corpus, single thread.

    Benchmarks/.venv/bin/python Benchmarks/dedup/anchor_speed.py SYSTEM FILE [--mb M]

SYSTEM is datasketch, rensa or rensa-c; FILE is JSON Lines of {"id", "text"} (make_big.py);
--mb M keeps the first articles up to M MB of text (UTF-8 bytes of the texts; 0 = all).
Needs the venv of Benchmarks/dedup.sh (datasketch==2.0.0, rensa==0.5.0).  As in anchors.py:
128 permutations, character 5-grams of common.normalize(), threshold 0.8.

  datasketch  MinHash.bulk over batches of 1000 shingle lists, MinHashLSH(threshold=0.8, num_perm=128)
  rensa       RMinHash(128, seed) + RMinHashLSH(0.8, 128, b), b chosen as anchors.rensa_bands()
  rensa-c     CMinHash(128, seed): signatures only (rensa 0.5.0 has no LSH for CMinHash)

The corpus is streamed: each text becomes its shingle set (timed as `shingle_s`), then its
signature (`signature_s`), and only the signature is kept, so the Python sets of a 300 MB
corpus never sit in memory at once.  Then every signature is inserted and queried and every
candidate verified on the signatures (estimated Jaccard >= 0.8), as anchors.verified_links()
does (`lsh_s`).  Each step also gets its process CPU seconds (`*_cpu_s`), which leave out
the time the process waited for a core on a shared host.  One process runs one system, so `peak_rss` (ru_maxrss) is that system's.
Prints one JSON object on stdout.
"""
import argparse
import json
import os
import resource
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from anchors import NUM_PERM, SEED, rensa_bands, verified_links  # noqa: E402
from common import shingles  # noqa: E402

THRESHOLD = 0.8
BATCH = 1000


def read_texts(path, max_bytes):
    """(ids, texts, bytes of text) of the first articles up to max_bytes of UTF-8 text."""
    ids, texts, nbytes = [], [], 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            if max_bytes and nbytes >= max_bytes:
                break
            record = json.loads(line)
            ids.append(record["id"])
            texts.append(record["text"])
            nbytes += len(record["text"].encode("utf-8"))
    return ids, texts, nbytes


def signer(system):
    """A function from a batch of shingle lists to their signatures, for `system`."""
    if system == "datasketch":
        from datasketch import MinHash
        return lambda batch: MinHash.bulk([[g.encode("utf-8") for g in s] for s in batch],
                                          num_perm=NUM_PERM, seed=SEED)
    from rensa import CMinHash, RMinHash
    kind = RMinHash if system == "rensa" else CMinHash

    def sign(batch):
        out = []
        for s in batch:
            m = kind(NUM_PERM, SEED)
            m.update(s)
            out.append(m)
        return out
    return sign


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("system", choices=["datasketch", "rensa", "rensa-c"])
    ap.add_argument("file")
    ap.add_argument("--mb", type=float, default=0)
    args = ap.parse_args()

    t0, c0 = time.perf_counter(), time.process_time()
    ids, texts, nbytes = read_texts(args.file, args.mb * 1e6)
    read_s, read_cpu_s = time.perf_counter() - t0, time.process_time() - c0

    sign = signer(args.system)
    wall = {"shingle": 0.0, "signature": 0.0}
    cpu = {"shingle": 0.0, "signature": 0.0}
    sigs, nonempty = [], []
    for start in range(0, len(texts), BATCH):
        t0, c0 = time.perf_counter(), time.process_time()
        batch = [list(shingles(t)) for t in texts[start:start + BATCH]]
        t1, c1 = time.perf_counter(), time.process_time()
        sigs.extend(sign(batch))
        wall["signature"] += time.perf_counter() - t1
        cpu["signature"] += time.process_time() - c1
        wall["shingle"] += t1 - t0
        cpu["shingle"] += c1 - c0
        nonempty.extend(bool(s) for s in batch)
    texts = None

    report = {"system": args.system, "docs": len(ids), "bytes": nbytes, "read_s": read_s, "read_cpu_s": read_cpu_s,
              "shingle_s": wall["shingle"], "signature_s": wall["signature"], "lsh_s": None,
              "shingle_cpu_s": cpu["shingle"], "signature_cpu_s": cpu["signature"], "lsh_cpu_s": None,
              "bands": None, "verified_pairs": None}
    if args.system != "rensa-c":
        from datasketch import MinHashLSH
        t0, c0 = time.perf_counter(), time.process_time()
        if args.system == "datasketch":
            lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
            report["bands"] = lsh.b
        else:
            from rensa import RMinHashLSH
            report["bands"] = rensa_bands(THRESHOLD)
            lsh = RMinHashLSH(THRESHOLD, NUM_PERM, report["bands"])
        links = verified_links(lsh, sigs, nonempty, ids, THRESHOLD)
        report["lsh_s"] = time.perf_counter() - t0
        report["lsh_cpu_s"] = time.process_time() - c0
        report["verified_pairs"] = len(links)
    report["peak_rss"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps(report))


if __name__ == "__main__":
    main()
