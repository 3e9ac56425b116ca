#!/usr/bin/env bash
# Runs every fuzz target one after the other, SECONDS each (default 600), at low priority, and
# prints how many inputs each one executed. Crashes land in fuzz/artifacts/TARGET/.
set -uo pipefail
cd "$(dirname "$0")"
seconds=${1:-600}
[ -d corpus ] || ./seed-corpora.sh
mkdir -p logs
for target in ledger geojson places article dates names; do
  nice -n 10 cargo +nightly fuzz run -O "$target" "corpus/$target" -- \
    -max_total_time="$seconds" -rss_limit_mb=4096 -timeout=10 -print_final_stats=1 > "logs/$target.log" 2>&1
  status=$?
  runs=$(grep -E '^stat::number_of_executed_units' "logs/$target.log" | awk '{print $2}')
  echo "$target: exit $status, ${runs:-?} executions in ${seconds}s"
done
