#!/usr/bin/env bash
# Cuts a custom `--geodata` folder for any bounding box from the built-in world data
# (geodata/world/, made by world.sh). No code edits, no downloads of data.
#
#   bash geodata/build/cut.sh --bbox W,S,E,N --out DIR [--countries CC,CC] [--defacto]
#
#   --bbox       the area of the map in degrees: west,south,east,north (e.g. 22,44,41,53)
#   --out        the folder to write (created; its six files are replaced whole)
#   --countries  keep only places and regions of these countries (ISO 3166-1 alpha-2); borders,
#                rivers and lakes of the neighbours are kept for the map
#   --defacto    draw Natural Earth's de facto borders instead of the internationally recognised ones
#
# Writes DIR/factions.toml, places.csv, regions.geojson, countries.geojson, admin1.geojson and
# rivers.geojson, the files `controlmap --geodata DIR` reads (docs/geodata.md says what each needs).
# Then: controlmap lint --geodata DIR your-ledger.csv
#
# Needs python3 with shapely 2 (a venv with shapely==2.0.6 from PyPI is made in the scratch dir
# when the system python has none). Takes a few seconds to a minute, depending on the box.
set -euo pipefail
export PYTHONDONTWRITEBYTECODE=1

BUILD_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
GEODATA=$(dirname "$BUILD_DIR")

usage() { sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
BBOX= OUT= COUNTRIES= VIEW=
while [[ $# -gt 0 ]]; do
  case "$1" in
    --bbox) BBOX=${2:-}; shift 2 ;;
    --out) OUT=${2:-}; shift 2 ;;
    --countries) COUNTRIES=${2:-}; shift 2 ;;
    --defacto) VIEW=--defacto; shift ;;
    -h|--help) usage ;;
    *) echo "cut.sh: unknown argument $1" >&2; usage ;;
  esac
done
[[ -n "$BBOX" && -n "$OUT" ]] || usage
if ! [[ "$BBOX" =~ ^-?[0-9.]+,-?[0-9.]+,-?[0-9.]+,-?[0-9.]+$ ]]; then
  echo "cut.sh: --bbox must be four numbers W,S,E,N, got '$BBOX'" >&2; exit 2
fi
for f in places.tsv.gz countries.geojson.gz countries-defacto.geojson.gz admin1.geojson.gz rivers.geojson.gz lakes.geojson.gz; do
  [[ -f "$GEODATA/world/$f" ]] || { echo "cut.sh: $GEODATA/world/$f is missing; run world.sh" >&2; exit 1; }
done

PY=python3
if ! python3 -c 'import shapely, sys; sys.exit(int(shapely.__version__.split(".")[0]) < 2)' 2>/dev/null; then
  VENV=${GEODATA_WORK:-${TMPDIR:-/tmp}/controlmap-cut}/venv
  if [[ ! -x "$VENV/bin/python" ]]; then
    echo "cut.sh: making a python venv with shapely in $VENV" >&2
    python3 -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet --only-binary=:all: shapely==2.0.6 numpy==2.2.6
  fi
  PY="$VENV/bin/python"
fi

# Build into a temporary folder next to OUT, then move the files in: never a half-written folder.
mkdir -p "$OUT"
TMP=$(mktemp -d "$(dirname "$OUT")/.cut.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
(cd "$BUILD_DIR" && "$PY" cut.py "$GEODATA" "$BBOX" "$TMP" "$COUNTRIES" $VIEW)
for f in factions.toml places.csv regions.geojson countries.geojson admin1.geojson rivers.geojson; do
  mv -f "$TMP/$f" "$OUT/$f"
done
echo "cut.sh: wrote $OUT" >&2
