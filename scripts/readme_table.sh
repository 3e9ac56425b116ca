#!/usr/bin/env bash
# Regenerates the README's table of issue 11's goals: runs scripts/bench_goals.sh RUNS times
# over each goal (at least 5) and puts its output between the marker comments
# `<!-- bench-goals:begin -->` and `<!-- bench-goals:end -->` in README.md (the rest of the file
# is kept byte for byte; the new README is written to a temporary file and renamed over the old).
#
#   scripts/readme_table.sh [RUNS] [WORKDIR]     (RUNS defaults to 5; fewer than 5 is refused)
#
# Run it on a quiet machine after `cargo build --release`; it takes about 15 minutes with 5 runs
# (the 20,000-place render is most of it).
set -euo pipefail
RUNS=${1:-5}
WORK=${2:-${TMPDIR:-/tmp}/controlmap-bench}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
README="$ROOT/README.md"
BEGIN='<!-- bench-goals:begin -->'
END='<!-- bench-goals:end -->'
[ "$RUNS" -ge 5 ] || { echo "the README's figures are ranges over at least 5 runs" >&2; exit 2; }
grep -qF "$BEGIN" "$README" && grep -qF "$END" "$README" || {
    echo "README.md lacks the markers $BEGIN and $END" >&2
    exit 2
}
TABLE=$(mktemp)
NEW=$(mktemp "$README.XXXXXX")
trap 'rm -f "$TABLE" "$NEW"' EXIT
"$ROOT/scripts/bench_goals.sh" "$RUNS" "$WORK" >"$TABLE"
{
    echo "Measured $(date -u +%Y-%m-%d) with \`scripts/readme_table.sh $RUNS\` (commit $(git -C "$ROOT" rev-parse --short HEAD))."
    echo
    cat "$TABLE"
} >"$TABLE.body"
mv "$TABLE.body" "$TABLE"
awk -v begin="$BEGIN" -v end="$END" -v table="$TABLE" '
    $0 == begin { print; while ((getline line < table) > 0) print line; skipping = 1; next }
    $0 == end { skipping = 0 }
    !skipping { print }
' "$README" >"$NEW"
chmod --reference="$README" "$NEW"
mv "$NEW" "$README"
cat "$TABLE"
