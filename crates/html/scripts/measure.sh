#!/bin/sh
# Reproduces the figures in the crate docs: WCXB dev scores of dossier-html and of Python
# trafilatura, and pages/s of both, run one after the other on the same pages.
#   crates/html/scripts/measure.sh [WORKDIR]
# Needs a venv with trafilatura at /work/main/.venv-html (python3 -m venv .venv-html &&
# .venv-html/bin/pip install trafilatura lxml_html_clean). Nothing from the data set is written
# inside the repository.
set -e
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
WORK=${1:-/tmp/dossier-html-measure}
EVAL=${EVAL:-/work/shared/eval}
DATA=${DATA:-/work/shared/data/wcxb-dev}
PY=${PY:-$ROOT/.venv-html/bin/python}
mkdir -p "$WORK"
python3 "$EVAL/extraction.py" input --data "$DATA" --set wcxb > "$WORK/pages.jsonl"
cd "$ROOT"
CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target-html} cargo build --release -q -p dossier-html --example wcxb
BIN=${CARGO_TARGET_DIR:-$ROOT/target-html}/release/examples/wcxb
uptime
"$BIN" "$WORK/pages.jsonl" > "$WORK/pred.json"
"$PY" "$ROOT/crates/html/scripts/trafilatura_speed.py" "$WORK/pages.jsonl" "$WORK/pred-trafilatura.json"
"$BIN" "$WORK/pages.jsonl" > /dev/null
uptime
echo "== dossier-html"
python3 "$EVAL/extraction.py" score --data "$DATA" --set wcxb "$WORK/pred.json" | grep -E "all types|title |publish |author |^extraction"
echo "== Python trafilatura"
python3 "$EVAL/extraction.py" score --data "$DATA" --set wcxb "$WORK/pred-trafilatura.json" | grep -E "all types|title |publish |author |^extraction"
