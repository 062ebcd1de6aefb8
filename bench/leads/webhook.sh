#!/usr/bin/env bash
# Inbound channel messages end to end through HTTP: starts the Release server (Development, demo data, rate limits off) on
# SQLite (a fresh file) and/or PostgreSQL (a private cluster started here as the postgres user, default durable settings),
# and sends N Telegram updates in sequence on one keep-alive connection to `POST /leads/api/channels/telegram/{campaign}`
# (secret token checked, lead found or made, message stored, bot reply scored and stored; five messages per chat, so
# conversations grow as real ones do; no bot token, so no outbound call), next to N `GET /health/live` on the same
# connection in the same run (the anchor: the pipeline's floor). Usage: bench/leads/webhook.sh [sqlite|postgres|both=both] [N=1000]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
which="${1:-both}"
count="${2:-1000}"
pg_bin=/usr/lib/postgresql/15/bin
work="$(mktemp -d)"
chmod 777 "$work"
server_pid=""
pg_started=false
as_pg() { if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop_server() { [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null; server_pid=""; }
cleanup() {
  set +e
  stop_server
  $pg_started && as_pg "$pg_bin/pg_ctl" -D "$work/pg" -m fast -w stop >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build src/Clientele.Server -c Release -v q -nologo >/dev/null
uptime

run() {
  local provider=$1 connection=$2 port=$((20000 + RANDOM % 20000))
  ASPNETCORE_ENVIRONMENT=Development Clientele__Database__Provider=$provider ConnectionStrings__Clientele="$connection" \
    Clientele__RateLimits__Enabled=false Clientele__Leads__Telegram__SecretToken=bench-secret Logging__LogLevel__Default=Warning \
    dotnet src/Clientele.Server/bin/Release/net10.0/Clientele.Server.dll --urls "http://127.0.0.1:$port" >"$work/server-$provider.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 480); do
    curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break
    sleep 0.5
  done
  echo "== $provider"
  python3 - "$port" "$count" <<'PY'
import http.client, json, sys, time
port, count = int(sys.argv[1]), int(sys.argv[2])
conn = http.client.HTTPConnection("127.0.0.1", port)
def call(method, path, body=None, headers={}):
    start = time.perf_counter()
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    data = response.read()
    assert response.status == 200, (response.status, data[:300])
    return (time.perf_counter() - start) * 1000, data
_, campaigns = call("GET", "/leads/api/campaigns?platform=telegram")
campaign = json.loads(campaigns)[0]["id"]
texts = ["Здравствуйте, ноутбук не включается, нужен ремонт", "Срочно, завтра экзамен", "До 20 тысяч нормально",
         "Сам решаю", "Мой номер 8 701 123 45 67"]
headers = {"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": "bench-secret"}
base = int(time.time())
def update(i):
    chat, message = base * 1000 + i // 5, i + 1
    return json.dumps({"update_id": base + i, "message": {"message_id": message, "date": 1732000000, "text": texts[i % 5],
        "from": {"id": chat, "is_bot": False, "first_name": "Нурлан"}, "chat": {"id": chat, "type": "private"}}}, ensure_ascii=False).encode()
def run(name, method, path, body=None, headers={}, warm=100, offset=0):
    for i in range(warm):
        call(method, path, body(offset + i) if body else None, headers)
    start = time.perf_counter()
    times = sorted(call(method, path, body(offset + warm + i) if body else None, headers)[0] for i in range(count))
    seconds = time.perf_counter() - start
    p = lambda q: times[min(len(times) - 1, int(q * len(times)))]
    print(f"{name}: n={count} {count / seconds:.0f}/s p50={p(0.50):.2f} ms p90={p(0.90):.2f} ms p99={p(0.99):.2f} ms max={times[-1]:.2f} ms")
run("anchor GET /health/live", "GET", "/health/live")
run("POST /leads/api/channels/telegram/{campaign} (new lead every 5 messages)", "POST", f"/leads/api/channels/telegram/{campaign}", update, headers)
run("anchor GET /health/live (after)", "GET", "/health/live")
PY
  stop_server
}

if [[ $which == sqlite || $which == both ]]; then
  run Sqlite "Data Source=$work/bench.db"
fi
if [[ $which == postgres || $which == both ]]; then
  pg_port=$((20000 + RANDOM % 20000))
  as_pg "$pg_bin/initdb" -D "$work/pg" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1
  pg_started=true
  as_pg "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w -t 60 -o "-p $pg_port -k $work -c listen_addresses=127.0.0.1" start >/dev/null
  run Postgres "Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
fi
uptime
