#!/bin/bash
# Lab scenario: `schedcp create-and-run FILE` in the background, from source to a running scheduler inside the
# guest (clang, verification in the guest's own kernel, run); prints how long until the kernel reported it
# enabled, then SIGINT must bring the kernel back to its default scheduler.
#   create-and-run.sh FILE OPS
. "$(dirname "$0")/lib.sh"
file=$1 ops=$2 name=create-and-run
export SCHEDCP_HOME=$TMPDIR/create-and-run-home
t0=$(date +%s%N)
schedcp create-and-run "$file" >"$TMPDIR/$name.log" 2>&1 &
echo $! >"$TMPDIR/$name.pid"
wait_for_ops "$ops" 280 "$(run_pid "$name")"
t1=$(date +%s%N)
echo "create-and-run enabled_s=$(( (t1 - t0) / 1000000000 )).$(( (t1 - t0) / 100000000 % 10 ))"
workload 3
finish_run "$name" INT
