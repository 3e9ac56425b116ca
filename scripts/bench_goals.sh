#!/usr/bin/env bash
# The benchmark command of issue 11: measures every goal of the issue, whole-process, on inputs
# made by scripts/gen_ledger.py, and prints one Markdown table row per goal with the range over
# RUNS runs, the peak memory, the goal and whether it is met (judged on the median run, so one
# run slowed by another process does not decide it; the range shows the spread).
#
#   scripts/bench_goals.sh [RUNS] [WORKDIR]      (RUNS defaults to 5)
#
# Needs: bash, python3, GNU time (/usr/bin/time), awk, a release build (cargo build --release).
# The generated inputs (about 90 MB) are kept in WORKDIR (default $TMPDIR/controlmap-bench) and
# reused; they are deterministic, so a rerun measures the same bytes. GRID_RUNS (default RUNS)
# sets the runs of the slow 20,000-place render alone; PARTS (default "ledger,grid,render,extract")
# picks groups of rows. scripts/readme_table.sh runs this and puts the table into the README.
set -euo pipefail
RUNS=${1:-5}
WORK=${2:-${TMPDIR:-/tmp}/controlmap-bench}
GRID_RUNS=${GRID_RUNS:-$RUNS}
PARTS=${PARTS:-ledger,grid,render,extract}
wants() { case ",$PARTS," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN="$ROOT/target/release/controlmap"
[ -x "$BIN" ] || { echo "build first: cargo build --release" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "GNU time (/usr/bin/time) is needed" >&2; exit 2; }
mkdir -p "$WORK"
for kind in million one-place grid series; do
    [ -f "$WORK/$kind/claims.csv" ] || python3 "$ROOT/scripts/gen_ledger.py" "$kind" --out "$WORK/$kind" >&2
done
# Half of the million (the first 500,000 claims): how memory grows with the ledger's size.
HALF="$WORK/half/claims.csv"
[ -f "$HALF" ] || { mkdir -p "$WORK/half"; head -n 500001 "$WORK/million/claims.csv" >"$HALF"; }
# A stretch where nothing changes: Raqqa taken in 2015-01, its hold confirmed every month (so the
# evidence never ages, which would change the markers' look), taken by another side in 2015-12:
# 12 months, 3 looks (the first month, the still stretch, the change).
STILL="$WORK/still/claims.csv"
mkdir -p "$WORK/still"
{
    echo "date,place,holder,event,other,modality,source,note"
    echo "2015-01-10,Raqqa,is,captured,syrian-opposition,,still.txt#1,"
    for m in 02 03 04 05 06 07 08 09 10 11; do echo "2015-$m-10,Raqqa,is,holds,,,still.txt#1,"; done
    echo "2015-12-20,Raqqa,sdf,captured,is,,still.txt#2,"
} >"$STILL"
SCRATCH="$WORK/scratch"

# run_timed COMMAND...: runs it RUNS times (or $TIMES), appending "seconds kilobytes" lines to
# $WORK/runs.txt; standard output goes to $WORK/last.out. A failing command (other than check's
# verdicts, exits 1 and 3) stops the benchmark.
run_timed() {
    : >"$WORK/runs.txt"
    local i=0 n=${TIMES:-$RUNS} status
    while [ "$i" -lt "$n" ]; do
        rm -rf "$SCRATCH"
        status=0
        /usr/bin/time -f "%e %M %U %S" -o "$WORK/time.txt" "$@" >"$WORK/last.out" 2>"$WORK/last.err" || status=$?
        if [ "$status" -ne 0 ] && [ "$status" -ne 1 ] && [ "$status" -ne 3 ]; then
            echo "failed (exit $status): $*" >&2
            cat "$WORK/last.err" >&2
            exit 1
        fi
        tail -n1 "$WORK/time.txt" >>"$WORK/runs.txt"
        i=$((i + 1))
    done
}

# Summaries of runs.txt: the range "a–b s" (and of the CPU time, user + system, which another
# process's load does not inflate), the median seconds, the peak MB (MiB, as GNU time).
range() {
    local wall cpu
    wall=$(cut -d' ' -f1 "$WORK/runs.txt" | sort -n | awk 'NR==1{lo=$1} {hi=$1} END{printf "%.2f–%.2f s", lo, hi}')
    cpu=$(awk '{print $3 + $4}' "$WORK/runs.txt" | sort -n | awk 'NR==1{lo=$1} {hi=$1} END{printf "%.2f–%.2f s", lo, hi}')
    echo "$wall (CPU $cpu)"
}
median() { cut -d' ' -f1 "$WORK/runs.txt" | sort -n | awk '{v[NR]=$1} END{print v[int((NR+1)/2)]}'; }
peak_mb() { awk '$2>m{m=$2} END{printf "%d", m/1024}' "$WORK/runs.txt"; }
# verdict OK...: "met" when every condition (an awk expression) holds, else "**not met**".
verdict() {
    local all=1 cond
    for cond in "$@"; do
        awk "BEGIN{exit !($cond)}" || all=0
    done
    [ "$all" = 1 ] && echo "met" || echo "**not met**"
}
row() { echo "| $1 | $2 | $3 | $4 |"; }

M="$WORK/million/claims.csv"
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sm); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| what | measured ($RUNS runs: wall range (CPU range), peak memory) | goal | |"
echo "|---|---|---|---|"

if wants ledger; then
run_timed "$BIN" --ledger "$M" at 2017-10
row "\`at 2017-10\`, 1,000,000 claims / 900 places (70 MB)" "$(range), $(peak_mb) MB" "≤ 1.5 s, ≤ 400 MB" \
    "$(verdict "$(median) <= 1.5" "$(peak_mb) <= 400")"
PEAK_FULL=$(peak_mb)

run_timed "$BIN" --ledger "$M" check raqqa --holder is --on 2017-10-20
row "\`check raqqa --holder is --on 2017-10-20\`, the same ledger" "$(range), $(peak_mb) MB" "≤ 1.5 s, ≤ 400 MB" \
    "$(verdict "$(median) <= 1.5" "$(peak_mb) <= 400")"

run_timed "$BIN" lint "$M"
warnings=$(grep -o '^[0-9,]* warning' "$WORK/last.out" | head -n1 | tr -d ',' | cut -d' ' -f1 || true)
row "\`lint\`, the same ledger (${warnings:-?} warnings, summarised by kind)" "$(range), $(peak_mb) MB" "≤ 3 s" \
    "$(verdict "$(median) <= 3")"

run_timed "$BIN" --ledger "$WORK/one-place/claims.csv" at 2017-10
row "\`at 2017-10\`, 40,000 claims about one place" "$(range), $(peak_mb) MB" "≤ 1 s" "$(verdict "$(median) <= 1")"

# Memory against size: the peak above the seeds' (start-up), per 100,000 claims, at 0.5 and 1 million.
TIMES=1 run_timed "$BIN" at 2017-10
BASE=$(peak_mb)
run_timed "$BIN" --ledger "$HALF" at 2017-10
PEAK_HALF=$(peak_mb)
per_half=$(awk "BEGIN{printf \"%.1f\", ($PEAK_HALF - $BASE) / 5}")
per_full=$(awk "BEGIN{printf \"%.1f\", ($PEAK_FULL - $BASE) / 10}")
row "memory of \`at\` per 100,000 claims (peak over the seeds' $BASE MB), 500,000 → 1,000,000 claims" \
    "$per_half → $per_full MB" "grows with the size, never faster" "$(verdict "$per_full <= 1.1 * $per_half")"

fi

if wants grid; then
G="$WORK/grid"
TIMES=$GRID_RUNS run_timed "$BIN" --geodata "$G/geodata" --ledger "$G/claims.csv" render --out "$SCRATCH"
grid_range=$(range) grid_median=$(median) grid_peak=$(peak_mb)
row "\`render\`, 20,000 places × 120 months, PNG + SVG 1600×1200 and the viewer ($GRID_RUNS runs)" \
    "$grid_range, $grid_peak MB" "≤ 60 s, ≤ 1.5 GB" "$(verdict "$grid_median <= 60" "$grid_peak <= 1536")"
# The viewer: every file the render wrote that is not a frame (the page and any data beside it).
viewer=$(find "$SCRATCH" -type f ! -name '*.png' ! -name '*.svg' -printf '%s\n' | awk '{s+=$1} END{print s+0}')
full_copies=$((20000 * 120 * 4))
row "the viewer's page and data for those 20,000 places" "$(awk "BEGIN{printf \"%.1f\", $viewer / 1e6}") MB" \
    "compact: less than full copies (4 bytes a place a month = $((full_copies / 1000000)) MB)" \
    "$(verdict "$viewer < $full_copies")"
else
    row "\`render\`, 20,000 places × 120 months, PNG + SVG 1600×1200 and the viewer" \
        "not measured in this run (PARTS=$PARTS)" "≤ 60 s, ≤ 1.5 GB" "—"
    row "the viewer's page and data for those 20,000 places" "not measured in this run" \
        "compact: per-month changes, not full copies" "—"
fi

if wants render; then

run_timed "$BIN" --ledger "$WORK/series/claims.csv" render --out "$SCRATCH"
row "\`render\`, 600 places × 127 months, PNG + SVG and the viewer" "$(range), $(peak_mb) MB" "≤ 3 s" \
    "$(verdict "$(median) <= 3")"

run_timed "$BIN" render --out "$SCRATCH"
row "\`render\`, the seeds series (58 frames), PNG + SVG and the viewer" "$(range), $(peak_mb) MB" "≤ 0.6 s" \
    "$(verdict "$(median) <= 0.6")"

TIMES=1 run_timed "$BIN" --json --ledger "$STILL" animate --out "$SCRATCH/still.gif"
read -r months frames < <(python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["months"], d["frames"])' <"$WORK/last.out")
row "\`animate\` over 2015-01..2015-12, a hold confirmed monthly, one change in 2015-12" "$months months → $frames GIF frames" \
    "months that look the same merge into one frame" "$(verdict "$frames <= 3")"

run_timed "$BIN" bench --only render
row "\`bench --only render\` (the seeds bench), peak memory" "$(peak_mb) MB" "≤ 100 MB" \
    "$(verdict "$(peak_mb) <= 100")"

fi

if wants extract; then
# Two lines a run: the old template corpus and the news-like archive (issue 10's realistic text),
# each "= W MB/s (1 core, C MB per CPU second; ...)". The goal is per core: C, the MB per second
# of CPU time of the extracting thread, which a shared machine's load does not lower.
: >"$WORK/mbs.txt"
TIMES=$RUNS run_timed sh -c "\"$BIN\" bench --only extract --mb 40 | grep '^extract, ' >>\"$WORK/mbs.txt\""
# speeds KIND FIELD: "lo hi median" of the wall (FIELD=wall) or per-CPU-second (FIELD=cpu) figures.
speeds() {
    grep "^extract, $1" "$WORK/mbs.txt" |
        sed -n "s/.*= \([0-9.]*\) MB\/s (1 core, \([0-9.]*\) MB per CPU second.*/\1 \2/p" |
        awk -v f="$2" '{print (f == "wall" ? $1 : $2)}' | sort -n |
        awk 'NR==1{lo=$1} {hi=$1; v[NR]=$1} END{printf "%s %s %s", lo, hi, v[int((NR+1)/2)]}'
}
read -r wlo whi _ <<<"$(speeds news-like wall)"
read -r clo chi cmed <<<"$(speeds news-like cpu)"
row "\`extract\` on 40 MB of a news-like archive (\`bench --only extract\`)" \
    "$clo–$chi MB per CPU second ($wlo–$whi MB/s wall), one core" "≥ 30 MB/s per core" \
    "$(verdict "${cmed:-0} >= 30")"
read -r wlo whi _ <<<"$(speeds template wall)"
read -r clo chi _ <<<"$(speeds template cpu)"
row "\`extract\` on 40 MB of the template corpus (for comparison)" \
    "$clo–$chi MB per CPU second ($wlo–$whi MB/s wall), one core" "—" "—"
fi

echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
