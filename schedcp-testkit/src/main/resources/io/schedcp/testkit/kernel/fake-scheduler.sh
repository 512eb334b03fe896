#!/bin/sh
# Plays a sched_ext scheduler program for schedcp's tests. It "registers" by writing the fake sysfs directory
# (state, root/ops) and "unregisters" on SIGINT/SIGTERM, as a real one does through the kernel.
#
#   fake-scheduler.sh [--sysfs DIR] [--ops NAME] [BEHAVIOUR]
#
#   --sysfs DIR  the fake /sys/kernel/sched_ext; by default $SCHEDCP_SCHED_EXT_DIR, which a schedcp pointed at
#                the fake directory passes on to the programs it starts
#   --ops NAME   the ops name it registers; by default its file name without scx_, so that a copy installed
#                as scx_simple registers simple, as the real one does
# BEHAVIOUR (by default it enables, prints a stats line now and then and stops cleanly on SIGINT or SIGTERM):
#   --never-enable         run but never enable
#   --ignore-int           ignore SIGINT, stop on SIGTERM
#   --stays-enabled        exit on a signal without unregistering (a kernel that keeps it)
#   --ejected              after about 0.5 s the "kernel" disables it; the program keeps running
#   --dies                 after about 0.5 s the program exits with status 3
#   --sudo-refused         print what sudo prints without a password, exit 1
#   --sudo-wrong-password  print what sudo -S prints for a wrong password, exit 1
# Any other argument (tests use --fail and --bogus) is refused as a real scheduler refuses an option it does
# not know: it says so and exits 1 before enabling.
dir=$SCHEDCP_SCHED_EXT_DIR
name=$(basename "$0")
ops=${name#scx_}
mode=normal
while [ $# -gt 0 ]; do
  case $1 in
    --sysfs) dir=$2; shift ;;
    --ops) ops=$2; shift ;;
    --never-enable|--ignore-int|--stays-enabled|--ejected|--dies|--sudo-refused|--sudo-wrong-password)
      mode=${1#--} ;;
    *) echo "fake $ops: unrecognized option '$1'"; echo "EXIT: failed to load (fake)"; exit 1 ;;
  esac
  shift
done
if [ -z "$dir" ] || [ ! -d "$dir" ]; then
  echo "fake $ops: no fake sysfs directory at '$dir'; pass --sysfs DIR or set SCHEDCP_SCHED_EXT_DIR" >&2
  exit 2
fi
release() { echo disabled > "$dir/state"; rm -f "$dir/root/ops"; }
case $mode in
  sudo-refused) echo "sudo: a password is required"; exit 1 ;;
  sudo-wrong-password) echo "Sorry, try again."; echo "sudo: 1 incorrect password attempt"; exit 1 ;;
esac
echo "fake $ops: loading"
# The traps come before registering, and the first stats line too, as with a real scheduler once attached.
case $mode in
  ignore-int) trap 'echo "fake $ops: ignoring SIGINT"' INT
              trap 'release; echo "fake $ops: stopped by SIGTERM"; exit 143' TERM ;;
  stays-enabled) trap 'echo "fake $ops: leaving without unregistering"; exit 0' INT TERM ;;
  *) trap 'release; echo "EXIT: unregistered from user space"; exit 0' INT TERM ;;
esac
echo "local=0 global=0"
if [ "$mode" != never-enable ]; then
  echo "fake $ops: enabled"
  mkdir -p "$dir/root"
  echo "$ops" > "$dir/root/ops"
  echo enabled > "$dir/state"
fi
# One timer rather than a count of loop rounds, so that a busy machine does not push the ejection late.
if [ "$mode" = ejected ]; then
  (sleep 0.5; release; echo "EXIT: runnable task stall (fake watchdog)") &
fi
n=0
while :; do
  sleep 0.05
  n=$((n + 1))
  [ $((n % 20)) -eq 0 ] && echo "local=$n global=0"
  if [ $n -eq 10 ]; then
    case $mode in
      dies) echo "fake $ops: segfault"
            (sleep 0.2; release) &   # the kernel unloads it once its link closes with the program
            exit 3 ;;
    esac
  fi
done
