#!/usr/bin/env python3
"""Counts-only: for each missed gold row whose sentence yields no place or not the gold place,
why: the gold place's name is written in the sentence (then: it did not resolve, or resolved
elsewhere), the sentence refers back ("de stad", "the town"), or neither. Never prints a place,
a sentence or a row. usage: scripts/diag/places.py EVAL_TXT SETDIR FACTIONS"""
import sys, re, subprocess, collections, os, unicodedata
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import report
setdir = sys.argv[2]; factions = sys.argv[3]
BIN = "target/release/controlmap"
miss, _ = report.read(sys.argv[1])


def fold(s):
    s = unicodedata.normalize("NFKD", s.lower())
    return "".join(c for c in s if not unicodedata.combining(c))


cache = {}
def article(art):
    if art not in cache:
        path = os.path.join(setdir, art)
        p = subprocess.run([BIN, "extract", path, "--date", "2024-06", "--factions", factions, "--out", "/dev/null"],
                           capture_output=True, text=True, env=dict(os.environ, CONTROLMAP_DEBUG_EXTRACT="1"))
        dbg = {}; cur = None
        for l in p.stderr.splitlines():
            m = re.match(r"#(\d+) ", l)
            if m: cur = m.group(1); dbg[cur] = []
            elif cur and l.startswith("  "): dbg[cur].append(l.strip())
        s = subprocess.run([BIN, "sentences", path], capture_output=True, text=True).stdout
        sents = {}
        for l in s.splitlines():
            m = re.match(r"\s*#?(\d+)[:\s]\s*(.*)", l)
            if m: sents[m.group(1)] = m.group(2)
        cache[art] = (dbg, sents)
    return cache[art]


def names(place_id):
    """The gazetteer's name and aliases of a place id, folded."""
    out = subprocess.run([BIN, "places", place_id], capture_output=True, text=True).stdout
    found = set()
    slug = re.sub(r"-\d+$", "", place_id).replace("-", " ")
    found.add(slug)
    for m in re.finditer(r"→ ([^(]+) \(", out): found.add(fold(m.group(1).strip()))
    for m in re.finditer(r"^\s*aliases\s+(.*)$", out, re.M):
        for a in m.group(1).split(" … ")[0].split(", "): found.add(fold(a.strip()))
    return {n for n in found if len(n) >= 3}


for lang in ("nl", "en"):
    c = collections.Counter()
    for m in miss:
        if m["lang"] != lang: continue
        dbg, sents = article(m["art"])
        d = dbg.get(m["sent"], [])
        places = [l for l in d if l.startswith("place ")]
        key = m["place"].lower().split(",")[0]
        if any(key[:5] in l.lower() for l in places): continue
        text = fold(sents.get(m["sent"], ""))
        written = any(n in text for n in names(m["place"]))
        prefix = any(fold(n)[:5] in text for n in names(m["place"]))
        refers = any("refers back" in l for l in places)
        kind = ("gold name written in the sentence" if written else
                "a word starting like the gold name (inflected or compound?)" if prefix else
                "a reference phrase in the sentence" if refers else "gold place not written, no reference")
        c[(kind, "other places found" if places else "no place found")] += 1
    print(f"== {lang} misses whose gold place is not among the sentence's places")
    for k, v in sorted(c.items()): print(f"  {k[0]}; {k[1]}: {v}")
