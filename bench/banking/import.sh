#!/usr/bin/env bash
# Banking import at scale: the synthetic bank (bench/Clientele.Bench/SyntheticBank.cs) in the case format, CLIENTS clients
# × ROWS rows (half card payments, half transfers; one file per client and kind, as the case ships), imported by the
# import verb's code path on SQLite (a fresh file) and PostgreSQL (a private cluster started here, default settings), each
# next to the database's own bulk load of the same rows in the same run (sqlite3 .import; psql \copy). Prints one table
# row per phase: rows, seconds, rows/s, the importing process's working set (MiB) before the import and its peak.
# Usage: bench/banking/import.sh [sqlite|postgres|both=both] [CLIENTS=5000] [ROWS=200] [phases]
# With "phases", each provider also prints where the time goes: parsing alone, parse + staging write, checks, merge.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
which="${1:-both}"
clients="${2:-5000}"
rows="${3:-200}"
phases=()
[[ ${4:-} == phases ]] && phases=(--phases)
pg_bin=/usr/lib/postgresql/15/bin
work="$(mktemp -d)"
chmod 777 "$work"
pg_started=false
as_pg() { if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  set +e
  $pg_started && as_pg "$pg_bin/pg_ctl" -D "$work/pg" -m fast -w stop >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
command -v sqlite3 >/dev/null || { echo "import.sh: sqlite3 missing (apt-get install sqlite3)" >&2; exit 1; }

dotnet build bench/banking/Clientele.Banking.ImportBench -c Release -v q -nologo >/dev/null
bench=(dotnet bench/banking/Clientele.Banking.ImportBench/bin/Release/net10.0/Clientele.Banking.ImportBench.dll)
"${bench[@]}" --generate "$work/data" --clients "$clients" --rows "$rows"
chmod -R a+rX "$work/data"
uptime
echo "| provider | phase | rows | seconds | rows/s | working set MiB (before → peak) |"
echo "| --- | --- | ---: | ---: | ---: | --- |"
if [[ $which == sqlite || $which == both ]]; then
  "${bench[@]}" --import "$work/data" --provider sqlite "${phases[@]}"
fi
if [[ $which == postgres || $which == both ]]; then
  pg_port=$((20000 + RANDOM % 20000))
  as_pg "$pg_bin/initdb" -D "$work/pg" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1
  pg_started=true
  as_pg "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w -t 60 -o "-p $pg_port -k $work -c listen_addresses=127.0.0.1" start >/dev/null
  "${bench[@]}" --import "$work/data" --provider postgres --connection "Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres" "${phases[@]}"
fi
uptime
