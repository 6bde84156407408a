"""Prints the Markdown tables of Benchmarks/dedup-speed.sh from the JSON its runs wrote.

    python3 Benchmarks/dedup/speed_table.py DIR

DIR holds {winnow-slice,datasketch,rensa,rensa-c}-{i}.json (each system on the same first
articles of the big corpus), winnow-full-{i}.json (Winnow on the whole file) and, after
--scale, scale-{N}-{i}.json; of the repeats i, the run with the median whole-stage time
(text -> signature for rensa-c) is shown.  Throughput is of article text (UTF-8 bytes), single thread, reading
and JSON parsing excluded (shown apart):

  text -> signature   Winnow: Fingerprinter.fingerprint (normalize, shingle, signature);
                      anchors: common.shingles() then the signature.
  whole dedup stage   the above plus LSH build + query + verification + clusters.
"""
import glob
import json
import os
import sys

MB = 1e6
ANCHORS = ("datasketch", "rensa", "rensa-c")


def load(directory, name):
    """Of the repeats `name`-{i}.json, the record with the median whole-stage seconds."""
    runs = []
    for path in glob.glob(os.path.join(directory, name + "-[0-9]*.json")):
        with open(path) as f:
            runs.append(json.load(f))
    runs.sort(key=lambda r: stages(r)[1] or stages(r)[0])
    return runs[(len(runs) - 1) // 2] if runs else None


def stages(r):
    """(text -> signature seconds, whole dedup seconds or None) of a bench or anchor record."""
    if "fingerprint_seconds" in r:
        fp = r["fingerprint_seconds"]
        return fp, fp + r["dedup_seconds"]
    fp = r["shingle_s"] + r["signature_s"]
    return fp, (fp + r["lsh_s"]) if r["lsh_s"] is not None else None


def read_seconds(r):
    return r.get("read_seconds", r.get("read_s"))


def rate(amount, seconds, scale=1.0):
    """amount / scale per second: MB/s with one decimal, docs/s (scale 1) as a whole number."""
    if not seconds:
        return "–"
    return f"{amount / scale / seconds:,.1f}" if scale != 1.0 else f"{amount / seconds:,.0f}"


def comparison(directory):
    """The same-slice table: every system, with Winnow's speed ratio to each anchor."""
    winnow = load(directory, "winnow-slice")
    rows = [("winnow", winnow)] + [(s, load(directory, s)) for s in ANCHORS]
    rows = [(s, r) for s, r in rows if r]
    w_fp, w_all = stages(winnow)
    print(f"#### Same slice, one thread: the first {winnow['docs']:,} articles, "
          f"{winnow['bytes'] / MB:.1f} MB of text")
    print()
    print("| system | read + parse s | text → signature s | MB/s | docs/s | whole dedup s | MB/s | docs/s "
          "| peak RSS | Winnow × (signature) | Winnow × (whole) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for system, r in rows:
        fp, whole = stages(r)
        x_fp = f"{fp / w_fp:.1f}×" if system != "winnow" else "–"
        x_all = f"{whole / w_all:.1f}×" if system != "winnow" and whole else "–"
        print(f"| {system} | {read_seconds(r):.2f} | {fp:.2f} | {rate(r['bytes'], fp, MB)} "
              f"| {rate(r['docs'], fp)} | {f'{whole:.2f}' if whole else '–'} "
              f"| {rate(r['bytes'], whole, MB) if whole else '–'} | {rate(r['docs'], whole) if whole else '–'} "
              f"| {r['peak_rss'] / 2**20:,.0f} MiB | {x_fp} | {x_all} |")
    print()


def full(directory):
    """Winnow alone on the whole file, against the issue's goals."""
    r = load(directory, "winnow-full")
    fp, whole = stages(r)
    held, transient = r["held_bytes_per_article"], r["dedup_transient_bytes_per_article"]
    print(f"#### Winnow on the whole file, one thread: {r['docs']:,} articles, {r['bytes'] / MB:.1f} MB of text")
    print()
    print("| step | seconds | MB/s | docs/s |")
    print("| --- | ---: | ---: | ---: |")
    print(f"| read + JSON parse (Foundation) | {r['read_seconds']:.2f} | {rate(r['bytes'], r['read_seconds'], MB)} "
          f"| {rate(r['docs'], r['read_seconds'])} |")
    print(f"| fingerprint (normalize → shingle → signature) | {fp:.2f} | {rate(r['bytes'], fp, MB)} "
          f"| {rate(r['docs'], fp)} |")
    print(f"| LSH + verify + cluster | {r['dedup_seconds']:.2f} | {rate(r['bytes'], r['dedup_seconds'], MB)} "
          f"| {rate(r['docs'], r['dedup_seconds'])} |")
    print(f"| whole dedup stage (fingerprint + LSH + verify + cluster) | {whole:.2f} "
          f"| {rate(r['bytes'], whole, MB)} | {rate(r['docs'], whole)} |")
    print(f"| read → fingerprint → dedup | {whole + r['read_seconds']:.2f} "
          f"| {rate(r['bytes'], whole + r['read_seconds'], MB)} | {rate(r['docs'], whole + r['read_seconds'])} |")
    print()
    print(f"One-time setup, not counted above: {r['setup_seconds']:.2f} s (tables, bands × rows search). "
          f"Peak RSS {r['peak_rss'] / 2**20:,.0f} MiB; memory per article: {held:,.0f} B held by the signatures and "
          f"items + {transient:,.0f} B transient in the band index, candidate pairs and union-find = "
          f"{held + transient:,.0f} B; LSH {r['bands']} × {r['rows']}, {r['candidate_pairs']:,} candidate pairs, "
          f"{r['verified_pairs']:,} verified, {r['clusters']:,} clusters, {r['duplicates']:,} duplicates.")
    print()


def scaling(directory):
    """Winnow at growing prefixes of one synthesized file: cost per article should stay flat."""
    sizes = {os.path.basename(p).split("-")[1] for p in glob.glob(os.path.join(directory, "scale-*-*.json"))}
    runs = [load(directory, f"scale-{n}") for n in sizes]
    if not runs:
        return
    runs.sort(key=lambda r: r["docs"])
    base = None
    print("#### Scaling, one thread: prefixes of one synthesized file")
    print()
    print("| articles | MB of text | fingerprint docs/s | LSH + verify + cluster docs/s | whole dedup MB/s "
          "| µs per article (whole) | × per article vs smallest | dedup µs per article | peak RSS "
          "| held B/article | transient B/article | candidate pairs |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in runs:
        fp, whole = stages(r)
        per = whole / r["docs"] * 1e6
        base = base or per
        print(f"| {r['docs']:,} | {r['bytes'] / MB:,.1f} | {rate(r['docs'], fp)} | {rate(r['docs'], r['dedup_seconds'])} "
              f"| {rate(r['bytes'], whole, MB)} | {per:.1f} | {per / base:.2f} | {r['dedup_seconds'] / r['docs'] * 1e6:.2f} "
              f"| {r['peak_rss'] / 2**20:,.0f} MiB | {r['held_bytes_per_article']:,.0f} "
              f"| {r['dedup_transient_bytes_per_article']:,.0f} | {r['candidate_pairs']:,} |")
    print()


def main():
    directory = sys.argv[1]
    comparison(directory)
    full(directory)
    scaling(directory)


if __name__ == "__main__":
    main()
