#!/usr/bin/env bash
# Rolls a scheduler change across a fleet of schedcp daemons, one daemon at a time, over their REST API with
# bearer tokens, and rolls it back when one daemon fails. Needs bash, curl and python3 (for the JSON) only.
#
#   scripts/fleet-rollout.sh [--timeout SECONDS] FLEET_FILE SCHEDULER [ARG...]
#
# Run scripts/fleet-rollout.sh --help for what it does and its exit statuses; docs/daemon.md, "A fleet rollout".
set -uo pipefail

prog=fleet-rollout
timeout_s=60
poll_s=0.2
curl_max_s=10

usage() {
  cat <<'EOF'
Usage: fleet-rollout.sh [--timeout SECONDS] FLEET_FILE SCHEDULER [ARG...]

Rolls SCHEDULER with its ARGs (everything after SCHEDULER; a leading -- is dropped) across the schedcp daemons
listed in FLEET_FILE, one daemon at a time, through their REST API (docs/daemon.md).

FLEET_FILE has one daemon a line, "URL TOKENFILE": the daemon's TCP address (schedcp daemon --listen) and
the file holding its full token (its SCHEDCP_HOME/daemon.token). Blank lines and lines starting with # are
skipped. For example:
  http://127.0.0.1:18701 /srv/node1/daemon.token
  http://10.0.0.12:8787  /etc/schedcp/fleet/node2.token

For each daemon in order it
  1. reads GET /api/v1/execution and records what the daemon runs (its scheduler and args, or none);
  2. asks POST /api/v1/execution {"name": SCHEDULER, "args": [ARG...]}, which answers with a request number;
  3. polls GET /api/v1/execution until status.request has reached that number and status.settled holds.
     The phase RUNNING is a success; RESTARTING or GAVE_UP (the scheduler failed there), an HTTP error, or
     no settled answer within the timeout is a failure.
On a failure it stops, and rolls back every daemon it changed, the failed one included, last changed first:
each is asked again for what it ran before (POST with its scheduler and args), or, if it ran none, stopped
(DELETE). Then it exits non-zero, naming the daemon that failed and why.

Options:
  --timeout SECONDS  how long to wait for each daemon's change, and for each rollback (default 60)
  -h, --help         this help

Exit status:
  0  every daemon runs SCHEDULER
  1  a daemon failed; every daemon changed was rolled back to what it ran before
  2  a usage error (bad options, an unreadable or malformed FLEET_FILE or token file), or curl or python3
     is missing; nothing was changed
  3  a daemon failed, and the rollback failed on at least one daemon too (named): the fleet is mixed
EOF
}

usage_error() {
  echo "$prog: $1" >&2
  echo "$prog: see $0 --help" >&2
  exit 2
}

# The JSON side, in python3: parses the daemon's answers and builds the request bodies.
read -r -d '' JSON_PY <<'EOF'
import json, sys

cmd = sys.argv[1]
if cmd == "args":  # ARG... -> a JSON list
    print(json.dumps(sys.argv[2:]))
elif cmd == "body":  # NAME ARGS_JSON -> a run request
    print(json.dumps({"name": sys.argv[2], "args": json.loads(sys.argv[3])}))
elif cmd == "words":  # NAME ARGS_JSON -> "NAME ARG ARG", to print
    print(" ".join([sys.argv[2]] + json.loads(sys.argv[3])))
elif cmd == "status":  # FILE of GET /api/v1/execution -> phase, scheduler, args, request, settled, failure
    s = json.load(open(sys.argv[2]))["status"]
    print(s["phase"])
    print(s.get("scheduler") or "")
    print(json.dumps(s.get("args") or []))
    print(s["request"])
    print("true" if s["settled"] else "false")
    print(" ".join((s.get("last_failure") or "").split()))
elif cmd == "taken":  # FILE of a 202 answer -> its request number
    print(json.load(open(sys.argv[2]))["request"])
elif cmd == "error":  # FILE of an error answer -> "KIND: message", or the start of what came
    text = open(sys.argv[2], errors="replace").read()
    try:
        e = json.loads(text)["error"]
        print(e["kind"] + ": " + " ".join(e["message"].split()))
    except Exception:
        print(" ".join(text.split())[:200] or "(no body)")
EOF

json() { python3 -c "$JSON_PY" "$@"; }

while [ $# -gt 0 ]; do
  case $1 in
    -h|--help) usage; exit 0 ;;
    --timeout)
      [ $# -ge 2 ] || usage_error "--timeout needs a number of seconds"
      [[ $2 =~ ^[1-9][0-9]*$ ]] || usage_error "--timeout $2 is not a whole number of seconds above 0"
      timeout_s=$2; shift 2 ;;
    --) shift; break ;;
    -*) usage_error "unknown option $1" ;;
    *) break ;;
  esac
done
[ $# -ge 2 ] || usage_error "give FLEET_FILE and SCHEDULER"
fleet_file=$1
scheduler=$2
shift 2
[ "${1:-}" = -- ] && shift
for tool in curl python3; do
  command -v "$tool" >/dev/null 2>&1 || usage_error "$tool is not on the PATH; install it (Debian: apt-get install $tool)"
done
[ -r "$fleet_file" ] || usage_error "cannot read the fleet file $fleet_file"

urls=()
tokens=()
line_no=0
while IFS= read -r line || [ -n "$line" ]; do
  line_no=$((line_no + 1))
  read -r url token_file extra <<<"$line"
  [ -z "${url:-}" ] && continue
  [[ $url == \#* ]] && continue
  where="$fleet_file line $line_no"
  [ -n "${token_file:-}" ] && [ -z "${extra:-}" ] || usage_error "$where: give \"URL TOKENFILE\", not \"$line\""
  [[ $url =~ ^https?://[^/[:space:]]+$ ]] \
    || usage_error "$where: $url is not a daemon's address such as http://127.0.0.1:8787 (no path)"
  [ -r "$token_file" ] || usage_error "$where: cannot read the token file $token_file"
  token=$(<"$token_file")
  token=${token//[[:space:]]/}
  [ -n "$token" ] || usage_error "$where: the token file $token_file is empty"
  urls+=("$url")
  tokens+=("$token")
done <"$fleet_file"
[ ${#urls[@]} -gt 0 ] || usage_error "the fleet file $fleet_file lists no daemon"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
body_file=$work/body
answer_file=$work/answer

# call METHOD INDEX PATH [JSON]: one request to daemon INDEX. Sets http_status (000 when none came) and, when
# the transport failed, transport_error. The token goes to curl on its stdin, never on its command line.
call() {
  local method=$1 index=$2 path=$3 data=${4:-}
  local args=(-sS --max-time "$curl_max_s" -o "$answer_file" -w '%{http_code}' -X "$method" -K -)
  if [ -n "$data" ]; then
    printf '%s' "$data" >"$body_file"
    args+=(-H 'Content-Type: application/json' --data-binary "@$body_file")
  fi
  : >"$answer_file"
  transport_error=
  http_status=$(printf 'header = "Authorization: Bearer %s"\n' "${tokens[$index]}" \
    | curl "${args[@]}" "${urls[$index]}$path" 2>"$work/curl.err")
  local rc=$?
  if [ $rc -ne 0 ]; then
    local err
    err=$(<"$work/curl.err")
    transport_error="${err//$'\n'/ } (curl exit $rc)"
    http_status=000
  fi
}

# read_status INDEX: GET /api/v1/execution into phase, sched, args_json, request, settled, failure; sets why
# and returns 1 when it could not.
read_status() {
  call GET "$1" /api/v1/execution
  if [ -n "$transport_error" ]; then why="GET /api/v1/execution failed: $transport_error"; return 1; fi
  if [ "$http_status" != 200 ]; then
    why="GET /api/v1/execution answered HTTP $http_status $(json error "$answer_file")"
    return 1
  fi
  local fields
  if ! fields=$(json status "$answer_file" 2>&1); then
    why="GET /api/v1/execution answered what is not a status: $(json error "$answer_file")"
    return 1
  fi
  { read -r phase; read -r sched; read -r args_json; read -r request; read -r settled; read -r failure; } <<<"$fields"
  return 0
}

# ask METHOD INDEX [JSON]: POST or DELETE /api/v1/execution; sets taken (the request number), or why and
# returns 1.
ask() {
  call "$1" "$2" /api/v1/execution "${3:-}"
  if [ -n "$transport_error" ]; then why="$1 /api/v1/execution failed: $transport_error"; return 1; fi
  if [ "$http_status" != 202 ]; then
    why="$1 /api/v1/execution answered HTTP $http_status $(json error "$answer_file")"
    return 1
  fi
  taken=$(json taken "$answer_file") || { why="$1 /api/v1/execution answered no request number"; return 1; }
}

# await INDEX REQUEST WANTED_PHASE: polls until the status has reached REQUEST and is settled; returns 0 when
# its phase is WANTED_PHASE, else sets why and returns 1.
await() {
  local index=$1 wanted=$2 want_phase=$3
  local deadline=$((SECONDS + timeout_s))
  while :; do
    read_status "$index" || return 1
    if [ "$request" -ge "$wanted" ] && [ "$settled" = true ]; then
      if [ "$request" -gt "$wanted" ]; then
        why="another client's request ($request) replaced this one ($wanted); the daemon is $phase ${sched:-}"
        return 1
      fi
      if [ "$phase" = "$want_phase" ]; then return 0; fi
      why="phase $phase${failure:+: $failure}"
      return 1
    fi
    if [ $SECONDS -ge $deadline ]; then
      why="no settled answer within ${timeout_s} s (phase $phase, request $request of $wanted)"
      return 1
    fi
    sleep "$poll_s"
  done
}

new_args_json=$(json args "$@")
new_body=$(json body "$scheduler" "$new_args_json")
wanted_words=$(json words "$scheduler" "$new_args_json")
n=${#urls[@]}
changed=()       # the indexes of the daemons asked to change, in order
before_sched=()  # per index: what it ran before ("" for none)
before_args=()
failed_index=
failed_why=
why=

for ((i = 0; i < n; i++)); do
  tag="[$((i + 1))/$n] ${urls[$i]}"
  if ! read_status "$i"; then failed_index=$i; failed_why=$why; break; fi
  case $phase in
    RUNNING|STARTING|RESTARTING)
      before_sched[$i]=$sched
      before_args[$i]=$args_json
      echo "$tag: runs $(json words "$sched" "$args_json") ($phase); asking for $wanted_words" ;;
    *)
      before_sched[$i]=
      before_args[$i]='[]'
      echo "$tag: runs no scheduler ($phase); asking for $wanted_words" ;;
  esac
  if ! ask POST "$i" "$new_body"; then failed_index=$i; failed_why=$why; break; fi
  changed+=("$i")
  if ! await "$i" "$taken" RUNNING; then failed_index=$i; failed_why=$why; break; fi
  echo "$tag: RUNNING $wanted_words (request $taken)"
done

if [ -z "$failed_index" ]; then
  echo "$prog: all $n daemons run $wanted_words"
  exit 0
fi

failed_url=${urls[$failed_index]}
echo "[$((failed_index + 1))/$n] $failed_url: FAILED: $failed_why"
[ ${#changed[@]} -eq 0 ] || echo "$prog: rolling back ${#changed[@]} daemon(s) changed, last first"
rollback_failed=()
for ((k = ${#changed[@]} - 1; k >= 0; k--)); do
  i=${changed[$k]}
  tag="  ${urls[$i]}"
  if [ -n "${before_sched[$i]}" ]; then
    what=$(json words "${before_sched[$i]}" "${before_args[$i]}")
    if ask POST "$i" "$(json body "${before_sched[$i]}" "${before_args[$i]}")" && await "$i" "$taken" RUNNING; then
      echo "$tag: back to $what (RUNNING)"
      continue
    fi
  else
    what="no scheduler"
    if ask DELETE "$i" && await "$i" "$taken" IDLE; then
      echo "$tag: back to no scheduler (IDLE)"
      continue
    fi
  fi
  echo "$tag: ROLLBACK FAILED to $what: $why"
  rollback_failed+=("${urls[$i]}")
done

if [ ${#rollback_failed[@]} -gt 0 ]; then
  echo "$prog: the rollout of $wanted_words failed at $failed_url ($failed_why), and the rollback failed at" \
    "${rollback_failed[*]}: fix those daemons by hand" >&2
  exit 3
fi
if [ ${#changed[@]} -eq 0 ]; then
  echo "$prog: the rollout of $wanted_words failed at $failed_url: $failed_why; no daemon was changed" >&2
else
  echo "$prog: the rollout of $wanted_words failed at $failed_url: $failed_why; the ${#changed[@]} daemon(s)" \
    "changed are back to what they ran before" >&2
fi
exit 1
