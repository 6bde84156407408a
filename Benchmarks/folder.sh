#!/usr/bin/env bash
# The whole `winnow run` on a folder of one-article files, the way crawls usually arrive, at
# --jobs 1 and --jobs 2: the speed-up of the second core when every file is one article.
#   Benchmarks/folder.sh [--articles N] [--repeats R] [--bin PATH]
# The folder Benchmarks/data/folder-N/ holds the texts of the first N articles of
# Benchmarks/data/big-100mb.jsonl (made by Benchmarks/dedup/make_big.py; git-ignored), one .txt
# file each, 1000 to a subfolder. Prints the medians of R runs (default 3) and the speed-up;
# runs without a history. --bin times another build (default: this checkout's release build).
set -euo pipefail
cd "$(dirname "$0")/.."
articles=20000
repeats=3
winnow=""
while [ $# -gt 0 ]; do
  case $1 in
    --articles) articles=$2; shift 2 ;;
    --repeats) repeats=$2; shift 2 ;;
    --bin) winnow=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
if [ -z "$winnow" ]; then
  swift build -c release >/dev/null
  winnow=.build/release/winnow
fi
data=Benchmarks/data
folder=$data/folder-$articles
[ -f "$data/big-100mb.jsonl" ] || python3 Benchmarks/dedup/make_big.py --mb 100 2>/dev/null
if [ ! -d "$folder" ]; then
  python3 - "$data/big-100mb.jsonl" "$folder" "$articles" <<'PY'
import json, os, sys
source, folder, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(source, encoding="utf-8") as lines:
    for n, line in zip(range(count), lines):
        sub = os.path.join(folder + ".tmp", f"{n // 1000:03d}")
        os.makedirs(sub, exist_ok=True)
        record = json.loads(line)
        with open(os.path.join(sub, record["id"] + ".txt"), "w", encoding="utf-8") as f:
            f.write(record["text"])
os.rename(folder + ".tmp", folder)
PY
fi
out=$(mktemp -d "${TMPDIR:-/tmp}/winnow-folder.XXXXXX")
trap 'rm -rf "$out"' EXIT
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
for i in $(seq "$repeats"); do
  for jobs in 1 2; do
    /usr/bin/time -f "%e" -o "$out/t" "$winnow" run "$folder" --out "$out/o" --overwrite \
      --no-history --jobs "$jobs" --report-dir "$out/r" >/dev/null
    cat "$out/t" >>"$out/jobs-$jobs"
  done
done
one=$(median <"$out/jobs-1")
two=$(median <"$out/jobs-2")
bytes=$(du -sb --apparent-size "$folder" | cut -f1)
echo "$articles one-article files, $((bytes / 1000000)) MB: --jobs 1 $one s, --jobs 2 $two s," \
  "speed-up $(awk -v a="$one" -v b="$two" 'BEGIN {printf "%.2fx", a / b}')"
