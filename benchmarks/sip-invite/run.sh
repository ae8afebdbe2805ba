#!/usr/bin/env bash
# Call throughput through a proxy: Kamailio 5.6 and the K7.Sip registrar sample (which will be the K7 proxy), driven
# by the same sipp caller. One callee (user bob) is registered; every call is INVITE -> 100 -> 180 -> 200 -> ACK -> BYE
# -> 200 through the proxy at 127.0.0.1:5070, with the callee's 180 and 200 sent at once and no talk time.
#
# Usage: benchmarks/sip-invite/run.sh [kamailio|k7|both] RATE COUNT      e.g. run.sh kamailio 500 5000
#   RATE   calls per second offered by sipp (-r), COUNT calls in the measured run (-m)
# Env:   RR=1       Kamailio record-routes (kamailio-rr.cfg: ACK and BYE pass through the proxy too); default: the peer
#                   lab's kamailio.cfg, where only the INVITE transaction passes the proxy and ACK/BYE go end to end
#        KARGS      extra kamailio arguments (e.g. "-A WITH_BIGBUF -n 2")
#        WARM_RATE / WARM_COUNT   warm-up run before the measured one (default 200 calls/s, 1000 calls)
#        OUT        output folder (default /tmp/k7-sip-invite), PEERS (default: shared/peers beside the repository
#                   or its worktree folder)
# For each server: start it fresh, register bob (sipp register.xml, -m 1, from port 5090), start the callee
# (sipp uas_answer.xml on 5090, server mode), warm up, then the measured run (sipp uac_call.xml from 5091), stop all.
# Prints one summary line per server (offered rate, successful and failed calls, retransmissions, achieved calls/s,
# CPU of caller, callee and server in % of one core, the 1-minute load average at the end) and appends it to
# $OUT/summary.txt. Pass criterion: failed=0 and retrans=0.
# Loopback only; every sipp run is bounded by -m, -timeout and an outer timeout; the callee is killed at the end.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE=$ROOT/benchmarks/sip-invite
SCENARIOS=$ROOT/tests/K7.Sip.Tests/Peers/Scenarios
if [ -z "${PEERS:-}" ]; then for p in "$ROOT/../shared/peers" "$ROOT/../../shared/peers"; do [ -d "$p" ] && PEERS=$(cd "$p" && pwd) && break; done; fi
[ -f "${PEERS:-}/kamailio.cfg" ] || { echo "peer lab not found (set PEERS=.../shared/peers)" >&2; exit 2; }
OUT=${OUT:-/tmp/k7-sip-invite}
WARM_RATE=${WARM_RATE:-200}; WARM_COUNT=${WARM_COUNT:-1000}
MODE=${1:-}; RATE=${2:-}; COUNT=${3:-}
case "$MODE" in kamailio|k7|both) ;; *) echo "usage: $0 [kamailio|k7|both] RATE COUNT" >&2; exit 2;; esac
[[ "$RATE" =~ ^[0-9]+$ && "$COUNT" =~ ^[0-9]+$ ]] && [ "$RATE" -ge 1 ] && [ "$RATE" -le 20000 ] && [ "$COUNT" -ge 1 ] && [ "$COUNT" -le 200000 ] \
  || { echo "need 1 <= RATE <= 20000 and 1 <= COUNT <= 200000" >&2; exit 2; }
for tool in sipp kamailio kamcmd; do command -v $tool >/dev/null || { echo "missing $tool (bash $PEERS/install.sh)" >&2; exit 2; }; done
PROXY=127.0.0.1:5070; CALLEE_PORT=5090; CALLER_PORT=5091
KPIDFILE=/tmp/kamailio-sip-peers.pid
mkdir -p "$OUT"; touch "$OUT/summary.txt"
printf 'SEQUENTIAL\nbob;[authentication username=bob password=secret]\n' > "$OUT/bob.csv"
printf 'bob:secret\n' > "$OUT/users.txt"

SERVER_PID=; CALLEE_PID=
cleanup() {
  [ -n "$CALLEE_PID" ] && kill "$CALLEE_PID" 2>/dev/null && wait "$CALLEE_PID" 2>/dev/null || true
  CALLEE_PID=
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done; fi
  SERVER_PID=
}
trap cleanup EXIT

# CPU ticks (utime + stime) of a process and its children
ticks() { local p=$1; for q in $p $(pgrep -P "$p" || true); do awk '{print $14+$15}' /proc/$q/stat 2>/dev/null; done | awk '{s+=$1} END{print s+0}'; }
# global bound of a sipp run: 3x the nominal duration + 10 s, at most 170 s
bound() { local d=$(( $2 / $1 + 1 )); local t=$(( d * 3 + 10 )); [ $t -gt 170 ] && t=170; echo $t; }

start_kamailio() {
  local cfg=$PEERS/kamailio.cfg; [ "${RR:-0}" = 1 ] && cfg=$HERE/kamailio-rr.cfg
  if [ -f "$KPIDFILE" ] && kill -0 "$(cat "$KPIDFILE")" 2>/dev/null; then echo "a kamailio is already running (pid $(cat "$KPIDFILE")); stop it first: $PEERS/stop_kamailio.sh" >&2; exit 1; fi
  rm -f "$KPIDFILE"
  # shellcheck disable=SC2086
  setsid kamailio -f "$cfg" -DD -E -P "$KPIDFILE" -m 1024 -M 16 ${KARGS:-} > "$OUT/kamailio.log" 2>&1 < /dev/null &
  SERVER_PID=$!
  for _ in $(seq 1 50); do kamcmd -s unix:/tmp/kamailio-sip-peers.ctl core.version >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "kamailio did not start, see $OUT/kamailio.log" >&2; exit 1
}

start_k7() {
  dotnet build "$ROOT/samples/K7.Sip.Registrar" -c Release -v q -nologo > "$OUT/k7-build.log" 2>&1 || { echo "build failed, see $OUT/k7-build.log" >&2; exit 1; }
  dotnet "$ROOT/artifacts/bin/K7.Sip.Registrar/release/K7.Sip.Registrar.dll" --listen udp:$PROXY --users "$OUT/users.txt" \
    --realm 127.0.0.1 --qualify 0 --quiet > "$OUT/k7.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 100); do grep -q "listening" "$OUT/k7.log" && return 0; kill -0 $SERVER_PID 2>/dev/null || break; sleep 0.1; done
  echo "K7 registrar did not start, see $OUT/k7.log" >&2; exit 1
}

# register bob from the callee's port, then start the callee there
start_callee() {
  local tag=$1
  timeout 20 sipp $PROXY -sf "$HERE/register.xml" -inf "$OUT/bob.csv" -i 127.0.0.1 -p $CALLEE_PORT -m 1 \
    -nostdin -timeout 10s -timeout_error -trace_err -error_file "$OUT/$tag.register.err" > "$OUT/$tag.register.out" 2>&1 \
    || { echo "$tag: registering bob failed, see $OUT/$tag.register.err" >&2; return 1; }
  local t; t=$(( $(bound "$WARM_RATE" "$WARM_COUNT") + $(bound "$RATE" "$COUNT") + 20 ))
  timeout $((t + 10)) sipp -sf "$HERE/uas_answer.xml" -i 127.0.0.1 -p $CALLEE_PORT -nostdin -timeout ${t}s -buff_size 4194304 \
    -trace_screen -screen_file "$OUT/$tag.callee.screen" -trace_err -error_file "$OUT/$tag.callee.err" > "$OUT/$tag.callee.out" 2>&1 &
  CALLEE_PID=$!
  for _ in $(seq 1 50); do ss -lun | grep -q "127.0.0.1:$CALLEE_PORT " && return 0; sleep 0.1; done
  echo "$tag: callee did not start" >&2; return 1
}

# one bounded caller run; prints the summary fields
call_run() {
  local tag=$1 rate=$2 count=$3 gt; gt=$(bound "$rate" "$count")
  local t0 s0 s1 t1 c0 c1 rc
  t0=$(ticks "$SERVER_PID"); c0=$(ticks "$CALLEE_PID"); s0=$(date +%s.%N)
  set +e
  timeout $((gt + 10)) /usr/bin/time -f "%U %S %e" -o "$OUT/$tag.time" \
    sipp $PROXY -sf "$SCENARIOS/uac_call.xml" -s bob -i 127.0.0.1 -p $CALLER_PORT -r "$rate" -m "$count" -l 5000 -d 0 \
    -nostdin -timeout ${gt}s -timeout_error -recv_timeout 5000 -max_recv_loops 10000 -buff_size 4194304 \
    -trace_screen -screen_file "$OUT/$tag.screen" -trace_err -error_file "$OUT/$tag.err" > "$OUT/$tag.stdout" 2>&1
  rc=$?
  set -e
  s1=$(date +%s.%N); t1=$(ticks "$SERVER_PID"); c1=$(ticks "$CALLEE_PID")
  local ok fail retr su ss
  ok=$(awk -F'|' '/Successful call/{gsub(/ /,"",$3); v=$3} END{print v+0}' "$OUT/$tag.screen" 2>/dev/null || echo 0)
  fail=$(awk -F'|' '/Failed call/{gsub(/ /,"",$3); v=$3} END{print v+0}' "$OUT/$tag.screen" 2>/dev/null || echo 0)
  retr=$(awk '/---------->/{r+=$4} END{print r+0}' "$OUT/$tag.screen" 2>/dev/null || echo 0)
  read -r su ss _ < <(tail -1 "$OUT/$tag.time" 2>/dev/null || echo "0 0 0") || true
  awk -v tag="$tag" -v rc="$rc" -v rate="$rate" -v count="$count" -v ok="$ok" -v fail="$fail" -v retr="$retr" \
      -v wall="$(echo "$s1 $s0" | awk '{print $1-$2}')" -v su="${su:-0}" -v ss="${ss:-0}" -v kt="$((t1 - t0))" -v ct="$((c1 - c0))" -v hz="$(getconf CLK_TCK)" -v load="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN{
    printf "%s rc=%s offered=%d/s calls=%d ok=%d failed=%d retrans=%d wall=%.2fs achieved=%.0f calls/s caller_cpu=%.0f%% callee_cpu=%.0f%% server_cpu=%.0f%% load=%s\n",
      tag, rc, rate, count, ok, fail, retr, wall, ok/wall, 100*(su+ss)/wall, 100*ct/hz/wall, 100*kt/hz/wall, load }'
}

run_server() {
  local server=$1 tag stamp; stamp=$(date +%H%M%S); tag="$server-r${RATE}-m${COUNT}-$stamp"
  if [ "$server" = kamailio ]; then start_kamailio; else start_k7; fi
  if ! start_callee "$tag"; then echo "$server r=$RATE m=$COUNT: no callee registered, nothing measured" | tee -a "$OUT/summary.txt"; cleanup; return; fi
  call_run "$tag-warm" "$WARM_RATE" "$WARM_COUNT" > "$OUT/$tag-warm.summary"
  local line; line="$server $(call_run "$tag" "$RATE" "$COUNT")"
  echo "$line" | tee -a "$OUT/summary.txt"
  # calls failing with a final response: say which, e.g. the registrar's 405 to INVITE before the proxy exists
  if ! grep -q " failed=0 " <<< "$line"; then
    local why; why=$( { grep -a "unexpected message" "$OUT/$tag.err" 2>/dev/null | grep -ao "received '[^'\r]*" | sed "s/received '//"; grep -ao "receive timeout" "$OUT/$tag.err" 2>/dev/null; } \
      | sort | uniq -c | sort -rn | head -3 | sed 's/^ *//' | tr '\n' ';' || true)
    echo "$server: FAILED calls (caller saw: ${why:-see $OUT/$tag.err}) warm-up: $(cat "$OUT/$tag-warm.summary")" | tee -a "$OUT/summary.txt"
  fi
  cleanup
}

[ "$MODE" = kamailio ] || [ "$MODE" = both ] && run_server kamailio
[ "$MODE" = k7 ] || [ "$MODE" = both ] && run_server k7
echo "summary: $OUT/summary.txt"
