#!/usr/bin/env bash
# Scores the extractor on every evaluation set (issue 10): the seed articles against the re-read
# gold (tests/gold/, needs ../shared/seeds), and the development set's two parts
# (tests/devset/dev and the held-out parts tests/devset/heldout and tests/devset/heldout2, run
# with --date 2024-06 as tests/devset/README.md says), and both held-out parts together. Prints each set's summary (precision, recall, F1, month and modality accuracy) and its
# table per class (event, modality, date form, language). Usage: scripts/eval_sets.sh [--classes]
# Needs a release build (cargo build --release).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN="$ROOT/target/release/controlmap"
[ -x "$BIN" ] || { echo "build first: cargo build --release" >&2; exit 2; }
CLASSES=${1:-}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# score NAME GOLD PRED [ARGS...]: prints the summary lines (and the class table with --classes).
score() {
    local name=$1 gold=$2 pred=$3
    shift 3
    echo "== $name"
    "$BIN" eval --gold "$gold" --pred "$pred" "$@" 2>/dev/null >"$TMP/eval.txt" || true
    sed -n '1,3p' "$TMP/eval.txt"
    if [ "$CLASSES" = "--classes" ]; then
        sed -n '/^per class/,/^$/p' "$TMP/eval.txt"
    fi
}

SEEDS="$ROOT/../shared/seeds"
if [ -d "$SEEDS" ]; then
    "$BIN" extract "$SEEDS" --date 2017-10 --out "$TMP/seeds.csv" 2>/dev/null
    score "seeds (tests/gold, 5 articles)" "$ROOT/tests/gold" "$TMP/seeds.csv"
else
    echo "== seeds: SKIPPED, $SEEDS is missing (it sits beside the repository, not in it)"
fi
FACTIONS="$ROOT/tests/devset/factions.toml"
for part in dev heldout heldout2; do
    "$BIN" extract "$ROOT/tests/devset/$part" --date 2024-06 --factions "$FACTIONS" --out "$TMP/$part.csv" 2>/dev/null
    score "devset $part" "$ROOT/tests/devset/$part/gold" "$TMP/$part.csv" --factions "$FACTIONS"
done
# Both held-out parts as one set (the figure the goal is read on).
mkdir -p "$TMP/held/gold"
cp "$ROOT"/tests/devset/heldout/gold/*.csv "$ROOT"/tests/devset/heldout2/gold/*.csv "$TMP/held/gold/"
cat "$TMP/heldout.csv" > "$TMP/held.csv"
tail -n +2 "$TMP/heldout2.csv" >> "$TMP/held.csv"
score "devset heldout + heldout2" "$TMP/held/gold" "$TMP/held.csv" --factions "$FACTIONS"
