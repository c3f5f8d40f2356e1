#!/usr/bin/env bash
# Times the eligibility rules compiled to SQL against a hand-written query of the same target groups, and the
# single-person evaluation, on a demo city; writes bench/results/eligibility-<date>.md.
# Usage: bench/eligibility.sh [elders]   (default 2130000; the city is kept in target/bench-eligibility for reruns)
set -euo pipefail
cd "$(dirname "$0")/.."
ELDERS="${1:-2130000}"
BENCH_ELDERS="${ELDERS}" ./mvnw -q -B test -Dtest=EligibilityBenchmark -Dsurefire.failIfNoSpecifiedTests=false
ls -1 bench/results/
