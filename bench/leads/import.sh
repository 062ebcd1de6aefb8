#!/usr/bin/env bash
# CSV import of leads through HTTP: starts the Release server (Development, demo data, rate limits off) on SQLite (a fresh
# file) and/or PostgreSQL (a private cluster started here as the postgres user), then, on one keep-alive connection, times
# `POST /leads/api/leads/import` with a file of N leads (new phones each round; attributed to a demo campaign by id):
# three dry runs (answered at once) and three imports (202, then polled every 20 ms until the durable `leads.import` job
# has succeeded: the time is from the POST to the job done), next to the anchors in the same run: M leads of the same
# shape sent one by one to
# `POST /leads/api/leads`, and M `GET /health/live`. Usage: bench/leads/import.sh [sqlite|postgres|both=both] [N=5000] [M=1000]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
which="${1:-both}"
count="${2:-5000}"
anchors="${3:-1000}"
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
    Clientele__RateLimits__Enabled=false Logging__LogLevel__Default=Warning \
    dotnet src/Clientele.Server/bin/Release/net10.0/Clientele.Server.dll --urls "http://127.0.0.1:$port" >"$work/server-$provider.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 480); do
    curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break
    sleep 0.5
  done
  echo "== $provider"
  python3 - "$port" "$count" "$anchors" <<'PY'
import http.client, json, sys, time
port, count, anchors = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
def call(method, path, body=None, headers={}, expect=200):
    start = time.perf_counter()
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    data = response.read()
    assert response.status == expect, (response.status, data[:300])
    return time.perf_counter() - start, data
campaign = json.loads(call("GET", "/leads/api/campaigns?limit=1")[1])[0]
def phone(round, i):
    return f"+7 747 {round:01d}{i // 10000 % 10:01d}{i // 1000 % 10:01d} {i // 100 % 10}{i // 10 % 10} {i % 10}0"
def csv(round):
    lines = ["name,phone,source,budget,notes,campaign_id"]
    lines += [f"Клиент {round}-{i},{phone(round, i)},olx,{15000 + i},\"Импорт, строка {i}\",{campaign['id']}" for i in range(count)]
    return ("\r\n".join(lines) + "\r\n").encode()
headers = {"Content-Type": "text/csv"}
def report(name, seconds):
    seconds.sort()
    print(f"{name}: n={count} median {seconds[len(seconds) // 2]:.2f} s ({count / seconds[len(seconds) // 2]:.0f} leads/s), runs " + ", ".join(f"{s:.2f}" for s in seconds))
call("GET", "/health/live")
start = time.perf_counter()
for _ in range(anchors):
    call("GET", "/health/live")
seconds = time.perf_counter() - start
print(f"anchor GET /health/live: n={anchors} {seconds:.2f} s ({anchors / seconds:.0f}/s)")
report("POST /leads/api/leads/import?dry_run=true", [call("POST", "/leads/api/leads/import?dry_run=true", csv(1), headers)[0] for _ in range(3)])
imports, accepted = [], []
for round in (2, 3, 4):
    body = csv(round)
    start = time.perf_counter()
    answered, data = call("POST", "/leads/api/leads/import", body, headers, expect=202)
    task = json.loads(data)["task_id"]
    while True:
        job = json.loads(call("GET", f"/leads/api/leads/import/{task}")[1])
        if job["status"] in ("succeeded", "failed", "cancelled"):
            break
        time.sleep(0.02)
    assert job["status"] == "succeeded" and job["result"]["created"] == count, str(job)[:300]
    imports.append(time.perf_counter() - start)
    accepted.append(answered)
report("POST /leads/api/leads/import until its job is done", imports)
report("POST /leads/api/leads/import until its 202 (the check)", accepted)
start = time.perf_counter()
for i in range(anchors):
    body = json.dumps({"name": f"Клиент 5-{i}", "phone": phone(5, i), "source": "olx", "budget": 15000 + i, "notes": f"Импорт, строка {i}",
        "campaign_id": campaign["id"]}, ensure_ascii=False).encode()
    call("POST", "/leads/api/leads", body, {"Content-Type": "application/json"})
seconds = time.perf_counter() - start
print(f"anchor POST /leads/api/leads one by one: n={anchors} {seconds:.2f} s ({anchors / seconds:.0f} leads/s)")
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
