"""Checks the geodata/world/ files; exits non-zero with every problem found.

  * gzip with mtime 0 and no file name; UTF-8;
  * GeoJSON: one feature per line, `bbox` written first and equal to the coordinates' extent,
    fixed sort order, 4 decimals, the properties the contract names, valid polygons with RFC 7946
    orientation, label points inside their feature;
  * the boundary views: Crimea and Sevastopol inside UA in countries.geojson.gz and inside RU in
    countries-defacto.geojson.gz; the Golan in SY, East Jerusalem in PS, Western Sahara in EH in
    the recognised view; a few capitals in their country;
  * places.tsv.gz: the header, ten fields per row, ids ascending, numbers well-formed, alternates
    sorted and unique, no `|` in names, minimum row counts;
  * all committed geodata (the geodata/ folder) under 40 MB.

    python3 world_check.py WORLD_DIR GEODATA_DIR
"""
import gzip
import json
import os
import re
import sys

import shapely
from shapely.geometry import Point, shape

BUDGET_BYTES = 40 * 1000 * 1000
COLUMNS = ["id", "name", "cc", "region", "region_code", "lat", "lon", "population", "capital", "alternates"]
FOUR = re.compile(r"-?\d+(\.\d{1,4})?$")
MIN_COUNTS = {"countries.geojson.gz": 200, "countries-defacto.geojson.gz": 200, "admin1.geojson.gz": 4000,
              "rivers.geojson.gz": 400, "lakes.geojson.gz": 1000}
PROPERTIES = {
    "countries.geojson.gz": ["iso_a2", "name", "name_nl", "label"],
    "countries-defacto.geojson.gz": ["iso_a2", "name", "name_nl", "label"],
    "admin1.geojson.gz": ["iso_a2", "iso_3166_2", "name", "type_en", "label"],
    "rivers.geojson.gz": ["name", "rank"],
    "lakes.geojson.gz": ["name", "rank"],
}
# (place, lon, lat, country in the recognised view, country in the de facto view)
VIEW_POINTS = [
    ("Simferopol (Crimea)", 34.1108, 44.9572, "UA", "RU"),
    ("Sevastopol", 33.5213, 44.6080, "UA", "RU"),
    ("Kerch (Crimea)", 36.4697, 45.3566, "UA", "RU"),
    ("Majdal Shams (Golan)", 35.7716, 33.2703, "SY", None),  # NE 4.1 draws it on the ceasefire line
    ("Katzrin (Golan)", 35.6884, 32.9925, "SY", "IL"),
    ("East Jerusalem (Old City)", 35.2340, 31.7780, "PS", None),
    ("Laayoune (Western Sahara)", -13.1880, 27.1418, "EH", None),
    ("Nicosia north", 33.3640, 35.1900, "CY", "CY-N"),
    ("Hargeisa (Somaliland)", 44.0650, 9.5600, "SO", "SOL"),
    ("Kyiv", 30.5238, 50.4547, "UA", "UA"),
    ("Khartoum", 32.5324, 15.5518, "SD", "SD"),
    ("Damascus", 36.2913, 33.5102, "SY", "SY"),
    ("Stepanakert", 46.7519, 39.8153, "AZ", "AZ"),
]

problems = []


def fail(where, message):
    problems.append(f"{where}: {message}")


def read_gz(path):
    with open(path, "rb") as f:
        head = f.read(10)
    if head[:3] != b"\x1f\x8b\x08" or head[3] & 0x08 or head[4:8] != b"\0\0\0\0":
        fail(path, "gzip header is not fixed (file name stored or mtime not 0)")
    with gzip.open(path, "rb") as f:
        return f.read().decode("utf-8")


def walk_coords(c, out):
    if isinstance(c[0], (int, float)):
        out.append(c)
    else:
        for x in c:
            walk_coords(x, out)


def signed_area(ring):
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:])) / 2


def check_polygon(where, geometry):
    polys = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    for poly in polys:
        for i, ring in enumerate(poly):
            if ring[0] != ring[-1] or len(ring) < 4:
                fail(where, "ring not closed or too short")
            elif (signed_area(ring) > 0) != (i == 0):
                fail(where, "ring orientation is not RFC 7946")
    geom = shape(geometry)
    if not geom.is_valid:
        fail(where, f"invalid polygon: {shapely.is_valid_reason(geom)}")
    return geom


def check_feature(name, lineno, line, kind):
    where = f"{name}:{lineno}"
    if not line.startswith('{"bbox":['):
        fail(where, "the feature does not start with its bbox")
    feat = json.loads(line.rstrip(","))
    coords = []
    walk_coords(feat["geometry"]["coordinates"], coords)
    xs = [c[0] for c in coords]
    ys = [c[1] for c in coords]
    if feat["bbox"] != [min(xs), min(ys), max(xs), max(ys)]:
        fail(where, "bbox is not the extent of the coordinates")
    if any(not FOUR.match(repr(v)) for c in coords for v in c):
        fail(where, "coordinates with more than 4 decimals")
    for key in PROPERTIES[name]:
        if key not in feat["properties"]:
            fail(where, f"property {key} is missing")
    geom = None
    if kind == "area":
        if feat["geometry"]["type"] not in ("Polygon", "MultiPolygon"):
            fail(where, "expected a Polygon or MultiPolygon")
        else:
            geom = check_polygon(where, feat["geometry"])
            label = feat["properties"].get("label")
            if label is not None and not geom.contains(Point(label)):
                fail(where, f"label {label} is not inside the feature")
    elif feat["geometry"]["type"] not in ("LineString", "MultiLineString"):
        fail(where, "expected a LineString or MultiLineString")
    return feat, geom


def check_collection(world, name, kind):
    text = read_gz(os.path.join(world, name))
    lines = text.split("\n")
    if lines[0] != '{"type":"FeatureCollection","features":[' or lines[-2:] != ["]}", ""]:
        fail(name, "not one feature per line between the FeatureCollection header and footer")
        return []
    feats = [check_feature(name, i + 2, line, kind) for i, line in enumerate(lines[1:-2])]
    if len(feats) < MIN_COUNTS[name]:
        fail(name, f"only {len(feats)} features (expected at least {MIN_COUNTS[name]})")
    print(f"{name}: {len(feats)} features")
    return feats


def sorted_by(name, feats, key):
    keys = [key(f) for f, _ in feats]
    if keys != sorted(keys):
        fail(name, "features are not in their sort order")
    if len(set(keys)) != len(keys):
        fail(name, "duplicate keys")


def country_at(countries, lon, lat):
    p = Point(lon, lat)
    return [f["properties"]["iso_a2"] for f, g in countries if g is not None and g.contains(p)]


def check_views(recognised, defacto):
    for place, lon, lat, rec, de_facto in VIEW_POINTS:
        got = country_at(recognised, lon, lat)
        if got != [rec]:
            fail("countries.geojson.gz", f"{place} is in {got}, expected [{rec!r}]")
        if de_facto is not None:
            got = country_at(defacto, lon, lat)
            if got != [de_facto]:
                fail("countries-defacto.geojson.gz", f"{place} is in {got}, expected [{de_facto!r}]")


def check_places(world):
    name = "places.tsv.gz"
    lines = read_gz(os.path.join(world, name)).split("\n")
    if lines[0].split("\t") != COLUMNS:
        fail(name, f"header is {lines[0]!r}")
    if lines[-1] != "":
        fail(name, "no newline at the end")
    last = 0
    capitals = 0
    for i, line in enumerate(lines[1:-1], start=2):
        f = line.split("\t")
        where = f"{name}:{i}"
        if len(f) != 10:
            fail(where, f"{len(f)} fields")
            continue
        gid, nm, cc, region, code, lat, lon, pop, cap, alts = f
        if not gid.isdigit() or int(gid) <= last:
            fail(where, "id not a number above the previous one")
        else:
            last = int(gid)
        if not nm or "|" in nm or not re.fullmatch(r"[A-Z]{2}", cc):
            fail(where, "bad name or country code")
        if bool(region) != bool(code):
            fail(where, "region and region_code must be both set or both empty")
        if not (FOUR.match(lat) and FOUR.match(lon) and abs(float(lat)) <= 90 and abs(float(lon)) <= 180):
            fail(where, "bad coordinates")
        if not pop.isdigit() or cap not in ("", "1", "2"):
            fail(where, "bad population or capital")
        capitals += cap == "1"
        items = alts.split("|") if alts else []
        if items != sorted(set(items)) or any(not a or len(a) > 60 for a in items):
            fail(where, "alternates not sorted, unique and non-empty")
        if len(problems) > 50:
            break
    rows = len(lines) - 2
    if rows < 230000 or capitals < 200:
        fail(name, f"{rows} rows and {capitals} capitals: too few")
    print(f"{name}: {rows} rows, {capitals} national capitals")


def committed_bytes(geodata, world_bytes):
    """geodata/ without build/ and world/, plus the new world files."""
    total = world_bytes
    for root, dirs, files in os.walk(geodata):
        dirs[:] = [d for d in dirs if not (root == geodata and d in ("build", "world"))]
        total += sum(os.path.getsize(os.path.join(root, f)) for f in files)
    return total


def main(world, geodata):
    recognised = check_collection(world, "countries.geojson.gz", "area")
    defacto = check_collection(world, "countries-defacto.geojson.gz", "area")
    admin1 = check_collection(world, "admin1.geojson.gz", "area")
    rivers = check_collection(world, "rivers.geojson.gz", "line")
    lakes = check_collection(world, "lakes.geojson.gz", "area")
    for nm, feats in (("countries.geojson.gz", recognised), ("countries-defacto.geojson.gz", defacto)):
        sorted_by(nm, feats, lambda f: f["properties"]["iso_a2"])
    sorted_by("admin1.geojson.gz", admin1, lambda f: (f["properties"]["iso_a2"], f["properties"]["iso_3166_2"],
                                                     f["properties"]["adm1_code"]))
    for nm, feats in (("rivers.geojson.gz", rivers), ("lakes.geojson.gz", lakes)):
        if any(not isinstance(f["properties"]["rank"], int) or not 1 <= f["properties"]["rank"] <= 5 for f, _ in feats):
            fail(nm, "rank must be 1..5")
    check_views(recognised, defacto)
    check_places(world)
    sizes = sum(os.path.getsize(os.path.join(world, f)) for f in os.listdir(world))
    total = committed_bytes(geodata, sizes)
    print(f"world files: {sizes / 1e6:.2f} MB; all geodata: {total / 1e6:.2f} MB (budget {BUDGET_BYTES / 1e6:.0f} MB)")
    if total > BUDGET_BYTES:
        fail("geodata/", "over the 40 MB budget")
    if problems:
        print(f"{len(problems)} problem(s):", *problems[:60], sep="\n  ", file=sys.stderr)
        sys.exit(1)
    print("world data OK")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
