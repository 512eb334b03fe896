#!/bin/bash
# Lab scenario: SIGKILL to the scheduler program: the kernel unloads it, and schedcp must notice and say so.
. "$(dirname "$0")/lib.sh"
start_run scx_simple
wait_for_state enabled 200 "$(run_pid scx_simple)"
victim=$(pgrep -x scx_simple)
echo "killing pid=$victim"
kill -KILL "$victim"
finish_run scx_simple ""
