#!/usr/bin/env bash
# Runs every fuzz target one after the other, SECONDS each (default 600), at low priority, and
# prints how many inputs each one executed. A crash does not stop the run (fork mode): every
# crashing input is kept in fuzz/artifacts/TARGET/. Logs go to fuzz/logs/TARGET.log.
set -uo pipefail
cd "$(dirname "$0")"
seconds=${1:-600}
targets=${2:-"ledger geojson places article dates names"}
[ -d corpus ] || ./seed-corpora.sh
mkdir -p logs
for target in $targets; do
  mkdir -p "artifacts/$target"
  nice -n 10 cargo +nightly fuzz run -O "$target" "corpus/$target" -- \
    -max_total_time="$seconds" -rss_limit_mb=4096 -timeout=10 -fork=1 -ignore_crashes=1 \
    -ignore_timeouts=1 -ignore_ooms=1 > "logs/$target.log" 2>&1
  status=$?
  runs=$(grep -aoE '^#[0-9]+' "logs/$target.log" | tail -n 1 | tr -d '#')
  crashes=$(find "artifacts/$target" -type f | wc -l)
  echo "$target: exit $status, ${runs:-?} executions in ${seconds}s, $crashes crash/timeout input(s)"
done
