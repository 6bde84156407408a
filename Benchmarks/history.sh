#!/usr/bin/env bash
# History speed: a run of NEW articles checked against a history of EARLIER articles, beside the
# same run without a history, and the history's size on disk per article.
#   Benchmarks/history.sh [--new 100000] [--earlier 1000000] [REPEATS=3]
# Builds release; synthesizes both corpora with dedup/make_big.py (seeds differ; the new batch
# also repeats 5 % of the earlier articles, half of them edited, as tomorrow's crawl repeats
# today's news); builds the history with `winnow history rebuild` from a folder laid out like a
# run's output; then runs `winnow run NEW --jobs 1` with the history and with --no-history,
# interleaved, and prints the stage seconds (summed over threads, from report.json) and wall
# time. Everything generated stays under Benchmarks/data/history/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
new=100000
earlier=1000000
while [ $# -gt 0 ]; do
  case "$1" in
    --new) new=$2; shift 2 ;;
    --earlier) earlier=$2; shift 2 ;;
    *) echo "usage: $0 [--new N] [--earlier N]" >&2; exit 2 ;;
  esac
done
repeats=${REPEATS:-3}
data=Benchmarks/data/history
mkdir -p "$data"
swift build -c release >&2
winnow=.build/release/winnow

if [ ! -f "$data/earlier-$earlier.jsonl" ]; then
  # make_big.py's files for one seed are prefixes of each other: reuse the scaling corpus.
  if [ -f Benchmarks/data/big-1000000.jsonl ] && [ "$earlier" -le 1000000 ]; then
    head -n "$earlier" Benchmarks/data/big-1000000.jsonl > "$data/earlier-$earlier.jsonl"
  else
    python3 Benchmarks/dedup/make_big.py --articles "$earlier" --out "$data/earlier-$earlier.jsonl" >&2
  fi
fi
if [ ! -f "$data/new-$new-$earlier.jsonl" ]; then
  python3 Benchmarks/dedup/make_big.py --articles "$new" --seed 2 --out "$data/new-only.jsonl" >&2
  python3 - "$data/earlier-$earlier.jsonl" "$data/new-only.jsonl" "$data/new-$new-$earlier.jsonl" <<'PY'
import json, random, sys
sys.path.insert(0, "Benchmarks/dedup")
from make_corpus import edit
earlier, fresh, out = sys.argv[1:]
rng = random.Random(3)
lines = open(fresh, encoding="utf-8").read().splitlines()
repeat = set(rng.sample(range(sum(1 for _ in open(earlier, encoding="utf-8"))), len(lines) // 20))
texts = []
with open(earlier, encoding="utf-8") as f:
    for n, line in enumerate(f):
        if n in repeat:
            texts.append(json.loads(line)["text"])
for k, text in enumerate(texts):
    if k % 2:
        text = edit(rng.choice(["drop_sentence", "char_subst", "boilerplate", "punct_width"]), text, rng, texts)
    lines[rng.randrange(len(lines))] = json.dumps({"id": f"again{k}", "text": text}, ensure_ascii=False)
open(out, "w", encoding="utf-8").write("\n".join(lines) + "\n")
PY
  rm -f "$data/new-only.jsonl"
fi

history=$data/state-$earlier/history.sqlite
if [ ! -f "$history" ]; then
  folder=$data/earlier-out-$earlier
  if [ ! -f "$folder/manifest.json" ]; then
    mkdir -p "$folder/clean"
    split -l 100000 -d -a 5 "$data/earlier-$earlier.jsonl" "$folder/clean/part-"
    for part in "$folder"/clean/part-?????; do mv "$part" "$part.jsonl" && gzip -1 "$part.jsonl"; done
    echo '{}' > "$folder/manifest.json"
  fi
  /usr/bin/time -f "%e s, peak RSS %M KB" -o "$data/rebuild.time" \
    "$winnow" history rebuild "$folder" --history "$history" >&2
  echo "rebuild of $earlier articles: $(cat "$data/rebuild.time")" >&2
fi
stats=$("$winnow" history stats --history "$history" | head -1)

# One measured run: prints "fingerprint dedup wall rss" for MODE (history | alone).
measure() {
  local args=(--history "$history")
  [ "$1" = alone ] && args=(--no-history)
  /usr/bin/time -f "%e %M" -o "$data/run.time" "$winnow" run "$data/new-$new-$earlier.jsonl" \
    --out "$data/out-$1" --report-dir "$data/report-$1" --overwrite --jobs 1 --run-id bench "${args[@]}" >&2
  python3 - "$data/report-$1/report.json" "$(cat "$data/run.time")" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
stages = {s["stage"]: s["seconds"] for s in report["stages"]}
wall, rss = sys.argv[2].split()
print(f'{stages["fingerprint"]:.2f} {stages["dedup"]:.2f} {wall} {int(rss) // 1024} '
      f'{report["dedup"]["stats"].get("earlier_duplicates", 0)}')
PY
}
for i in $(seq "$repeats"); do
  for mode in history alone; do echo "$mode $(measure $mode)"; done
done > "$data/runs.txt"

echo "Command: \`Benchmarks/history.sh --new $new --earlier $earlier\`; machine: $(nproc) cores," \
  "load $(cut -d' ' -f1-3 /proc/loadavg); commit $(git rev-parse --short HEAD); date $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "History: $stats"
echo
python3 - "$data/runs.txt" "$new" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
print("| run of %s articles (--jobs 1) | fingerprint s | dedup s | fingerprint + dedup s | wall s | peak RSS MB | earlier duplicates |" % f"{int(sys.argv[2]):,}")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
med = {}
for mode in ("alone", "history"):
    runs = [r for r in rows if r[0] == mode]
    fp, dd, wall, rss = (statistics.median(float(r[k]) for r in runs) for k in (1, 2, 3, 4))
    med[mode] = (fp + dd, dd, wall)
    print(f"| {'with the history' if mode == 'history' else 'alone (--no-history)'} | {fp:.2f} | {dd:.2f} | {fp + dd:.2f} | {wall:.2f} | {rss:.0f} | {runs[0][5]} |")
print()
print(f"Ratio with / without the history: fingerprint + dedup {med['history'][0] / med['alone'][0]:.2f}×, "
      f"dedup stage alone {med['history'][1] / med['alone'][1]:.2f}×, whole run {med['history'][2] / med['alone'][2]:.2f}× "
      f"(medians of {len(rows) // 2} interleaved runs each)")
PY
