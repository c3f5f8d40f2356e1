#!/usr/bin/env bash
# Times the demo-city generator against a raw PostgreSQL COPY of the same rows, in one run on one fresh embedded
# server, and writes bench/results/demo-city-<date>.md. Usage: bench/demo-city.sh [elders]   (default 2130000)
set -euo pipefail
cd "$(dirname "$0")/.."
ELDERS="${1:-2130000}"
# About 4 GB per million elders: the database, the identical copy tables and the exported COPY files.
NEED_GB=$(( 2 + ELDERS * 4 / 1000000 ))
mkdir -p target
FREE_GB=$(df -Pk target | awk 'NR==2 {print int($4/1024/1024)}')
echo "free disk: ${FREE_GB} GB, needed: about ${NEED_GB} GB"
if [ "${FREE_GB}" -lt "${NEED_GB}" ]; then
  echo "not enough free disk space for ${ELDERS} elders" >&2
  exit 1
fi
mkdir -p target
BENCH_ELDERS="${ELDERS}" ./mvnw -q -B test -Dtest=DemoCityBenchmark -Dsurefire.failIfNoSpecifiedTests=false
ls -1 bench/results/
