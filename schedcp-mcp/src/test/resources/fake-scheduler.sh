#!/bin/sh
# Plays a sched_ext scheduler program for the MCP tests: it "registers" by writing the fake sysfs files in
# $1 (state, root/ops) under the ops name $2 and "unregisters" on SIGINT/SIGTERM, as a real one does
# through the kernel. Its first flag picks what it does:
#   (none)          enable, print a stats line now and then, stop cleanly on SIGINT
#   --fail          print an error and exit 1 without enabling
#   --never-enable  run but never enable
dir=$1
ops=$2
mode=${3:-normal}
if [ "$mode" = --fail ]; then
  echo "fake $ops: unrecognized option '--fail'"
  exit 1
fi
trap 'echo disabled > "$dir/state"; rm -f "$dir/root/ops"; echo "EXIT: unregistered from user space"; exit 0' INT TERM
echo "fake $ops: loading"
if [ "$mode" != --never-enable ]; then
  echo "fake $ops: enabled"
  mkdir -p "$dir/root"
  echo "$ops" > "$dir/root/ops"
  echo enabled > "$dir/state"
fi
n=0
while :; do
  sleep 0.05
  n=$((n + 1))
  [ $((n % 20)) -eq 0 ] && echo "fake $ops: tick $n"
done
