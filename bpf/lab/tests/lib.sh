# Helpers for the lab's guest-side test scenarios (sourced, not run). They print facts as "key=value"
# lines for the Java side to assert on, and never decide pass or fail themselves unless told to.

sched_state() { cat /sys/kernel/sched_ext/state; }
sched_ops() { cat /sys/kernel/sched_ext/root/ops 2>/dev/null || echo none; }

# wait_for READER WANT SECONDS [PID]: polls until READER (sched_state or sched_ops) prints WANT, for at most
# SECONDS of wall time, or until process PID (the schedcp run) has ended; prints the final state and ops.
wait_for() {
  local reader=$1 want=$2 limit=$3 pid=$4 start=$SECONDS
  while [ "$($reader)" != "$want" ] && [ $((SECONDS - start)) -lt "$limit" ]; do
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then break; fi
    sleep 0.2
  done
  echo "state=$(sched_state) ops=$(sched_ops) waited_s=$((SECONDS - start))"
  [ "$($reader)" = "$want" ]
}

wait_for_state() { wait_for sched_state "$@"; }
wait_for_ops() { wait_for sched_ops "$@"; }

# run_pid NAME: the pid of the background schedcp run of NAME.
run_pid() { cat "$TMPDIR/$1.pid"; }

# workload SECONDS: CPU-bound work on every CPU, in a writable directory.
workload() {
  local t0=$(date +%s%N)
  stress-ng --cpu 2 --timeout "$1" --temp-path "$TMPDIR" --quiet
  local rc=$?
  echo "workload rc=$rc ms=$((($(date +%s%N) - t0) / 1000000))"
}

# start_run NAME [ARGS...]: `schedcp run NAME $RUN_FLAGS -- ARGS` in the background; its output in
# $TMPDIR/NAME.log. RUN_FLAGS holds schedcp's own flags for this run, such as --replace-foreign.
start_run() {
  local name=$1
  shift
  schedcp run "$name" $RUN_FLAGS ${1:+--} "$@" >"$TMPDIR/$name.log" 2>&1 &
  echo $! >"$TMPDIR/$name.pid"
}

# finish_run NAME SIGNAL: signals the schedcp run of NAME, waits for it, prints its status and its log.
finish_run() {
  local name=$1 pid
  pid=$(cat "$TMPDIR/$name.pid")
  [ -n "$2" ] && kill -s "$2" "$pid"
  wait "$pid"
  echo "run rc=$?"
  echo "after state=$(sched_state)"
  echo "--- $name log"
  cat "$TMPDIR/$name.log"
  echo "--- end"
}
