#!/bin/sh
# Stands in for an scx scheduler binary in CLI tests: it registers in the fake sysfs directory named by
# SCHEDCP_SCHED_EXT_DIR under the ops name in FAKE_OPS (default: the file name without scx_), prints a
# stats line now and then, and unregisters on SIGINT/SIGTERM. "--bogus" makes it fail to load.
dir=$SCHEDCP_SCHED_EXT_DIR
name=$(basename "$0")
ops=${FAKE_OPS:-${name#scx_}}
for arg in "$@"; do
  if [ "$arg" = --bogus ]; then
    echo "$name: unrecognized option '--bogus'"
    echo "EXIT: failed to load (fake)"
    exit 1
  fi
done
# Ready before registering, as a real scheduler is once attached: the trap is set and the first stats
# line is out before the kernel state says enabled.
trap 'echo disabled > "$dir/state"; rm -f "$dir/root/ops"; echo "EXIT: unregistered from user space"; exit 0' INT TERM
echo "local=0 global=0"
mkdir -p "$dir/root"
echo "$ops" > "$dir/root/ops"
echo enabled > "$dir/state"
n=0
while :; do
  sleep 0.05
  n=$((n + 1))
  [ $((n % 20)) -eq 1 ] && echo "local=$n global=0"
done
