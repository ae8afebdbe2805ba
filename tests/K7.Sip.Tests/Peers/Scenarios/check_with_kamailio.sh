#!/usr/bin/env bash
# Runs every scenario of this folder against a real proxy, Kamailio 5.6 (the peer lab's kamailio.cfg: registrar on
# UDP 127.0.0.1:5070 that relays other requests to the registered contacts with lookup + t_relay), and checks each
# sipp exit code against the expected one. One line per sipp run, "ok" or "UNEXPECTED", and a PASS/FAIL total.
#
# Usage: tests/K7.Sip.Tests/Peers/Scenarios/check_with_kamailio.sh [CFG]
#   CFG  Kamailio configuration (default: the peer lab's kamailio.cfg; benchmarks/sip-invite/kamailio-rr.cfg is the
#        same plus Record-Route, so that ACK and BYE pass through the proxy as well)
# Env:  PEERS (default: shared/peers beside the repository or its worktree folder), OUT (default /tmp/k7-sipp-scenarios)
# Kamailio is started fresh for each case (no stale bindings), stopped at the end. Loopback only; every sipp run is
# bounded by -m 1, -timeout and an outer timeout.
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../../.." && pwd)
if [ -z "${PEERS:-}" ]; then for p in "$ROOT/../shared/peers" "$ROOT/../../shared/peers"; do [ -d "$p" ] && PEERS=$(cd "$p" && pwd) && break; done; fi
[ -f "${PEERS:-}/kamailio.cfg" ] || { echo "peer lab not found (set PEERS=.../shared/peers)" >&2; exit 2; }
CFG=${1:-$PEERS/kamailio.cfg}
OUT=${OUT:-/tmp/k7-sipp-scenarios}; mkdir -p "$OUT"
KPIDFILE=/tmp/kamailio-sip-peers.pid; CTL=unix:/tmp/kamailio-sip-peers.ctl
if [ -f "$KPIDFILE" ] && kill -0 "$(cat "$KPIDFILE")" 2>/dev/null; then echo "a kamailio is already running (pid $(cat "$KPIDFILE")): $PEERS/stop_kamailio.sh" >&2; exit 1; fi
printf 'SEQUENTIAL\n202;[authentication username=202 password=secret]\n' > "$OUT/dev202.csv"

KPID=
stop_kamailio() { [ -n "$KPID" ] || return 0; kill "$KPID" 2>/dev/null; for _ in $(seq 1 50); do kill -0 "$KPID" 2>/dev/null || break; sleep 0.1; done; KPID=; }
trap stop_kamailio EXIT
start_kamailio() { # extra kamailio args
  stop_kamailio; rm -f "$KPIDFILE"
  setsid kamailio -f "$CFG" -DD -E -P "$KPIDFILE" -m 256 -M 16 "$@" > "$OUT/kamailio.log" 2>&1 < /dev/null &
  KPID=$!
  for _ in $(seq 1 50); do kamcmd -s $CTL core.version >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "kamailio did not start, see $OUT/kamailio.log" >&2; exit 1
}

FAILURES=0
# check NAME CALLER EXPECTED_RC "DEVICE_SCENARIO:PORT:EXPECTED_RC ..." [SECONDS]
check() {
  local name=$1 caller=$2 caller_rc=$3 devices=$4 t=${5:-20} cid; cid="$name-$(date +%s%N)-%u"
  rm -f "$OUT/$name".*
  local pids=() d sc port
  for d in $devices; do IFS=: read -r sc port _ <<< "$d"
    timeout $((t + 15)) sipp 127.0.0.1:5070 -sf "$HERE/$sc" -inf "$OUT/dev202.csv" -i 127.0.0.1 -p "$port" -m 1 -cid_str "$cid" \
      -nostdin -timeout $((t + 5))s -timeout_error -trace_err -error_file "$OUT/$name.$port.err" \
      -trace_msg -message_file "$OUT/$name.$port.msg" > "$OUT/$name.$port.out" 2>&1 &
    pids+=($!)
  done
  for d in $devices; do IFS=: read -r sc port _ <<< "$d"   # registered? (the 200 to its REGISTER is in its trace)
    for _ in $(seq 1 50); do grep -q "^SIP/2.0 200" "$OUT/$name.$port.msg" 2>/dev/null && break; sleep 0.1; done
  done
  timeout $((t + 10)) sipp 127.0.0.1:5070 -sf "$HERE/$caller" -s 202 -i 127.0.0.1 -p 5100 -m 1 -cid_str "$cid" \
    -nostdin -timeout ${t}s -timeout_error -trace_err -error_file "$OUT/$name.caller.err" \
    -trace_msg -message_file "$OUT/$name.caller.msg" > "$OUT/$name.caller.out" 2>&1
  report "$name" "caller $caller" $? "$caller_rc"
  local i=0 expected
  for d in $devices; do IFS=: read -r sc port expected <<< "$d"
    wait "${pids[$i]}"; report "$name" "device $sc:$port" $? "$expected"; i=$((i + 1))
  done
}
report() { # NAME WHAT RC EXPECTED
  local verdict=ok; [ "$3" = "$4" ] || { verdict=UNEXPECTED; FAILURES=$((FAILURES + 1)); }
  printf '%-22s %-50s rc=%-3s expected=%-3s %s\n' "$1" "$2" "$3" "$4" "$verdict"
}

start_kamailio; check answer          uac_call.xml                 0 "uas_register_answer.xml:5101:0"
start_kamailio; check fork_answer     uac_call.xml                 0 "uas_register_answer.xml:5101:0 uas_register_ring_then_cancelled.xml:5102:0"
start_kamailio; check fork_busy       uac_call.xml                 0 "uas_register_answer.xml:5101:0 uas_register_busy.xml:5102:0"
start_kamailio; check busy            uac_call_expect_busy.xml     0 "uas_register_busy.xml:5101:0"
start_kamailio; check busy_as_call    uac_call.xml                 1 "uas_register_busy.xml:5101:0"
start_kamailio; check caller_cancels  uac_call_cancel.xml          0 "uas_register_ring_then_cancelled.xml:5101:0 uas_register_noanswer.xml:5102:0"
start_kamailio; check redirect        uac_call_expect_redirect.xml 0 "uas_register_redirect.xml:5101:0"
start_kamailio; check redirect_as_call uac_call.xml                1 "uas_register_redirect.xml:5101:0"
# sipp quirk: a caller that gets an unexpected 200 aborts with a CANCEL, neither ACK nor BYE: the phone times out (255)
start_kamailio; check answer_not_busy uac_call_expect_busy.xml     1 "uas_register_answer.xml:5101:255" 12
# ring timeout: Kamailio's tm cancels the branches and answers 408 when fr_inv_timer expires (120 s by default: 3 s here)
start_kamailio; kamcmd -s $CTL cfg.set_now_int tm fr_inv_timer 3000 >/dev/null
check noanswer        uac_call_expect_noanswer.xml 0 "uas_register_noanswer.xml:5101:0 uas_register_noanswer.xml:5102:0"
start_kamailio; kamcmd -s $CTL cfg.set_now_int tm fr_inv_timer 3000 >/dev/null
check noanswer_as_call uac_call.xml                1 "uas_register_noanswer.xml:5101:0"
# digest authentication on REGISTER (401, then the credentials of the injection file)
start_kamailio -A WITH_AUTH; check auth_answer uac_call.xml        0 "uas_register_answer.xml:5101:0 uas_register_ring_then_cancelled.xml:5102:0"
stop_kamailio
[ $FAILURES -eq 0 ] && echo "PASS: every exit code as expected ($CFG)" || echo "FAIL: $FAILURES unexpected exit codes, logs in $OUT"
[ $FAILURES -eq 0 ]
