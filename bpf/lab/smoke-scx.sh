#!/bin/bash
# Guest job: load each named scx scheduler, check sched_ext state, put load on it, stop it
# with SIGINT and check the state goes back. Exit 0 only if every scheduler passed.
#   schedcp lab run --timeout 300 -- bash bpf/lab/smoke-scx.sh [scx_simple scx_qmap ...]
# With no names it tries scx_simple. Runs in the lab guest only (needs sched_ext).
set -u
S=/sys/kernel/sched_ext
[[ -r $S/state ]] || { echo "smoke: no $S: not a sched_ext kernel"; exit 2; }
LOG=${TMPDIR:-/run/tmp}
pass=0 fail=0

wait_state() {   # wait_state WANT SECONDS
  local i
  for ((i = 0; i < $2 * 10; i++)); do [[ $(<$S/state) == "$1" ]] && return 0; sleep 0.1; done
  return 1
}

for sched in "${@:-scx_simple}"; do
  name=${sched##*/} ok=1 t0=$SECONDS
  [[ $(<$S/state) == disabled ]] || { echo "smoke: $name: state is $(<$S/state) before start"; ok=0; }
  "$sched" >"$LOG/$name.log" 2>&1 &
  pid=$!
  if wait_state enabled 20; then
    echo "smoke: $name: state=$(<$S/state) ops=$(<$S/root/ops)"
  else
    echo "smoke: $name: did not enable (state=$(<$S/state))"; ok=0
  fi
  hackbench -g 2 -l 100 2>&1 | sed "s|^|smoke: $name: hackbench |" | tail -n 1
  stress-ng --cpu 2 --timeout 2 --temp-path "$LOG" 2>&1 | tail -n 1 | sed "s|^|smoke: $name: |"
  kill -INT "$pid" 2>/dev/null
  wait "$pid"; rc=$?
  wait_state disabled 20 || { echo "smoke: $name: still $(<$S/state) after SIGINT"; ok=0; }
  echo "smoke: $name: exit $rc, $(grep -m1 '^EXIT' "$LOG/$name.log" || echo 'no EXIT line'), state=$(<$S/state), $((SECONDS - t0)) s"
  if ((ok)); then pass=$((pass + 1)); else fail=$((fail + 1)); tail -n 5 "$LOG/$name.log"; fi
done
echo "smoke: $pass passed, $fail failed"
((fail == 0))
