#!/usr/bin/env bash
# Cold POST /banking/api/recommend at scale (issue 13, item 2): the synthetic bank (CLIENTS × ROWS in the case format) imported
# with the import verb (which builds the stored population statistics and client features, as an import does), then a fresh
# server process: the first recommend after the start, then N recommends of N different clients, each asked for the first
# time (nothing of theirs in memory), sequential on one keep-alive connection, next to GET /health/live on the same
# connection in the same run (the anchor). The banking rate limit is lifted by configuration for the run.
# Usage: bench/banking/cold-recommend.sh [sqlite|postgres|both=both] [CLIENTS=20000] [ROWS=600] [N=2000]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
which="${1:-both}"
clients="${2:-20000}"
rows="${3:-600}"
count="${4:-2000}"
work="$(mktemp -d)"
source bench/lib/private-postgres.sh
server_pid=""
cleanup() {
  set +e
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  stop_private_postgres
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build bench/banking/Clientele.Banking.ImportBench -c Release -v q -nologo >/dev/null
dotnet build src/Clientele.Server -c Release -v q -nologo >/dev/null
server=(dotnet src/Clientele.Server/bin/Release/net10.0/Clientele.Server.dll)
dotnet bench/banking/Clientele.Banking.ImportBench/bin/Release/net10.0/Clientele.Banking.ImportBench.dll \
  --generate "$work/data" --clients "$clients" --rows "$rows"

measure() { # provider connection-string
  export Clientele__Database__Provider="$1" ConnectionStrings__Clientele="$2" ASPNETCORE_ENVIRONMENT=Development \
    Clientele__Churn__SweepMinutes=0 Clientele__RateLimits__Modules__banking__Default__PermitLimit=0 Logging__LogLevel__Default=Warning
  "${server[@]}" org add bench "Bench" >/dev/null
  local key started
  key=$("${server[@]}" apikey add bench --scopes banking:write --org bench | grep -oE 'ck_[A-Za-z0-9_-]+' | head -1)
  started=$(date +%s%N)
  "${server[@]}" import banking "$work/data/case" --org bench >/dev/null
  echo "$1: import verb (import + statistics and features): $(( ($(date +%s%N) - started) / 1000000 )) ms"
  local port=$((20000 + RANDOM % 20000))
  "${server[@]}" --urls "http://127.0.0.1:$port" >"$work/server-$1.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.2; done
  PYTHONPATH=bench/lib python3 - "$port" "$key" "$clients" "$count" <<'PY'
import json, random, sys
from http_timing import Timing, report
port, key, clients, count = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
timing = Timing(port)
headers = {"X-Api-Key": key, "Content-Type": "application/json"}
def recommend(code): return timing.call("POST", "/banking/api/recommend", json.dumps({"client_code": code}), headers)[0]
first = recommend(1)
print(f"  first POST /banking/api/recommend after the start: {first:.1f} ms")
codes = random.Random(7).sample(range(2, clients + 1), count)
report("  anchor GET /health/live", [timing.call("GET", "/health/live")[0] for _ in range(count)])
report("  POST /banking/api/recommend, each client for the first time", [recommend(code) for code in codes])
report("  POST /banking/api/recommend, the same clients again", [recommend(code) for code in codes])
PY
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
}

uptime
if [[ $which == sqlite || $which == both ]]; then
  measure Sqlite "Data Source=$work/bench.db"
fi
if [[ $which == postgres || $which == both ]]; then
  chmod -R a+rX "$work"
  start_private_postgres
  measure Postgres "$pg_connection"
fi
uptime
