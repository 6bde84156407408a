#!/usr/bin/env bash
# Write path A/B (issue 7): two `winnow` binaries on one corpus, interleaved, at --jobs 1 and 2,
# beside `gzip -6` on the same input in the same loop.
#   Benchmarks/write-ab.sh OLD NEW CORPUS [REPEATS]
# OLD and NEW are `winnow` executables (e.g. a release build of main in .build-main/ and this
# tree's .build/release/winnow). NEW also runs with `write.compressor: zlib`, which tells the
# compressor apart from anything else that differs. Each repeat runs every arm once, in an order
# that reverses from one repeat to the next. Prints medians of wall seconds, CPU seconds
# (user + system), the write stage's seconds from report.json (summed over threads), peak RSS
# and the corpus bytes written (clean + rejected, from the manifest).
set -euo pipefail
[ $# -ge 3 ] || { echo "usage: Benchmarks/write-ab.sh OLD NEW CORPUS [REPEATS]" >&2; exit 2; }
old=$(realpath "$1") new=$(realpath "$2") corpus=$3 repeats=${4:-7}
[ -f "$corpus" ] || { echo "no corpus at $corpus" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'write:\n  compressor: zlib\n' >"$work/zlib.yaml"
bytes=$(stat -c %s "$corpus")

arms=()
for jobs in 1 2; do
  arms+=("old-j$jobs|$old run $corpus --no-history --jobs $jobs"
    "new-j$jobs|$new run $corpus --no-history --jobs $jobs"
    "new-zlib-j$jobs|$new run $corpus --no-history --jobs $jobs --config $work/zlib.yaml")
done
arms+=("gzip-6|gzip -6 -c $corpus")

for r in $(seq "$repeats"); do
  order=("${arms[@]}")
  if ((r % 2 == 0)); then
    order=()
    for ((i = ${#arms[@]} - 1; i >= 0; i--)); do order+=("${arms[i]}"); done
  fi
  for arm in "${order[@]}"; do
    name=${arm%%|*} command=${arm#*|}
    if [[ $name == gzip-6 ]]; then
      /usr/bin/time -f "%e %U %S %M" -o "$work/t" $command >/dev/null
      echo "$(cat "$work/t") 0 0" >>"$work/$name"
      continue
    fi
    rm -rf "$work/out" "$work/report"
    /usr/bin/time -f "%e %U %S %M" -o "$work/t" $command --out "$work/out" \
      --report-dir "$work/report" >/dev/null 2>&1
    stage=$(python3 -c 'import json,sys; print(next(s["seconds"] for s in json.load(open(sys.argv[1]))["stages"] if s["stage"] == "write"))' "$work/report/report.json")
    written=$(python3 -c 'import json,sys; print(sum(f["bytes"] for f in json.load(open(sys.argv[1]))["files"]))' "$work/out/manifest.json")
    echo "$(cat "$work/t") $stage $written" >>"$work/$name"
  done
done

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
echo "corpus: $corpus ($bytes bytes), $repeats repeats interleaved, medians; $(nproc) cores;" \
  "load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%RZ)"
echo
echo "| arm | wall s | MB/s | CPU s | write stage s | peak RSS MB | bytes written |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
for arm in "${arms[@]}"; do
  name=${arm%%|*}
  f="$work/$name"
  wall=$(awk '{print $1}' "$f" | median)
  cpu=$(awk '{print $2 + $3}' "$f" | median)
  rss=$(awk '{print $4}' "$f" | median)
  stage=$(awk '{print $5}' "$f" | median)
  written=$(awk '{print $6}' "$f" | median)
  awk -v n="$name" -v w="$wall" -v c="$cpu" -v s="$stage" -v r="$rss" -v o="$written" -v b="$bytes" \
    'BEGIN { printf "| %s | %.3f | %.1f | %.3f | %s | %.0f | %s |\n", n, w, b / 1e6 / w, c,
      (n == "gzip-6" ? "" : sprintf("%.3f", s)), r / 1024, (n == "gzip-6" ? "" : o) }'
done
