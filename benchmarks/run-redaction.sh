#!/usr/bin/env bash
# Redaction throughput (JMH): ours against the naive baseline (every rule's java.util.regex in turn) on the
# same log lines and JSON events. Prints the Markdown table that goes under "## Redaction throughput" in
# benchmarks/RESULTS.md; the raw JMH result is kept in benchmarks/target/redaction-jmh.json.
#
#   benchmarks/run-redaction.sh                 # the recorded run: 2 forks, 3 warm-up + 5 measured 2 s iterations
#   benchmarks/run-redaction.sh -f 1 -i 2       # quicker; extra arguments go to JMH
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -q -B -pl benchmarks -am install -DskipTests
java -jar benchmarks/target/benchmarks.jar 'dev\.runtrail\.benchmarks\.redaction\.RedactionThroughputBenchmark' \
  -f 2 -wi 3 -i 5 -w 2s -r 2s -rf json -rff benchmarks/target/redaction-jmh.json "$@"
java -cp benchmarks/target/benchmarks.jar dev.runtrail.benchmarks.redaction.ThroughputReport \
  benchmarks/target/redaction-jmh.json
