#!/bin/bash
# schedcp kernel lab: PID 1 inside the QEMU guest (started by bpf/lab/run.sh).
#
# The guest's root is the host's root, shared read-only over virtiofs. This script mounts
# the kernel filesystems and a writable tmpfs scratch at /run, runs the job named on the
# kernel command line, and powers off. Kernel command line parameters it reads:
#   schedcp.job=/abs/path/job.sh   host file run with bash (required)
#   schedcp.timeout=SECONDS        job time limit (default 300)
#   schedcp.id=TOKEN               echoed in the markers so they cannot be faked by accident
#   schedcp.cache=DIR              host's SCHEDCP_CACHE (toolchain.properties is in DIR/lab)
# Console protocol (serial, ttyS0); the job's stdout+stderr is everything between:
#   SCHEDCP-LAB-START <id>
#   SCHEDCP-LAB-EXIT <status> <id>       (status 124: the job hit schedcp.timeout)
# Writable in the guest: /run (HOME, SCHEDCP_HOME, TMPDIR live there), /dev, /sys/fs/*.
# /tmp is the host's /tmp, read-only.

export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
umask 022

mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
exec </dev/null >/dev/console 2>&1
mkdir -p /dev/pts /dev/shm
mount -t devpts devpts /dev/pts
mount -t tmpfs tmpfs /dev/shm
mount -t tmpfs -o mode=0755 scratch /run
mount -t cgroup2 cgroup2 /sys/fs/cgroup
mount -t bpf bpffs /sys/fs/bpf
mount -t debugfs debugfs /sys/kernel/debug 2>/dev/null
mount -t tracefs tracefs /sys/kernel/tracing 2>/dev/null
hostname schedcp-lab 2>/dev/null
ip link set lo up 2>/dev/null

JOB="" TIMEOUT=300 ID="" CACHE=""
for arg in $(cat /proc/cmdline); do
  case "$arg" in
    schedcp.job=*) JOB=${arg#*=} ;;
    schedcp.timeout=*) TIMEOUT=${arg#*=} ;;
    schedcp.id=*) ID=${arg#*=} ;;
    schedcp.cache=*) CACHE=${arg#*=} ;;
  esac
done

export HOME=/run/home SCHEDCP_HOME=/run/schedcp TMPDIR=/run/tmp SCHEDCP_LAB=1
export LANG=C.UTF-8 TERM=dumb
mkdir -p "$HOME" "$SCHEDCP_HOME" "$TMPDIR"
if [[ -n "$CACHE" ]]; then
  export SCHEDCP_CACHE=$CACHE
  # The host's scheduler binaries, reachable as $SCHEDCP_HOME/scxbin and on PATH.
  scxbin=$(sed -n 's/^scxbin=//p' "$CACHE/lab/toolchain.properties" 2>/dev/null)
  if [[ -d "$scxbin" ]]; then
    ln -s "$scxbin" "$SCHEDCP_HOME/scxbin"
    PATH=$PATH:$scxbin
  fi
fi

echo "SCHEDCP-LAB-START $ID"
if [[ -z "$JOB" || ! -r "$JOB" ]]; then
  echo "guest-init: no readable job (schedcp.job=$JOB)"
  rc=127
else
  # Own session, so timeout's KILL reaches everything the job started in its group.
  timeout -k 5 "$TIMEOUT" setsid -w bash "$JOB"
  rc=$?
  [[ $rc == 124 ]] && echo "guest-init: job timed out after ${TIMEOUT}s"
fi
echo "SCHEDCP-LAB-EXIT $rc $ID"

# poweroff -f: busybox's calls reboot(2) directly (Debian's poweroff needs systemd).
busybox poweroff -f 2>/dev/null
echo o >/proc/sysrq-trigger 2>/dev/null
sleep 5
exit "$rc"   # PID 1 exits -> panic -> panic=-1 reboots -> qemu -no-reboot exits
