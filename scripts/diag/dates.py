#!/usr/bin/env python3
"""Counts-only: how the month of a matched claim differs from its gold row's: the article's own
date given where the gold has an earlier one, a month off in the same year, a wrong year with
the right month (a year the text left out), a range against a point. Never prints a place, a
sentence or a row. usage: scripts/diag/dates.py EVAL_TXT SETDIR"""
import sys, re, os, collections

text = open(sys.argv[1]).read(); setdir = sys.argv[2]
m = re.search(r"\ndates that differ \(gold / found\): \d+\n((?:  .*\n)*)", text)
rows = [l.strip() for l in m.group(1).splitlines()] if m else []


def bounds(d):
    """(first month, last month) as year*12+month of a date, month, year or range."""
    parts = d.split("/")
    def one(p, last):
        y, *rest = p.split("-")
        mo = int(rest[0]) if rest else (12 if last else 1)
        return int(y) * 12 + mo - 1
    return one(parts[0], False), one(parts[-1], True)


def article_month(art):
    with open(os.path.join(setdir, art), encoding="utf-8", errors="replace") as f:
        first = f.readline()
    mm = re.match(r"\s*date (\d{4}-\d{2})", first)
    return bounds(mm.group(1))[0] if mm else bounds("2024-06")[0]


c = collections.Counter()
for r in rows:
    head, found = r.rsplit(" / ", 1)
    gold = head.split(" ")[0]
    art = head.rsplit("  ", 1)[1].split("#")[0]
    lang = art[:2]
    g0, g1 = bounds(gold); f0, f1 = bounds(found)
    art_m = article_month(art)
    if "/" in found and "/" not in gold: kind = "found a range, gold a point"
    elif "/" in gold and "/" not in found: kind = "gold a range, found a point"
    elif f1 == art_m and g1 < art_m: kind = "found the article's month, gold earlier"
    elif (f0 - g0) % 12 == 0 and f0 != g0: kind = "right month, wrong year"
    elif f0 > g1: kind = "found later than gold (not the article month)"
    elif f1 < g0: kind = "found earlier than gold"
    else: kind = "overlapping"
    c[(lang, kind)] += 1
for k, v in sorted(c.items()): print(f"  {k[0]} {k[1]}: {v}")
