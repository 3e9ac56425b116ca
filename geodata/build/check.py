"""Checks the geodata outputs; build.sh runs it last. Exits non-zero on any failure.

    python3 check.py path/to/geodata

Checks: file sizes; every GeoJSON polygon closed, RFC 7946 oriented, at most 4 decimals and
valid; places.csv parses (header, unique slug ids, 4-decimal floats, neighbours inside the box,
sort order); regions have unique ids and no bare town names; and a list of names and news
spellings resolves (case/diacritic-insensitive) to the intended place or region.
"""
import csv
import json
import os
import re
import sys
import unicodedata

from shapely.geometry import Point, shape

from common import fold_text, place_key

GEOJSON = ["countries.geojson", "admin1.geojson", "rivers.geojson", "regions.geojson"]
MAX_TOTAL = 3_000_000
MAP_BOX = (34.0, 29.0, 49.0, 38.0)
HEADER = ["id", "name", "lon", "lat", "country", "population", "aliases", "source", "note"]

# query -> expected id (places.csv id, or "region:<id>" for regions.geojson)
MUST_RESOLVE = {
    "Raqqa": "raqqa", "Mosul": "mosul", "Deir ez-Zor": "deir-ez-zor", "Mayadin": "mayadin",
    "Abu Kamal": "abu-kamal", "Hawija": "hawija", "Tal Afar": "tal-afar", "Rawa": "rawa",
    "Baghouz": "baghouz", "Kobani": "kobani", "Sinjar": "sinjar", "Tuz Khurmatu": "tuz-khurmatu",
    "Telskuf": "telskuf", "Gogjali": "gogjali", "Yarmouk camp": "yarmouk-camp", "Hajin": "hajin",
    "Palmyra": "palmyra", "Fallujah": "fallujah", "Ramadi": "ramadi", "Tikrit": "tikrit", "Baiji": "baiji",
    "Manbij": "manbij", "Tabqa": "tabqa", "Al-Bab": "al-bab", "Jarabulus": "jarabulus", "Dabiq": "dabiq",
    "Al-Qaim": "al-qaim", "Deir Ezzour": "deir-ez-zor", "Boukamal": "abu-kamal", "Bukamal": "abu-kamal",
    "Mayadeen": "mayadin", "Al-Mayadeen": "mayadin", "Talafar": "tal-afar", "Rawah": "rawa",
    "Tuzharmatu": "tuz-khurmatu", "Hajeen": "hajin", "Mosoel": "mosul", "Deir al-Zor": "deir-ez-zor",
    "Deir Ezzor": "deir-ez-zor", "Al-Bukamal": "abu-kamal", "Tuz Khurmato": "tuz-khurmatu",
    "Hawijah": "hawija", "Kobane": "kobani", "Bagdad": "baghdad", "Baghdad": "baghdad",
    "Damascus": "damascus", "Damaskus": "damascus", "Aleppo": "aleppo", "Raqqah": "raqqa", "Rakka": "raqqa",
    "Baghuz": "baghouz", "Tel Skuf": "telskuf", "Qaraqosh": "qaraqosh", "Bartella": "bartella",
    "Kirkuk": "kirkuk", "Erbil": "erbil", "Duhok": "duhok", "Sulaymaniyah": "sulaymaniyah",
    "Basra": "basra", "Samarra": "samarra", "Baqubah": "baqubah", "Haditha": "haditha", "Hit": "hit",
    "Qayyarah": "qayyarah", "Azaz": "azaz", "Homs": "homs", "Hama": "hama", "Idlib": "idlib",
    "Makhmur": "makhmur", "Khanaqin": "khanaqin", "Mandali": "mandali", "Shirqat": "shirqat",
    "Al-Shaddadi": "al-shaddadi", "Tell Abyad": "tell-abyad", "Ain Issa": "ain-issa",
    "Raqqa Governorate": "region:sy-raqqa-governorate", "Nineveh": "region:iq-nineveh-governorate",
    "Anbar": "region:iq-anbar-governorate", "provincie Deir ez-Zor": "region:sy-deir-ez-zor-governorate",
    "Yarmouk Basin": "region:yarmouk-basin", "Yarmouk-vallei": "region:yarmouk-basin",
    "MERV": "region:middle-euphrates-valley", "Middle Euphrates River Valley": "region:middle-euphrates-valley",
    "Iraaks-Syrische grensgebied": "region:syria-iraq-border-desert", "Kurdistan Region": "region:iraqi-kurdistan",
    "Koerdistan": "region:iraqi-kurdistan", "betwiste gebieden": "region:disputed-territories",
    "Yarmouk refugee camp": "yarmouk-camp",
}

failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL", msg)


def norm(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    return re.sub(r"[^a-z0-9]", "", s.replace("ı", "i"))


def decimals_ok(coords):
    if isinstance(coords[0], (int, float)):
        return all(round(v, 4) == v for v in coords)
    return all(decimals_ok(c) for c in coords)


def ring_area(ring):
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:])) / 2


def check_polygon(name, rings):
    for i, ring in enumerate(rings):
        if len(ring) < 4 or ring[0] != ring[-1]:
            fail(f"{name}: ring {i} not closed or too short")
            return
        a = ring_area(ring)
        if (i == 0 and a <= 0) or (i > 0 and a >= 0):
            fail(f"{name}: ring {i} has the wrong orientation")


def check_geojson(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    if data.get("type") != "FeatureCollection":
        fail(f"{path}: not a FeatureCollection")
        return []
    for feat in data["features"]:
        g = feat["geometry"]
        label = f"{os.path.basename(path)}:{feat['properties'].get('id') or feat['properties'].get('iso_3166_2') or feat['properties'].get('name')}"
        if not decimals_ok(g["coordinates"]):
            fail(f"{label}: more than 4 decimals")
        if g["type"] == "Polygon":
            check_polygon(label, g["coordinates"])
        elif g["type"] == "MultiPolygon":
            for p in g["coordinates"]:
                check_polygon(label, p)
        elif g["type"] == "LineString":
            if len(g["coordinates"]) < 2:
                fail(f"{label}: short line")
        else:
            fail(f"{label}: unexpected geometry {g['type']}")
        if g["type"] != "LineString" and not shape(g).is_valid:
            fail(f"{label}: invalid polygon")
    return data["features"]


def main(d):
    total = 0
    for root, dirs, files in os.walk(d):
        dirs[:] = sorted(x for x in dirs if not (root == d and x == "build"))
        for name in sorted(files):
            p = os.path.join(root, name)
            total += os.path.getsize(p)
            print(f"  {os.path.relpath(p, d):20s} {os.path.getsize(p):>9,d} B")
    print(f"  total (without build/) {total:,d} B")
    if total > MAX_TOTAL:
        fail(f"geodata/ is {total} bytes, over {MAX_TOTAL}")

    feats = {n: check_geojson(os.path.join(d, n)) for n in GEOJSON}
    for f in feats["countries.geojson"]:
        if set(f["properties"]) != {"iso_a2", "name", "name_nl"}:
            fail(f"countries: properties {sorted(f['properties'])}")
    for f in feats["admin1.geojson"]:
        if set(f["properties"]) != {"iso_a2", "iso_3166_2", "name", "name_en", "name_alt", "type_en"}:
            fail(f"admin1: properties {sorted(f['properties'])}")
    rivers = {f["properties"]["name"] for f in feats["rivers.geojson"] if f["properties"]["kind"] == "river"}
    if rivers != {"Euphrates", "Tigris", "Shatt al-Arab"}:
        fail(f"rivers: {rivers}")
    if not any(f["properties"]["name"] == "Lake Assad" for f in feats["rivers.geojson"]):
        fail("rivers: no Lake Assad")

    # places.csv
    with open(os.path.join(d, "places.csv"), encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        rows = [dict(zip(header, r)) for r in reader]
    if header != HEADER:
        fail(f"places.csv header {header}")
    ids = set()
    for r in rows:
        if r["id"] in ids:
            fail(f"places.csv duplicate id {r['id']}")
        ids.add(r["id"])
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", r["id"]):
            fail(f"places.csv bad id {r['id']!r}")
        for k in ("lon", "lat"):
            if not re.fullmatch(r"-?\d+\.\d{4}", r[k]):
                fail(f"places.csv {r['id']} {k}={r[k]!r}")
        lon, lat = float(r["lon"]), float(r["lat"])
        if not re.fullmatch(r"\d+", r["population"]):
            fail(f"places.csv {r['id']} population {r['population']!r}")
        if r["country"] not in ("SY", "IQ") and not (MAP_BOX[0] <= lon <= MAP_BOX[2] and MAP_BOX[1] <= lat <= MAP_BOX[3]):
            fail(f"places.csv {r['id']} outside the map box")
        if r["source"] == "supplement":
            if not r["note"]:
                fail(f"places.csv {r['id']}: supplement row without note")
        elif not re.fullmatch(r"geonames:\d+", r["source"]) or r["note"]:
            fail(f"places.csv {r['id']}: source/note {r['source']!r} {r['note']!r}")
        for a in r["aliases"].split("|") if r["aliases"] else []:
            if not a.strip() or re.search(r"\d", a):
                fail(f"places.csv {r['id']}: alias {a!r}")
    keys = [(r["country"], -int(r["population"]), r["id"]) for r in rows]
    if keys != sorted(keys):
        fail("places.csv is not sorted by country, population desc, id")
    countries = {f["properties"]["iso_a2"]: shape(f["geometry"]) for f in feats["countries.geojson"]}
    for r in rows:
        if r["country"] in ("SY", "IQ"):
            pt = Point(float(r["lon"]), float(r["lat"]))
            if countries[r["country"]].distance(pt) > 0.05:
                fail(f"places.csv {r['id']} is {countries[r['country']].distance(pt):.3f} deg outside {r['country']}")
    print(f"  places.csv: {len(rows)} rows parse")

    # regions
    town = set()
    town_pk = {place_key(n) for r in rows for n in [r["id"], r["name"]] + [a for a in r["aliases"].split("|") if a]}
    for r in rows:
        town.add(norm(r["name"]))
        town.update(norm(a) for a in r["aliases"].split("|") if a)
    rids = [f["properties"]["id"] for f in feats["regions.geojson"]]
    if len(rids) != len(set(rids)):
        fail("regions: duplicate ids")
    for f in feats["regions.geojson"]:
        p = f["properties"]
        if set(p) != {"id", "name", "name_nl", "kind", "country", "aliases", "note"}:
            fail(f"regions {p.get('id')}: properties {sorted(p)}")
        if p["kind"] not in ("governorate", "area") or not isinstance(p["aliases"], list):
            fail(f"regions {p['id']}: kind/aliases")
        if p["id"] != "yarmouk-camp":
            for n in [p["name"], p["name_nl"]] + p["aliases"]:
                if norm(n) in town or place_key(n) in town_pk:
                    fail(f"regions {p['id']}: {n!r} is also a town name")

    # resolution, the way src/places/gazetteer.rs resolves a name (ported): a town id wins; else
    # every town whose name, id or alias has the same place_key; narrowed to the exact spelling,
    # then to the display name, then to a town 5x as populous as the next; regions only when no
    # town has that key.
    towns, regions = rows, feats["regions.geojson"]
    index = {}
    for i, r in enumerate(towns):
        for n, is_name in [(r["name"], True), (r["id"], True)] + [(a, False) for a in r["aliases"].split("|") if a]:
            index.setdefault(place_key(n), []).append(("town", i, fold_text(n), is_name))
    for i, f in enumerate(regions):
        p = f["properties"]
        spell = [(p["name"], True), (p["id"], True), (p["name_nl"], False)] + [(a, False) for a in p["aliases"]]
        for n, is_name in spell:
            index.setdefault(place_key(n), []).append(("region", i, fold_text(n), is_name))
    town_ids = {r["id"]: i for i, r in enumerate(towns)}

    def resolve(q):
        if q in town_ids:
            return q, []
        spellings = index.get(place_key(q), [])
        hits = [s for s in spellings if s[0] == "town"]
        if not hits:
            rs = sorted({s[1] for s in spellings})
            if len(rs) == 1:
                return "region:" + regions[rs[0]]["properties"]["id"], []
            return None, ["region:" + regions[i]["properties"]["id"] for i in rs]
        folded = fold_text(q)
        ranked = {}
        for _, i, fs, is_name in hits:
            e = ranked.setdefault(i, [False, False])
            e[0] |= fs == folded
            e[1] |= is_name and fs == folded
        pool = sorted(ranked)
        for k in (0, 1):
            kept = [i for i in pool if ranked[i][k]]
            if len(pool) > 1 and kept and len(kept) < len(pool):
                pool = kept
        if len(pool) > 1:
            pool.sort(key=lambda i: (-int(towns[i]["population"]), i))
            top, second = int(towns[pool[0]]["population"]), int(towns[pool[1]]["population"])
            if top >= 1000 and top >= second * 5:
                pool = pool[:1]
        if len(pool) > 1:
            return None, [towns[i]["id"] for i in pool]
        return towns[pool[0]]["id"], sorted(towns[i]["id"] for i in ranked if i != pool[0])

    ok = 0
    for q, want in MUST_RESOLVE.items():
        got, others = resolve(q)
        if got != want:
            fail(f"resolve {q!r}: got {got}, want {want} (candidates {others})")
        else:
            ok += 1
            if others:
                print(f"  note: {q!r} -> {got}; the key also fits {', '.join(others)}")
    print(f"  resolution: {ok}/{len(MUST_RESOLVE)} names resolve as intended (resolver rules of src/places)")
    if failures:
        print(f"{len(failures)} check(s) failed")
        sys.exit(1)
    print("all checks passed")


if __name__ == "__main__":
    main(sys.argv[1])
