#!/bin/bash
# The SLO benchmark in the lab guest, before the Java agent exists: cgroup `lat` runs a periodic wake-up
# workload (cyclictest, SCHED_OTHER: a real-time policy would bypass sched_ext) while cgroup `batch` runs
# stress-ng at 2x the CPUs. Each scheduler in turn: the kernel's default (EEVDF), scx_simple, and scx_slo under
# schedcp's loader (from the distribution SLO_DIST), its cfg_map given `lat` at BUDGET_MS through bpftool.
# Prints a line per scheduler: lat's p50/p99/max wake-up latency and its share of wake-ups over BUDGET_MS (from
# cyclictest's own histogram), batch's bogo-ops/s, and for scx_slo its own counters.
#   lab-bench.sh OBJECT [SECONDS] [BUDGET_MS] [ROUNDS]
#   e.g. schedcp lab run --timeout 900 -- bash bpf/slo/lab-bench.sh /path/scx_slo.bpf.o 20 2 1
set -u
obj=$1 secs=${2:-20} budget_ms=${3:-2} rounds=${4:-1}
here=$(cd "$(dirname "$0")" && pwd)
work=${TMPDIR:-/tmp}/slo-bench
mkdir -p "$work"
cg=/sys/fs/cgroup
mkdir -p $cg/lat $cg/batch
state() { cat /sys/kernel/sched_ext/state; }
ops() { cat /sys/kernel/sched_ext/root/ops 2>/dev/null || echo none; }
await_state() { # await_state WANT SECONDS
  local i
  for ((i = 0; i < $2 * 5; i++)); do [ "$(state)" = "$1" ] && return 0; sleep 0.2; done
  echo "timed out waiting for state $1 (state $(state), ops $(ops))"; return 1
}

# hex bytes, little-endian, of an unsigned number of WIDTH bytes
le() { python3 -c "import sys; print(' '.join('%02x' % b for b in int(sys.argv[1]).to_bytes(int(sys.argv[2]), 'little')))" "$1" "$2"; }

# scx_slo runs under schedcp's own loader (LoaderMain), which fills the object's __SCX_* enum variables from
# the running kernel before load: a plain `bpftool struct_ops register` leaves them 0, so SCX_DSQ_LOCAL would
# be DSQ 0 and SCX_KICK_PREEMPT no flag at all.
dist=${SLO_DIST:-$here/../../schedcp-cli/target/schedcp}
if [ -n "${JAVA_HOME:-}" ]; then java=$JAVA_HOME/bin/java; else java=java; fi
start_slo() {
  "$java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -XX:SharedArchiveFile="$dist/lib/schedcp.jsa" \
    --module-path "$dist/lib" -m io.schedcp.bpf/io.schedcp.bpf.custom.LoaderMain slo "$obj" >"$work/loader.log" 2>&1 &
  loader=$!
  await_state enabled 120 || { cat "$work/loader.log"; return 1; }
  local ino budget_ns
  ino=$(stat -c %i $cg/lat)
  budget_ns=$(python3 -c "print(int(float('$budget_ms') * 1000000))")
  # struct slo_cfg { u64 budget_ns; u32 importance, flags, max_cpu_pct, slot; }
  bpftool map update name cfg_map key hex $(le "$ino" 8) \
    value hex $(le "$budget_ns" 8) $(le 0 4) $(le 0 4) $(le 100 4) $(le 1 4) || return 1
}
# TERM, not INT: a background job of a script starts with SIGINT ignored, and the JVM then keeps it so.
stop_slo() { kill -TERM "$loader" 2>/dev/null; wait "$loader"; echo "--- loader"; cat "$work/loader.log"; }

run_one() { # run_one NAME: the workload under whatever scheduler runs now
  local name=$1
  sh -c "echo \$\$ > $cg/batch/cgroup.procs; exec stress-ng --cpu 4 --timeout $((secs + 2)) --metrics-brief --temp-path $work" \
    >"$work/$name.stress" 2>&1 &
  local stress=$!
  sleep 1
  sh -c "echo \$\$ > $cg/lat/cgroup.procs; exec cyclictest -t1 -i 1000 -D $secs -q -m -h 100000" \
    >"$work/$name.cyclic" 2>&1
  wait $stress
  : >"$work/$name.stats"
  [ "$name" = scx_slo ] && bpftool -j map dump name stats >"$work/$name.stats" 2>/dev/null
  python3 "$here/lab-bench-figures.py" "$name" "$budget_ms" "$work/$name.cyclic" "$work/$name.stress" "$work/$name.stats"
}

echo "slo bench: ${secs}s per scheduler, lat budget ${budget_ms} ms, $(nproc) CPUs, $rounds round(s)"
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
