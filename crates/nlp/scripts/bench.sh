#!/usr/bin/env bash
# One benchmark run: Python spaCy's nlp.pipe and this crate (1 and 2 threads) over the same
# files. Usage (from the repo root): crates/nlp/scripts/bench.sh [FILE_LIST]
# Default FILE_LIST: every BBC article under ../shared/data/bbc-news/bbc/.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
MODEL="$ROOT/models/en_core_web_sm-3.8.0"
LIST="${1:-}"
if [[ -z "$LIST" ]]; then
    LIST="$(mktemp)"
    ls "$ROOT"/../shared/data/bbc-news/bbc/*/*.txt > "$LIST"
fi
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target-nlp}"
cargo build --quiet --release -p dossier-nlp --example bench
BIN="$CARGO_TARGET_DIR/release/examples/bench"
"$ROOT/.venv-nlp/bin/python" "$ROOT/crates/nlp/scripts/bench_spacy.py" "$MODEL" "$LIST"
/usr/bin/time -f "peak_rss_kb=%M" "$BIN" "$MODEL" "$LIST" 1
/usr/bin/time -f "peak_rss_kb=%M" "$BIN" "$MODEL" "$LIST" 2
