#!/usr/bin/env bash
# Clean-text redaction throughput of this checkout against an older commit's, paired in one JVM
# (RedactionVersionsBenchmark): prints the Markdown table for benchmarks/RESULTS.md; the raw JMH result is
# kept in benchmarks/target/redaction-versions-jmh.json.
#
#   benchmarks/run-redaction-versions.sh 2916054               # the recorded run: 2 forks, 5 warm-up + 10 measured 2 s iterations
#   benchmarks/run-redaction-versions.sh 2916054 -f 1 -i 3     # quicker; extra arguments go to JMH
set -euo pipefail
cd "$(dirname "$0")/.."
baseline_commit=${1:?usage: run-redaction-versions.sh <older commit> [JMH arguments]}
shift

work=$(mktemp -d)
trap 'git worktree remove --force "$work/src" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add -q --detach "$work/src" "$baseline_commit"
(cd "$work/src" && mvn -q -B -o -pl telemetry-redaction -am package -DskipTests)
baseline_jar=$(ls "$work"/src/telemetry-redaction/target/telemetry-redaction-*.jar | grep -v -e sources -e javadoc | head -1)
cp "$baseline_jar" "$work/baseline.jar"

mvn -q -B -o -pl benchmarks -am package -DskipTests
java -jar benchmarks/target/benchmarks.jar 'dev\.runtrail\.benchmarks\.redaction\.RedactionVersionsBenchmark' \
  -jvmArgsAppend "-Druntrail.bench.baselineJar=$work/baseline.jar" \
  -f 2 -wi 5 -i 10 -w 2s -r 2s -rf json -rff benchmarks/target/redaction-versions-jmh.json "$@"
echo "older build: $baseline_commit, this build: $(git rev-parse --short HEAD)$(git diff --quiet || echo ' (with uncommitted changes)')"
java -cp benchmarks/target/benchmarks.jar dev.runtrail.benchmarks.redaction.VersionsReport \
  benchmarks/target/redaction-versions-jmh.json
