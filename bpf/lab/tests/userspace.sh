#!/bin/bash
# Lab scenario: scx_userspace end to end, in one boot. Bad flags and an unknown policy are refused before
# anything loads. Then one run of the strategies policy, with a strategy that gives `yes` priority: a
# CPU-bound workload and hackbench; a SIGSTOP of the agent (a JVM pause) for 200 ms and for 2 s, survived
# through BPF's fallback and counted; the starvation guard, which holds two priority `yes` to a fair share beside
# an ordinary hog; and SIGINT, after which the kernel is back to disabled. Then `kill -9` of the agent of a
# second run, which leaves the kernel on its default scheduler.
# Prints key=value facts for UserspaceLabIT.
. "$(dirname "$0")/lib.sh"
export SCHEDCP_START_TIMEOUT=300

refused() { # refused NAME ARGS...: a run that must be refused, its rc, the state after and its message
  local name=$1
  shift
  schedcp run scx_userspace -- "$@" >"$TMPDIR/$name.log" 2>&1
  echo "$name rc=$? state=$(sched_state)"
  echo "--- $name"; cat "$TMPDIR/$name.log"; echo "--- end"
}
agent_pid() { pgrep -f 'io.schedcp.userspace.agent.UserspaceMain' | head -1; }
# cpu_ticks PID: user + system time of a process, in clock ticks
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
last_stats() { grep 'stats:' "$TMPDIR/scx_userspace.log" | tail -1 | sed 's/^.*stats: //'; }

refused bad-policy --policy nosuch
refused bad-slice --slice-us 5
refused bad-flag --quantum 5

printf '[{"id":"yes","match":{"comm":"^yes$"},"priority":true}]\n' >"$TMPDIR/strategies.json"
t0=$(date +%s%N)
start_run scx_userspace --policy strategies --policy-opt "file=$TMPDIR/strategies.json"
wait_for_state enabled 300 "$(run_pid scx_userspace)" && wait_for_ops userspace 10
echo "userspace start ms=$((($(date +%s%N) - t0) / 1000000))"
sleep 5
workload 5
hackbench -g 2 -l 50 >"$TMPDIR/hackbench.out" 2>&1; echo "hackbench rc=$? $(grep Time "$TMPDIR/hackbench.out")"
schedcp status >"$TMPDIR/status.out" 2>&1
echo "kernel status rc=$? $(grep -m1 'bpf: queued=' "$TMPDIR/status.out")"
echo "--- status"; cat "$TMPDIR/status.out"; echo "--- end"

# A JVM pause, twice: the scheduler must stay enabled, with the fallback counted.
stress-ng --cpu 4 --timeout 12 --temp-path "$TMPDIR" --quiet &
load=$!
sleep 2
pid=$(agent_pid)
echo "agent pid=$pid"
kill -STOP "$pid"; sleep 0.2; kill -CONT "$pid"
sleep 2
echo "after stop200 state=$(sched_state) ops=$(sched_ops)"
kill -STOP "$pid"; sleep 2; kill -CONT "$pid"
sleep 2
echo "after stop2000 state=$(sched_state) ops=$(sched_ops)"
wait $load
sleep 6
echo "stall stats $(last_stats)"

# A strategy set while it runs changes a task's share: two periodic hogs (each runs about 10 ms, then sleeps
# 1 ms, so the guard never demotes them) beside two plain hogs on 2 CPUs, 10 s before and 10 s after
# `schedcp policy set` gives the first priority by its pid. Then `schedcp policy list`, `status` and `remove`.
# (python3 itself in the background, so that $! is its pid, not a subshell's)
periodic='
import time
while True:
    end = time.monotonic() + 0.01
    while time.monotonic() < end:
        pass
    time.sleep(0.001)'
python3 -c "$periodic" & pa=$!
python3 -c "$periodic" & pb=$!
sh -c 'while :; do :; done' & h1=$!
sh -c 'while :; do :; done' & h2=$!
sleep 2
a0=$(cpu_ticks $pa) b0=$(cpu_ticks $pb)
sleep 10
a1=$(cpu_ticks $pa) b1=$(cpu_ticks $pb)
schedcp policy set boost --pid $pa --priority; echo "policy set rc=$?"
# From when the set has returned: the client's JVM takes a while to start under emulation.
as=$(cpu_ticks $pa) bs=$(cpu_ticks $pb)
sleep 10
a2=$(cpu_ticks $pa) b2=$(cpu_ticks $pb)
echo "share before a=$((a1 - a0)) b=$((b1 - b0)) after a=$((a2 - as)) b=$((b2 - bs))"
kill -TERM $pa $pb $h1 $h2; wait $pa $pb $h1 $h2 2>/dev/null
echo "--- policy list"; schedcp policy list; echo "policy list rc=$?"; echo "--- end"
schedcp policy status --json >"$TMPDIR/policy-status.json"; echo "policy status rc=$?"
echo "policy status queued=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["counters"]["queued"])' "$TMPDIR/policy-status.json")"
schedcp policy remove boost; echo "policy remove rc=$?"
schedcp policy remove boost; echo "policy remove-again rc=$?"

# The starvation guard (Gthulhu #52): two priority hogs (`yes`, matched by the strategy) and one ordinary hog
# on 2 CPUs. Without the guard the ordinary one would get nothing; with it, each gets about 2/3 of a CPU.
yes >/dev/null & y1=$!
yes >/dev/null & y2=$!
sh -c 'while :; do :; done' & plain=$!
sleep 10
echo "guard ticks yes1=$(cpu_ticks $y1) yes2=$(cpu_ticks $y2) plain=$(cpu_ticks $plain) hz=$(getconf CLK_TCK)"
kill -TERM $y1 $y2 $plain; wait $y1 $y2 $plain 2>/dev/null
sleep 6
echo "guard stats $(last_stats)"
finish_run scx_userspace INT

# kill -9 of the agent: the link's descriptor closes with the process, and the kernel detaches the scheduler.
# Its policy is fair: a strategy change is refused, since nothing would follow it.
start_run scx_userspace
wait_for_state enabled 300 "$(run_pid scx_userspace)"
schedcp policy set x --comm yes --priority >"$TMPDIR/set-fair.log" 2>&1; echo "policy set-fair rc=$?"
echo "--- set-fair"; cat "$TMPDIR/set-fair.log"; echo "--- end"
pid=$(agent_pid)
kill -KILL "$pid"
wait_for_state disabled 30
echo "after kill9 state=$(sched_state)"
finish_run scx_userspace ""
