"""regions.geojson: named areas that are not towns.

  * every governorate of Syria and Iraq, taken from admin1.geojson (Natural Earth admin-1);
  * the hand-kept areas of build/areas.json, built by the method each one names:
      polygon       hand-drawn vertices, optionally cut to a country and minus some admin-1 units
                    (except for a hand-drawn part of them to keep)
      octagon       a small regular octagon around a places.csv point
      river_buffer  a band around part of a rivers.geojson line
      border_buffer a band around part of the border between two countries.geojson countries
      admin1_union  the union of some admin-1 units

Names and aliases of regions must never be a bare town name (the resolver would then have two
meanings for it): every alias is compared with every name and alias in places.csv, and a
colliding bare alias is replaced by its "... Governorate" form.

    python3 regions.py admin1.geojson countries.geojson rivers.geojson places.csv areas.json regions.geojson
"""
import csv
import json
import math
import re
import sys

from shapely.geometry import Point, Polygon, shape
from shapely.ops import substring, unary_union, linemerge

from common import (area_geometry, clean_area, from_km, match_key, place_key, slugify, to_km,
                    write_feature_collection)

# Governorates: ISO 3166-2 -> (short English name, Dutch short name, extra aliases)
GOVERNORATES = {
    "SY-DI": ("Damascus", "Damascus", []),
    "SY-RD": ("Rif Dimashq", "Rif Dimashq", ["Damascus Countryside", "Rural Damascus", "Rif Dimashq",
                                             "platteland van Damascus"]),
    "SY-DR": ("Daraa", "Daraa", ["Deraa Governorate", "Hauran"]),
    "SY-SU": ("Suwayda", "Suwayda", ["As-Suwayda Governorate", "Sweida Governorate", "Jabal al-Druze"]),
    "SY-QU": ("Quneitra", "Quneitra", []),
    "SY-HI": ("Homs", "Homs", []),
    "SY-HM": ("Hama", "Hama", []),
    "SY-ID": ("Idlib", "Idlib", ["Idleb Governorate"]),
    "SY-HL": ("Aleppo", "Aleppo", []),
    "SY-LA": ("Latakia", "Latakia", []),
    "SY-TA": ("Tartus", "Tartus", []),
    "SY-RA": ("Raqqa", "Raqqa", ["Al-Raqqa Governorate"]),
    "SY-DY": ("Deir ez-Zor", "Deir ez-Zor", ["Deir Ezzor Governorate", "Deir al-Zor Governorate",
                                             "Deir Ezzour Province"]),
    "SY-HA": ("Hasakah", "Hasaka", ["Al-Hasakah Governorate", "Hasaka Governorate", "Jazira", "Jazira Region"]),
    "IQ-BG": ("Baghdad", "Bagdad", []),
    "IQ-AN": ("Anbar", "Anbar", ["Anbar", "Al-Anbar", "Al Anbar"]),
    "IQ-NI": ("Nineveh", "Nineve", ["Nineveh", "Ninawa", "Nineveh Plains Governorate", "Ninevé"]),
    "IQ-SD": ("Saladin", "Salahuddin", ["Salahuddin", "Salah ad-Din", "Salah al-Din", "Salahuddin Governorate",
                                        "Salah al-Din Governorate", "Salahaddin Province"]),
    "IQ-TS": ("Kirkuk", "Kirkoek", ["Tamim Governorate", "At-Ta'mim Governorate"]),
    "IQ-DI": ("Diyala", "Diyala", ["Diyala", "Diala"]),
    "IQ-DA": ("Duhok", "Dohuk", ["Dohuk Governorate", "Dahuk Governorate"]),
    "IQ-AR": ("Erbil", "Erbil", ["Arbil Governorate", "Hewler Governorate"]),
    "IQ-SU": ("Sulaymaniyah", "Soelaimaniya", ["Sulaimaniya Governorate", "Slemani Governorate"]),
    "IQ-BB": ("Babil", "Babil", ["Babylon Governorate"]),
    "IQ-KA": ("Karbala", "Karbala", ["Kerbala Governorate"]),
    "IQ-NA": ("Najaf", "Najaf", []),
    "IQ-QA": ("Qadisiyah", "Qadisiyah", ["Al-Qadisiyyah", "Qadisiyyah Governorate", "Diwaniyah Governorate"]),
    "IQ-MU": ("Muthanna", "Muthanna", ["Al-Muthanna", "Muthanna"]),
    "IQ-DQ": ("Dhi Qar", "Dhi Qar", ["Dhi Qar", "Thi Qar"]),
    "IQ-MA": ("Maysan", "Maysan", ["Maysan", "Missan", "Missan Governorate"]),
    "IQ-WA": ("Wasit", "Wasit", ["Wasit"]),
    "IQ-BA": ("Basra", "Basra", ["Basrah Governorate"]),
}
SKIP_ADMIN1 = {"SY-X01~"}  # Natural Earth's UNDOF zone polygon: not a governorate
GARBLED_NE_ALT = {"Bagd", "N¡nive"}  # broken encodings inside Natural Earth's name_alt
ARTICLE = re.compile(r"^(al|ar|as|at|ad|an|az|ash|ath|adh|el|ad|ed|es|et|en)(?=[a-z]{3})")


def loose(s):
    """match_key without a leading Arabic article, as a resolver might also compare."""
    return ARTICLE.sub("", match_key(s))


def keys_of(s):
    """Every key under which a name could be matched: plain, without article, and the CLI's own
    place_key (a port of src/places/fold.rs)."""
    return {match_key(s), loose(s), "pk:" + place_key(s)}


def load_places(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    keys = set()
    own = {}
    for r in rows:
        mine = set()
        for n in [r["id"], r["name"]] + [a for a in r["aliases"].split("|") if a]:
            mine |= keys_of(n)
        own[r["id"]] = mine
        keys |= mine
    pts = {r["id"]: Point(float(r["lon"]), float(r["lat"])) for r in rows}
    return pts, keys, own


def load_features(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)["features"]


def tidy_aliases(name, aliases, town_keys, allowed=frozenset(), keep_name=False):
    """Unique aliases (case-insensitive), no bare town names; sorted. The name itself is
    dropped unless keep_name (the hand-kept area lists may repeat it on purpose).

    `allowed` holds the name keys of a place that is the same thing as the region
    (Yarmouk Camp is both a GeoNames point and a small polygon)."""
    out = {}
    for a in aliases:
        a = " ".join(a.split())
        if not a or (a.casefold() == name.casefold() and not keep_name):
            continue
        if keys_of(a) & town_keys and not keys_of(a) & allowed:
            raise ValueError(a)
        out.setdefault(a.casefold(), a)
    return sorted(out.values(), key=lambda a: (a.casefold(), a))


def governorate_aliases(short, nl, extra, props, town_keys):
    def safe(bare):
        """A bare name if no town is called that, otherwise its '... Governorate' form."""
        if keys_of(bare) & town_keys:
            return f"{bare} Governorate"
        return bare

    ne_name = re.sub(r"\s*\(.*\)\s*", "", props["name"]).strip()
    cand = [f"{short} Province", safe(ne_name), f"{ne_name} Governorate", f"{ne_name} Province",
            f"{props['name_en']} Governorate", f"{props['name_en']} Province",
            f"provincie {nl}", f"gouvernement {nl}", f"provincie {short}", f"gouvernement {short}"]
    for alt in props["name_alt"].split("|"):
        alt = alt.strip()
        if alt and alt not in GARBLED_NE_ALT:
            cand += [f"{alt} Governorate", f"{alt} Province"]
    for e in extra:
        cand.append(safe(e) if not e.endswith(("Governorate", "Province")) else e)
    return cand


def octagon(center, radius_km):
    c = to_km(center, center.y)
    ring = [(c.x + radius_km * math.cos(math.radians(22.5 + 45 * i)),
             c.y + radius_km * math.sin(math.radians(22.5 + 45 * i))) for i in range(8)]
    return from_km(Polygon(ring), center.y)


def river_buffer(area, rivers, places):
    line = next(shape(f["geometry"]) for f in rivers if f["properties"]["name"] == area["river"])
    a = line.project(places[area["from_place"]])
    b = line.project(places[area["to_place"]])
    part = substring(line, min(a, b), max(a, b))
    lat0 = part.centroid.y
    return from_km(to_km(part, lat0).buffer(area["buffer_km"], quad_segs=16), lat0)


def border_buffer(area, countries, rivers):
    c1, c2 = (countries[c] for c in area["countries"])
    border = linemerge(c1.boundary.intersection(c2.boundary))
    if border.geom_type != "LineString":
        raise SystemExit(f"regions.py: {area['id']}: border of {area['countries']} is not one line")
    start = c1.boundary.intersection(c2.boundary).intersection(countries[area["start_country"]].boundary)
    river = next(shape(f["geometry"]) for f in rivers if f["properties"]["name"] == area["end_river"])
    end = border.intersection(river)
    if start.is_empty or end.geom_type != "Point":
        raise SystemExit(f"regions.py: {area['id']}: cannot find the ends of the border section")
    start = start.centroid
    a, b = border.project(start), border.project(end)
    part = substring(border, min(a, b), max(a, b))
    lat0 = part.centroid.y
    band = from_km(to_km(part, lat0).buffer(area["buffer_km"], quad_segs=16), lat0)
    band = band.intersection(unary_union([c1, c2]))
    x0, y0, x1, _ = band.bounds
    south = Polygon([(x0 - 1, y0 - 1), (x1 + 1, y0 - 1), (x1 + 1, end.y), (x0 - 1, end.y)])
    return band.intersection(south)


def main(admin1_path, countries_path, rivers_path, places_path, areas_path, dst):
    places, town_keys, place_keys = load_places(places_path)
    admin1 = load_features(admin1_path)
    admin1_geom = {f["properties"]["iso_3166_2"]: shape(f["geometry"]) for f in admin1}
    countries = {f["properties"]["iso_a2"]: shape(f["geometry"]) for f in load_features(countries_path)}
    rivers = load_features(rivers_path)
    with open(areas_path, encoding="utf-8") as f:
        areas = json.load(f)["areas"]

    feats = []
    # governorates
    seen = set()
    for f in admin1:
        p = f["properties"]
        code = p["iso_3166_2"]
        if p["iso_a2"] not in ("SY", "IQ") or code in SKIP_ADMIN1:
            continue
        if code not in GOVERNORATES:
            raise SystemExit(f"regions.py: no English/Dutch name for {code} ({p['name']})")
        seen.add(code)
        short, nl, extra = GOVERNORATES[code]
        name = f"{short} Governorate"
        try:
            aliases = tidy_aliases(name, governorate_aliases(short, nl, extra, p, town_keys), town_keys)
        except ValueError as e:
            raise SystemExit(f"regions.py: alias {e} of {code} is a town name")
        geom = clean_area(shape(f["geometry"]), min_area=1e-7)
        feats.append({
            "type": "Feature",
            "properties": {
                "id": f"{p['iso_a2'].lower()}-{slugify(short)}-governorate", "name": name,
                "name_nl": f"provincie {nl}", "kind": "governorate", "country": p["iso_a2"],
                "aliases": aliases, "note": f"Natural Earth admin-1 {code}",
            },
            "geometry": area_geometry(geom),
        })
    missing = set(GOVERNORATES) - seen
    if missing:
        raise SystemExit(f"regions.py: governorates missing from admin1.geojson: {sorted(missing)}")
    feats.sort(key=lambda f: f["properties"]["id"])

    # hand-kept areas
    for area in areas:
        method = area["method"]
        if method == "polygon":
            geom = Polygon([(v[0], v[1]) for v in area["vertices"]])
            if not geom.is_valid:
                raise SystemExit(f"regions.py: {area['id']}: hand-drawn ring intersects itself")
            if "clip_to_country" in area:
                geom = geom.intersection(countries[area["clip_to_country"]])
            if "clip_to_admin1_country" in area:
                cc = area["clip_to_admin1_country"]
                geom = geom.intersection(unary_union([g for k, g in admin1_geom.items() if k.startswith(cc + "-")]))
            if "subtract_admin1" in area:
                cut = unary_union([admin1_geom[k] for k in area["subtract_admin1"]])
                if "keep_from_subtraction" in area:
                    cut = cut.difference(Polygon([(v[0], v[1]) for v in area["keep_from_subtraction"]]))
                geom = geom.difference(cut)
        elif method == "octagon":
            geom = octagon(places[area["center_place"]], area["radius_km"])
        elif method == "river_buffer":
            geom = river_buffer(area, rivers, places)
        elif method == "border_buffer":
            geom = border_buffer(area, countries, rivers)
        elif method == "admin1_union":
            geom = unary_union([admin1_geom[k] for k in area["admin1"]])
        else:
            raise SystemExit(f"regions.py: {area['id']}: unknown method {method}")
        # slivers below ~1 km2 come from overlay noise along shared borders
        geom = clean_area(geom, min_area=1e-4)
        if geom is None:
            raise SystemExit(f"regions.py: {area['id']}: empty geometry")
        for pid in area.get("inside", []):
            if not geom.covers(places[pid]):
                raise SystemExit(f"regions.py: {area['id']} should contain {pid}")
        for pid in area.get("outside", []):
            if geom.covers(places[pid]):
                raise SystemExit(f"regions.py: {area['id']} should not contain {pid}")
        allowed = place_keys[area["same_as_place"]] if "same_as_place" in area else frozenset()
        if allowed and not geom.covers(places[area["same_as_place"]]):
            raise SystemExit(f"regions.py: {area['id']} does not contain its same_as_place")
        area["_allowed"] = allowed
        try:
            aliases = tidy_aliases(area["name"], area["aliases"], town_keys, allowed, keep_name=True)
        except ValueError as e:
            raise SystemExit(f"regions.py: alias {e} of {area['id']} is a town name")
        feats.append({
            "type": "Feature",
            "properties": {
                "id": area["id"], "name": area["name"], "name_nl": area["name_nl"], "kind": "area",
                "country": area["country"], "aliases": aliases, "note": area["note"],
            },
            "geometry": area_geometry(geom),
        })

    ids = [f["properties"]["id"] for f in feats]
    if len(ids) != len(set(ids)):
        raise SystemExit("regions.py: duplicate region id")
    allowed_by_id = {a["id"]: a.get("_allowed", frozenset()) for a in areas}
    for f in feats:
        name = f["properties"]["name"]
        keys = keys_of(name) | keys_of(f["properties"]["name_nl"])
        if keys & town_keys and not keys & allowed_by_id.get(f["properties"]["id"], frozenset()):
            raise SystemExit(f"regions.py: region name {name} is a town name")
    write_feature_collection(dst, feats)
    n_gov = sum(1 for f in feats if f["properties"]["kind"] == "governorate")
    print(f"regions.geojson: {n_gov} governorates, {len(feats) - n_gov} areas")


if __name__ == "__main__":
    main(*sys.argv[1:7])
