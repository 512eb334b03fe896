#!/usr/bin/env bash
# Installs what building schedcp needs on a fresh Debian machine: a JDK 17+, Maven 3.8.7+, systemd's
# systemd-analyze (schedcp-daemon's SystemdUnitTest checks packaging/systemd/ with it; a container image
# often lacks it) and promtool (package prometheus), with which the daemon's tests check its metrics' text
# format, and curl and python3, which scripts/fleet-rollout.sh needs (FleetRolloutTest runs it). Quiet and
# quick when all are already there.
set -euo pipefail

need=()
command -v javac >/dev/null 2>&1 || need+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || need+=(maven)
command -v systemd-analyze >/dev/null 2>&1 || need+=(systemd)
command -v promtool >/dev/null 2>&1 || need+=(prometheus)
command -v curl >/dev/null 2>&1 || need+=(curl)
command -v python3 >/dev/null 2>&1 || need+=(python3)
if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "schedcp setup: missing ${need[*]}; install them (as root: apt-get install ${need[*]})" >&2
  exit 1
fi
echo "schedcp setup: installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${need[@]}" >/dev/null
