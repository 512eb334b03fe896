#!/usr/bin/env bash
# The main job on a fresh machine: install the build tools, build the distribution, show what schedcp
# knows (the scheduler catalog) and what this host's kernel runs, then set up the kernel lab and run a real
# sched_ext scheduler in it with schedcp.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-build-tools.sh
echo "schedcp: building (mvn package) ..."
mvn -B -q -DskipTests package
schedcp=schedcp-cli/target/schedcp/bin/schedcp
echo
echo "\$ schedcp list"
"$schedcp" list
echo
echo "\$ schedcp status"
"$schedcp" status
echo
echo "schedcp: setting up the kernel lab (bpf/setup.sh) ..."
bash bpf/setup.sh
echo
echo "\$ schedcp lab run -- bash bpf/lab/demo.sh"
"$schedcp" lab run --timeout 600 -- bash bpf/lab/demo.sh
