#!/bin/sh
# Builds the dist's class-data-sharing archive, lib/schedcp.jsa, at `mvn package` time.
#   cds-archive.sh DIST
# A training run of the common commands (--version, list, status, help, an MCP session) lists the classes they
# load; the JDK then dumps those classes, parsed and verified, into one archive that the launcher maps at start.
# The JVM itself checks the archive at every start (the same JDK build, the same jars at the same paths, with
# the same sizes and times) and ignores it silently if anything differs, so a stale archive costs only speed.
# This never fails the build: without an archive the launcher starts as before, and says nothing.
set -u
dist=$(readlink -f "$1")
lib=$dist/lib
launcher=$dist/bin/schedcp
archive=$lib/schedcp.jsa
if [ -n "${JAVA_HOME:-}" ]; then java="$JAVA_HOME/bin/java"; else java=java; fi
work=$(mktemp -d "${TMPDIR:-/tmp}/schedcp-cds.XXXXXX") || exit 0
trap 'rm -rf "$work"' EXIT
rm -f "$archive"
# The training writes nowhere but its own scratch directory, and runs without the archive it builds.
export SCHEDCP_HOME="$work/home" SCHEDCP_CDS=off
train() {
  name=$1; shift
  SCHEDCP_JAVA_OPTS="-XX:DumpLoadedClassList=$work/$name.classes" timeout 120 "$launcher" "$@" \
    >"$work/$name.out" 2>&1 </dev/null
}
train version --version
train list list
train list-json list --json
train status status
train status-json status --json
train help-run run --help
mcp_session() {
  printf '%s\n' \
    '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"cds-training","version":"1"}}}' \
    '{"jsonrpc":"2.0","method":"notifications/initialized"}' \
    '{"jsonrpc":"2.0","id":2,"method":"tools/list"}' \
    '{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"list_schedulers","arguments":{"name":"rusty"}}}' \
    '{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"get_execution_status","arguments":{"execution_id":"none"}}}'
  sleep 3
}
mcp_session | SCHEDCP_JAVA_OPTS="-XX:DumpLoadedClassList=$work/mcp.classes" timeout 120 "$launcher" mcp \
  >"$work/mcp.out" 2>&1
# The helper JVMs (a custom scheduler's loader, the verifier) run from the same module path, so the same
# archive serves them; their training ends early, on a missing object, but loads most of what they use.
helper() {
  name=$1; shift
  timeout 120 "$java" -XX:+UseSerialGC -XX:DumpLoadedClassList="$work/$name.classes" --module-path "$lib" \
    -m "io.schedcp.bpf/io.schedcp.bpf.custom.$@" >"$work/$name.out" 2>&1 </dev/null
}
helper loader LoaderMain training "$work/missing.bpf.o"
helper verifier VerifyMain host 1 training training "$work/missing.bpf.o"
cat "$work"/*.classes 2>/dev/null | sort -u >"$work/all.classes"
if [ ! -s "$work/all.classes" ]; then
  echo "cds-archive: the training run listed no classes; the launcher will start without an archive" >&2
  exit 0
fi
if "$java" -Xshare:dump -XX:SharedClassListFile="$work/all.classes" -XX:SharedArchiveFile="$archive" \
    --module-path "$lib" -m io.schedcp.cli/io.schedcp.cli.Main --version >"$work/dump.log" 2>&1; then
  echo "cds-archive: $archive, $(wc -l <"$work/all.classes") classes from the training run"
else
  rm -f "$archive"
  echo "cds-archive: the JDK could not dump the archive (the launcher will start without one):" >&2
  tail -n 5 "$work/dump.log" >&2
fi
exit 0
