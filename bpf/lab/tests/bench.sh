#!/bin/bash
# Lab scenario: a workload, then `schedcp bench` of the default scheduler, scx_simple and scx_qmap on hackbench
# (one run each), then the workload's history and the recommendation for it, as JSON between markers for the
# Java side to read.
. "$(dirname "$0")/lib.sh"
created=$(schedcp workload create "hackbench: groups of processes passing messages over sockets" --json)
id=$(echo "$created" | sed -n 's/.*"id" *: *"\(w-[0-9a-f]*\)".*/\1/p' | head -n 1)
echo "workload=$id"
schedcp bench --workload "$id" --schedulers default,scx_simple,scx_qmap --runs 1 --chart "$TMPDIR/bench.svg" \
  -- hackbench -g 2 -l 50
echo "bench rc=$?"
echo "chart_bytes=$(wc -c <"$TMPDIR/bench.svg")"
echo "after state=$(sched_state)"
echo "--- history"
schedcp workload history "$id" --json
echo "--- recommend"
schedcp recommend --workload "$id" --top 5 --json
echo "--- end"
