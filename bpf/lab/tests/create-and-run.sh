#!/bin/bash
# Lab scenario: `schedcp create-and-run FILE` in the background, from source to a running scheduler inside the
# guest (clang, verification in the guest's own kernel, run); prints how long until schedcp reported it
# running, then SIGINT must bring the kernel back to its default scheduler.
#   create-and-run.sh FILE OPS
. "$(dirname "$0")/lib.sh"
file=$1 ops=$2 name=create-and-run
export SCHEDCP_HOME=$TMPDIR/create-and-run-home
log=$TMPDIR/$name.log
t0=$(date +%s%N)
schedcp create-and-run "$file" >"$log" 2>&1 &
pid=$!
echo $pid >"$TMPDIR/$name.pid"
# Verification attaches the scheduler too: wait for the run's own confirmation.
for ((i = 0; i < 280; i++)); do
  [[ "$(<"$log")" == *"is running: sched_ext enabled, ops $ops"* ]] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 1
done
t1=$(date +%s%N)
echo "state=$(sched_state) ops=$(sched_ops)"
echo "create-and-run running_s=$(( (t1 - t0) / 1000000000 )).$(( (t1 - t0) / 100000000 % 10 ))"
workload 3
finish_run "$name" INT
