"""Prints the Markdown tables of Benchmarks/dedup-speed.sh from the JSON its runs wrote.

    python3 Benchmarks/dedup/speed_table.py DIR

DIR holds {winnow-slice,datasketch,rensa,rensa-c}-{i}.json (each system on the same first
articles of the big corpus), winnow-full-{i}.json (Winnow on the whole file) and, after
--scale, scale-{N}-{i}.json; of the repeats i, the run with the median whole-stage CPU time
(text -> signature for rensa-c) is shown.  Rates are over CPU time (thread CPU for Winnow,
process CPU for the anchors): the host is shared, and wall time counts the waits for a core.  Throughput is of article text (UTF-8 bytes), single thread, reading
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
    """Of the repeats `name`-{i}.json, the record with the median whole-stage CPU seconds."""
    runs = []
    for path in glob.glob(os.path.join(directory, name + "-[0-9]*.json")):
        with open(path) as f:
            runs.append(json.load(f))
    runs.sort(key=lambda r: stages(r, "cpu")[1] or stages(r, "cpu")[0])
    return runs[(len(runs) - 1) // 2] if runs else None


def stages(r, clock):
    """(text -> signature, whole dedup stage or None) seconds of a bench or anchor record, by
    `clock`: "wall" or "cpu"."""
    if "fingerprint_seconds" in r:
        cpu = "_cpu" if clock == "cpu" else ""
        fp = r[f"fingerprint{cpu}_seconds"]
        return fp, fp + r[f"dedup{cpu}_seconds"]
    cpu = "_cpu" if clock == "cpu" else ""
    fp = r[f"shingle{cpu}_s"] + r[f"signature{cpu}_s"]
    lsh = r[f"lsh{cpu}_s"]
    return fp, (fp + lsh) if lsh is not None else None


def read_seconds(r):
    """CPU seconds of reading and parsing the JSON lines (wall for anchor records without it)."""
    return r.get("read_cpu_seconds", r.get("read_cpu_s", r.get("read_s")))


def rate(amount, seconds, scale=1.0):
    """amount / scale per second: MB/s with one decimal, docs/s (scale 1) as a whole number."""
    if not seconds:
        return "–"
    return f"{amount / scale / seconds:,.1f}" if scale != 1.0 else f"{amount / seconds:,.0f}"


def secs(x):
    return f"{x:.2f}" if x is not None else "–"


def comparison(directory):
    """The same-slice table: every system, with Winnow's speed ratio (CPU time) to each anchor."""
    winnow = load(directory, "winnow-slice")
    if not winnow:
        return
    rows = [("winnow", winnow)] + [(s, load(directory, s)) for s in ANCHORS]
    rows = [(s, r) for s, r in rows if r]
    w_fp, w_all = stages(winnow, "cpu")
    print(f"#### Same slice, one thread: the first {winnow['docs']:,} articles, "
          f"{winnow['bytes'] / MB:.1f} MB of text")
    print()
    print("Rates are over CPU time (wall time in brackets where it differs by more than 10 %); "
          "ratios are Winnow's rate over the anchor's, CPU time.")
    print()
    print("| system | read + parse s | text → signature s | MB/s | docs/s | read → signature MB/s "
          "| whole dedup s | MB/s | docs/s | peak RSS | Winnow × (signature) | Winnow × (read → signature) "
          "| Winnow × (whole) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    w_read = read_seconds(winnow) + w_fp
    for system, r in rows:
        fp, whole = stages(r, "cpu")
        fp_wall, whole_wall = stages(r, "wall")
        read = read_seconds(r) + fp
        anchor = system != "winnow"
        x_fp = f"{fp / w_fp:.1f}×" if anchor else "–"
        x_read = f"{read / w_read:.1f}×" if anchor else "–"
        x_all = f"{whole / w_all:.1f}×" if anchor and whole else "–"
        print(f"| {system} | {read_seconds(r):.2f} | {both(fp, fp_wall)} | {rate(r['bytes'], fp, MB)} "
              f"| {rate(r['docs'], fp)} | {rate(r['bytes'], read, MB)} | {both(whole, whole_wall)} "
              f"| {rate(r['bytes'], whole, MB)} | {rate(r['docs'], whole)} "
              f"| {r['peak_rss'] / 2**20:,.0f} MiB | {x_fp} | {x_read} | {x_all} |")
    print()


def both(cpu, wall):
    """CPU seconds, with the wall seconds in brackets when they differ by more than 10 %."""
    if cpu is None:
        return "–"
    return f"{cpu:.2f}" + (f" ({wall:.2f})" if wall and abs(wall - cpu) > 0.1 * cpu else "")


def full(directory):
    """Winnow alone on the whole file, against the issue's goals."""
    r = load(directory, "winnow-full")
    if not r:
        return
    held, transient = r["held_bytes_per_article"], r["dedup_transient_bytes_per_article"]
    steps = [
        ("read (Winnow's `Reader`: UTF-8 check, JSON Lines)", r["read_cpu_seconds"], r["read_seconds"]),
        ("fingerprint (normalize → shingle → signature)", r["fingerprint_cpu_seconds"], r["fingerprint_seconds"]),
        ("LSH + verify + cluster", r["dedup_cpu_seconds"], r["dedup_seconds"]),
    ]
    steps.append(("**whole dedup stage** (fingerprint + LSH + verify + cluster)",
                  steps[1][1] + steps[2][1], steps[1][2] + steps[2][2]))
    steps.append(("read → fingerprint → dedup", steps[0][1] + steps[3][1], steps[0][2] + steps[3][2]))
    print(f"#### Winnow on the whole file, one thread: {r['docs']:,} articles, {r['bytes'] / MB:.1f} MB of text")
    print()
    print("| step | CPU s | wall s | MB/s (CPU) | MB/s (wall) | docs/s (CPU) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, cpu, wall in steps:
        print(f"| {name} | {cpu:.2f} | {wall:.2f} | {rate(r['bytes'], cpu, MB)} | {rate(r['bytes'], wall, MB)} "
              f"| {rate(r['docs'], cpu)} |")
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
    runs = sorted((load(directory, f"scale-{n}") for n in sizes), key=lambda r: r["docs"])
    if not runs:
        return
    base = base_dedup = None
    print("#### Scaling, one thread: prefixes of one synthesized file (CPU time)")
    print()
    print("| articles | MB of text | fingerprint docs/s | LSH + verify + cluster docs/s | whole dedup MB/s "
          "| µs per article (whole) | × vs smallest | LSH + verify + cluster µs per article | × vs smallest "
          "| peak RSS | held B/article | transient B/article | candidate / verified pairs |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in runs:
        fp, whole = stages(r, "cpu")
        dedup = r["dedup_cpu_seconds"]
        per, per_dedup = whole / r["docs"] * 1e6, dedup / r["docs"] * 1e6
        base, base_dedup = base or per, base_dedup or per_dedup
        print(f"| {r['docs']:,} | {r['bytes'] / MB:,.1f} | {rate(r['docs'], fp)} | {rate(r['docs'], dedup)} "
              f"| {rate(r['bytes'], whole, MB)} | {per:.1f} | {per / base:.2f} | {per_dedup:.2f} "
              f"| {per_dedup / base_dedup:.2f} | {r['peak_rss'] / 2**20:,.0f} MiB | {r['held_bytes_per_article']:,.0f} "
              f"| {r['dedup_transient_bytes_per_article']:,.0f} | {r['candidate_pairs']:,} / {r['verified_pairs']:,} |")
    print()


def main():
    directory = sys.argv[1]
    comparison(directory)
    full(directory)
    scaling(directory)


if __name__ == "__main__":
    main()
