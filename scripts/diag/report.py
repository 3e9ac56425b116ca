"""Reads the misses and false alarms of a `controlmap eval` report as rows (shared by the
counts-only diagnostics here; nothing in this module prints)."""
import re

MISSES = "misses (in gold, not found)"
FALSE_ALARMS = "false alarms (found, not in gold)"


def section(text, title):
    """The lines listed under one titled section of the report."""
    m = re.search(r"\n" + re.escape(title) + r": \d+\n((?:  .*\n)*)", text)
    return [line.strip() for line in m.group(1).splitlines()] if m else []


def parse(line):
    """One listed row, `DATE PLACE HOLDER EVENT [MODALITY]  ARTICLE#SENTENCE`, as a dict."""
    head, source = line.rsplit("  ", 1)
    parts = head.split(" ")
    if parts[-1].startswith("["):
        parts = parts[:-1]
    art, sent = source.split("#") if "#" in source else (source, "")
    art = art.split("/")[-1]
    return dict(date=parts[0], place=" ".join(parts[1:-2]), holder=parts[-2], event=parts[-1],
                art=art, sent=sent, src=f"{art}#{sent}", lang=art[:2])


def read(path):
    """(misses, false alarms) of the eval report at `path`."""
    text = open(path).read()
    return [parse(l) for l in section(text, MISSES)], [parse(l) for l in section(text, FALSE_ALARMS)]
