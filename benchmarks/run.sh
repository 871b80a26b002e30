#!/usr/bin/env bash
# Runtrail's overhead benchmarks (issues 9 and 17): throughput with every core busy (SaturatedBenchmark,
# bare vs instrumented phases, run store on and off), the overhead ratio on a real step, per-operation costs and the
# peers (OpenTelemetry span, Micrometer Observation), with -prof gc and CPU time per operation
# (CpuTimeProfiler). Writes the JMH JSON results to
# benchmarks/results/ and regenerates the generated sections of benchmarks/RESULTS.md and the figures in
# the README's performance section; every other section of RESULTS.md is kept as it is.
#
#   benchmarks/run.sh quick      # about 20 min: 1 fork, shorter iterations
#   benchmarks/run.sh full       # about an hour: 2-3 forks
#   benchmarks/run.sh quick -p instrumentation=span    # extra arguments go to every JMH run
#
# Needs Java 17+ and Maven; run from anywhere in the repository. Waits while another JMH run holds the
# JMH lock (a shared machine), instead of measuring two benchmarks against each other.
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-quick}"
shift || true
case "$mode" in
  quick)
    saturated_opts=(-f 1)
    overhead_opts=(-f 1 -wi 4 -w 2s -i 10 -r 1s)
    micro_opts=(-f 1 -wi 3 -w 1s -i 5 -r 1s)
    ;;
  full)
    saturated_opts=(-f 2)
    overhead_opts=(-f 3 -wi 5 -w 2s -i 10 -r 2s)
    micro_opts=(-f 3 -wi 5 -w 1s -i 5 -r 2s)
    ;;
  *)
    echo "usage: benchmarks/run.sh quick|full [extra JMH arguments]" >&2
    exit 2
    ;;
esac

started=$(date +%s)
build="mvn -q -B -pl benchmarks -am package -DskipTests"
echo "== building: $build"
$build

jar=benchmarks/target/benchmarks.jar
out=benchmarks/results
mkdir -p "$out"

# Runs JMH; while another JMH run holds its lock, waits and tries again (up to 30 minutes).
jmh() {
  local log
  log=$(mktemp)
  for _ in $(seq 1 180); do
    if java -jar "$jar" "$@" 2>&1 | tee "$log"; then
      if ! grep -q "Unable to acquire the JMH lock" "$log"; then
        rm -f "$log"
        return 0
      fi
    elif ! grep -q "Unable to acquire the JMH lock" "$log"; then
      rm -f "$log"
      return 1
    fi
    echo "== another JMH run holds the lock; waiting 10 s" >&2
    sleep 10
  done
  rm -f "$log"
  echo "== gave up waiting for the JMH lock" >&2
  return 1
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)
declare -A cmd
run_group() {
  local name=$1 pattern=$2
  shift 2
  local args=("$pattern" "$@" -prof gc -prof dev.runtrail.benchmarks.overhead.CpuTimeProfiler -rf json -rff "$out/$mode-$name.json")
  cmd[$name]="java -jar $jar ${args[*]}"
  echo "== $name: ${cmd[$name]}"
  jmh "${args[@]}"
}

run_group saturated 'dev\.runtrail\.benchmarks\.overhead\.SaturatedBenchmark' "${saturated_opts[@]}" "$@"
run_group overhead 'dev\.runtrail\.benchmarks\.overhead\.OverheadBenchmark' "${overhead_opts[@]}" "$@"
run_group costs 'dev\.runtrail\.benchmarks\.overhead\.OperationCostBenchmark' "${micro_opts[@]}" "$@"
run_group peers 'dev\.runtrail\.benchmarks\.peers\.PeerBenchmark' "${micro_opts[@]}" "$@"
# Run store write throughput (issue 17): its figures go into RESULTS.md by hand ("Run store write throughput").
run_group store-write 'dev\.runtrail\.benchmarks\.runs\.RunStoreWriteBenchmark' -f 1 -wi 2 -w 2s -i 3 -r 2s "$@"
load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)
elapsed=$(( $(date +%s) - started ))

cpu=$(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -1)
memory=$(awk '/MemTotal/ {printf "%.0f GiB RAM", $2 / 1048576}' /proc/meminfo 2>/dev/null || true)
java -cp "$jar" dev.runtrail.benchmarks.overhead.OverheadReport \
  --results benchmarks/RESULTS.md --readme README.md --mode "$mode" \
  --saturated "$out/$mode-saturated.json" --overhead "$out/$mode-overhead.json" --costs "$out/$mode-costs.json" --peers "$out/$mode-peers.json" \
  --command "benchmarks/run.sh $mode${*:+ $*}" --build "$build" \
  --jmh-saturated "${cmd[saturated]}" --jmh-overhead "${cmd[overhead]}" --jmh-costs "${cmd[costs]}" --jmh-peers "${cmd[peers]}" \
  --cpu "${cpu:-unknown CPU}" --memory "${memory:-}" \
  --load-before "$load_before" --load-after "$load_after" \
  --date "$(date -u +'%Y-%m-%d %H:%M UTC')" --duration "$((elapsed / 60)) min $((elapsed % 60)) s" \
  --json-dir "$out"
