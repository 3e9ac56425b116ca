"""Cuts a `--geodata` folder for any bounding box from the built-in world data (geodata/world/).

Writes the six files controlmap reads, in the formats of the Syria/Iraq files next to world/
(see docs/geodata.md):
  factions.toml      copied from geodata/
  places.csv         GeoNames places inside the box: id,name,lon,lat,country,population,aliases,source,note
  regions.geojson    the admin-1 units that reach into the box, as named regions (id, name, name_nl,
                     kind "region", country, aliases, note)
  countries.geojson  recognised-view countries (or the de facto view with --defacto), clipped
  admin1.geojson     admin-1 units, clipped
  rivers.geojson     rivers (kind "river") and lakes (kind "lake"), clipped

    python3 cut.py GEODATA_DIR W,S,E,N OUT_DIR [CC,CC] [--defacto]
"""
import csv
import gzip
import io
import json
import math
import os
import shutil
import sys

from shapely.geometry import box, shape

from common import match_key, slugify
from places import is_latin_alias
from regions import keys_of
from world_common import area_feature, feature_collection_text, line_feature, valid

MIN_SPAN = 4.0  # degrees of latitude: controlmap's maps never show less than 4 degrees
PAD = 0.25  # the layers reach this fraction of the box's size beyond it, so nothing ends at the frame


def padded_area(bbox):
    """The box grown to at least MIN_SPAN degrees high and to the 4:3 shape of a map frame (in km,
    at its middle latitude), plus PAD on every side: the layers then fill the frame of a map
    fitted to the places in the box."""
    w, s, e, n = bbox
    if n - s < MIN_SPAN:  # a map of a small box still shows at least MIN_SPAN degrees
        s, n = (s + n - MIN_SPAN) / 2, (s + n + MIN_SPAN) / 2
    shrink = max(0.2, math.cos(math.radians((s + n) / 2)))
    width, height = (e - w) * shrink, n - s
    if width < height * 4 / 3:
        grow = (height * 4 / 3 - width) / shrink / 2
        w, e = w - grow, e + grow
    else:
        grow = (width * 3 / 4 - height) / 2
        s, n = s - grow, n + grow
    dx, dy = (e - w) * PAD, (n - s) * PAD
    return (max(-180, w - dx), max(-90, s - dy), min(180, e + dx), min(90, n + dy))


def read_lines(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return f.read().split("\n")


def read_collection(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return json.load(f)["features"]


def write_text(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def overlaps(bbox, area):
    return not (bbox[2] < area[0] or bbox[0] > area[2] or bbox[3] < area[1] or bbox[1] > area[3])


def clipped(features, area, countries, country_key, min_area=1e-7):
    """Features that reach into the padded box, cut to it (areas and lines)."""
    frame = box(*area)
    for f in features:
        if not overlaps(f["bbox"], area) or (countries and f["properties"].get(country_key) not in countries):
            continue
        geom = valid(shape(f["geometry"])).intersection(frame)
        if geom.is_empty:
            continue
        yield f, geom


def place_rows(world, bbox, countries):
    lines = read_lines(os.path.join(world, "places.tsv.gz"))
    header = lines[0].split("\t")
    rows = []
    for line in lines[1:]:
        if not line:
            continue
        r = dict(zip(header, line.split("\t")))
        lon, lat = float(r["lon"]), float(r["lat"])
        if bbox[0] <= lon <= bbox[2] and bbox[1] <= lat <= bbox[3] and (not countries or r["cc"] in countries):
            rows.append(r)
    # bigger places get the plain slug first; a clash gets -<cc>, then -<cc>-<geonameid>
    rows.sort(key=lambda r: (-int(r["population"]), r["capital"] != "1", int(r["id"])))
    taken = set()
    out = []
    for r in rows:
        base = slugify(r["name"]) or f"place-{r['id']}"
        for pid in (base, f"{base}-{r['cc'].lower()}", f"{base}-{r['cc'].lower()}-{r['id']}"):
            if pid not in taken:
                break
        taken.add(pid)
        aliases = sorted({a for a in r["alternates"].split("|") if a and is_latin_alias(a) and a != r["name"]},
                         key=lambda a: (a.casefold(), a))
        note = f"{r['region']} ({r['region_code']})" if r["region"] else ""
        if r["capital"] == "1":
            note = ("national capital; " + note).rstrip("; ")
        out.append([pid, r["name"], r["lon"], r["lat"], r["cc"], r["population"], "|".join(aliases),
                    f"geonames:{r['id']}", note])
    out.sort(key=lambda row: (row[4], -int(row[5]), row[0]))
    return out


def write_places(path, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["id", "name", "lon", "lat", "country", "population", "aliases", "source", "note"])
    w.writerows(rows)
    write_text(path, buf.getvalue())


def town_keys(rows):
    keys = set()
    for row in rows:
        for n in [row[1]] + [a for a in row[6].split("|") if a]:
            keys |= keys_of(n)
    return keys


# What a country's first-level regions are usually called in English news, besides NE's `type_en`.
LOCAL_KINDS = {"UA": ["Oblast"], "RU": ["Oblast"], "BY": ["Oblast", "Voblast"], "KZ": ["Oblast"],
               "KG": ["Oblast"], "SD": ["State"], "SS": ["State"], "SY": ["Governorate"],
               "IQ": ["Governorate"], "EG": ["Governorate"], "YE": ["Governorate"], "JO": ["Governorate"],
               "LB": ["Governorate"], "MM": ["State", "Region"], "ET": ["Region"], "NG": ["State"]}


def region_names(props, towns):
    """Display name, Dutch name and aliases of an admin-1 unit; none of them a bare town name."""
    name, cc = props["name"], props["iso_a2"]
    kind = props.get("type_en") or (LOCAL_KINDS.get(cc) or ["Region"])[0]
    long_name = name if kind.lower() in name.lower() else f"{name} {kind}"
    display = long_name if keys_of(name) & towns else name
    name_nl = props.get("name_nl", "")
    if name_nl and keys_of(name_nl) & towns:
        name_nl = f"regio {name_nl}"
    cands = {name, long_name, f"{name} Province", f"{name} Region", props["iso_3166_2"], name_nl}
    if props.get("type_en", "") in ("", "Region", "Province", "State", "Governorate", "Oblast"):
        cands |= {f"{name} {k}" for k in LOCAL_KINDS.get(cc, []) if k.lower() not in name.lower()}
    aliases = {a for a in cands if a and a != display and not keys_of(a) & towns}
    return display, name_nl, sorted(aliases, key=lambda a: (a.casefold(), a))


def regions(admin1, area, countries, towns):
    feats = []
    seen = set()
    for f, geom in clipped(admin1, area, countries, "iso_a2"):
        p = f["properties"]
        display, name_nl, aliases = region_names(p, towns)
        rid = slugify(f"{p['iso_a2']}-{display}")
        if rid in seen:
            rid = slugify(f"{p['iso_a2']}-{display}-{p['adm1_code']}")
        seen.add(rid)
        props = {"id": rid, "name": display, "name_nl": name_nl, "kind": "region",
                 "country": p["iso_a2"], "aliases": aliases,
                 "note": f"Natural Earth admin-1 {p['iso_3166_2']} ({p.get('type_en') or 'first-level region'})"}
        feat = area_feature(props, geom)
        if feat is not None:
            feats.append(feat)
    # an alias that two regions share, or that is another region's name, would be ambiguous: drop it
    count = {}
    for f in feats:
        for key in {match_key(a) for a in f["properties"]["aliases"]}:
            count[key] = count.get(key, 0) + 1
    names = {match_key(f["properties"]["name"]) for f in feats}
    for f in feats:
        f["properties"]["aliases"] = [a for a in f["properties"]["aliases"]
                                      if count[match_key(a)] == 1 and match_key(a) not in names]
    feats.sort(key=lambda f: f["properties"]["id"])
    return feats


def main(geodata, bbox_text, out_dir, countries_text="", *flags):
    bbox = [float(v) for v in bbox_text.split(",")]
    if len(bbox) != 4 or not (bbox[0] < bbox[2] and bbox[1] < bbox[3]):
        sys.exit("cut.py: --bbox must be W,S,E,N with W < E and S < N")
    countries = {c.strip().upper() for c in countries_text.split(",") if c.strip()}
    world = os.path.join(geodata, "world")
    area = padded_area(bbox)
    os.makedirs(out_dir, exist_ok=True)
    shutil.copyfile(os.path.join(geodata, "factions.toml"), os.path.join(out_dir, "factions.toml"))
    rows = place_rows(world, bbox, countries)
    write_places(os.path.join(out_dir, "places.csv"), rows)
    admin1 = read_collection(os.path.join(world, "admin1.geojson.gz"))
    reg = regions(admin1, area, countries, town_keys(rows))
    write_text(os.path.join(out_dir, "regions.geojson"), feature_collection_text(reg))
    a1 = []
    for f, geom in clipped(admin1, area, set(), "iso_a2"):
        p = f["properties"]
        props = {k: p.get(k, "") for k in ("iso_a2", "iso_3166_2", "name", "type_en")}
        props["name_en"] = p["name"]
        feat = area_feature(props, geom)
        if feat is not None:
            a1.append(feat)
    write_text(os.path.join(out_dir, "admin1.geojson"), feature_collection_text(a1))
    view = "countries-defacto.geojson.gz" if "--defacto" in flags else "countries.geojson.gz"
    cs = []
    for f, geom in clipped(read_collection(os.path.join(world, view)), area, set(), "iso_a2"):
        p = f["properties"]
        feat = area_feature({k: p[k] for k in ("iso_a2", "name", "name_nl")}, geom)
        if feat is not None:
            cs.append(feat)
    write_text(os.path.join(out_dir, "countries.geojson"), feature_collection_text(cs))
    water = []
    for f, geom in clipped(read_collection(os.path.join(world, "rivers.geojson.gz")), area, set(), ""):
        for part in getattr(geom, "geoms", [geom]):
            if part.geom_type == "LineString" and len(part.coords) >= 2:
                p = f["properties"]
                coords = [[round(x, 4), round(y, 4)] for x, y in part.coords]
                water.append(line_feature({"name": p["name"], "name_nl": p.get("name_nl", ""), "kind": "river",
                                           "rank": p["rank"]}, {"type": "LineString", "coordinates": coords}))
    for f, geom in clipped(read_collection(os.path.join(world, "lakes.geojson.gz")), area, set(), ""):
        p = f["properties"]
        feat = area_feature({"name": p["name"], "name_nl": p.get("name_nl", ""), "kind": "lake",
                             "rank": p["rank"]}, geom)
        if feat is not None:
            water.append(feat)
    write_text(os.path.join(out_dir, "rivers.geojson"), feature_collection_text(water))
    print(f"cut {bbox_text}{' countries ' + ','.join(sorted(countries)) if countries else ''}: "
          f"{len(rows)} places, {len(reg)} regions, {len(cs)} countries, {len(a1)} admin-1 units, "
          f"{len(water)} rivers and lakes -> {out_dir}")


if __name__ == "__main__":
    main(*sys.argv[1:])
