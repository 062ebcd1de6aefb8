#!/usr/bin/env bash
# Banking answers under load (issue 13, item 6): wrk with 16 connections against a Release server (demo organization, a fresh
# SQLite file, the case data of ../shared/data/bank_case imported through the API), for
#   GET /banking/api/clients, GET /banking/api/clients/{1..60}, POST /banking/api/recommend {"client_code": 1..60}.
# The default rate limit (1 000 requests a minute per caller) would answer 429 after the first thousand, so the benchmark lifts
# it by configuration for the banking module only: Clientele__RateLimits__Modules__banking__Default__PermitLimit=0 (unlimited).
# Usage: bench/banking/wrk.sh [server-dll] [seconds=15]
#   server-dll: defaults to this checkout's src/Clientele.Server (built here); pass another build's dll to measure it
#   (e.g. the commit before, extracted with `git archive` into /tmp and built there).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
data="$root/../shared/data/bank_case"
[[ -d $data ]] || data=/work/shared/data/bank_case
if [[ ! -f $data/clients.csv ]]; then
  echo "bench/banking/wrk.sh: skipped, the case data (../shared/data/bank_case) is absent" >&2
  exit 0
fi
command -v wrk >/dev/null || { echo "bench/banking/wrk.sh: needs wrk (apt-get install -y wrk)" >&2; exit 1; }
dll="${1:-}"
seconds="${2:-15}"
if [[ -z $dll ]]; then
  dotnet build src/Clientele.Server -c Release -v q -nologo >/dev/null
  dll=src/Clientele.Server/bin/Release/net10.0/Clientele.Server.dll
fi
work="$(mktemp -d)"
port=$((20000 + RANDOM % 20000))
ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Clientele="Data Source=$work/bench.db" Clientele__Churn__SweepMinutes=0 \
  Clientele__RateLimits__Modules__banking__Default__PermitLimit=0 Logging__LogLevel__Default=Warning \
  dotnet "$dll" --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1 &
server_pid=$!
trap 'kill $server_pid 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
ready=false
for _ in $(seq 1 1200); do
  curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && { ready=true; break; }
  sleep 0.5
done
$ready || { echo "bench/banking/wrk.sh: the server did not get ready; its log:" >&2; cat "$work/server.log" >&2; exit 1; }
base="http://127.0.0.1:$port"
curl -fsS -c "$work/cookies" -H 'Content-Type: application/json' \
  -d '{"email":"admin@clientele.local","password":"clientele-demo"}' "$base/platform/api/auth/login" >/dev/null
key=$(curl -fsS -b "$work/cookies" -H 'Content-Type: application/json' -d '{"name":"wrk","scopes":["banking:write"]}' \
  "$base/platform/api/keys/" | python3 -c 'import json,sys; print(json.load(sys.stdin)["key"])')
files=()
for file in "$data"/*.csv; do files+=(-F "files=@$file"); done
curl -fsS -H "X-Api-Key: $key" "${files[@]}" "$base/banking/api/import" >/dev/null
# Warm up: the first answer of each endpoint (JIT, caches) is not part of the figures.
for code in $(seq 1 60); do
  curl -sf -H "X-Api-Key: $key" "$base/banking/api/clients/$code" >/dev/null
  curl -sf -H "X-Api-Key: $key" -H 'Content-Type: application/json' -d "{\"client_code\": $code}" "$base/banking/api/recommend" >/dev/null
done
cat >"$work/one.lua" <<'LUA'
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", "/banking/api/clients/" .. (counter % 60 + 1))
end
LUA
cat >"$work/recommend.lua" <<'LUA'
counter = 0
wrk.headers["Content-Type"] = "application/json"
request = function()
  counter = counter + 1
  return wrk.format("POST", "/banking/api/recommend", nil, '{"client_code": ' .. (counter % 60 + 1) .. '}')
end
LUA
cat >"$work/report.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.0f %.2f %.2f %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA
run() {
  local name=$1 script=$2 path=$3
  cat "$work/$script" "$work/report.lua" >"$work/run.lua"
  local line
  line=$(wrk -t2 -c16 -d"${seconds}s" --latency -s "$work/run.lua" -H "X-Api-Key: $key" "$base$path" | grep '^RESULT')
  read -r _ rps p50 p99 status socket <<<"$line"
  echo "| $name | $rps | $p50 | $p99 | $status | $socket |"
}
echo "| endpoint | requests/s | p50 (ms) | p99 (ms) | non-2xx | socket errors |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
cat >"$work/list.lua" <<'LUA'
LUA
run "GET /banking/api/clients (60)" list.lua /banking/api/clients
run "GET /banking/api/clients/{code}" one.lua /banking/api/clients/1
run "POST /banking/api/recommend" recommend.lua /banking/api/recommend
