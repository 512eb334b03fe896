#!/bin/bash
# The SLO benchmark in the lab guest: cgroup `lat` runs a periodic wake-up workload (cyclictest, SCHED_OTHER: a
# real-time policy would bypass sched_ext) while cgroup `batch` runs stress-ng at 2x the CPUs. Each scheduler
# in turn: the kernel's default (EEVDF), scx_simple, and scx_slo run by schedcp (`schedcp run scx_slo --
# --config`, lat at BUDGET_MS, batch unconfigured). Prints a line per scheduler: lat's wake-up latency two
# ways, and batch's bogo-ops/s:
# - cyclictest's own: from the timer's expiry to the thread running, which includes the delivery of the timer
#   interrupt (slow and bursty under the emulator, and outside any scheduler's reach);
# - the scheduler's: from sched_waking to sched_switch onto the CPU, traced for 10 s in the middle of the run:
#   what a scheduler decides, and what scx_slo's budget promises;
# and for scx_slo its own counters from `schedcp slo status --json`.
# Each run starts SETTLE seconds (default 10) after the scheduler is enabled, so that what is measured is the
# scheduler, not the JIT compiling of a JVM that has just started (scx_slo's agent).
#   lab-bench.sh [SECONDS] [BUDGET_MS] [ROUNDS]
#   e.g. schedcp lab run --timeout 1500 -- bash bpf/slo/lab-bench.sh 20 2 1
set -u
secs=${1:-20} budget_ms=${2:-2} rounds=${3:-1} settle=${SETTLE:-10}
here=$(cd "$(dirname "$0")" && pwd)
work=${TMPDIR:-/tmp}/slo-bench
mkdir -p "$work"
cg=/sys/fs/cgroup
tr=/sys/kernel/tracing
mkdir -p $cg/lat $cg/batch
export SCHEDCP_START_TIMEOUT=300
state() { cat /sys/kernel/sched_ext/state; }
ops() { cat /sys/kernel/sched_ext/root/ops 2>/dev/null || echo none; }
await_state() { # await_state WANT SECONDS
  local i
  for ((i = 0; i < $2 * 5; i++)); do [ "$(state)" = "$1" ] && return 0; sleep 0.2; done
  echo "timed out waiting for state $1 (state $(state), ops $(ops))"; return 1
}

start_slo() {
  printf 'default_budget_ms: 20\ngroups:\n  - cgroup: lat\n    budget_ms: %s\n' "$budget_ms" >"$work/slo.yaml"
  schedcp run scx_slo -- --config "$work/slo.yaml" >"$work/slo.log" 2>&1 &
  slo=$!
  await_state enabled 300 || { cat "$work/slo.log"; return 1; }
}
# TERM, not INT: a background job of a script starts with SIGINT ignored, and the JVM then keeps it so.
stop_slo() { kill -TERM "$slo" 2>/dev/null; wait "$slo"; echo "--- scx_slo"; cat "$work/slo.log"; }

# The scheduler's wake-to-run latency: sched_waking and sched_switch of cyclictest's threads, on the monotonic
# clock, from the tracer's ring buffer.
trace_window() { # trace_window DELAY SECONDS FILE
  sleep "$1"
  echo 0 >$tr/tracing_on; echo >$tr/trace; echo mono >$tr/trace_clock; echo 16384 >$tr/buffer_size_kb
  echo 'comm == "cyclictest"' >$tr/events/sched/sched_waking/filter
  echo 'next_comm == "cyclictest"' >$tr/events/sched/sched_switch/filter
  echo 1 >$tr/events/sched/sched_waking/enable; echo 1 >$tr/events/sched/sched_switch/enable
  echo 1 >$tr/tracing_on; sleep "$2"; echo 0 >$tr/tracing_on
  cat $tr/trace >"$3"
  echo 0 >$tr/events/sched/sched_waking/enable; echo 0 >$tr/events/sched/sched_switch/enable
}

run_one() { # run_one NAME: the workload under whatever scheduler runs now
  local name=$1
  sleep "$settle"
  sh -c "echo \$\$ > $cg/batch/cgroup.procs; exec stress-ng --cpu 4 --timeout $((secs + 2)) --metrics-brief --temp-path $work" \
    >"$work/$name.stress" 2>&1 &
  local stress=$!
  sleep 1
  trace_window 5 10 "$work/$name.trace" &
  local tracer=$!
  sh -c "echo \$\$ > $cg/lat/cgroup.procs; exec cyclictest -t1 -i 1000 -D $secs -q -m -h 100000" \
    >"$work/$name.cyclic" 2>&1
  wait $stress $tracer
  : >"$work/$name.status"
  [ "$name" = scx_slo ] && schedcp slo status --json >"$work/$name.status"
  python3 "$here/lab-bench-figures.py" "$name" "$budget_ms" "$work/$name.cyclic" "$work/$name.stress" \
    "$work/$name.trace" "$work/$name.status"
}

echo "slo bench: ${secs}s per scheduler after ${settle}s to settle, lat budget ${budget_ms} ms, $(nproc) CPUs, $rounds round(s)"
[ -d $tr/events/sched ] || echo "slo bench: no tracefs at $tr: the scheduler's latency is not measured"
for ((round = 1; round <= rounds; round++)); do
  await_state disabled 30 || exit 1
  run_one default
  scx_simple >"$work/simple.log" 2>&1 &
  simple=$!
  await_state enabled 60 && run_one scx_simple
  kill -INT $simple; wait $simple
  await_state disabled 30 || exit 1
  start_slo && echo "scx_slo ops=$(ops)" && run_one scx_slo
  stop_slo
  await_state disabled 30 || { cat /sys/kernel/debug/sched/ext 2>/dev/null | head -20; exit 1; }
done
echo "slo bench: done, state $(state)"
