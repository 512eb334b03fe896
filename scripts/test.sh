#!/usr/bin/env bash
# The whole test suite on a fresh machine: install the build tools, then build and run every unit and
# integration test (mvn verify).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-build-tools.sh
mvn -B verify
