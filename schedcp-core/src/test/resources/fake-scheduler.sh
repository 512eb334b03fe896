#!/bin/sh
# A stand-in for a sched_ext scheduler program, for tests. It "registers" by writing the fake sysfs
# files in $1 (state, root/ops) and "unregisters" on SIGINT/SIGTERM, as a real one does through the kernel.
# $2 is its ops name; $3 picks a behaviour:
#   normal         enable, stop cleanly on SIGINT
#   fail           print an error and exit 1 without enabling
#   sudo-refused   print what sudo prints without a password, exit 1
#   sudo-wrong-password  print what sudo -S prints for a wrong password, exit 1
#   never-enables  run but never enable
#   ignore-int     ignore SIGINT, stop on SIGTERM
#   stays-enabled  exit on SIGINT without unregistering (a kernel that keeps it)
#   ejected        after ~0.5 s the "kernel" disables it; the program keeps running
#   dies           after ~0.5 s the program exits with status 3
dir=$1
ops=$2
mode=${3:-normal}
release() { echo disabled > "$dir/state"; rm -f "$dir/root/ops"; }
case $mode in
  fail) echo "fake $ops: unknown option --bogus"; echo "EXIT: fake failed to load"; exit 1 ;;
  sudo-refused) echo "sudo: a password is required"; exit 1 ;;
  sudo-wrong-password) echo "Sorry, try again."; echo "sudo: 1 incorrect password attempt"; exit 1 ;;
esac
echo "fake $ops: loading"
# The traps come before registering, as a real scheduler handles signals once it is attached.
case $mode in
  ignore-int) trap 'echo "fake $ops: ignoring SIGINT"' INT
              trap 'release; echo "fake $ops: stopped by SIGTERM"; exit 143' TERM ;;
  stays-enabled) trap 'echo "fake $ops: leaving without unregistering"; exit 0' INT TERM ;;
  *) trap 'release; echo "EXIT: unregistered from user space"; exit 0' INT TERM ;;
esac
if [ "$mode" != never-enables ]; then
  echo "fake $ops: enabled"
  mkdir -p "$dir/root"
  echo "$ops" > "$dir/root/ops"
  echo enabled > "$dir/state"
fi
n=0
while :; do
  sleep 0.05
  n=$((n + 1))
  if [ $n -eq 10 ]; then
    case $mode in
      ejected) release; echo "EXIT: runnable task stall (fake watchdog)" ;;
      dies) echo "fake $ops: segfault"
            (sleep 0.2; release) &   # the kernel unloads it once its link closes with the program
            exit 3 ;;
    esac
  fi
done
