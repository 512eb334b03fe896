#!/usr/bin/env bash
# Measures scx_userspace's decision loop with JMH (schedcp-bench's DecisionLoopBenchmark: a simulated BPF
# producer, the loop, the fair policy and a simulated kernel drain, on one thread), offline, and prints
# the decisions per second and the bytes allocated per decision against the targets: at least 5,000,000
# decisions/s and 0 B/op (below 0.01 B/op, JMH's noise). Exits 2 when a target is missed.
#
#   scripts/bench-policy.sh              # -f 1 -wi 3 -w 2s -i 5 -r 2s
#   scripts/bench-policy.sh -f 3 -i 10   # other JMH options instead
#
# The build runs at nice 19; JMH runs at the normal priority (about 25 s), because at nice 19 on a busy
# machine it measures the other jobs. BENCH_NICE=19 runs it politely, with figures to match.
# Needs the dependencies in ~/.m2 (a first online build, or
# `mvn dependency:get -Dartifact=org.openjdk.jmh:jmh-core:1.37` and the same for jmh-generator-annprocess).
set -euo pipefail
cd "$(dirname "$0")/.."

target_ops=5000000
target_bytes=0.01
results=schedcp-bench/target/jmh-result.json
classpath_file=target/bench.classpath

echo "bench-policy: building schedcp-bench and what it needs (offline) ..."
nice -n 19 mvn -B -o -q -Dmaven.test.skip=true -pl schedcp-bench -am package \
  dependency:build-classpath -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=runtime
classpath="schedcp-bench/target/classes:$(cat "schedcp-bench/$classpath_file")"

if [ "$#" -eq 0 ]; then
  set -- -f 1 -wi 3 -w 2s -i 5 -r 2s
fi
echo "bench-policy: running JMH $* -prof gc ..."
nice -n "${BENCH_NICE:-0}" java -cp "$classpath" org.openjdk.jmh.Main DecisionLoopBenchmark "$@" \
  -prof gc -rf json -rff "$results"

read -r ops ops_error bytes < <(jq -r '.[0] | [.primaryMetric.score, .primaryMetric.scoreError,
  .secondaryMetrics["gc.alloc.rate.norm"].score] | @tsv' "$results")
ops_ok=$(awk -v v="$ops" -v t="$target_ops" 'BEGIN { print (v >= t) ? "met" : "MISSED" }')
bytes_ok=$(awk -v v="$bytes" -v t="$target_bytes" 'BEGIN { print (v < t) ? "met" : "MISSED" }')
echo
printf 'decisions/s: %.0f ± %.0f ops/s (target >= %d: %s)\n' "$ops" "$ops_error" "$target_ops" "$ops_ok"
printf 'gc.alloc.rate.norm: %.4f B/op (target 0, below %s: %s)\n' "$bytes" "$target_bytes" "$bytes_ok"
[ "$ops_ok" = met ] && [ "$bytes_ok" = met ] || exit 2
