"""Synthesizes a large corpus for the dedup speed and scaling benchmark.

    python3 Benchmarks/dedup/make_big.py (--articles N | --mb M) [--out PATH] [--seed S] [CORPUS]

Reads CORPUS (default ../shared/corpora/thucnews-val.tsv, `label<TAB>text`) and cuts its texts
into one pool of sentences (make_corpus.sentences).  Writes JSON Lines ({"id", "text"}) until
N articles or M MB of text (UTF-8 bytes of the texts) are written, to PATH (default
Benchmarks/data/big-{N}.jsonl or big-{M}mb.jsonl):

  a0000000..  90 % distinct articles: each a seeded random mix of 8-40 sentences drawn from the
              whole pool, so two of them share sentences now and then but are almost never
              near duplicates, and the cost of fingerprinting grows like that of real text;
  v0000000..  10 % near-duplicate variants of one of the last 2000 articles, made by one or
              two of make_corpus.edit()'s realistic edits, so LSH and verification do real work.

Variants only look back, and one seed draws everything in order: the file for a smaller N (or
M) is a prefix of the file for a larger one, so the scaling runs can take prefixes.  Generated
text stays under Benchmarks/data/ (git-ignored): corpus text must never be committed.
"""
import argparse
import collections
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_corpus import DATA, EDITS, ROOT, edit, sentences  # noqa: E402

VARIANT_SHARE = 0.10
LOOKBACK = 2000


def article(rng, pool):
    """A new article: 8-40 sentences drawn with replacement from the whole pool."""
    return "".join(rng.choices(pool, k=rng.randint(8, 40)))


def variant(rng, base, texts):
    """One or two make_corpus edits of `base`, markup-changing edits last (as make_corpus does)."""
    kinds = [rng.choice(EDITS)]
    if rng.random() < 0.25:
        kinds.append(rng.choice([k for k in EDITS if k not in kinds]))
    kinds.sort(key=lambda k: k in ("segmented", "html"))
    if "segmented" in kinds and "html" in kinds:
        kinds.remove("html")
    for k in kinds:
        base = edit(k, base, rng, texts)
    return base


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=os.path.join(ROOT, "..", "shared", "corpora", "thucnews-val.tsv"))
    size = ap.add_mutually_exclusive_group(required=True)
    size.add_argument("--articles", type=int)
    size.add_argument("--mb", type=float)
    ap.add_argument("--out")
    ap.add_argument("--seed", type=int, default=20261122)
    args = ap.parse_args()
    with open(args.corpus, encoding="utf-8") as f:
        texts = [line.rstrip("\n").split("\t", 1)[1] for line in f if "\t" in line]
    pool = [s for t in texts for s in sentences(t)]
    name = f"big-{args.articles}.jsonl" if args.articles else f"big-{args.mb:g}mb.jsonl"
    out_path = args.out or os.path.join(DATA, name)
    os.makedirs(os.path.dirname(os.path.abspath(out_path)), exist_ok=True)

    rng = random.Random(args.seed)
    recent = collections.deque(maxlen=LOOKBACK)
    limit_docs = args.articles or float("inf")
    limit_bytes = args.mb * 1e6 if args.mb else float("inf")
    docs = nbytes = distinct = variants = 0
    with open(out_path + ".tmp", "w", encoding="utf-8", buffering=1 << 22) as out:
        while docs < limit_docs and nbytes < limit_bytes:
            if recent and rng.random() < VARIANT_SHARE:
                text = variant(rng, rng.choice(recent), texts)
                doc_id = f"v{variants:07d}"
                variants += 1
            else:
                text = article(rng, pool)
                recent.append(text)
                doc_id = f"a{distinct:07d}"
                distinct += 1
            out.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")
            nbytes += len(text.encode("utf-8"))
            docs += 1
    os.replace(out_path + ".tmp", out_path)
    print(f"wrote {docs} articles ({distinct} distinct, {variants} variants), "
          f"{nbytes / 1e6:.1f} MB of text, from {len(pool)} sentences to {out_path}", file=sys.stderr)


if __name__ == "__main__":
    main()
