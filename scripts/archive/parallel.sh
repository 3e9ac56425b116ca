#!/bin/sh
# Extracts a generated news-like archive (JSON Lines) sharded with GNU parallel: the archive is
# cut at line boundaries (--pipepart) and each shard piped to `controlmap extract -
# --input-format jsonl`; the merged output, sorted, must equal the sorted output of a single
# run byte for byte. Prints the timings with 1 and 2 jobs.
# Usage: scripts/archive/parallel.sh [MB] [WORKDIR]      (default 20 MB in $TMPDIR)
# Needs: GNU parallel (Debian: apt-get install -y parallel), a release build and the generator
# (cargo build --release && cargo build --release --example gen_archive).
set -eu
MB=${1:-20}
WORK=${2:-${TMPDIR:-/tmp}/controlmap-archive}
. "$(dirname "$0")/common.sh"
command -v parallel > /dev/null || { echo "GNU parallel is missing (apt-get install -y parallel)" >&2; exit 2; }
mkdir -p "$WORK"
A="$WORK/archive-$MB.jsonl"
archive "$MB" 1 "$A"
machine
echo "archive: $A, $(du -m "$A" | cut -f1) MB, $(wc -l < "$A") articles"
single "$A" "$WORK/single.jsonl"
LC_ALL=C sort "$WORK/single.jsonl" > "$WORK/single.sorted"
for jobs in 1 2; do
    out="$WORK/parallel-$jobs.jsonl"
    # --block -2: two shards per job slot, each cut at a line end; every shard is its own
    # process. GNU time counts the CPU of parallel and every shard (children it waited for).
    /usr/bin/time -f "%e %U %S" -o "$WORK/time.txt" parallel --pipepart -a "$A" --block -2 -j "$jobs" \
        "$BIN" extract - --input-format jsonl --format jsonl > "$out" 2> "$out.err"
    read -r seconds user system < "$WORK/time.txt"
    shards=$(grep -c '^extract: ' "$out.err")
    articles=$(sed -n 's/^extract: \([0-9]*\) article.*/\1/p' "$out.err" | awk '{ n += $1 } END { print n }')
    echo "GNU parallel, $jobs job(s): $seconds s wall, $(awk -v u="$user" -v s="$system" 'BEGIN { printf "%.2f", u + s }') s CPU, $shards shards, $articles articles, $(wc -l < "$out") claims"
    LC_ALL=C sort "$out" > "$out.sorted"
    same "$out.sorted" "$WORK/single.sorted" "GNU parallel, $jobs job(s)"
done
