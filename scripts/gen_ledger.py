#!/usr/bin/env python3
"""Generates the large benchmark inputs of `scripts/bench_goals.sh`: deterministic, seeded, stdlib only.

    scripts/gen_ledger.py KIND --out DIR [--seed 11]

KIND (what the README's performance table measures):
  million    1,000,000 claims about 900 gazetteer places, 2014-01 .. 2019-12   -> DIR/claims.csv (~70 MB)
  one-place  40,000 claims about Raqqa, 2014-01 .. 2019-12                      -> DIR/claims.csv
  grid       20,000 generated towns x 120 months (2010-01 .. 2019-12), 200,000 claims
             -> DIR/claims.csv and DIR/geodata/ (the built-in geodata with those towns as places.csv)
  series     600 gazetteer places x 127 months (2014-01 .. 2024-07), about 6 claims a place
             -> DIR/claims.csv

The same KIND and seed always give the same bytes (Python's Mersenne Twister `random.Random`).
The outputs are not committed; `scripts/bench_goals.sh` (the benchmark command of issue 11)
regenerates them when they are missing. The claims are random walks: each place changes hands a
few times, most claims report the true holder, a few report a wrong one (so conflicts exist, as
in real ledgers).
"""

import argparse
import csv
import os
import random
import shutil
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FACTIONS = ["is", "syrian-gov", "sdf", "iraqi-gov", "kurdistan", "syrian-opposition", "hts", "turkey", "pmf"]
STATE_EVENTS = ["holds"] * 10 + ["contested", "besieged", "partial"]
MODALITIES = ["fact"] * 16 + ["claimed", "claimed", "hedged", "expected"]
NOTES = ["", "", "", "generated", "generated: second-hand report"]


def gazetteer_places():
    """The built-in gazetteer's towns: (id, lon, lat, country), in file order."""
    with open(os.path.join(REPO, "geodata", "places.csv"), newline="", encoding="utf-8") as f:
        return [(r["id"], float(r["lon"]), float(r["lat"]), r["country"]) for r in csv.DictReader(f)]


def month_list(first_year, first_month, count):
    months = []
    year, month = first_year, first_month
    for _ in range(count):
        months.append((year, month))
        month += 1
        if month == 13:
            year, month = year + 1, 1
    return months


def days_in(year, month):
    if month == 2:
        return 29 if (year % 4 == 0 and year % 100 != 0) or year % 400 == 0 else 28
    return 30 if month in (4, 6, 9, 11) else 31


def date_text(rng, year, month):
    """A date at the precision ledgers use: mostly a month or a day, sometimes a range."""
    roll = rng.random()
    if roll < 0.5:
        return f"{year}-{month:02d}"
    if roll < 0.93:
        return f"{year}-{month:02d}-{rng.randint(1, days_in(year, month)):02d}"
    day = rng.randint(1, 14)
    return f"{year}-{month:02d}-{day:02d}/{year}-{month:02d}-{day + rng.randint(1, 14):02d}"


def history(rng, months, changes):
    """The true holder of a place in each month: a random walk with `changes` changes of hands."""
    holder = rng.choice(FACTIONS)
    turns = sorted(rng.sample(range(1, len(months)), min(changes, len(months) - 1)))
    holders, previous = [], []
    for index in range(len(months)):
        if turns and index == turns[0]:
            turns.pop(0)
            previous.append(holder)
            holder = rng.choice([f for f in FACTIONS if f != holder])
            holders.append((holder, previous[-1], True))
        else:
            holders.append((holder, previous[-1] if previous else "", False))
    return holders


def claim_row(rng, place, month, truth, articles):
    """One claim about `place` in `month`, mostly true."""
    holder, before, changed = truth
    if changed and rng.random() < 0.5:
        event, other = "captured", before
    elif rng.random() < 0.04:  # a wrong report: another side holds it
        event, other = "holds", ""
        holder = rng.choice([f for f in FACTIONS if f != holder])
    else:
        event = rng.choice(STATE_EVENTS)
        other = rng.choice([f for f in FACTIONS if f != holder]) if event != "holds" else ""
    sources = f"gen{rng.randrange(articles):06d}.txt#{rng.randint(1, 40)}"
    if rng.random() < 0.1:
        sources += f";gen{rng.randrange(articles):06d}.txt#{rng.randint(1, 40)}"
    return [date_text(rng, *month), place, holder, event, other, rng.choice(MODALITIES), sources, rng.choice(NOTES)]


def write_claims(path, rng, places, months, total, changes, articles):
    """`total` claims shared evenly by the places, spread over the months, in a shuffled (ledger-like) order."""
    rows = []
    for index, place in enumerate(places):
        truths = history(rng, months, changes)
        for _ in range(total // len(places) + (index < total % len(places))):
            at = rng.randrange(len(months))
            rows.append(claim_row(rng, place, months[at], truths[at], articles))
    rng.shuffle(rows)
    with open(path, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["date", "place", "holder", "event", "other", "modality", "source", "note"])
        out.writerows(rows)
    return len(rows)


def write_grid_geodata(dir, rng, count):
    """The built-in geodata with `count` generated towns: each a gazetteer town moved up to 0.25 degrees."""
    shutil.copytree(os.path.join(REPO, "geodata"), dir, ignore=shutil.ignore_patterns("build", "*.md", "NOTICE"))
    real = gazetteer_places()
    towns = []
    with open(os.path.join(dir, "places.csv"), "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["id", "name", "lon", "lat", "country", "population", "aliases", "source", "note"])
        for n in range(count):
            _, lon, lat, country = real[rng.randrange(len(real))]
            lon += rng.uniform(-0.25, 0.25)
            lat += rng.uniform(-0.25, 0.25)
            town = f"g{n:05d}"
            out.writerow([town, f"Town {n:05d}", f"{lon:.4f}", f"{lat:.4f}", country, rng.randint(500, 200000), "", "generated", ""])
            towns.append(town)
    return towns


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("kind", choices=["million", "one-place", "grid", "series"])
    parser.add_argument("--out", required=True, help="output folder (created)")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    rng = random.Random(f"{args.kind}:{args.seed}")
    os.makedirs(args.out, exist_ok=True)
    claims = os.path.join(args.out, "claims.csv")
    real = [p[0] for p in gazetteer_places()]
    if args.kind == "million":
        count = write_claims(claims, rng, real[:900], month_list(2014, 1, 72), 1_000_000, 6, 50000)
    elif args.kind == "one-place":
        count = write_claims(claims, rng, ["raqqa"], month_list(2014, 1, 72), 40000, 8, 20000)
    elif args.kind == "grid":
        geodata = os.path.join(args.out, "geodata")
        if os.path.exists(geodata):
            shutil.rmtree(geodata)
        towns = write_grid_geodata(geodata, rng, 20000)
        count = write_claims(claims, rng, towns, month_list(2010, 1, 120), 200_000, 3, 20000)
    else:
        count = write_claims(claims, rng, real[:600], month_list(2014, 1, 127), 3600, 2, 5000)
    print(f"{args.kind}: {count} claims -> {claims}", file=sys.stderr)


if __name__ == "__main__":
    main()
