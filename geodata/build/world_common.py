"""Shared helpers for the world data build (geodata/world/, see world.sh).

On top of common.py: the world files are gzip-compressed with a fixed header (mtime 0, no file
name, level 9) so that a rebuild gives the same bytes; every GeoJSON feature carries a `bbox`
member written first, one feature per line; label points come from shapely's polylabel.
"""
import gzip
import io
import json

import shapely
from shapely.geometry import shape
from shapely.ops import polylabel

from common import area_geometry, clean_area, polygon_parts, r4

# Simplification tolerance of the world layers, for mapshaper's -simplify interval= (metres).
SIMPLIFY_METRES = 700

# Natural Earth admin-1 units whose `iso_a2` is not the country that the internationally
# recognised view gives them (NE draws these in its default, de facto view). The value is the
# recognised country code and, for units without an ISO code, the English name of that entry.
# Every one is listed in geodata/SOURCES.md.
RECOGNISED_COUNTRY = {
    "UA-43": "UA",      # Crimea: NE sets iso_a2 RU (de facto), the ISO 3166-2 code is Ukrainian
    "UA-40": "UA",      # Sevastopol: same
    "-99-X04~": "CY",   # Northern Cyprus: recognised only by Turkey; part of Cyprus
    "-99-X11~": "SO",   # Somaliland: unrecognised; part of Somalia
    "-99-X05~": "KZ",   # Baikonur Cosmodrome: Kazakh territory leased to Russia
    "-99-X13~": "CU",   # Guantanamo Bay naval base: Cuban territory leased to the USA
    "-99-X06~": "IN",   # Siachen Glacier: held by India, claimed by Pakistan (as NE's German view)
    "-99-X15~": "CC",   # Cocos (Keeling) Islands: Australian external territory, own ISO code
    "-99-X14~": "CX",   # Christmas Island: same
    "-99-X03~": "AU",   # Coral Sea Islands: Australian territory
    "-99-X02~": "FR",   # Clipperton Island: French possession
    "-99-X16~": "GB-DHK",  # Dhekelia: British Sovereign Base Area on Cyprus (no ISO code)
    "-99-X17~": "GB-AKR",  # Akrotiri: same
    "-99-X08~": "XSP",  # Spratly Islands: claimed by six states, no recognised owner
}

# Codes that are not ISO 3166-1 alpha-2: English and Dutch names.
PSEUDO_COUNTRY_NAMES = {
    "GB-DHK": ("Dhekelia", "Dhekelia"),
    "GB-AKR": ("Akrotiri", "Akrotiri"),
    "XSP": ("Spratly Islands", "Spratly-eilanden"),
    "CY-N": ("Northern Cyprus", "Noord-Cyprus"),
    "CY-UN": ("Cyprus UN Buffer Zone", "VN-bufferzone op Cyprus"),
    "SOL": ("Somaliland", "Somaliland"),
    "SIA": ("Siachen Glacier", "Siachengletsjer"),
    "BKN": ("Baikonur", "Bajkonoer"),
    "USG": ("Guantanamo Bay Naval Base", "Marinebasis Guantanamo Bay"),
    "XBN": ("Bajo Nuevo Bank", "Bajo Nuevo"),
    "XSN": ("Serranilla Bank", "Serranilla"),
    "XSC": ("Scarborough Shoal", "Scarborough-rif"),
}

# English short names where GeoNames' country name is not the usual one on a map.
ENGLISH_NAME_OVERRIDES = {"PS": "Palestine"}


def tidy(value):
    """A text field with no tab, newline, NBSP or `|` left inside, and single spaces."""
    if value is None:
        return ""
    value = str(value).replace("\u00a0", " ").replace("|", " ")
    return " ".join(value.split())


def valid(geom):
    return geom if geom.is_valid else shapely.make_valid(geom)


def largest_polygon(geom):
    parts = polygon_parts(geom)
    return max(parts, key=lambda p: (p.area, p.bounds)) if parts else None


def label_point(geom):
    """[lon, lat] of a good label point: the pole of inaccessibility of the largest part."""
    part = largest_polygon(geom)
    tolerance = max(0.0001, min(0.01, (part.bounds[2] - part.bounds[0]) / 200))
    p = polylabel(part, tolerance=tolerance)
    if not part.contains(p):  # polylabel can land on the boundary of a thin part
        p = part.representative_point()
    return [r4(p.x), r4(p.y)]


def bbox_of(geometry):
    """[w, s, e, n] of a GeoJSON geometry dict, from its rounded coordinates."""
    xs, ys = [], []

    def walk(c):
        if isinstance(c[0], (int, float)):
            xs.append(c[0])
            ys.append(c[1])
        else:
            for x in c:
                walk(x)

    walk(geometry["coordinates"])
    return [min(xs), min(ys), max(xs), max(ys)]


def area_feature(properties, geom, min_area=1e-7):
    """A feature dict (bbox first) for a (multi)polygon, snapped and oriented; None if it vanishes."""
    g = clean_area(valid(geom), min_area=min_area)
    if g is None:
        return None
    geometry = area_geometry(g)
    return {"bbox": bbox_of(geometry), "type": "Feature", "properties": properties, "geometry": geometry}


def line_feature(properties, geometry):
    return {"bbox": bbox_of(geometry), "type": "Feature", "properties": properties, "geometry": geometry}


def gzip_bytes(data):
    """gzip with a fixed header: no file name, mtime 0, level 9 (same bytes on every run)."""
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=buf, mtime=0) as gz:
        gz.write(data)
    return buf.getvalue()


def write_gz(path, text):
    raw = text.encode("utf-8")
    packed = gzip_bytes(raw)
    with open(path, "wb") as f:
        f.write(packed)
    return len(raw), len(packed)


def feature_collection_text(features):
    lines = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features]
    return '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"


def write_features_gz(path, features, what):
    raw, packed = write_gz(path, feature_collection_text(features))
    print(f"{what}: {len(features)} features, {raw / 1e6:.2f} MB raw, {packed / 1e6:.2f} MB gz")


def read_features(path):
    """(properties, shapely geometry) pairs from a GeoJSON file (features without geometry skipped)."""
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    if data["type"] == "GeometryCollection":  # mapshaper writes this for layers without attributes
        return [({}, valid(shape(g))) for g in data["geometries"] if g]
    out = []
    for feat in data["features"]:
        if feat.get("geometry"):
            props = dict(feat.get("properties") or {})
            if "id" in feat:
                props.setdefault("__id", feat["id"])
            out.append((props, valid(shape(feat["geometry"]))))
    return out

