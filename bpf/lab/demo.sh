#!/bin/bash
# Guest job of the main demo (scripts/run.sh): schedcp runs scx_simple on the lab's sched_ext kernel,
# a workload runs under it, and Ctrl-C (SIGINT) hands the CPUs back to the kernel's default scheduler;
# then a bench of the default against it on hackbench, and the recommendation that follows.
#   schedcp lab run -- bash bpf/lab/demo.sh [SCHEDULER OPS]
. "$(dirname "$0")/tests/lib.sh"
name=${1:-scx_simple} ops=${2:-simple}
echo "\$ schedcp status"
schedcp status
echo
echo "\$ schedcp run $name &"
start_run "$name"
wait_for_state enabled 120 "$(run_pid "$name")" && wait_for_ops "$ops" 10
echo
echo "\$ schedcp status"
schedcp status
echo
echo "\$ stress-ng --cpu 2 --timeout 3   (under $name)"
workload 3
echo
echo "\$ kill -INT <schedcp run>"
finish_run "$name" INT
echo
echo "\$ schedcp workload create \"hackbench: processes passing messages\""
created=$(schedcp workload create "hackbench: processes passing messages" --json)
id=$(echo "$created" | sed -n 's/.*"id" *: *"\(w-[0-9a-f]*\)".*/\1/p' | head -n 1)
echo "$id"
echo
echo "\$ schedcp bench --workload $id --schedulers default,$name --runs 2 -- hackbench -g 2 -l 50"
schedcp bench --workload "$id" --schedulers "default,$name" --runs 2 --chart "$TMPDIR/bench.svg" \
  -- hackbench -g 2 -l 50
echo
echo "\$ schedcp recommend --workload $id --top 3"
schedcp recommend --workload "$id" --top 3
