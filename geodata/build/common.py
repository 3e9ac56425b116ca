"""Shared helpers for the geodata build scripts.

Everything here is about making the outputs small, valid and byte-for-byte
reproducible: coordinates are snapped to a 0.0001 degree grid, polygon rings
follow RFC 7946 (exterior counter-clockwise, holes clockwise), features are
written in a fixed order with one feature per line.
"""
import json
import math
import re
import unicodedata

import shapely
from shapely.geometry import MultiPolygon, Polygon, shape
from shapely.geometry.polygon import orient

GRID = 0.0001  # 4 decimals, about 11 m: well below one pixel of a 1600 px map of the region
DECIMALS = 4

# Map box of the project: the maps show lon 34..49, lat 29..38; the geometry is clipped to a
# padded box so that nothing ends exactly at the frame.
CLIP_BOX = (33.0, 28.0, 50.0, 39.0)  # lon0, lat0, lon1, lat1
MAP_BOX = (34.0, 29.0, 49.0, 38.0)


def r4(v):
    """Round one coordinate value to the output precision (always a plain float)."""
    out = round(float(v), DECIMALS)
    return 0.0 if out == 0 else out  # no "-0.0"


# ---------------------------------------------------------------- polygons

def polygon_parts(geom):
    """The Polygon parts of any geometry (drops points and lines left over by overlay ops)."""
    if geom.is_empty:
        return []
    if isinstance(geom, Polygon):
        return [geom]
    if isinstance(geom, MultiPolygon):
        return list(geom.geoms)
    if hasattr(geom, "geoms"):
        out = []
        for g in geom.geoms:
            out.extend(polygon_parts(g))
        return out
    return []


def clean_area(geom, min_area=0.0):
    """Snap a (multi)polygon to the output grid, keep it valid, drop specks.

    shapely.set_precision snaps every vertex to the grid and repairs whatever the
    snapping would break (collapsed slivers, touching rings), so the rounded result
    is still a valid polygon. Returns a Polygon, a MultiPolygon or None.
    """
    if not geom.is_valid:
        geom = shapely.make_valid(geom)
    geom = shapely.set_precision(geom, GRID)
    parts = [p for p in polygon_parts(geom) if p.area > min_area]
    if not parts:
        return None
    parts = [orient(p, sign=1.0) for p in parts]
    # fixed order of parts: biggest first, then by position
    parts.sort(key=lambda p: (-round(p.area, 10), p.bounds))
    out = parts[0] if len(parts) == 1 else MultiPolygon(parts)
    assert out.is_valid, "polygon invalid after snapping"
    return out


def _ring_coords(ring):
    pts = [[r4(x), r4(y)] for x, y in ring.coords]
    # drop repeated points (possible after rounding), keep the ring closed
    out = [pts[0]]
    for p in pts[1:]:
        if p != out[-1]:
            out.append(p)
    if out[0] != out[-1]:
        out.append(out[0])
    assert len(out) >= 4, "degenerate ring"
    return out


def _polygon_coords(p):
    return [_ring_coords(p.exterior)] + [_ring_coords(h) for h in p.interiors]


def area_geometry(geom):
    """GeoJSON geometry dict for a cleaned (multi)polygon."""
    if isinstance(geom, Polygon):
        return {"type": "Polygon", "coordinates": _polygon_coords(geom)}
    return {"type": "MultiPolygon", "coordinates": [_polygon_coords(p) for p in geom.geoms]}


def signed_area(ring):
    """Shoelace area of a GeoJSON ring: > 0 means counter-clockwise."""
    s = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
        s += x0 * y1 - x1 * y0
    return s / 2


# ---------------------------------------------------------------- lines

def line_geometry(coords):
    """GeoJSON LineString from (lon, lat) pairs, rounded, without repeated points."""
    out = []
    for x, y in coords:
        p = [r4(x), r4(y)]
        if not out or p != out[-1]:
            out.append(p)
    assert len(out) >= 2
    return {"type": "LineString", "coordinates": out}


# ---------------------------------------------------------------- files

def read_geojson_geometries(path):
    """(properties, shapely geometry) pairs from a mapshaper GeoJSON output file."""
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    if data["type"] == "GeometryCollection":
        return [({}, shape(g)) for g in data["geometries"] if g]
    out = []
    for feat in data["features"]:
        if feat.get("geometry"):
            props = dict(feat.get("properties") or {})
            if "id" in feat:
                props.setdefault("__id", feat["id"])
            out.append((props, shape(feat["geometry"])))
    return out


def write_feature_collection(path, features):
    """Write a FeatureCollection with one feature per line (small diffs, stable bytes)."""
    lines = [json.dumps(f, ensure_ascii=False, separators=(",", ":"), sort_keys=False) for f in features]
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write('{"type":"FeatureCollection","features":[\n')
        f.write(",\n".join(lines))
        f.write("\n]}\n")


# ---------------------------------------------------------------- names

def strip_diacritics(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def slugify(name):
    """Lowercase ASCII slug: diacritics stripped, apostrophes dropped, other runs -> '-'."""
    s = strip_diacritics(name).lower()
    s = re.sub(r"[\u2018\u2019\u02bb\u02bc\u02be\u02bf'`\u00b4]", "", s)  # ‘ ’ ʻ ʼ ʾ ʿ ' ` ´
    s = s.replace("ı", "i").replace("ł", "l").replace("ø", "o").replace("đ", "d")
    s = s.replace("ß", "ss").replace("æ", "ae").replace("œ", "oe")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s


def match_key(name):
    """Loose key for comparing names: case/diacritic/punctuation-insensitive."""
    return re.sub(r"[^a-z0-9]", "", slugify(name))


# ---------------------------------------------------------------- distances

def km(lon0, lat0, lon1, lat1):
    """Distance in km (equirectangular; fine for the few-hundred-km distances used here)."""
    p = math.pi / 180
    x = (lon1 - lon0) * p * math.cos((lat0 + lat1) / 2 * p)
    y = (lat1 - lat0) * p
    return 6371.0 * math.hypot(x, y)


# Local metric projection for buffering: equirectangular (km) around a reference latitude.
KM_PER_DEG_LAT = 110.574
KM_PER_DEG_LON_EQ = 111.320


def to_km(geom, lat0):
    kx = KM_PER_DEG_LON_EQ * math.cos(math.radians(lat0))
    return shapely.transform(geom, lambda a: a * [kx, KM_PER_DEG_LAT])


def from_km(geom, lat0):
    kx = KM_PER_DEG_LON_EQ * math.cos(math.radians(lat0))
    return shapely.transform(geom, lambda a: a / [kx, KM_PER_DEG_LAT])




# ---------------------------------------------------------------- the CLI's own name keys
# A Python port of fold_text/place_key in src/places/fold.rs (as of this build script), so the
# build can check names the way the controlmap resolver will see them. If fold.rs changes,
# update this port; check.py would then report resolution differences.

_GLOTTAL = set("'’‘`´ʿʾʻʼʹ′")
_SEPARATORS = set("-‐‑–—_./,()")
_ARTICLES = {"al", "el", "ad", "ed", "adh", "ar", "er", "as", "es", "ash", "at", "et", "ath", "az", "ez",
             "an", "en", "ul"}
_ABU = {"abu", "abou", "albu", "albou", "bou"}
_PLAIN = {"ı": "i", "İ": "i", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ß": "ss",
          "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe"}


def fold_text(text):
    out = []
    pending = False
    for c in unicodedata.normalize("NFD", text):
        if unicodedata.category(c).startswith("M") or c in _GLOTTAL:
            continue
        if c.isspace() or c in _SEPARATORS:
            pending = bool(out)
            continue
        if pending:
            out.append(" ")
            pending = False
        out.append(_PLAIN.get(c, c.lower()))
    return "".join(out)


def _strip_glued_article(token):
    b = token.encode("utf-8")
    if len(b) > 4 and b[0] in b"ae" and b[1] in b"tdrzsn" and b[1] == b[2]:
        return b[2:].decode("utf-8")
    return token


def _unify_vowels(word):
    chars = list(word.replace("oe", "u").replace("ou", "u").replace("q", "k").replace("ck", "k"))
    vowel = set("aeiou")
    out = []
    i = 0
    while i < len(chars):
        c = chars[i]
        nxt = chars[i + 1] if i + 1 < len(chars) else None
        after = chars[i + 2] if i + 2 < len(chars) else None
        vowel_follows = after is not None and after in vowel
        if c == "a" and nxt == "w" and not vowel_follows:
            out.append("u")
            i += 2
        elif c in "ae" and nxt is not None and nxt in "yi" and not vowel_follows:
            out.append("i")
            i += 2
        elif c == "o":
            out.append("u")
            i += 1
        elif c == "e":
            out.append("i")
            i += 1
        else:
            out.append(c)
            i += 1
    if len(out) > 2 and out[-1] == "h" and out[-2] in "ai":
        out.pop()
    dedup = []
    for c in out:
        if not dedup or dedup[-1] != c:
            dedup.append(c)
    return "".join(dedup)


def place_key(name):
    folded = fold_text(name)
    tokens = [t for t in folded.split(" ") if t]
    if len(tokens) > 1:
        tokens = [t for t in tokens if t not in _ARTICLES]
    joined = "".join("bu" if i == 0 and t in _ABU else _strip_glued_article(t) for i, t in enumerate(tokens))
    key = _unify_vowels(joined)
    return key or folded
