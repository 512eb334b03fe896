#!/usr/bin/env bash
# Lab soak, the host side: N boots of the lab guest, each running bpf/lab/soak-guest.sh (the JVM-driven
# start / replace / stop of several schedulers under load that crashed guests before). One line per boot,
# then a summary; the console of every failed boot is kept, and its path printed.
#   bpf/lab/soak.sh N [ROUNDS]      (default: 10 boots of 3 rounds each)
# The emulated machine is the lab's default unless SCHEDCP_LAB_ACCEL, SCHEDCP_LAB_CPU or SCHEDCP_LAB_QEMU
# say otherwise, e.g. SCHEDCP_LAB_ACCEL=tcg,thread=multi bpf/lab/soak.sh 10. Needs a built schedcp
# (mvn package) and the lab (bpf/setup.sh). Exit 0 when no boot crashed or failed.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
boots=${1:-10} rounds=${2:-3}
[[ $boots =~ ^[1-9][0-9]*$ && $rounds =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [BOOTS] [ROUNDS]" >&2; exit 2; }
schedcp=${SCHEDCP:-$top/schedcp-cli/target/schedcp/bin/schedcp}
[[ -x $schedcp ]] || { echo "soak: no schedcp at $schedcp: run mvn package first (or set SCHEDCP)" >&2; exit 2; }
logs=$(mktemp -d "${TMPDIR:-/tmp}/schedcp-soak.XXXXXX")
machine="accel ${SCHEDCP_LAB_ACCEL:-default} cpu ${SCHEDCP_LAB_CPU:-default}${SCHEDCP_LAB_QEMU:+ qemu $SCHEDCP_LAB_QEMU}"
echo "soak: $boots boots of $rounds rounds, $machine; logs in $logs"
passed=0 crashed=0 failed=0 t_all=$SECONDS
for ((i = 1; i <= boots; i++)); do
  log=$logs/boot-$i.log t0=$SECONDS
  "$schedcp" lab run --timeout $((rounds * 240)) -- bash "$here/soak-guest.sh" "$rounds" >"$log" 2>&1
  rc=$?
  secs=$((SECONDS - t0))
  done_rounds=$(grep -c '^soak round .*: ok' "$log")
  console=$(sed -n 's/^schedcp: the whole console is in //p' "$log" | tail -n 1)
  if [[ $rc == 0 ]]; then
    passed=$((passed + 1))
    echo "boot $i/$boots: passed, $done_rounds rounds in $secs s"
  elif [[ $rc == 12 ]]; then
    crashed=$((crashed + 1))
    what=$(sed -n 's/^schedcp: \(the guest kernel crashed.*\); its report:$/\1/p' "$log" | head -n 1)
    echo "boot $i/$boots: CRASHED after $secs s, $done_rounds rounds done: $what; console $console"
  else
    failed=$((failed + 1))
    echo "boot $i/$boots: FAILED (exit $rc) after $secs s, $done_rounds rounds done; log $log${console:+; console $console}"
  fi
done
echo "soak: $boots boots ($machine): $passed passed, $crashed crashed, $failed failed, in $((SECONDS - t_all)) s"
((crashed == 0 && failed == 0))
