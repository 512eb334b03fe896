#!/bin/bash
# Lab scenario: an MCP client in bash drives `schedcp mcp` over its stdin and stdout: initialize, run_scheduler
# scx_simple (the kernel must report it enabled), stop_scheduler (the kernel must be back on its default),
# then stdin closed (the server must exit 0).
. "$(dirname "$0")/lib.sh"
coproc MCP { exec schedcp mcp 2>"$TMPDIR/mcp.err"; }
server=$MCP_PID
send() { printf '%s\n' "$1" >&"${MCP[1]}"; }
# recv ID: the response with that id, skipping notifications; gives up after two minutes.
recv() {
  local line
  while IFS= read -r -t 200 line <&"${MCP[0]}"; do
    [[ "$line" == *"\"id\":$1,"* || "$line" == *"\"id\":$1}"* ]] && { echo "$line"; return 0; }
  done
  echo "no response $1"
  return 1
}
send '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"lab","version":"1"}}}'
echo "init=$(recv 1)"
send '{"jsonrpc":"2.0","method":"notifications/initialized"}'
send '{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"run_scheduler","arguments":{"name":"scx_simple"}}}'
run=$(recv 2)
echo "run=$run"
echo "during state=$(sched_state) ops=$(sched_ops)"
id=$(echo "$run" | grep -o '"execution_id":"[^"]*"' | head -n 1 | cut -d'"' -f4)
echo "execution=$id"
send "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"stop_scheduler\",\"arguments\":{\"execution_id\":\"$id\"}}}"
echo "stop=$(recv 3)"
echo "after state=$(sched_state)"
eval "exec ${MCP[1]}>&-"
wait "$server"
echo "mcp rc=$?"
echo "--- mcp stderr"
cat "$TMPDIR/mcp.err"
echo "--- end"
