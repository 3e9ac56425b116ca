#!/usr/bin/env python3
"""Counts-only: for misses paired with a false alarm on the same sentence and place, how the found
row relates to the gold row (holder = gold other? event pair). Prints no place or sentence.
usage: scripts/diag/pairs.py EVAL_TXT GOLDDIR"""
import sys, csv, glob, os, collections
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import report
gold = {}
for f in glob.glob(os.path.join(sys.argv[2], "*.csv")):
    for r in csv.DictReader(open(f)):
        gold.setdefault((r["source"], r["holder"], r["event"]), r)
miss, fa = report.read(sys.argv[1])
c = collections.Counter()
for m in miss:
    g = gold.get((m["src"], m["holder"], m["event"]))
    other = g["other"] if g else ""
    for f in fa:
        if f["src"] == m["src"] and f["place"] == m["place"]:
            rel = "holder=gold holder" if f["holder"] == m["holder"] else ("holder=gold other" if f["holder"] == other and other else "holder=third side")
            c[(m["src"][:2], m["event"], f["event"], rel)] += 1
for k, v in sorted(c.items()): print(f"  {k[0]} gold {k[1]:10} found {k[2]:10} {k[3]}: {v}")
