#!/usr/bin/env python3
"""Counts-only: for each missed gold row of a set, which stage of the extractor failed in its
sentence (no place found / gold place not found / no actor / no cue / no frame / frame but no row).
Never prints a place, a sentence or a row. usage: scripts/diag/stages.py EVAL_TXT SETDIR FACTIONS"""
import sys, re, subprocess, collections, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import report
setdir = sys.argv[2]; factions = sys.argv[3]
miss, fa = report.read(sys.argv[1])
cache = {}
def debug(art):
    if art not in cache:
        p = subprocess.run(["target/release/controlmap", "extract", os.path.join(setdir, art), "--date", "2024-06",
                            "--factions", factions, "--out", "/dev/null"], capture_output=True, text=True,
                           env=dict(os.environ, CONTROLMAP_DEBUG_EXTRACT="1"))
        sents = {}; cur = None
        for l in p.stderr.splitlines():
            m = re.match(r"#(\d+) ", l)
            if m: cur = m.group(1); sents[cur] = []
            elif cur and l.startswith("  "): sents[cur].append(l.strip())
        cache[art] = sents
    return cache[art]
for lang in ("nl", "en"):
    c = collections.Counter()
    for m in miss:
        if not m["art"].startswith(lang): continue
        d = debug(m["art"]).get(m["sent"], [])
        places = [l for l in d if l.startswith("place ")]
        key = m["place"].lower().split(",")[0]
        has_gold_place = any(key[:5] in l.lower() for l in places)
        actors = [l for l in d if l.startswith("actor ")]
        cues = [l for l in d if l.startswith("cue ")]
        frames = [l for l in d if l.startswith("frame ")]
        same = any(f["art"] == m["art"] and f["sent"] == m["sent"] for f in fa)
        stage = ("no place found" if not places else "gold place not among places" if not has_gold_place
                 else "no cue" if not cues else "no frame" if not frames
                 else "a row, but wrong" if same else "frame, no row")
        c[(stage, "actor found" if actors else "no actor")] += 1
    print(f"== {lang} misses by failing stage")
    for k, v in sorted(c.items()): print(f"  {k[0]}, {k[1]}: {v}")
print("== features of Dutch/English sentences where a row was made but wrong (counts)")
for lang in ("nl", "en"):
    feats = collections.Counter()
    for m in miss:
        if not m["art"].startswith(lang): continue
        if not any(f["art"] == m["art"] and f["sent"] == m["sent"] for f in fa): continue
        d = debug(m["art"]).get(m["sent"], [])
        toks = d[0].split() if d else []
        nclauses = len({t.rsplit("/", 1)[1] for t in toks if "/" in t})
        feats[f"clauses={min(nclauses,3)}"] += 1
        feats[f"actors={min(len([l for l in d if l.startswith('actor ')]),3)}"] += 1
        feats[f"places={min(len([l for l in d if l.startswith('place ')]),3)}"] += 1
        for l in d:
            if l.startswith("cue "):
                mm = re.search(r"' (\w+) (\w+)$", l)
                if mm: feats[f"cue {mm.group(1)}/{mm.group(2)}"] += 1
            if l.startswith("frame "):
                mm = re.search(r"frame (\w+) .*passive=(\w+)", l)
                if mm: feats[f"frame {mm.group(1)} passive={mm.group(2)}"] += 1
        if any(l.startswith("date ") for l in d): feats["has date"] += 1
        if any("gov=0x0" not in l for l in d if l.startswith("actor ")): feats["an actor governed by a preposition"] += 1
        g = [f for f in fa if f["art"] == m["art"] and f["sent"] == m["sent"]]
        feats[f"found holder is gold holder: {any(f['holder']==m['holder'] for f in g)}"] += 1
    print(f"-- {lang}")
    for k, v in sorted(feats.items()): print(f"  {k}: {v}")
print("== why frames in missed sentences gave no row (drop reasons, counts)")
for lang in ("nl", "en"):
    reasons = collections.Counter()
    for m in miss:
        if not m["art"].startswith(lang): continue
        for l in debug(m["art"]).get(m["sent"], []):
            if l.startswith("drop frame"):
                reasons[re.sub(r"^drop frame cue=\d+( Mention\(\d+\))?: ", "", l)] += 1
            if l.startswith("place ") and "refers back" in l:
                reasons["(a place phrase that refers back)"] += 1
            if l.startswith("actor Pronoun"):
                reasons["(a pronoun actor)"] += 1
    print(f"-- {lang}")
    for k, v in sorted(reasons.items()): print(f"  {k}: {v}")
