#!/bin/bash
# Lab scenario: the schedcp daemon owns the scheduler. It starts scx_simple through the REST API (on its Unix
# socket, with its token); /metrics shows it enabled; each kill -9 of the scheduler's process is followed by a
# restart that the metrics count, until the restarts (2 here) are spent and the kernel is left on its default;
# `schedcp run` then asks the daemon (the CLI as a client), `schedcp status` shows it, and DELETE of the
# execution stops it with the kernel back to disabled; SIGTERM ends the daemon. Prints key=value facts for
# DaemonLabIT.
. "$(dirname "$0")/lib.sh"
export SCHEDCP_START_TIMEOUT=120
sock=$SCHEDCP_HOME/daemon.sock
schedcp daemon --max-restarts 2 --backoff-ms 500 >"$TMPDIR/daemon.log" 2>&1 &
daemon=$!
for ((i = 0; i < 600; i++)); do [ -S "$sock" ] && break; sleep 0.5; done # a JVM start under emulation
echo "daemon socket=$([ -S "$sock" ] && echo yes || echo no) waited_s=$((i / 2))"
token=$(cat "$SCHEDCP_HOME/daemon.token")
api() { curl -s --unix-socket "$sock" -H "Authorization: Bearer $token" "$@"; }
code() { curl -s -o /dev/null -w '%{http_code}' --unix-socket "$sock" "$@"; }
metric() { api http://d/metrics | awk -v m="$1" '$1 == m {print int($2)}'; }
phase() { # the daemon's phase and restarts, as "PHASE RESTARTS"
  api http://d/api/v1/execution | python3 -c '
import json, sys
s = json.load(sys.stdin)["status"]
print(s["phase"], s.get("restarts", 0))'
}
await_phase() { # await_phase "PHASE RESTARTS" SECONDS
  local start=$SECONDS
  while [ "$(phase)" != "$1" ] && [ $((SECONDS - start)) -lt "$2" ]; do sleep 0.3; done
  echo "phase=$(phase | tr ' ' '/') waited_s=$((SECONDS - start))"
}

echo "healthz code=$(code http://d/healthz) no-token code=$(code http://d/api/v1/execution)" \
  "read-only post code=$(code -H "Authorization: Bearer $(cat "$SCHEDCP_HOME/daemon.readonly.token")" \
    -X POST -d '{"name":"scx_simple"}' http://d/api/v1/execution)"
api -X POST -d '{"name":"scx_simple"}' http://d/api/v1/execution >"$TMPDIR/post.json"
echo "post $(python3 -c 'import json, sys; print("request=%d" % json.load(open(sys.argv[1]))["request"])' "$TMPDIR/post.json")"
wait_for_state enabled 150 && wait_for_ops simple 10
await_phase "RUNNING 0" 30
echo "metrics enabled=$(metric schedcp_sched_ext_enabled) running=$(metric schedcp_scheduler_running)" \
  "restarts=$(metric schedcp_scheduler_restarts_total)"

for kill in 1 2 3; do
  pid=$(pgrep -x scx_simple | head -1)
  kill -9 "$pid"
  if [ $kill -le 2 ]; then
    echo "kill$kill pid=$pid"; await_phase "RUNNING $kill" 90
    wait_for_state enabled 60
  else
    echo "kill$kill pid=$pid"; await_phase "GAVE_UP 2" 60
  fi
done
wait_for_state disabled 30
echo "gave up metrics restarts=$(metric schedcp_scheduler_restarts_total) gave_up=$(metric schedcp_scheduler_gave_up)" \
  "enabled=$(metric schedcp_sched_ext_enabled) state=$(sched_state)"
api http://d/api/v1/execution | python3 -c 'import json, sys; print("last_failure:", json.load(sys.stdin)["status"].get("last_failure"))'

# The CLI as the daemon's client: run returns once the daemon runs it; status shows the daemon's side.
schedcp run scx_simple >"$TMPDIR/cli-run.out" 2>&1
echo "cli run rc=$? state=$(sched_state) ops=$(sched_ops)"
cat "$TMPDIR/cli-run.out"
schedcp status >"$TMPDIR/cli-status.out" 2>&1
echo "cli status rc=$? $(grep '^daemon:' "$TMPDIR/cli-status.out")"

echo "delete code=$(code -H "Authorization: Bearer $token" -X DELETE http://d/api/v1/execution)"
wait_for_state disabled 60
await_phase "IDLE 0" 30
kill -TERM $daemon
wait $daemon
echo "daemon rc=$? after state=$(sched_state) socket=$([ -e "$sock" ] && echo left || echo gone)"
echo "--- daemon log"; cat "$TMPDIR/daemon.log"; echo "--- end"
