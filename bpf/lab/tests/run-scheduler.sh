#!/bin/bash
# Lab scenario: `schedcp run NAME` in the background; the kernel must report it enabled, a workload must
# finish under it, and SIGINT must bring the kernel back to its default scheduler.
#   run-scheduler.sh NAME OPS
. "$(dirname "$0")/lib.sh"
name=$1 ops=$2
start_run "$name"
wait_for_state enabled 200 "$(run_pid "$name")" && wait_for_ops "$ops" 10
schedcp status
workload 3
finish_run "$name" INT
