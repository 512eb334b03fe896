#!/bin/bash
# Lab soak, the guest side (run by bpf/lab/soak.sh through `schedcp lab run`): the sequence that crashed
# guests before, many times. One `schedcp mcp` server (one JVM, driven the way an assistant drives it) runs
# rounds of: start scx_simple, replace it with scx_qmap, replace that with scx_central, stop it; then the C
# loaders alone start and stop scx_simple and scx_qmap. Each scheduler gets a short burst of load on every
# CPU (stress-ng, hackbench) while it runs. Every sched_ext enable and disable flips static keys, that is,
# patches kernel text while the other CPU runs.
#   soak-guest.sh ROUNDS
# Prints "soak round K: ..." per round and "soak: R rounds, T transitions, F failed" at the end; exit 1 if a
# round failed (a scheduler that did not come up or go away is a failure, not a crash).
. "$(dirname "$0")/tests/lib.sh"
rounds=${1:-3} failed=0 transitions=0 next_id=1
burst() {    # a short load on every CPU while a scheduler runs: CPU-bound work, then messaging
  stress-ng --cpu 2 --timeout 2 --temp-path "$TMPDIR" --quiet
  hackbench -g 2 -l 20 >/dev/null 2>&1
}
c_cycle() {   # c_cycle BINARY OPS: the C loader alone, enable then disable
  "$1" >"$TMPDIR/c.log" 2>&1 &
  local pid=$!
  wait_for_ops "$2" 60 "$pid" >/dev/null || return 1
  burst
  kill -INT "$pid"; wait "$pid"
  wait_for_state disabled 60 >/dev/null
}
coproc MCP { exec schedcp mcp 2>"$TMPDIR/mcp.err"; }
# call METHOD PARAMS: one JSON-RPC request; prints the response (notifications skipped).
call() {
  local id=$((next_id++)) line
  printf '{"jsonrpc":"2.0","id":%d,"method":"%s","params":%s}\n' "$id" "$1" "$2" >&"${MCP[1]}"
  while IFS= read -r -t 180 line <&"${MCP[0]}"; do
    [[ "$line" == *"\"id\":$id,"* || "$line" == *"\"id\":$id}"* ]] && { echo "$line"; return 0; }
  done
  echo "no response to request $id"
  return 1
}
tool() { call tools/call "{\"name\":\"$1\",\"arguments\":$2}"; }
call initialize '{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"soak","version":"1"}}' >/dev/null
printf '%s\n' '{"jsonrpc":"2.0","method":"notifications/initialized"}' >&"${MCP[1]}"
step() { echo "soak round $k: $* at $((SECONDS - t0)) s"; }
for ((k = 1; k <= rounds; k++)); do
  t0=$SECONDS ok=1
  for pair in scx_simple:simple scx_qmap:qmap scx_central:central; do
    out=$(tool run_scheduler "{\"name\":\"${pair%%:*}\"}")
    [[ $(sched_ops) == "${pair#*:}" ]] || { ok=0; echo "soak round $k: ${pair%%:*} did not start: ${out:0:300}"; }
    burst
    step "${pair#*:} $(sched_state)"
  done
  id=$(grep -o '"execution_id":"[^"]*"' <<<"$out" | head -n 1 | cut -d'"' -f4)
  out=$(tool stop_scheduler "{\"execution_id\":\"$id\"}")
  [[ $(sched_state) == disabled ]] || { ok=0; echo "soak round $k: stop left $(sched_state): ${out:0:300}"; }
  step "stopped, $(sched_state)"
  c_cycle scx_simple simple || ok=0
  c_cycle scx_qmap qmap || ok=0
  transitions=$((transitions + 10))
  if ((ok)); then
    echo "soak round $k: simple -> qmap -> central -> disabled, then C simple and qmap: ok in $((SECONDS - t0)) s"
  else
    failed=$((failed + 1))
    echo "soak round $k: FAILED in $((SECONDS - t0)) s: state=$(sched_state) ops=$(sched_ops)"
  fi
done
eval "exec ${MCP[1]}>&-"
wait "$MCP_PID"
echo "soak: $rounds rounds, $transitions enable/disable transitions, $failed failed (server exit $?)"
((failed == 0))
