#!/bin/bash
# Lab scenario: scx_slo end to end, in one boot. Bad configs are refused before anything loads; then scx_slo
# runs with cgroup `lat` (a periodic waker) beside `batch` (stress-ng at 2x the CPUs): a budget cut by an edit
# of the config file raises lat's misses, which reach `schedcp slo status` and its recent misses (the ring
# buffer); `schedcp slo set` changes the budget live; a CPU hog inside lat does not starve work outside it;
# stress-ng at 4x the CPUs for 60 s does not get scx_slo ejected; SIGINT brings the kernel back to disabled.
# Prints key=value facts for SloLabIT.
. "$(dirname "$0")/lib.sh"
export SCHEDCP_START_TIMEOUT=300
cg=/sys/fs/cgroup
mkdir -p $cg/lat $cg/batch
cfg=$TMPDIR/slo.yaml

# json FILE EXPR: a figure of `schedcp slo status --json` (s is the status, lat its group for cgroup lat)
json() {
  python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))
lat = next(g for g in s.get("groups", []) if g.get("cgroup") == "lat")
print(eval(sys.argv[2]))' "$1" "$2"
}
refused() { # refused NAME ARGS...: a run that must be refused, its rc, the state after and its message
  local name=$1
  shift
  schedcp run scx_slo -- "$@" >"$TMPDIR/$name.log" 2>&1
  echo "$name rc=$? state=$(sched_state)"
  echo "--- $name"; cat "$TMPDIR/$name.log"; echo "--- end"
}
waker() { sh -c "echo \$\$ > $cg/lat/cgroup.procs; exec cyclictest -t1 -i 2000 -D $1 -q" >/dev/null 2>&1; }

printf 'default_budget_ms: 20\ngroups:\n  - cgroup: lat\n    budget_ms: 0\n' >"$TMPDIR/bad-value.yaml"
refused bad-value --config "$TMPDIR/bad-value.yaml"
printf 'groups:\n  - cgroup: lat\n    budget_ms: 2\n  - cgroup: nosuch\n    budget_ms: 2\n' >"$TMPDIR/no-cgroup.yaml"
refused no-cgroup --config "$TMPDIR/no-cgroup.yaml"
refused bad-flag --config "$TMPDIR/no-cgroup.yaml" --budget 2

printf 'default_budget_ms: 20\ngroups:\n  - cgroup: lat\n    budget_ms: 50\n  - cgroup: batch\n    budget_ms: 100\n' >"$cfg"
t0=$(date +%s%N)
start_run scx_slo --config "$cfg"
wait_for_state enabled 300 "$(run_pid scx_slo)" && wait_for_ops slo 10
echo "slo start ms=$((($(date +%s%N) - t0) / 1000000))"
sh -c "echo \$\$ > $cg/batch/cgroup.procs; exec stress-ng --cpu 4 --timeout 45 --temp-path $TMPDIR --quiet" &
batch=$!
sleep 1
waker 8
schedcp slo status --json >"$TMPDIR/s1.json"; echo "status1 rc=$?"
echo "before runs=$(json "$TMPDIR/s1.json" 'lat["runs"]') misses=$(json "$TMPDIR/s1.json" 'lat.get("misses", 0)')" \
  "batch_cpu=$(json "$TMPDIR/s1.json" 'round(next(g for g in s["groups"] if g["cgroup"] == "batch").get("cpu_share", 0), 3)')"

# The budget cut: a new file renamed over the config, as editors save.
sed 's/budget_ms: 50/budget_ms: 0.02/' "$cfg" >"$cfg.new" && mv "$cfg.new" "$cfg"
sleep 2
waker 8
schedcp slo status --json >"$TMPDIR/s2.json"; echo "status2 rc=$?"
echo "after runs=$(json "$TMPDIR/s2.json" 'lat["runs"]') misses=$(json "$TMPDIR/s2.json" 'lat.get("misses", 0)')" \
  "budget_ns=$(json "$TMPDIR/s2.json" 'lat["budget_ns"]')" \
  "recent_lat=$(json "$TMPDIR/s2.json" 'sum(1 for m in s.get("recent_misses", []) if m.get("cgroup_id") == lat["cgroup_id"])')"
echo "--- status table"; schedcp slo status; echo "table rc=$?"; echo "--- end"

schedcp slo set lat --budget-ms 100; echo "set rc=$?"
schedcp slo status --json >"$TMPDIR/s3.json"
echo "set budget_ns=$(json "$TMPDIR/s3.json" 'lat["budget_ns"]')"
schedcp slo set nosuch --budget-ms 2; echo "set-missing rc=$?"
wait $batch

# A hog inside the SLO group (a tight budget, capped at half the machine) beside work outside it, for 20 s:
# each one's share of all CPUs from stress-ng's own metrics (user + system time over real time and CPUs).
share() { # share FILE: usr+sys over real x CPUs, from stress-ng --metrics-brief
  awk -v cpus="$(nproc)" '/metrc:.* cpu /{for (i = 1; i <= NF; i++) if ($i == "cpu") { print int(100 * ($(i+3) + $(i+4)) / ($(i+2) * cpus)); exit }}' "$1"
}
# The rest of the machine over the same window, from /proc/stat: idle time, and the time of everything else.
cpu_ticks() { awk '/^cpu /{print $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9, $5 + $6; exit}' /proc/stat; }
schedcp slo set lat --budget-ms 2 --max-cpu-pct 50 >/dev/null
ticks0=$(cpu_ticks) # no process substitution: the guest has no /dev/fd
sh -c "echo \$\$ > $cg/lat/cgroup.procs; exec stress-ng --cpu 2 --timeout 20 --metrics-brief --temp-path $TMPDIR" >"$TMPDIR/hog.out" 2>&1 &
hog=$!
sh -c "echo \$\$ > $cg/batch/cgroup.procs; exec stress-ng --cpu 1 --timeout 20 --metrics-brief --temp-path $TMPDIR" >"$TMPDIR/victim.out" 2>&1
victim_rc=$?
wait $hog
ticks1=$(cpu_ticks)
schedcp slo status --json >"$TMPDIR/s4.json"
hog_pct=$(share "$TMPDIR/hog.out") victim_pct=$(share "$TMPDIR/victim.out")
idle_pct=$((100 * (${ticks1#* } - ${ticks0#* }) / (${ticks1% *} - ${ticks0% *})))
echo "hog share_pct=$hog_pct victim share_pct=$victim_pct victim rc=$victim_rc" \
  "throttled=$(json "$TMPDIR/s4.json" 'lat.get("throttled", 0)') state=$(sched_state)"
echo "hog rest idle_pct=$idle_pct other_pct=$((100 - hog_pct - victim_pct - idle_pct))"
grep metrc "$TMPDIR/hog.out" "$TMPDIR/victim.out"

# The watchdog: stress-ng at 4x the CPUs for 60 s.
stress-ng --cpu $(($(nproc) * 4)) --timeout 60 --temp-path "$TMPDIR" --quiet
echo "stress4x rc=$? state=$(sched_state) ops=$(sched_ops)"
finish_run scx_slo INT
