#!/usr/bin/env bash
# Dedup speed and scaling: Winnow's fingerprint and dedup stages on one thread, beside datasketch
# and rensa at 128 permutations, character 5-grams, threshold 0.8, on a synthesized corpus.
#   Benchmarks/dedup-speed.sh [--mb 300] [--anchor-mb 30] [--scale]
# Builds the release bench binary (winnow-dedup-bench: Winnow's own Reader, Fingerprinter and
# Deduplicator), makes the venv Benchmarks/.venv (datasketch==2.0.0, rensa==0.5.0) and the corpus
# Benchmarks/data/big-{MB}mb.jsonl (dedup/make_big.py from ../shared/corpora/thucnews-val.tsv)
# when missing, then times:
#   - every system on the same first ANCHOR_MB of text of that file (the Python anchors run at
#     ~2-6 MB/s, so the whole file would take them minutes per run; 0 = the whole file), Winnow
#     included, so the ratios compare like with like;
#   - Winnow alone on the whole file;
#   - with --scale, Winnow on the first 10k, 100k and 1M articles of big-1000000.jsonl
#     (made by the same generator and seed, so big-{MB}mb.jsonl is a prefix of it).
# Every measurement runs REPEATS times (default 3; anchors and scaling sizes interleaved) and
# the tables take the run with the median whole-stage CPU time; rates are over CPU time, as the
# host is shared and wall time counts the waits for a core (the header gives the load average).
# Prints Markdown tables (dedup/speed_table.py); raw JSON stays in Benchmarks/data/speed/.
set -euo pipefail
cd "$(dirname "$0")/.."
mb=300
anchor_mb=30
scale=0
while [ $# -gt 0 ]; do
  case "$1" in
    --mb) mb=$2; shift 2 ;;
    --anchor-mb) anchor_mb=$2; shift 2 ;;
    --scale) scale=1; shift ;;
    *) echo "usage: $0 [--mb MB] [--anchor-mb MB] [--scale]" >&2; exit 2 ;;
  esac
done
data=Benchmarks/data
venv=Benchmarks/.venv
out=$data/speed
mkdir -p "$out"
rm -f "$out"/*.json
start=$(date +%s)
repeats=${REPEATS:-3}

# Runs the bench binary $repeats times on "$@", writing $out/$name-$i.json.
run_winnow() {
  local name=$1
  shift
  for i in $(seq "$repeats"); do "$bench" "$@" > "$out/$name-$i.json"; done
}

swift build -c release --product winnow-dedup-bench >&2
bench=$(swift build -c release --show-bin-path)/winnow-dedup-bench
if ! "$venv/bin/python" -c 'import datasketch, rensa' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q datasketch==2.0.0 rensa==0.5.0
fi

big=$data/big-${mb}mb.jsonl
[ -f "$big" ] || python3 Benchmarks/dedup/make_big.py --mb "$mb"

for i in $(seq "$repeats"); do
  for system in rensa rensa-c datasketch; do
    echo "anchor $system on the first $anchor_mb MB ($i/$repeats)" >&2
    "$venv/bin/python" Benchmarks/dedup/anchor_speed.py "$system" "$big" --mb "$anchor_mb" \
      > "$out/$system-$i.json"
  done
done
slice_docs=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["docs"])' "$out/rensa-1.json")
# Winnow's reader reads whole files: prefixes are cut with head (and removed after use).
head -n "$slice_docs" "$big" > "$data/big-slice.jsonl"
run_winnow winnow-slice "$data/big-slice.jsonl"
rm -f "$data/big-slice.jsonl"
run_winnow winnow-full "$big"

if [ "$scale" = 1 ]; then
  million=$data/big-1000000.jsonl
  [ -f "$million" ] || python3 Benchmarks/dedup/make_big.py --articles 1000000
  for n in 10000 100000; do head -n "$n" "$million" > "$data/big-prefix-$n.jsonl"; done
  # Sizes interleaved within each repeat, so that a burst of load on the shared host does not
  # land on one size only.
  for i in $(seq "$repeats"); do
    for n in 10000 100000 1000000; do
      echo "winnow on the first $n articles ($i/$repeats)" >&2
      file=$data/big-prefix-$n.jsonl
      [ "$n" = 1000000 ] && file=$million
      "$bench" "$file" > "$out/scale-$n-$i.json"
    done
  done
  rm -f "$data"/big-prefix-*.jsonl
fi

echo "Command: \`Benchmarks/dedup-speed.sh --mb $mb --anchor-mb $anchor_mb$([ "$scale" = 1 ] && echo ' --scale')\`;" \
  "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'));" \
  "commit $(git rev-parse --short HEAD); median of $repeats runs;" \
  "load average $(cut -d' ' -f1-3 /proc/loadavg) at the end; date $(date -u +%Y-%m-%dT%H:%MZ); wall time $(( $(date +%s) - start )) s"
echo
python3 Benchmarks/dedup/speed_table.py "$out"
