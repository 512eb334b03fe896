#!/usr/bin/env bash
# The daemon's load benchmark (issue 13, "Load"): starts `schedcp daemon` from the dist on a free port of
# 127.0.0.1, in a temp SCHEDCP_HOME with a fake sched_ext directory (SCHEDCP_SCHED_EXT_DIR, so it needs no root
# and no sched_ext), waits for /healthz, then runs 50 concurrent clients making 10000 requests in all against
# the read endpoints with the read-only token: ApacheBench (`ab`, Debian's apache2-utils), one ab per endpoint
# at once, 2500 requests each, 13+13+12+12 clients, a new connection per request. Prints per endpoint p50, p99
# and errors against the target (0 errors, p99 under 20 ms), then stops the daemon. Exits 2 when the target is
# missed, 1 when the benchmark itself cannot run.
#
#   scripts/bench-daemon.sh              # builds the dist first if schedcp-cli/target/schedcp is missing
#   BENCH_NICE=19 scripts/bench-daemon.sh   # daemon and clients at nice 19, on a busy machine (figures to match)
#   BENCH_WARMUP=0 scripts/bench-daemon.sh  # no warm-up (default: 1000 uncounted requests per endpoint first)
#
# Errors are failed connections, receive errors, exceptions and non-2xx answers. ab also counts answers whose
# length differs from the first one's as "failed"; /metrics and /api/v1/execution change with every answer
# (uptime, scrape figures), so those are shown apart as "len-varied" and are not errors.
set -euo pipefail
cd "$(dirname "$0")/.."

requests=10000
endpoints=(/api/v1/schedulers /api/v1/execution /metrics /api/v1/openapi.json)
clients=(13 13 12 12)  # 50 in all
target_p99_ms=20
schedcp=schedcp-cli/target/schedcp/bin/schedcp
nice_level=${BENCH_NICE:-0}

if [ ! -x "$schedcp" ]; then
  echo "bench-daemon: building the dist (offline, no tests) ..."
  nice -n 19 mvn -B -o -q -Dmaven.test.skip=true -pl schedcp-cli -am package
fi
if ! command -v ab >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "bench-daemon: ab is missing; install Debian's apache2-utils (as root: apt-get install apache2-utils)" >&2
    exit 1
  fi
  echo "bench-daemon: installing apache2-utils (ab) ..."
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq apache2-utils >/dev/null
fi
command -v curl >/dev/null 2>&1 || { echo "bench-daemon: curl is missing; apt-get install curl" >&2; exit 1; }

work=$(mktemp -d)
daemon_pid=
stop_daemon() {
  if [ -n "$daemon_pid" ] && kill -0 "$daemon_pid" 2>/dev/null; then
    kill -TERM "$daemon_pid"
    wait "$daemon_pid" || true
  fi
  daemon_pid=
}
trap 'stop_daemon; rm -rf "$work"' EXIT

# A kernel with sched_ext and no scheduler loaded, as the test kit's FakeSchedExt shows one.
mkdir -p "$work/home" "$work/sched_ext"
echo disabled >"$work/sched_ext/state"
echo 0 >"$work/sched_ext/enable_seq"
echo 1 >"$work/sched_ext/switch_all"
echo 0 >"$work/sched_ext/nr_rejected"

echo "bench-daemon: starting $schedcp daemon --listen 127.0.0.1:0 (SCHEDCP_HOME=$work/home, nice $nice_level) ..."
SCHEDCP_HOME=$work/home SCHEDCP_SCHED_EXT_DIR=$work/sched_ext \
  nice -n "$nice_level" "$schedcp" daemon --listen 127.0.0.1:0 >"$work/daemon.log" 2>&1 &
daemon_pid=$!

port=
deadline=$((SECONDS + 60))
until [ -n "$port" ] && curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null; do
  if ! kill -0 "$daemon_pid" 2>/dev/null; then
    echo "bench-daemon: the daemon ended before it answered /healthz; its output:" >&2
    cat "$work/daemon.log" >&2
    exit 1
  fi
  if [ $SECONDS -ge $deadline ]; then
    echo "bench-daemon: no answer from /healthz within 60 s; the daemon's output:" >&2
    cat "$work/daemon.log" >&2
    exit 1
  fi
  [ -n "$port" ] || port=$(grep -oE '127\.0\.0\.1:[0-9]+' "$work/daemon.log" | head -n 1 | cut -d: -f2 || true)
  sleep 0.2
done
token=$(<"$work/home/daemon.readonly.token")
echo "bench-daemon: the daemon answers on 127.0.0.1:$port; $requests requests by 50 clients ..."

# A warm-up first, not counted: 1000 requests per endpoint, so that what is measured is the served path and
# not the JIT compiling it (the daemon is long-running; its first seconds are not its steady state).
warmup=${BENCH_WARMUP:-1000}
if [ "$warmup" -gt 0 ]; then
  echo "bench-daemon: warming up with $warmup requests per endpoint (not counted) ..."
  for e in "${endpoints[@]}"; do
    nice -n "$nice_level" ab -q -r -n "$warmup" -c 10 -H "Authorization: Bearer $token" \
      "http://127.0.0.1:$port$e" >/dev/null 2>&1 || true
  done
fi

per_endpoint=$((requests / ${#endpoints[@]}))
ab_pids=()
for i in "${!endpoints[@]}"; do
  nice -n "$nice_level" ab -q -r -n "$per_endpoint" -c "${clients[$i]}" -H "Authorization: Bearer $token" \
    -e "$work/ab$i.csv" "http://127.0.0.1:$port${endpoints[$i]}" >"$work/ab$i.out" 2>&1 &
  ab_pids+=($!)
done
ab_failed=0
for pid in "${ab_pids[@]}"; do wait "$pid" || ab_failed=1; done
stop_daemon

# A figure of ab's report: the number after LABEL, 0 when the line is absent.
figure() { awk -v label="$1" 'index($0, label) == 1 { sub(/.*:[ \t]*/, ""); print $1 + 0; found = 1 } END { if (!found) print 0 }' "$2"; }
# A failed-requests part from "(Connect: 0, Receive: 0, Length: 12, Exceptions: 0)".
part() { grep -oE "$1: [0-9]+" "$2" | head -n 1 | awk '{ print $2 + 0 }' | grep . || echo 0; }
# The time in ms within which PERCENT % of the requests were served, from ab's -e CSV.
percentile() { awk -F, -v p="$1" '$1 == p { printf "%.1f", $2; found = 1 } END { if (!found) print "?" }' "$2"; }

missed=0
total_errors=0
printf '\n%-22s %8s %9s %9s %7s %11s\n' endpoint requests p50_ms p99_ms errors len-varied
for i in "${!endpoints[@]}"; do
  out=$work/ab$i.out
  if ! grep -q '^Complete requests' "$out"; then
    echo "bench-daemon: ab did not finish against ${endpoints[$i]}:" >&2
    cat "$out" >&2
    missed=1
    continue
  fi
  done_n=$(figure 'Complete requests' "$out")
  errors=$(($(part Connect "$out") + $(part Receive "$out") + $(part Exceptions "$out") \
    + $(figure 'Non-2xx responses' "$out")))
  length=$(part Length "$out")
  p50=$(percentile 50 "$work/ab$i.csv")
  p99=$(percentile 99 "$work/ab$i.csv")
  printf '%-22s %8d %9s %9s %7d %11d\n' "${endpoints[$i]}" "$done_n" "$p50" "$p99" "$errors" "$length"
  total_errors=$((total_errors + errors))
  if [ "$errors" -ne 0 ] || [ "$done_n" -lt "$per_endpoint" ] || ! awk -v v="$p99" -v t="$target_p99_ms" 'BEGIN { exit !(v + 0 < t && v != "?") }'; then
    missed=1
  fi
done
[ "$ab_failed" -eq 0 ] || missed=1
echo
if [ "$missed" -eq 0 ]; then
  echo "target (0 errors, p99 under $target_p99_ms ms on every endpoint): met"
else
  echo "target (0 errors, p99 under $target_p99_ms ms on every endpoint): MISSED ($total_errors errors)"
  exit 2
fi
