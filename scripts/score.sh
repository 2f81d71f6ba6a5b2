#!/usr/bin/env bash
# Scores the release binary against the development corpus in ../shared.
# usage: scripts/score.sh [score.py options, e.g. --lang en --explain]
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
cargo build --quiet --release --features cli
tmp=${TMPDIR:-/tmp}/policy-news-score.$$
mkdir -p "$tmp"
python3 "$shared/eval/score.py" input "$shared/corpus/gold.jsonl" >"$tmp/in.jsonl"
target/release/policy-news parse "$tmp/in.jsonl" >"$tmp/out.jsonl"
python3 "$shared/eval/score.py" score "$shared/corpus/gold.jsonl" "$tmp/out.jsonl" "$@"
cp "$tmp/out.jsonl" "${OUT:-/tmp/policy-news-last.jsonl}"
rm -rf "$tmp"
