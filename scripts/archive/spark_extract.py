"""Runs `controlmap extract` over a JSON Lines news archive under Apache Spark (local mode):
the archive is read as lines, each partition piped through the controlmap binary with
RDD.pipe, and the claim rows (JSON Lines) saved as text part files.

Usage: python spark_extract.py ARCHIVE CONTROLMAP OUT_DIR CORES PARTITIONS
Prints one line: the cores, partitions, claims and the seconds the job took (without start-up).
"""

import sys
import time

from pyspark import SparkConf, SparkContext


def main() -> None:
    archive, binary, out_dir, cores, partitions = sys.argv[1:6]
    conf = (
        SparkConf()
        .setMaster(f"local[{int(cores)}]")
        .setAppName("controlmap-extract")
        .set("spark.ui.enabled", "false")
    )
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        started = time.monotonic()
        lines = sc.textFile(archive, minPartitions=int(partitions))
        command = f"{binary} extract - --input-format jsonl --format jsonl"
        claims = lines.pipe(command, checkCode=True)
        claims.saveAsTextFile(out_dir)
        seconds = time.monotonic() - started
        count = sc.textFile(out_dir).count()
        print(
            f"Spark local[{cores}], {lines.getNumPartitions()} partitions: "
            f"{seconds:.2f} s for the job, {count} claims"
        )
    finally:
        sc.stop()


if __name__ == "__main__":
    main()
