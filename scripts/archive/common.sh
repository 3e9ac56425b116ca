# Shared by the archive scripts (sourced): paths, the archive and the single run to compare with.
# ROOT, BIN (controlmap) and GEN (the archive generator) come from the repository's release build.
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN="$ROOT/target/release/controlmap"
GEN="$ROOT/target/release/examples/gen_archive"
for exe in "$BIN" "$GEN"; do
    [ -x "$exe" ] || { echo "build first: cargo build --release && cargo build --release --example gen_archive" >&2; exit 2; }
done

# now: seconds since the epoch with fractions.
now() { date +%s.%N; }
# since START: seconds elapsed, two decimals.
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }

machine() {
    echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
}

# archive MB SEED FILE: the seeded news-like archive of about MB megabytes (made once).
archive() {
    [ -s "$3" ] || "$GEN" --mb "$1" --seed "$2" > "$3"
}

# single ARCHIVE OUT: one controlmap process over the whole archive (rows as JSON Lines).
single() {
    /usr/bin/time -f "%e %U %S %M" -o "$2.time" "$BIN" extract - --input-format jsonl --format jsonl < "$1" > "$2" 2> "$2.err"
    read -r seconds user system kb < "$2.time"
    cpu=$(awk -v u="$user" -v s="$system" 'BEGIN { printf "%.2f", u + s }')
    echo "single run (1 process, no engine): $seconds s wall, $cpu s CPU, peak memory $((kb / 1024)) MB, $(wc -l < "$2") claims; $(tail -n1 "$2.err")"
}

# same SORTED_A SORTED_B LABEL: byte-for-byte comparison of two sorted outputs, or exit 1.
same() {
    if cmp -s "$1" "$2"; then
        echo "$3: sorted output identical to the single run ($(wc -l < "$1") lines, sha256 $(sha256sum < "$1" | cut -c1-16))"
    else
        echo "$3: sorted output DIFFERS from the single run:" >&2
        diff "$1" "$2" | head -n 10 >&2
        exit 1
    fi
}
