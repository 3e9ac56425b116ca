#!/bin/sh
# Measures the large-ledger goals of issue 11 (whole-process wall time and peak memory, the
# range over RUNS runs) on inputs made by scripts/gen_ledger.py, and prints them as the README's
# Markdown table rows with the machine. Usage: scripts/bench_large.sh [RUNS] [WORKDIR]
# Needs: python3, GNU time (/usr/bin/time), a release build (cargo build --release).
set -eu
RUNS=${1:-5}
WORK=${2:-${TMPDIR:-/tmp}/controlmap-bench-large}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN="$ROOT/target/release/controlmap"
[ -x "$BIN" ] || { echo "build first: cargo build --release" >&2; exit 2; }
for kind in million one-place grid series; do
    [ -f "$WORK/$kind/claims.csv" ] || python3 "$ROOT/scripts/gen_ledger.py" "$kind" --out "$WORK/$kind"
done

# measure LABEL GOAL COMMAND...: RUNS runs; prints "| LABEL | min–max s, max MB | GOAL |".
measure() {
    label=$1; goal=$2; shift 2
    times=""; peak=0
    i=0
    while [ "$i" -lt "$RUNS" ]; do
        /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$@" >/dev/null 2>&1 || true
        # The last line: GNU time puts "Command exited with non-zero status N" first (check's exit 3).
        secs=$(tail -n1 "$WORK/time.txt" | cut -d' ' -f1)
        kb=$(tail -n1 "$WORK/time.txt" | cut -d' ' -f2)
        times="$times $secs"
        [ "$kb" -gt "$peak" ] && peak=$kb
        i=$((i + 1))
    done
    range=$(printf '%s\n' $times | sort -n | awk 'NR==1{lo=$1} {hi=$1} END{printf "%.2f–%.2f s", lo, hi}')
    echo "| $label | $range, $((peak / 1024)) MB | $goal |"
}

M="$WORK/million/claims.csv"
O="$WORK/one-place/claims.csv"
G="$WORK/grid"
S="$WORK/series/claims.csv"
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores, $(uname -sm); $RUNS runs each; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| what | figure (range over $RUNS runs, peak memory) | goal |"
echo "|---|---|---|"
measure "\`at 2017-10\`, 1,000,000 claims / 900 places (70 MB)" "≤ 1.5 s, ≤ 400 MB" "$BIN" --ledger "$M" at 2017-10
measure "\`check raqqa --holder is --on 2017-10-20\`, the same ledger" "≤ 1.5 s, ≤ 400 MB" "$BIN" --ledger "$M" check raqqa --holder is --on 2017-10-20
measure "\`lint\`, the same ledger (warnings summarised by kind)" "≤ 3 s" "$BIN" lint "$M"
measure "\`at 2017-10\`, 40,000 claims about one place" "≤ 1 s" "$BIN" --ledger "$O" at 2017-10
# Rendering: every frame as PNG and SVG at 1600x1200 plus the viewer page (index.html).
measure "\`render\`, 20,000 places × 120 months, PNG+SVG 1600×1200 and the viewer" "≤ 60 s, ≤ 1.5 GB" \
    "$BIN" --geodata "$G/geodata" --ledger "$G/claims.csv" render --out "$WORK/grid-out"
measure "\`render\`, 600 places × 127 months, PNG+SVG 1600×1200 and the viewer" "≤ 3 s" \
    "$BIN" --ledger "$S" render --out "$WORK/series-out"
