#!/usr/bin/env bash
# The main job on a fresh machine: install the build tools, build the distribution, then show what
# schedcp knows (the scheduler catalog) and what the kernel runs.
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
