#!/bin/bash
# The userspace-policy benchmark in the lab guest: hackbench's time, and cyclictest's wake-up latency measured
# beside it, under the kernel's default (EEVDF), scx_userland (the kernel's C example of a userspace
# scheduler, built by bpf/setup.sh) and scx_userspace (decisions in Java; `schedcp run scx_userspace`, once with
# --agent-preempt off, at each slice of SLICES_US (default 5000, ours, and 20000, scx_userland's own
# SCX_SLICE_DFL, so that the two compare at one slice); AGENT_PREEMPT=on (or "off on") adds or replaces the
# preempting runs). One line
# per scheduler: hackbench's median time over RUNS runs, cyclictest's p50 / p99 (SCHED_OTHER: a real-time
# thread would bypass sched_ext), and for scx_userspace its own counters and the round trip BPF measured.
# Each scheduler gets SETTLE seconds (default 10) after it is enabled, so that a JVM's JIT has settled.
#   lab-bench.sh [RUNS] [GROUPS] [LOOPS] [POLICY]
#   e.g. schedcp lab run --timeout 1700 -- bash bpf/userspace/lab-bench.sh 3 4 100
set -u
runs=${1:-3} groups=${2:-4} loops=${3:-100} policy=${4:-fair} settle=${SETTLE:-10}
here=$(cd "$(dirname "$0")" && pwd)
work=${TMPDIR:-/tmp}/userspace-bench
mkdir -p "$work"
export SCHEDCP_START_TIMEOUT=300
state() { cat /sys/kernel/sched_ext/state; }
ops() { cat /sys/kernel/sched_ext/root/ops 2>/dev/null || echo none; }
await_state() { # await_state WANT SECONDS
  local i
  for ((i = 0; i < $2 * 5; i++)); do [ "$(state)" = "$1" ] && return 0; sleep 0.2; done
  echo "timed out waiting for state $1 (state $(state), ops $(ops))"; return 1
}

# run_one NAME [OPS]: hackbench RUNS times, with cyclictest beside it, under whatever scheduler runs now. With
# OPS, a run after which the kernel no longer runs OPS (it was ejected) is named and not counted.
run_one() {
  local name=$1 want=${2:-} r t times=""
  sleep "$settle"
  cyclictest -t1 -i 1000 -q -m -h 100000 -D 3600 >"$work/$name.cyclic" 2>&1 &
  local cyclic=$!
  for ((r = 1; r <= runs; r++)); do
    t=$(hackbench -g "$groups" -l "$loops" 2>&1 | sed -n 's/^Time: *//p')
    if [ -n "$want" ] && [ "$(ops)" != "$want" ]; then
      echo "userspace bench $name: run $r (${t}s) ended at uptime $(cut -d' ' -f1 /proc/uptime)s with ops $(ops), not $want: not counted"
    else
      times="$times $t"
    fi
  done
  kill -TERM $cyclic; wait $cyclic
  python3 "$here/lab-bench-figures.py" "$name" "$work/$name.cyclic" $times
}

echo "userspace bench: hackbench -g $groups -l $loops, $runs run(s) per scheduler after ${settle}s to settle, policy $policy, $(nproc) CPUs"
await_state disabled 30 || exit 1
run_one default
scx_userland >"$work/userland.log" 2>&1 &
userland=$!
await_state enabled 60 && echo "scx_userland ops=$(ops)" && run_one scx_userland userland
kill -TERM $userland; wait $userland
await_state disabled 30 || exit 1
for preempt in ${AGENT_PREEMPT:-off}; do
for slice in ${SLICES_US:-5000 20000}; do
  name="scx_userspace-$preempt-${slice}us"
  schedcp run scx_userspace -- --policy "$policy" --agent-preempt "$preempt" --slice-us "$slice" \
    >"$work/userspace.log" 2>&1 &
  uspace=$!
  if await_state enabled 300; then
    echo "scx_userspace ops=$(ops) agent-preempt=$preempt slice-us=$slice"
    run_one "$name" userspace
  fi
  # TERM, not INT: a background job of a script starts with SIGINT ignored, and the JVM then keeps it so.
  kill -TERM $uspace; wait $uspace
  echo "--- $name"; cat "$work/userspace.log"
  grep 'stats:' "$work/userspace.log" | tail -1 | sed "s/^.*stats:/userspace bench $name counters:/"
  await_state disabled 30 || exit 1
done
done
await_state disabled 30 || exit 1
echo "--- the kernel's sched_ext messages"; dmesg | grep -i 'sched_ext' | tail -20; echo "--- end"
echo "userspace bench: done, state $(state)"
