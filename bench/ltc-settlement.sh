#!/usr/bin/env bash
# Times an LTC settlement run of a month against a raw PostgreSQL COPY of the same month's service-record lines, in
# one run on one fresh embedded server, and writes bench/results/ltc-settlement-<date>.md.
# Usage: bench/ltc-settlement.sh [beneficiaries]   (default 150000, about 3 million lines and 11 million item lines)
set -euo pipefail
cd "$(dirname "$0")/.."
BENEFICIARIES="${1:-150000}"
mkdir -p target
BENCH_BENEFICIARIES="${BENEFICIARIES}" ./mvnw -q -B test -Dtest=LtcSettlementBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false
ls -1 bench/results/
