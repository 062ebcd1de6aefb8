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
work="$(mktemp -d)"
source bench/lib/private-postgres.sh
cleanup() {
  set +e
  stop_private_postgres
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
  start_private_postgres
  "${bench[@]}" --import "$work/data" --provider postgres --connection "$pg_connection" "${phases[@]}"
fi
uptime
