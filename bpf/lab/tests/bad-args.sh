#!/bin/bash
# Lab scenario: a scheduler that cannot load (an unknown flag) must fail the run and leave sched_ext disabled.
. "$(dirname "$0")/lib.sh"
schedcp run scx_simple -- --no-such-flag
echo "run rc=$?"
echo "after state=$(sched_state)"
