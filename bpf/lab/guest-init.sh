#!/bin/bash
# schedcp kernel lab: PID 1 inside the QEMU guest (started by the Java Lab, io.schedcp.lab).
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
# /tmp is the host's /tmp, read-only. /boot is a tmpfs holding only this kernel's config.

export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
umask 022
# Static busybox for the setup work: each dynamically linked exec costs ~0.5 s under TCG.
bb() { /bin/busybox "$@"; }

bb mount -t proc proc /proc
bb mount -t sysfs sysfs /sys
bb mount -t devtmpfs devtmpfs /dev
exec </dev/null >/dev/console 2>&1
read -r CMDLINE </proc/cmdline
# schedcp.trace on the command line: trace this script with guest uptimes.
if [[ " $CMDLINE " == *" schedcp.trace "* ]]; then
  # shellcheck disable=SC2016,SC2154
  PS4='+ [$(read -r u _ </proc/uptime; echo $u)] '; set -x
fi
bb mkdir -p /dev/pts /dev/shm
bb mount -t devpts devpts /dev/pts
bb mount -t tmpfs tmpfs /dev/shm
bb mount -t tmpfs -o mode=0755 scratch /run
bb mount -t cgroup2 cgroup2 /sys/fs/cgroup
bb mount -t bpf bpffs /sys/fs/bpf
bb mount -t debugfs debugfs /sys/kernel/debug 2>/dev/null
bb mount -t tracefs tracefs /sys/kernel/tracing 2>/dev/null
bb hostname schedcp-lab 2>/dev/null
bb ip link set lo up 2>/dev/null

JOB="" TIMEOUT=300 ID="" CACHE=""
for arg in $CMDLINE; do
  case "$arg" in
    schedcp.job=*) JOB=${arg#*=} ;;
    schedcp.timeout=*) TIMEOUT=${arg#*=} ;;
    schedcp.id=*) ID=${arg#*=} ;;
    schedcp.cache=*) CACHE=${arg#*=} ;;
  esac
done

export HOME=/run/home SCHEDCP_HOME=/run/schedcp TMPDIR=/run/tmp SCHEDCP_LAB=1
# Software emulation, one host thread for both vCPUs: a JVM that loads a scheduler takes 15-60 s to start here.
export SCHEDCP_START_TIMEOUT=${SCHEDCP_START_TIMEOUT:-150}
export LANG=C.UTF-8 TERM=dumb
bb mkdir -p "$HOME" "$SCHEDCP_HOME" "$TMPDIR"
if [[ -n "$CACHE" ]]; then
  export SCHEDCP_CACHE=$CACHE
  scxbin="" kconfig=""
  while IFS='=' read -r k v; do
    case "$k" in scxbin) scxbin=$v ;; kernel_config) kconfig=$v ;; esac
  done <"$CACHE/lab/toolchain.properties" 2>/dev/null
  # The host's scheduler binaries, reachable as $SCHEDCP_HOME/scxbin and on PATH.
  if [[ -d "$scxbin" ]]; then
    bb ln -s "$scxbin" "$SCHEDCP_HOME/scxbin"
    PATH=$PATH:$scxbin
  fi
  # libbpf resolves __kconfig externs from /boot/config-$(uname -r): give it this kernel's.
  if [[ -f "$kconfig" ]] && bb mount -t tmpfs -o mode=0755,size=8m boot /boot; then
    read -r release </proc/sys/kernel/osrelease
    bb cp "$kconfig" "/boot/config-$release"
  fi
fi

echo "SCHEDCP-LAB-START $ID"
if [[ -z "$JOB" || ! -r "$JOB" ]]; then
  echo "guest-init: no readable job (schedcp.job=$JOB)"
  rc=127
else
  # timeout signals its whole process group: the job and what it started.
  t0=$SECONDS
  timeout -k 5 "$TIMEOUT" bash "$JOB"
  rc=$?
  if [[ $rc == 124 || ( $rc == 137 && $((SECONDS - t0)) -ge $TIMEOUT ) ]]; then echo "guest-init: job timed out after ${TIMEOUT}s"; rc=124; fi
fi
echo "SCHEDCP-LAB-EXIT $rc $ID"

# poweroff -f: busybox's calls reboot(2) directly (Debian's poweroff needs systemd).
bb poweroff -f 2>/dev/null
echo o >/proc/sysrq-trigger 2>/dev/null
sleep 5
exit "$rc"   # PID 1 exits -> panic -> panic=-1 reboots -> qemu -no-reboot exits
