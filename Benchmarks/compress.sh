#!/usr/bin/env bash
# Compressor micro-benchmark for the write path (issue 7): zlib, libdeflate and ISA-L's igzip at
# levels 1–12 (zlib to 9, igzip to 3) on the clean JSON Lines a run writes, cut into members as
# PartWriter cuts them.
#   Benchmarks/compress.sh [CORPUS] [ROUNDS]
# CORPUS (default ../shared/corpora/thucnews-val.tsv) goes through a release `winnow run`; its
# clean/ parts, decompressed, are the input. Prints MB/s per core (thread CPU time, median of
# ROUNDS, default 9, order reversing each round) and compressed bytes per compressor and level.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpora/thucnews-val.tsv}
rounds=${2:-9}
[ -f "$corpus" ] || { echo "no corpus at $corpus" >&2; exit 2; }
swift build -c release --product winnow >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cc -O2 -Wall -o "$work/compress-bench" Benchmarks/compress/compress-bench.c -lz -ldeflate -lisal
.build/release/winnow run "$corpus" --no-history --out "$work/out" --report-dir "$work/report" >/dev/null
cat "$work"/out/clean/part-*.jsonl.gz | gzip -dc >"$work/clean.jsonl"
echo "corpus: $corpus; $(nproc) cores; commit $(git rev-parse --short HEAD); $(date -u +%FT%RZ)"
"$work/compress-bench" "$work/clean.jsonl" "$rounds"
