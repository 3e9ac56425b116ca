#!/bin/sh
# Extracts a generated news-like archive (JSON Lines) under Apache Spark in local mode: a
# PySpark job (spark_extract.py) pipes each partition of the archive through `controlmap
# extract - --input-format jsonl` with RDD.pipe. The merged part files, sorted, must equal the
# sorted output of a single run byte for byte. Prints the timings with 1 and 2 cores.
# Usage: scripts/archive/spark.sh [MB] [WORKDIR]        (default 20 MB in $TMPDIR)
# Needs: Java 17 (Debian: apt-get install -y openjdk-17-jre-headless), python3 with venv; the
# first run makes a virtual environment with PySpark from PyPI in $SPARK_VENV (default
# $TMPDIR/controlmap-spark-venv). Not part of `cargo test`.
set -eu
MB=${1:-20}
WORK=${2:-${TMPDIR:-/tmp}/controlmap-archive}
VENV=${SPARK_VENV:-${TMPDIR:-/tmp}/controlmap-spark-venv}
. "$(dirname "$0")/common.sh"
command -v java > /dev/null || { echo "Java is missing (apt-get install -y openjdk-17-jre-headless)" >&2; exit 2; }
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import pyspark' 2> /dev/null; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet pyspark
fi
mkdir -p "$WORK"
A="$WORK/archive-$MB.jsonl"
archive "$MB" 1 "$A"
machine
echo "java: $(java -version 2>&1 | head -n1); pyspark $("$VENV/bin/python" -c 'import pyspark; print(pyspark.__version__)')"
echo "archive: $A, $(du -m "$A" | cut -f1) MB, $(wc -l < "$A") articles"
single "$A" "$WORK/single.jsonl"
LC_ALL=C sort "$WORK/single.jsonl" > "$WORK/single.sorted"
for cores in 1 2; do
    out="$WORK/spark-$cores"
    rm -rf "$out"
    started=$(now)
    # Four partitions per core: each is one controlmap process fed by RDD.pipe.
    "$VENV/bin/python" "$ROOT/scripts/archive/spark_extract.py" "$A" "$BIN" "$out" "$cores" $((cores * 4)) 2> "$out.log"
    echo "  whole run with JVM start-up: $(since "$started") s"
    cat "$out"/part-* | LC_ALL=C sort > "$out.sorted"
    same "$out.sorted" "$WORK/single.sorted" "Spark local[$cores]"
done
