#!/usr/bin/env bash
# The whole `winnow run` at --jobs 1 and --jobs 2 on synthesized corpora of growing size, beside
# the gzip -6 anchor on the same file, measured in the same run (issue 7's table).
#   Benchmarks/scale.sh [--sizes "100 1000 10000"] [--repeats N] [--config FILE] [--keep]
# Sizes are MB of article text; the inputs are Benchmarks/data/big-{MB}mb.jsonl, made by
# Benchmarks/dedup/make_big.py from ../shared/corpora/thucnews-val.tsv (90 % distinct articles
# mixed from the corpus's sentences, 10 % near-duplicate variants; git-ignored). Each cell is the
# median of REPEATS runs (default 1 for 10000 MB, 3 otherwise). Prints a Markdown table: wall
# seconds, input MB/s, peak RSS (max resident set, /usr/bin/time), the speed-up of --jobs 2 over
# --jobs 1, and the ratio of winnow's throughput to gzip -6's. Runs without a history. Before and
# after the table, a probe of the two cores (gzip alone, then two at once): a speed-up measured
# while one core is slowed by the host is not the machine's. --config passes a configuration file
# to every run (e.g. `write.compressor: isal` to time the fast compressor).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes="100 1000 10000"
repeats=""
config=()
keep=false
while [ $# -gt 0 ]; do
  case $1 in
    --sizes) sizes=$2; shift 2 ;;
    --repeats) repeats=$2; shift 2 ;;
    --config) config=(--config "$(realpath "$2")"); shift 2 ;;
    --keep) keep=true; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
swift build -c release >/dev/null
winnow=.build/release/winnow
data=Benchmarks/data
out=$(mktemp -d "${TMPDIR:-/tmp}/winnow-scale.XXXXXX")
$keep || trap 'rm -rf "$out"' EXIT

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

# One timed command: appends "wall rss_kb" to FILE.
timed() {
  local file=$1; shift
  /usr/bin/time -f "%e %M" -o "$out/t" "$@" >/dev/null
  cat "$out/t" >> "$file"
}

# The second core's state: on a shared host one core is at times slower than the other, which
# lowers any speed-up measured then. gzip -6 on the same 30 MB alone, then two at once.
cores_probe() {
  local sample=$out/probe
  head -c 30000000 "$data/big-100mb.jsonl" >"$sample"
  local one=$(/usr/bin/time -f %e gzip -6 -c "$sample" 2>&1 >/dev/null)
  local two=$( (/usr/bin/time -f %e gzip -6 -c "$sample" >/dev/null & /usr/bin/time -f %e gzip -6 -c "$sample" >/dev/null; wait) 2>&1 | sort -n | paste -sd /)
  echo "cores: gzip -6 on 30 MB alone $one s, two at once $two s"
}

[ -f "$data/big-100mb.jsonl" ] || python3 Benchmarks/dedup/make_big.py --mb 100 2>/dev/null
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); commit $(git rev-parse --short HEAD); $(date -u +%FT%RZ)${config[1]:+; config ${config[1]}}"
cores_probe
echo
echo "| input | articles | what | wall s | MB/s | peak RSS | speed-up | vs gzip -6 |"
echo "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |"
for mb in $sizes; do
  input=$data/big-${mb}mb.jsonl
  [ -f "$input" ] || python3 Benchmarks/dedup/make_big.py --mb "$mb" 2>/dev/null
  bytes=$(stat -c %s "$input")
  articles=$(wc -l < "$input")
  n=${repeats:-$([ "$mb" -ge 10000 ] && echo 1 || echo 3)}
  for i in $(seq "$n"); do
    timed "$out/gzip-$mb" gzip -6 -c "$input"
    for jobs in 1 2; do
      timed "$out/winnow-$mb-$jobs" "$winnow" run "$input" --out "$out/o" --overwrite \
        --no-history --jobs "$jobs" --report-dir "$out/r-$jobs" "${config[@]}"
    done
  done
  gzip_s=$(awk '{print $1}' "$out/gzip-$mb" | median)
  one=$(awk '{print $1}' "$out/winnow-$mb-1" | median)
  for jobs in 1 2; do
    wall=$(awk '{print $1}' "$out/winnow-$mb-$jobs" | median)
    rss=$(awk '{print $2}' "$out/winnow-$mb-$jobs" | median)
    awk -v b="$bytes" -v a="$articles" -v j="$jobs" -v w="$wall" -v r="$rss" -v o="$one" \
      -v g="$gzip_s" -v mb="$mb" 'BEGIN {
      printf "| %s MB | %d | winnow run --jobs %d | %.2f | %.1f | %.0f MB | %s | %.2fx |\n",
        mb, a, j, w, b / 1e6 / w, r / 1024, (j == 1 ? "1" : sprintf("%.2fx", o / w)), g / w }'
  done
  awk -v b="$bytes" -v g="$gzip_s" -v mb="$mb" 'BEGIN {
    printf "| %s MB | | gzip -6 (anchor) | %.2f | %.1f | | | 1x |\n", mb, g, b / 1e6 / g }'
  rm -rf "$out/o"
done
cores_probe
echo
echo "Stages of the last --jobs 2 run (seconds summed over threads):"
sed -n '/^| stage/,/^$/p' "$out/r-2/report.md"
