#!/usr/bin/env bash
# The whole test suite on a fresh machine: install the build tools, set up the kernel lab (the BPF
# toolchain, a sched_ext kernel and the reference schedulers: bpf/setup.sh), then build and run every
# unit, integration and lab test (mvn verify).
# On CI (CI=true) a lab that cannot be set up fails the run; elsewhere the lab tests are skipped, loudly.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-build-tools.sh
if ! bash bpf/setup.sh; then
  if [ "${CI:-}" = true ]; then
    echo "schedcp test: the kernel lab set-up failed (above); CI must run the lab tests" >&2
    exit 1
  fi
  echo "schedcp test: *** the kernel lab set-up failed (above): the lab tests will be SKIPPED ***" >&2
fi
# Tests signal child processes, some of them shell scripts; a shell cannot trap a signal it was started
# with ignored (as a shell's background jobs are), so restore SIGINT and SIGTERM for the whole run.
reset_signals=
if env --default-signal=INT true 2>/dev/null; then reset_signals="env --default-signal=INT,TERM"; fi
$reset_signals mvn -B verify
