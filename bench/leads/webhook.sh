#!/usr/bin/env bash
# Inbound channel messages end to end through HTTP: starts the Release server (Development, demo data, rate limits off) on
# SQLite (a fresh file) and/or PostgreSQL (a private cluster started here as the postgres user, default durable settings),
# and sends N Telegram updates in sequence on one keep-alive connection to `POST /leads/api/channels/telegram/{campaign}`
# (secret token checked, lead found or made, message stored, bot reply scored and stored; five messages per chat, so
# conversations grow as real ones do), next to N `GET /health/live` on the same connection in the same run (the anchor: the
# pipeline's floor); then the same two with CONCURRENCY clients at once, each on its own keep-alive connection and its own
# chats. Replies: `off` (no bot token, so each reply is stored with delivery failed and nothing is queued) or `on` (a bot
# token and a loopback Telegram stub that answers 200, so each reply is queued as a durable job in the message's transaction
# and sent by the job workers while the run goes on).
# Usage: bench/leads/webhook.sh [sqlite|postgres|both=both] [N=1000] [CONCURRENCY=16] [off|on=off]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
which="${1:-both}"
count="${2:-1000}"
concurrency="${3:-16}"
replies="${4:-off}"
pg_bin=/usr/lib/postgresql/15/bin
work="$(mktemp -d)"
chmod 777 "$work"
server_pid=""
pg_started=false
as_pg() { if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stub_pid=""
stop_server() { [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null; server_pid=""; }
cleanup() {
  set +e
  stop_server
  [[ -n $stub_pid ]] && kill "$stub_pid" 2>/dev/null
  $pg_started && as_pg "$pg_bin/pg_ctl" -D "$work/pg" -m fast -w stop >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build src/Clientele.Server -c Release -v q -nologo >/dev/null
uptime
git rev-parse --short HEAD

reply_settings=()
if [[ $replies == on ]]; then
  stub_port=$((20000 + RANDOM % 20000))
  python3 - "$stub_port" <<'PY' &
import http.server, sys
class Stub(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        body = b'{"ok":true}'
        self.send_response(200); self.send_header("Content-Type", "application/json"); self.send_header("Content-Length", str(len(body)))
        self.end_headers(); self.wfile.write(body)
    def log_message(self, *args): pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Stub).serve_forever()
PY
  stub_pid=$!
  reply_settings=(Clientele__Leads__Telegram__BotToken=1:bench Clientele__Leads__Telegram__ApiBase="http://127.0.0.1:$stub_port")
fi

run() {
  local provider=$1 connection=$2 port=$((20000 + RANDOM % 20000))
  env "${reply_settings[@]}" ASPNETCORE_ENVIRONMENT=Development Clientele__Database__Provider=$provider ConnectionStrings__Clientele="$connection" \
    Clientele__RateLimits__Enabled=false Clientele__Leads__Telegram__SecretToken=bench-secret Logging__LogLevel__Default=Warning \
    dotnet src/Clientele.Server/bin/Release/net10.0/Clientele.Server.dll --urls "http://127.0.0.1:$port" >"$work/server-$provider.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 480); do
    curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break
    sleep 0.5
  done
  echo "== $provider (replies $replies)"
  python3 - "$port" "$count" "$concurrency" <<'PY'
import http.client, json, sys, threading, time
port, count, concurrency = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
local = threading.local()
def call(method, path, body=None, headers={}):
    if not hasattr(local, "conn"):
        local.conn = http.client.HTTPConnection("127.0.0.1", port)
    start = time.perf_counter()
    local.conn.request(method, path, body=body, headers=headers)
    response = local.conn.getresponse()
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
    chat, message = base * 100000 + i // 5, i + 1
    return json.dumps({"update_id": base + i, "message": {"message_id": message, "date": 1732000000, "text": texts[i % 5],
        "from": {"id": chat, "is_bot": False, "first_name": "Нурлан"}, "chat": {"id": chat, "type": "private"}}}, ensure_ascii=False).encode()
def report(name, clients, times, seconds):
    times = sorted(times)
    p = lambda q: times[min(len(times) - 1, int(q * len(times)))]
    print(f"{name} [{clients} client(s)]: n={len(times)} {len(times) / seconds:.0f}/s p50={p(0.50):.2f} ms p90={p(0.90):.2f} ms p99={p(0.99):.2f} ms max={times[-1]:.2f} ms")
def run(name, method, path, body=None, headers={}, warm=100, offset=0):
    for i in range(warm):
        call(method, path, body(offset + i) if body else None, headers)
    start = time.perf_counter()
    times = [call(method, path, body(offset + warm + i) if body else None, headers)[0] for i in range(count)]
    report(name, 1, times, time.perf_counter() - start)
# Each client sends whole conversations of its own (five messages in order), so no two clients write to one chat.
def run_concurrent(name, method, path, body=None, headers={}, offset=0):
    per_client = (count // concurrency) // 5 * 5 or 5
    times, lock = [], threading.Lock()
    def client(k):
        mine = [call(method, path, body(offset + k * per_client + i) if body else None, headers)[0] for i in range(per_client)]
        with lock:
            times.extend(mine)
    threads = [threading.Thread(target=client, args=(k,)) for k in range(concurrency)]
    start = time.perf_counter()
    for thread in threads: thread.start()
    for thread in threads: thread.join()
    report(name, concurrency, times, time.perf_counter() - start)
webhook = f"/leads/api/channels/telegram/{campaign}"
run("anchor GET /health/live", "GET", "/health/live")
run("POST /leads/api/channels/telegram/{campaign} (new lead every 5 messages)", "POST", webhook, update, headers)
run("anchor GET /health/live (after)", "GET", "/health/live")
run_concurrent("anchor GET /health/live", "GET", "/health/live")
run_concurrent("POST /leads/api/channels/telegram/{campaign} (new lead every 5 messages)", "POST", webhook, update, headers, offset=10 * count)
run_concurrent("anchor GET /health/live (after)", "GET", "/health/live")
PY
  if [[ $replies == on ]]; then
    sleep 5
    python3 - "$port" <<'PY'
import collections, json, sys, urllib.request
base = f"http://127.0.0.1:{sys.argv[1]}/leads/api"
get = lambda path: json.load(urllib.request.urlopen(base + path))
statuses = collections.Counter(m["delivery"]["status"] if m["delivery"] else None for lead in get("/leads?source=telegram&limit=50")
                               for m in get(f"/leads/{lead['id']}/messages")["messages"] if m["sender"] == "bot")
print("delivery of the newest 50 Telegram leads' replies, 5 s after the run:", dict(statuses))
PY
  fi
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
