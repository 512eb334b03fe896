#!/bin/bash
# Lab scenario: `schedcp run scx_simple --replace-foreign` while another schedcp runs scx_qmap: to the second
# schedcp, qmap is foreign, and the flag has it stopped first.
. "$(dirname "$0")/lib.sh"
start_run scx_qmap
wait_for_state enabled 200 "$(run_pid scx_qmap)" && wait_for_ops qmap 10
echo "first ops=$(sched_ops)"
RUN_FLAGS=--replace-foreign start_run scx_simple
wait_for_ops simple 200 "$(run_pid scx_simple)"
echo "second ops=$(sched_ops)"
finish_run scx_qmap ""
finish_run scx_simple INT
