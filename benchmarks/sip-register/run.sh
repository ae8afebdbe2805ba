#!/usr/bin/env bash
# Registrar throughput: the K7.Sip registrar sample against Kamailio 5.6, driven by the same sipp command, one after
# the other in the same run on the same machine. Every registration is authenticated (REGISTER -> 401 -> REGISTER
# with digest credentials -> 200), every user a distinct, new address-of-record.
#
# Usage: benchmarks/sip-register/run.sh [RATE ...]        (default rates: 10000 15000 20000)
# Each server is started fresh for each rate and first warmed up with the same 25,000 registrations of other users
# at 5,000/s (so the .NET JIT has compiled the hot path, as a long-running server would have), then measured.
# Needs: sipp (sip-tester), kamailio, and the peer lab in ../shared/peers (kamailio.cfg, bench_register.sh,
#        register_auth_inf.xml, gen_users.sh). Loopback only. Each sipp run is bounded (-m, -timeout, timeout).
# Prints one line per server and rate (ok, failed, retransmissions, achieved rate, CPU) and writes them to
# $OUT/summary.txt. Pass criterion: failed=0 and register_retrans=0.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PEERS=${PEERS:-$ROOT/../shared/peers}
OUT=${OUT:-/tmp/k7-sip-register}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-8}
RATES=("$@"); [ ${#RATES[@]} -gt 0 ] || RATES=(10000 15000 20000)
for tool in sipp kamailio; do command -v $tool >/dev/null || { echo "missing $tool (apt-get install -y sip-tester kamailio)" >&2; exit 2; }; done
[ -x "$PEERS/bench_register.sh" ] || { echo "peer lab not found at $PEERS (set PEERS=...)" >&2; exit 2; }
mkdir -p "$OUT"; : > "$OUT/summary.txt"

dotnet build "$ROOT/samples/K7.Sip.Registrar" -c Release -v q -nologo >/dev/null
REGISTRAR_DLL=$ROOT/artifacts/bin/K7.Sip.Registrar/release/K7.Sip.Registrar.dll

max_users=0; for r in "${RATES[@]}"; do m=$((r * SECONDS_PER_RUN)); [ $m -gt $max_users ] && max_users=$m; done
"$PEERS/gen_users.sh" "$max_users" > "$OUT/users.csv"                  # sipp injection file: userN;secret;[authentication ...]
"$PEERS/gen_users.sh" 25000 warm > "$OUT/warm.csv"                   # warm-up users: warmN;secret;...
tail -q -n +2 "$OUT/users.csv" "$OUT/warm.csv" | awk -F';' '{print $1 ":" $2}' > "$OUT/users.txt"  # K7 users file: name:secret

warm_up() { TARGET=127.0.0.1:5070 LPORT=5080 OUT=$OUT KPIDFILE=/dev/null "$PEERS/bench_register.sh" 5000 25000 "$PEERS/register_auth_inf.xml" -inf "$OUT/warm.csv" -buff_size 4194304 > /dev/null; }

run_kamailio() {
  local rate=$1
  "$PEERS/stop_kamailio.sh" >/dev/null 2>&1 || true
  "$PEERS/start_kamailio.sh" -A WITH_AUTH -A WITH_BIGBUF >/dev/null
  warm_up
  echo "kamailio-5.6 $(TARGET=127.0.0.1:5070 LPORT=5080 OUT=$OUT "$PEERS/bench_register.sh" "$rate" $((rate * SECONDS_PER_RUN)) "$PEERS/register_auth_inf.xml" -inf "$OUT/users.csv" -buff_size 4194304)" | tee -a "$OUT/summary.txt"
  "$PEERS/stop_kamailio.sh" >/dev/null
}

run_k7() {
  local rate=$1 pidfile=$OUT/k7.pid
  dotnet "$REGISTRAR_DLL" --listen udp:127.0.0.1:5070 --users "$OUT/users.txt" --realm 127.0.0.1 --qualify 0 --quiet \
    > "$OUT/k7.log" 2>&1 &
  echo $! > "$pidfile"
  for _ in $(seq 1 100); do grep -q "listening" "$OUT/k7.log" && break; sleep 0.1; done
  warm_up
  echo "k7-registrar $(TARGET=127.0.0.1:5070 LPORT=5080 OUT=$OUT KPIDFILE=$pidfile "$PEERS/bench_register.sh" "$rate" $((rate * SECONDS_PER_RUN)) "$PEERS/register_auth_inf.xml" -inf "$OUT/users.csv" -buff_size 4194304)" | tee -a "$OUT/summary.txt"
  kill "$(cat "$pidfile")" 2>/dev/null || true; wait "$(cat "$pidfile")" 2>/dev/null || true
}

for rate in "${RATES[@]}"; do
  run_kamailio "$rate"
  run_k7 "$rate"
done
echo "summary: $OUT/summary.txt"
