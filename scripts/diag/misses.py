#!/usr/bin/env python3
"""Counts-only diagnostic of an eval report: never prints a place, sentence or row.
usage: scripts/diag/misses.py EVAL_TXT"""
import sys, os, collections
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import report
miss, fa = report.read(sys.argv[1])
for lang in ("nl", "en"):
    M = [m for m in miss if m["lang"] == lang]; F = [f for f in fa if f["lang"] == lang]
    kinds = collections.Counter(); conf = collections.Counter()
    for m in M:
        same_sp = [f for f in F if f["art"] == m["art"] and f["sent"] == m["sent"] and f["place"] == m["place"]]
        same_s = [f for f in F if f["art"] == m["art"] and f["sent"] == m["sent"]]
        if same_sp:
            f = same_sp[0]
            if f["event"] != m["event"] and f["holder"] == m["holder"]: kinds["right place, wrong event"] += 1
            elif f["event"] == m["event"]: kinds["right place, wrong holder"] += 1
            else: kinds["right place, wrong event and holder"] += 1
            conf[(m["event"], f["event"])] += 1
        elif same_s: kinds["other place in sentence"] += 1
        else: kinds["unseen sentence"] += 1
    fak = collections.Counter()
    for f in F:
        if any(m["art"] == f["art"] and m["sent"] == f["sent"] for m in M): fak["paired with a miss"] += 1
        else: fak[f"extra, event {f['event']}"] += 1
    print(f"== {lang}: {len(M)} misses, {len(F)} false alarms")
    for k, v in kinds.most_common(): print(f"  miss: {k}: {v}")
    for (g, p), v in conf.most_common(): print(f"  gold {g} -> found {p}: {v}")
    for k, v in fak.most_common(): print(f"  false alarm: {k}: {v}")
    miss_ev = collections.Counter(m["event"] for m in M if not any(f["art"] == m["art"] and f["sent"] == m["sent"] for f in F))
    print("  unseen misses by gold event:", dict(miss_ev))
