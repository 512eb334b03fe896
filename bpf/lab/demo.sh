#!/bin/bash
# Guest job of the main demo (scripts/run.sh): schedcp runs scx_simple on the lab's sched_ext kernel,
# a workload runs under it, and Ctrl-C (SIGINT) hands the CPUs back to the kernel's default scheduler.
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
