#!/usr/bin/env python3
"""Count table of the development set (tests/devset): sentences and gold rows per class and part.

Usage: scripts/devset_counts.py [BIN]   (BIN: a controlmap binary, default target/release/controlmap)

Sentences are numbered by `controlmap sentences`, as the gold's `source` column cites them.
A sentence belongs to a class when one of the class's cue patterns (below, written by hand
from the set's own wording) matches it; the table gives the sentences of each class and the
gold rows they carry. Gold rows are also counted by event, modality and date form.
Reads the articles and gold only; never runs `extract` or `eval`.
"""
import csv
import glob
import os
import re
import subprocess
import sys
from collections import Counter

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
DEVSET = os.path.join(ROOT, "tests", "devset")
BIN = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target", "release", "controlmap")

# class -> cue patterns (regular expressions, case-insensitive)
CLASSES = {
    "NL verb: veroveren/innemen/heroveren": [r"\bverover", r"\bingenomen\b", r"\bnam(en)?\b.*\bin\b", r"\bherover", r"\bin handen gekregen"],
    "NL verb: verjagen/verdrijven/overmeesteren": [r"\bverjo?e?g", r"\bverdr[ei]", r"\bovermeester"],
    "NL verb: verlaten/terugtrekken uit": [r"\bverl[ai]et", r"\bverlaten\b", r"\bterug(ge)?tr[oe]k", r"\btrok(ken)? zich\b.*\bterug", r"\bontvluchtten\b"],
    "NL verb: belegeren/omsingelen/doorbreken": [r"\bbeleg", r"\bomsingel", r"\bblokkade\b", r"\bdoorbr"],
    "NL verb: in handen (vallen/hebben)": [r"\bin (\w+ )?handen\b", r"\bin hun greep\b"],
    "NL verb: verschansen/voet aan de grond/gevochten om": [r"\bverschans", r"\bvoet aan de grond\b", r"\bgevochten\b", r"\bvochten\b"],
    "EN verb: captured/seized/took/retook/recaptured": [r"\bcaptured\b", r"\bseized\b", r"\btaken\b", r"\btook\b", r"\bretook\b", r"\bretaken\b", r"\brecaptured\b", r"\boverran\b"],
    "EN verb: forced out/pulled out/withdrew/ousted/driven out": [r"\bforc\w* .* out of\b", r"\bpulled out\b", r"\bwithdr[ae]w", r"\bousted\b", r"\bdriven out\b"],
    "EN verb: encircled/besieged/breached/fighting for": [r"\bencircled\b", r"\bbesieg", r"\bunder siege\b", r"\bbreached\b", r"\bfighting for\b"],
    "EN verb: holds/controls/fell to": [r"\bhold", r"\bheld\b", r"\bcontrol", r"\bfell to\b", r"\bfall to\b", r"\bin the hands of\b"],
    "actor phrase (head noun + modifiers)": [r"Turkse militairen", r"Vrije Syrische Leger", r"US-backed", r"door de VS gesteunde", r"Koerdisch-Arabische alliantie", r"Russische troepen", r"Oekraïense strijdkrachten", r"paramilitaire RSF", r"Soedanese leger", r"Turkish-backed", r"Kurdish-led", r"Karabakh Armenian forces", r"Verzetsstrijders", r"Ethnic rebels"],
    "site in or near a town": [r"vliegveld", r"luchtmachtbasis", r"stuwdam", r"legerbasis", r"\bbasis\b", r"stadion", r"ziekenhuis", r"olievelden", r"paleis", r"gouverneursgebouw", r"politiebureau", r"grensovergang", r"\bkamp\b", r"\bbrug\b", r"Azovstal", r"airport", r"army base", r"army post", r"main base", r"command in", r"broadcasting building", r"parlementsgebouw", r"de haven"],
    "extent (partial)": [r"procent", r"\bdelen van\b", r"\bdeel van\b", r"grotendeels", r"\bmost of\b", r"\bup to\b", r"\bparts of\b", r"\blargely\b", r"\bcity centre\b", r"\bpockets\b", r"\boutskirts\b", r"canal district", r"noordelijke helft"],
    "aim, plan, vow or hypothetical": [r"\bwil(len)?\b", r"\bbelooft\b", r"van plan", r"zal (heroveren|terugnemen)", r"\bzal heroveren\b", r"te zullen", r"\bals rusland\b", r"\bplans?\b", r"\bvowed\b", r"\bpromised\b", r"\bexpect\b", r"\bpreparing an offensive\b", r"\bnext target\b", r"kan binnenvallen", r"\bdemanded\b", r"\bmoet zich\b"],
    "noun-phrase possession": [r"IS-bolwerk", r"\bbolwerk van\b", r"-held\b", r"\bin handen was\b", r"\bhad held\b", r"\bhas held\b", r"\bheld by\b", r"\bstill held\b", r"Koerdische enclave", r"\bwhich the army holds\b", r"\bnog in handen is\b", r"sinds \d{4}", r"sinds de jaren", r"\bsince \d{4}", r"\bsince december\b"],
    "reference (de stad, the town, beide plaatsen, ...)": [r"\bde stad\b", r"\bhet bolwerk\b", r"\bbeide plaatsen\b", r"\bgelijknamige\b", r"\bthe town\b", r"\bthe city\b", r"\bde oude koningsstad\b", r"\bhet stadje\b", r"\bits\b", r"\bzij\b", r"; "],
    "Dutch exonym": [r"Bachmoet", r"Cherson", r"Marioepol", r"Charkov", r"Sjoesja", r"\bKiev\b", r"Chartoem", r"Chankendi", r"Koepjansk", r"Izjoem", r"Balaklija", r"Sjevjerodonetsk", r"Otsjeretyne", r"Tsjasiv Jar", r"Timboektoe", r"Sinja\b", r"Darfoer", r"Jerevan", r"Bakoe"],
    "word that is also a place name (Hoop, Wit, Born, Mobile, Reading, Hope)": [r"^Hoop\b", r"^Wit\b", r"^Born\b", r"^Mobile\b", r"^Reading\b", r"^Hope\b"],
    "modality cue: claimed (zegt, meldt, said, ...)": [r"\bzeg(t|gen)\b", r"\bzei\b", r"\bmeld(t|en)\b", r"\bvolgens\b", r"\blaat .* weten\b", r"\blaten weten\b", r"bevestigde", r"verklaarde", r"\bsaid\b", r"\bsays?\b", r"\bannounced\b", r"\bdeclared\b", r"\backnowledged\b", r"\bclaimed\b"],
    "modality cue: hedged (zou, reportedly)": [r"\bzou(den)?\b", r"\breportedly\b"],
}
FLAGS = {"Dutch exonym": 0, "word that is also a place name (Hoop, Wit, Born, Mobile, Reading, Hope)": 0}


def sentences(path):
    """(number, text) of each sentence, as `controlmap sentences` numbers them."""
    out = subprocess.run([BIN, "sentences", path], capture_output=True, text=True, check=True).stdout
    result = []
    for line in out.splitlines()[1:]:
        parts = line.strip().split(None, 1)
        if len(parts) == 2 and parts[0].isdigit():
            result.append((int(parts[0]), parts[1]))
    return result


def date_form(date):
    if "/" in date:
        return "range"
    return {4: "year", 7: "month", 10: "day"}.get(len(date), "other")


def matches(cls, text):
    flags = FLAGS.get(cls, re.IGNORECASE)
    return any(re.search(p, text, flags) for p in CLASSES[cls])


def count_part(part):
    stats = Counter()
    cls_sent, cls_rows = Counter(), Counter()
    for txt in sorted(glob.glob(os.path.join(DEVSET, part, "*.txt"))):
        stem = os.path.basename(txt)[:-4]
        lang = stem.split("_")[0]
        undated = not open(txt, encoding="utf-8").readline().startswith(" date ")
        with open(os.path.join(DEVSET, part, "gold", stem + ".csv"), encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        per_sentence = Counter(int(r["source"].rsplit("#", 1)[1]) for r in rows)
        stats["articles"] += 1
        stats["articles " + lang] += 1
        stats["undated articles"] += undated
        for number, text in sentences(txt):
            stats["sentences"] += 1
            stats["sentences " + lang] += 1
            n = per_sentence.get(number, 0)
            stats["sentences with no gold row"] += n == 0
            for cls in CLASSES:
                if matches(cls, text):
                    cls_sent[cls] += 1
                    cls_rows[cls] += n
        for r in rows:
            stats["gold rows"] += 1
            stats["gold rows " + lang] += 1
            stats["event: " + r["event"]] += 1
            stats["modality: " + (r["modality"] or "fact")] += 1
            stats["date form: " + date_form(r["date"])] += 1
            stats["rows in undated articles"] += undated
            stats["other side given"] += bool(r["other"])
    return stats, cls_sent, cls_rows


def main():
    parts = ["dev", "heldout"]
    results = {p: count_part(p) for p in parts}
    keys = []
    for p in parts:
        for k in results[p][0]:
            if k not in keys:
                keys.append(k)
    order = ["articles", "articles nl", "articles en", "undated articles", "sentences", "sentences nl",
             "sentences en", "sentences with no gold row", "gold rows", "gold rows nl", "gold rows en",
             "rows in undated articles", "other side given"]
    keys = order + sorted(k for k in keys if k not in order)
    print("| count | dev | heldout |")
    print("|---|---:|---:|")
    for k in keys:
        print(f"| {k} | {results['dev'][0].get(k, 0)} | {results['heldout'][0].get(k, 0)} |")
    print()
    print("| sentence class (cue patterns in scripts/devset_counts.py) | dev sentences | dev gold rows | heldout sentences | heldout gold rows |")
    print("|---|---:|---:|---:|---:|")
    for cls in CLASSES:
        d, h = results["dev"], results["heldout"]
        print(f"| {cls} | {d[1][cls]} | {d[2][cls]} | {h[1][cls]} | {h[2][cls]} |")


if __name__ == "__main__":
    main()
