#!/bin/bash
# Lab scenario: a C scheduler started outside schedcp (as a user's scx_loader or a systemd unit would) is named
# and left alone: `schedcp run scx_qmap` without --replace-foreign must fail with exit 7 and leave it running.
. "$(dirname "$0")/lib.sh"
scx_simple >"$TMPDIR/foreign-simple.log" 2>&1 &
foreign=$!
echo "foreign pid=$foreign"
wait_for_ops simple 200 "$foreign"
echo "before ops=$(sched_ops)"
schedcp run scx_qmap >"$TMPDIR/scx_qmap.log" 2>&1
echo "run rc=$?"
echo "after state=$(sched_state) ops=$(sched_ops)"
if kill -0 "$foreign" 2>/dev/null; then echo "foreign alive=yes"; else echo "foreign alive=no"; fi
echo "message=$(grep -m1 '^schedcp: cannot start' "$TMPDIR/scx_qmap.log")"
echo "--- scx_qmap log"
cat "$TMPDIR/scx_qmap.log"
echo "--- end"
kill -INT "$foreign" 2>/dev/null
wait "$foreign"
echo "foreign rc=$?"
wait_for_state disabled 30
