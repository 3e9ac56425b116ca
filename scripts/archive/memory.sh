#!/bin/sh
# Peak memory (GNU time, max RSS) and wall time of one `controlmap extract` process over
# generated archives of growing size: memory should stay flat, as the archive is streamed one
# line (one article) at a time. Usage: scripts/archive/memory.sh [MB...]   (default 10 100)
# The archives go to $WORK (default $TMPDIR/controlmap-archive), never into the repository.
set -eu
for arg in "$@"; do
    case $arg in
        *[!0-9]* | '') echo "memory.sh: '$arg' is not a size in MB (usage: memory.sh [MB...])" >&2; exit 2 ;;
    esac
done
WORK=${WORK:-${TMPDIR:-/tmp}/controlmap-archive}
. "$(dirname "$0")/common.sh"
mkdir -p "$WORK"
machine
for mb in ${@:-10 100}; do
    A="$WORK/archive-$mb.jsonl"
    archive "$mb" 1 "$A"
    /usr/bin/time -f "%e %U %M" -o "$WORK/time.txt" "$BIN" extract "$A" --format jsonl > /dev/null 2> "$WORK/memory.err"
    read -r secs cpu kb < "$WORK/time.txt"
    size=$(wc -c < "$A" | awk '{ printf "%.1f", $1 / 1048576 }')
    rates=$(awk -v s="$secs" -v c="$cpu" -v m="$size" 'BEGIN { printf "%.1f MB/s wall, %.1f MB per CPU second", m / s, m / c }')
    echo "archive of $size MB ($(wc -l < "$A") articles): $secs s wall, $cpu s CPU, peak memory $((kb / 1024)) MB; $rates; $(tail -n1 "$WORK/memory.err")"
done
