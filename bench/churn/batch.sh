#!/usr/bin/env bash
# Batch scoring through the product path, on SQLite and on PostgreSQL. For each database: starts the server (Release,
# Development demo data, sweep and rate limits off, a fresh SQLite file or a private PostgreSQL 15 cluster on a free
# loopback port), imports N generated customers into the demo organization with POST /churn/api/customers/import/ (the
# churn.import job, which also scores them once), then times `POST /churn/api/predict/batch/` with those N ids from the
# POST until its task (GET /churn/api/predict/batch/{id}/, polled every 100 ms) has succeeded: the durable churn.scoring
# job re-scoring them with the active model (score, customer row, a churn_risk_history row each, alert rules).
# Next to it, in the same run, the anchor: the database's own set-based write of the same rows, with the server stopped —
# one UPDATE churn_customers SET RiskScore = <logistic expression>, ModelVersion, LastUpdated plus one
# INSERT INTO churn_risk_history SELECT … (features JSON, no factors, source batch) of the N rows, in one transaction,
# run by the sqlite3 shell on the same file and by psql on the same database, timed by the wall clock around the shell:
# the floor for writing the scores the job writes. SQLite runs as the server leaves the file (write-ahead log; the server's
# connections use synchronous NORMAL, the sqlite3 shell its default FULL), PostgreSQL with fsync and synchronous_commit on.
# Usage: bench/churn/batch.sh [N=100000] [sqlite|postgres|both]   (N at most 100000, the batch endpoint's limit)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
count="${1:-100000}"
databases="${2:-both}"
[[ $count =~ ^[0-9]+$ ]] && ((count >= 1 && count <= 100000)) || { echo "batch.sh: N must be 1–100000" >&2; exit 2; }
case "$databases" in
  sqlite) databases=(sqlite) ;;
  postgres) databases=(postgres) ;;
  both) databases=(sqlite postgres) ;;
  *) echo "usage: bench/churn/batch.sh [N=100000] [sqlite|postgres|both]" >&2; exit 2 ;;
esac
pg_bin=/usr/lib/postgresql/15/bin
helper="$root/bench/churn/batch.py"
is_root=false; [[ $EUID -eq 0 ]] && is_root=true

missing=()
command -v sqlite3 >/dev/null || missing+=(sqlite3)
[[ " ${databases[*]} " == *" postgres "* ]] && { [[ -x $pg_bin/initdb ]] || missing+=(postgresql-15); command -v psql >/dev/null || missing+=(postgresql-client-15); }
if ((${#missing[@]})); then
  $is_root || { echo "batch.sh: missing packages: ${missing[*]} (sudo apt-get install -y ${missing[*]})" >&2; exit 1; }
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/clientele-batch.XXXXXX")"
server_pid=""
pg_data=""
as_pg() { if $is_root; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop_server() {
  if [[ -n $server_pid ]]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
  fi
}
stop_postgres() {
  if [[ -n $pg_data ]]; then
    as_pg "$pg_bin/pg_ctl" -D "$pg_data" -m fast -w stop >/dev/null 2>&1 || true
    pg_data=""
  fi
}
cleanup() {
  local rc=$?
  set +e
  stop_server
  if ((rc != 0)); then
    for log in "$work"/server-*.log; do
      [[ -s $log ]] && { echo "--- last lines of ${log##*/}:" >&2; tail -n 40 "$log" >&2; }
    done
  fi
  stop_postgres
  rm -rf "$work"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
$is_root && chown postgres:postgres "$work"

port_in_use() { (echo >"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  local p
  for _ in {1..200}; do
    p=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
    port_in_use "$p" || { echo "$p"; return; }
  done
  echo "batch.sh: no free port found" >&2
  return 1
}
now_ns() { date +%s%N; }
seconds_since() { awk -v a="$1" -v b="$(now_ns)" 'BEGIN { printf "%.2f", (b - a) / 1e9 }'; }

# $1 = provider, $2 = connection string. Waits for /health/ready; shows the server log if it dies or never gets ready.
start_server() {
  local port
  port="$(free_port)"
  ASPNETCORE_ENVIRONMENT=Development Clientele__Database__Provider="$1" ConnectionStrings__Clientele="$2" \
    Clientele__DataFolder="$work/files" Clientele__Churn__SweepMinutes=0 Clientele__RateLimits__Enabled=false \
    Logging__LogLevel__Default=Warning \
    dotnet src/Clientele.Server/bin/Release/net10.0/Clientele.Server.dll --urls "http://127.0.0.1:$port" >>"$work/server-$1.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 600); do
    curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && { server_port=$port; return; }
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.5
  done
  echo "batch.sh: the server ($1) did not get ready" >&2
  exit 1
}

# $1 = label; $2 = command that runs SQL from stdin and prints rows unaligned, '|' between columns.
# Prints the N imported customers' ids into $work/ids and sets lo, hi.
read_ids() {
  $2 >"$work/ids" <<<"SELECT \"Id\" FROM churn_customers WHERE \"Email\" LIKE 'bench-%@batch.example' ORDER BY \"Id\";"
  local found
  found=$(wc -l <"$work/ids")
  ((found == count)) || { echo "batch.sh: $1: $found imported customers, expected $count" >&2; exit 1; }
  lo=$(head -n 1 "$work/ids")
  hi=$(tail -n 1 "$work/ids")
  ((hi - lo + 1 == count)) || { echo "batch.sh: $1: the imported ids are not contiguous ($lo–$hi)" >&2; exit 1; }
}

# Not the model: a logistic score over the same seven fields (the caller rounds it to 6 places, as the job stores it).
score_sql() {
  local q=$1 # identifier quote
  echo "1.0 / (1.0 + exp(-(-2.2 + 0.045 * (${q}Age${q} - 40) + 0.00000001 * ${q}Balance${q} - 0.9 * CAST(${q}Active${q} AS INTEGER)
    + 1.6 * CAST(${q}Products${q} >= 3 AS INTEGER) - 0.5 * CAST(${q}Products${q} = 2 AS INTEGER) - 0.02 * ${q}Tenure${q}
    - 0.1 * CAST(${q}CreditCard${q} AS INTEGER) + 0.00000001 * ${q}Salary${q})))"
}

run_sqlite() {
  local db="$work/bench.db" sql="sqlite3 -batch -bail $work/bench.db"
  start_server Sqlite "Data Source=$db"
  python3 "$helper" load "$server_port" "$work/customers.csv"
  read_ids sqlite "$sql"
  python3 "$helper" score "$server_port" "$work/ids" "sqlite"
  stop_server

  local ticks day started
  ticks=$(($(now_ns) / 100 + 621355968000000000)) # DateTimeOffset.UtcTicks, as the server stores times on SQLite
  day=$(date -u +%F)
  cat >"$work/anchor-sqlite.sql" <<SQL
BEGIN;
UPDATE churn_customers SET RiskScore = round($(score_sql ""), 6),
  ModelVersion = (SELECT Version FROM churn_model_versions v WHERE v.IsActive AND v.OrganizationId = churn_customers.OrganizationId),
  LastUpdated = $ticks
WHERE Id BETWEEN $lo AND $hi;
INSERT INTO churn_risk_history (OrganizationId, CustomerId, Score, Timestamp, Day, ModelVersion, FeaturesJson, FactorsJson, Source)
SELECT OrganizationId, Id, RiskScore, $ticks, '$day', ModelVersion,
  json_object('age', Age, 'tenure', Tenure, 'balance', Balance, 'products', Products,
    'credit_card', json(CASE WHEN CreditCard THEN 'true' ELSE 'false' END), 'active', json(CASE WHEN Active THEN 'true' ELSE 'false' END),
    'salary', Salary),
  '[]', 'batch'
FROM churn_customers WHERE Id BETWEEN $lo AND $hi;
SELECT changes();
COMMIT;
SQL
  started=$(now_ns)
  local inserted
  inserted=$($sql <"$work/anchor-sqlite.sql")
  local elapsed
  elapsed=$(seconds_since "$started")
  ((inserted == count)) || { echo "batch.sh: sqlite anchor inserted $inserted rows, expected $count" >&2; exit 1; }
  echo "sqlite: anchor sqlite3 set-based update+insert of the same $count rows: $elapsed s = $(awk -v n="$count" -v s="$elapsed" 'BEGIN { printf "%.0f", n / s }') rows/s"
}

run_postgres() {
  local pg_port
  pg_port="$(free_port)"
  pg_data="$work/pg"
  as_pg "$pg_bin/initdb" -D "$pg_data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1 \
    || { cat "$work/initdb.log" >&2; echo "batch.sh: initdb failed" >&2; exit 1; }
  as_pg "$pg_bin/pg_ctl" -D "$pg_data" -l "$work/pg.log" -w -t 60 -o "-p $pg_port -k $work -c listen_addresses=127.0.0.1" start >/dev/null \
    || { cat "$work/pg.log" >&2; echo "batch.sh: PostgreSQL failed to start" >&2; exit 1; }
  local psql_db="psql -X -q -v ON_ERROR_STOP=1 -At -h 127.0.0.1 -p $pg_port -U postgres -d clientele"
  psql -X -q -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -c "CREATE DATABASE clientele" >/dev/null
  start_server Postgres "Host=127.0.0.1;Port=$pg_port;Database=clientele;Username=postgres"
  python3 "$helper" load "$server_port" "$work/customers.csv"
  read_ids postgres "$psql_db"
  python3 "$helper" score "$server_port" "$work/ids" "postgres"
  stop_server

  cat >"$work/anchor-postgres.sql" <<SQL
BEGIN;
UPDATE churn_customers c SET "RiskScore" = round(($(score_sql '"'))::numeric, 6)::float8,
  "ModelVersion" = (SELECT "Version" FROM churn_model_versions v WHERE v."IsActive" AND v."OrganizationId" = c."OrganizationId"),
  "LastUpdated" = date_trunc('microseconds', now())
WHERE "Id" BETWEEN $lo AND $hi;
WITH inserted AS (
INSERT INTO churn_risk_history ("OrganizationId", "CustomerId", "Score", "Timestamp", "Day", "ModelVersion", "FeaturesJson", "FactorsJson", "Source")
SELECT "OrganizationId", "Id", "RiskScore", now(), (now() AT TIME ZONE 'UTC')::date, "ModelVersion",
  json_build_object('age', "Age", 'tenure', "Tenure", 'balance', "Balance", 'products', "Products",
    'credit_card', "CreditCard", 'active', "Active", 'salary', "Salary")::text,
  '[]', 'batch'
FROM churn_customers WHERE "Id" BETWEEN $lo AND $hi
RETURNING 1)
SELECT count(*) FROM inserted;
COMMIT;
SQL
  local started inserted elapsed
  started=$(now_ns)
  inserted=$($psql_db <"$work/anchor-postgres.sql")
  elapsed=$(seconds_since "$started")
  ((inserted == count)) || { echo "batch.sh: postgres anchor inserted $inserted rows, expected $count" >&2; exit 1; }
  echo "postgres: anchor psql set-based update+insert of the same $count rows: $elapsed s = $(awk -v n="$count" -v s="$elapsed" 'BEGIN { printf "%.0f", n / s }') rows/s"
  stop_postgres
}

dotnet build src/Clientele.Server -c Release -v q -nologo >/dev/null
python3 "$helper" csv "$count" "$work/customers.csv"
for database in "${databases[@]}"; do
  "run_$database"
done
