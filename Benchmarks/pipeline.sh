#!/usr/bin/env bash
# Times the whole `winnow run` on a corpus beside the gzip -6 anchor on the same input, in one run.
#   Benchmarks/pipeline.sh [CORPUS] [REPEATS]
# CORPUS defaults to ../shared/corpora/thucnews-val.tsv; REPEATS (default 5) runs give the median.
# Prints wall seconds, input MB/s, peak RSS, per-stage MB/s from the last run's report, and ratios.
# Runs without a history (--no-history): Benchmarks/history.sh measures what a history adds.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpora/thucnews-val.tsv}
repeats=${2:-5}
[ -f "$corpus" ] || { echo "no corpus at $corpus" >&2; exit 2; }
swift build -c release >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bytes=$(stat -c %s "$corpus")

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

for i in $(seq "$repeats"); do
  /usr/bin/time -f "%e %M" -o "$work/time.$i" .build/release/winnow run "$corpus" --out "$work/out" \
    --report-dir "$work/report" --overwrite --no-history >/dev/null
  /usr/bin/time -f "%e" -o "$work/gzip.$i" gzip -6 -c "$corpus" >/dev/null
done
wall=$(cat "$work"/time.* | awk '{print $1}' | median)
rss=$(cat "$work"/time.* | awk '{print $2}' | median)
gzip_wall=$(cat "$work"/gzip.* | median)

echo "corpus: $corpus ($bytes bytes), $repeats runs, median; $(nproc) cores; commit $(git rev-parse --short HEAD)"
awk -v b="$bytes" -v w="$wall" -v r="$rss" -v g="$gzip_wall" 'BEGIN {
  printf "| what | seconds | MB/s | peak RSS |\n| --- | ---: | ---: | ---: |\n"
  printf "| winnow run (--jobs %d) | %.3f | %.1f | %.0f MB |\n", '"$(nproc)"', w, b / 1e6 / w, r / 1024
  printf "| gzip -6 (anchor) | %.3f | %.1f | |\n", g, b / 1e6 / g
  printf "\nwinnow / gzip -6 throughput: %.2fx\n\n", g / w
}'
echo "Stages of the last run (seconds summed over threads):"
sed -n '/^| stage/,/^$/p' "$work/report/report.md"
