"""Shared helpers of the dedup evaluation harness (imported by the other scripts, not run).

normalize(): the text as Winnow's matching sees it -- HTML tags stripped and entities decoded
(Winnow matches extracted text), NFKC, lower case, and every character of Unicode category
P*, S* or Z* and all whitespace dropped.  shingles(): the set of character 5-grams of that.
pairs_from_clusters(): union-find over linked pairs, expanded back to all pairs in each cluster.
"""
import html
import re
import unicodedata

TAG = re.compile(r"<[^>]*>")
SHINGLE = 5
THRESHOLDS = (0.7, 0.8, 0.9)
# Containment truth: the smaller set's share inside the larger, for sets of at least CONTAIN_MIN
# shingles (Winnow's dedup.containment_min_shingles default).
CONTAIN_T = 0.9
CONTAIN_MIN = 100


def normalize(text: str) -> str:
    text = html.unescape(TAG.sub(" ", text))
    text = unicodedata.normalize("NFKC", text).lower()
    return "".join(c for c in text if not c.isspace() and unicodedata.category(c)[0] not in "PSZ")


def shingles(text: str, k: int = SHINGLE) -> set:
    n = normalize(text)
    return {n[i:i + k] for i in range(len(n) - k + 1)}


def pairs_from_clusters(links):
    """Given (a, b) links, return the set of sorted pairs of every connected component."""
    parent = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in links:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[ra] = rb
    groups = {}
    for x in parent:
        groups.setdefault(find(x), []).append(x)
    out = set()
    for members in groups.values():
        members.sort()
        for i in range(len(members)):
            for j in range(i + 1, len(members)):
                out.add((members[i], members[j]))
    return out


def read_pairs(path):
    """The set of sorted (a, b) pairs in the first two columns of a TSV file under a header line."""
    with open(path, encoding="utf-8") as f:
        next(f, None)
        return {tuple(sorted(line.rstrip("\n").split("\t")[:2])) for line in f if line.strip()}
