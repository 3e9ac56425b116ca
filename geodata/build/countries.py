"""countries.geojson: Natural Earth 1:10m admin-0 (npm world-atlas countries-10m.json).

Input: mapshaper's GeoJSON of the `countries` object, already clipped to the padded map box.
world-atlas keeps only `id` (ISO 3166-1 numeric) and `name`; this script maps the numeric code
to alpha-2, adds Dutch names, snaps to 4 decimals and orients rings (RFC 7946).

    python3 countries.py clipped.geojson countries.geojson
"""
import sys

from common import area_geometry, clean_area, read_geojson_geometries, write_feature_collection

# ISO 3166-1 numeric -> (alpha-2, English name, Dutch name), for every country that reaches the box.
BY_NUMERIC = {
    "031": ("AZ", "Azerbaijan", "Azerbeidzjan"),
    "051": ("AM", "Armenia", "Armenië"),
    "196": ("CY", "Cyprus", "Cyprus"),
    "275": ("PS", "Palestine", "Palestina"),
    "364": ("IR", "Iran", "Iran"),
    "368": ("IQ", "Iraq", "Irak"),
    "376": ("IL", "Israel", "Israël"),
    "400": ("JO", "Jordan", "Jordanië"),
    "414": ("KW", "Kuwait", "Koeweit"),
    "422": ("LB", "Lebanon", "Libanon"),
    "682": ("SA", "Saudi Arabia", "Saoedi-Arabië"),
    "760": ("SY", "Syria", "Syrië"),
    "792": ("TR", "Turkey", "Turkije"),
    "818": ("EG", "Egypt", "Egypte"),
}
# Natural Earth entries without an ISO code (world-atlas gives them no id): keyed by NE name.
# The codes are not ISO 3166-1; they only make every feature addressable.
BY_NAME = {
    "N. Cyprus": ("CY-N", "Northern Cyprus", "Noord-Cyprus"),
    "Cyprus U.N. Buffer Zone": ("CY-UN", "Cyprus UN Buffer Zone", "VN-bufferzone op Cyprus"),
    "Akrotiri": ("GB-AKR", "Akrotiri", "Akrotiri"),
    "Dhekelia": ("GB-DHK", "Dhekelia", "Dhekelia"),
}


def main(src, dst):
    feats = []
    for props, geom in read_geojson_geometries(src):
        num = props.get("__id")
        if num is not None and num in BY_NUMERIC:
            code, name, name_nl = BY_NUMERIC[num]
        elif props.get("name") in BY_NAME:
            code, name, name_nl = BY_NAME[props["name"]]
        else:
            sys.exit(f"countries.py: no code for feature id={num!r} name={props.get('name')!r}; extend the table")
        g = clean_area(geom, min_area=1e-7)
        if g is None:
            continue
        feats.append({
            "type": "Feature",
            "properties": {"iso_a2": code, "name": name, "name_nl": name_nl},
            "geometry": area_geometry(g),
        })
    feats.sort(key=lambda f: f["properties"]["iso_a2"])
    codes = [f["properties"]["iso_a2"] for f in feats]
    assert len(codes) == len(set(codes)), "duplicate country code"
    write_feature_collection(dst, feats)
    print(f"countries.geojson: {len(feats)} features: {' '.join(codes)}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
