#!/usr/bin/env bash
# Dedup accuracy and anchors: Winnow's near-duplicate pairs and clusters against exact truth, beside
# datasketch and rensa MinHash LSH at 128 permutations, on THUCNews plus seeded near-duplicate variants.
#   Benchmarks/dedup.sh [CORPUS]
# CORPUS defaults to ../shared/corpora/thucnews-val.tsv. Builds release, makes the venv
# Benchmarks/.venv (datasketch==2.0.0, rensa==0.5.0) when missing, writes everything generated
# under Benchmarks/data/ (git-ignored), and prints the Markdown tables (accuracy of pairs and of
# clusters at t = 0.7, 0.8, 0.9; containment; speed at 0.8 with Winnow's ratio to each anchor;
# misses by kind of edit).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpora/thucnews-val.tsv}
[ -f "$corpus" ] || { echo "no corpus at $corpus" >&2; exit 2; }
data=Benchmarks/data
venv=Benchmarks/.venv
mkdir -p "$data"
start=$(date +%s)

swift build -c release >/dev/null
if ! "$venv/bin/python" -c 'import datasketch, rensa' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q datasketch==2.0.0 rensa==0.5.0
fi

python3 Benchmarks/dedup/make_corpus.py "$corpus" >&2
python3 Benchmarks/dedup/truth.py >&2

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Only dedup decides: no length floor, no learned boilerplate, and the repetition rules off
# (at their defaults they reject ~86 repeat_body variants before dedup sees them); every other
# key keeps its default. The run named "contain" is t = 0.8 with containment_threshold 0.9.
for t in 0.7 0.8 0.9 contain; do
  {
    if [ "$t" = contain ]; then
      printf 'dedup:\n  threshold: 0.8\n  containment_threshold: 0.9\n'
    else
      printf 'dedup:\n  threshold: %s\n' "$t"
    fi
    printf 'quality:\n  min_chars: 1\n'
    for rule in duplicate_line duplicate_paragraph top_2gram top_3gram top_4gram duplicate_5gram \
      duplicate_6gram duplicate_7gram duplicate_8gram duplicate_9gram duplicate_10gram; do
      printf '  max_%s_share: 1.0\n' "$rule"
    done
    printf 'clean:\n  learned_min_articles: 0\n'
  } > "$work/winnow-$t.yaml"
  /usr/bin/time -f "%e %M" -o "$data/winnow-$t.time" .build/release/winnow run "$data/eval.jsonl" \
    --out "$data/winnow-$t" --report-dir "$data/winnow-$t-report" --overwrite \
    --config "$work/winnow-$t.yaml" --pairs "$data/winnow-$t.pairs.tsv" --no-history >&2
done
for s in datasketch rensa; do
  /usr/bin/time -f "%e %M" -o "$data/$s.time" "$venv/bin/python" Benchmarks/dedup/anchors.py "$s" >&2
done

echo "Command: \`Benchmarks/dedup.sh${*:+ $*}\`; machine: $(nproc) cores; commit $(git rev-parse --short HEAD);" \
  "date $(date -u +%Y-%m-%dT%H:%MZ); harness wall time $(( $(date +%s) - start )) s"
echo
python3 Benchmarks/dedup/score.py
