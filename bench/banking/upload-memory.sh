#!/usr/bin/env bash
# The server's memory while it takes hostile and large uploads: starts the Release server (Development, demo data, fresh
# SQLite file; bench/lib/demo-server.sh), then posts to POST /banking/api/import (a) a 1 MB .zip holding 1 GB of zeros as
# clients.csv, (b) a plain CSV upload of about 20 MB (clients.csv + one transactions file, 2 500 clients × 100 payments),
# sampling the server's resident set (VmRSS) every 50 ms. Prints status, seconds, and RSS before → peak → after (MiB).
# Usage: bench/banking/upload-memory.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
work="$(mktemp -d)"
source bench/lib/demo-server.sh
trap stop_demo_server EXIT
python3 - "$work" <<'PY'
import sys, zipfile
work = sys.argv[1]
with zipfile.ZipFile(f"{work}/bomb.zip", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
    with archive.open("clients.csv", "w", force_zip64=False) as entry:
        chunk = bytes(1 << 20)
        for _ in range(1000):
            entry.write(chunk)
with open(f"{work}/clients.csv", "w", encoding="utf-8") as clients, open(f"{work}/transactions.csv", "w", encoding="utf-8") as payments:
    clients.write("client_code,name,status,age,city,avg_monthly_balance_KZT\n")
    payments.write("client_code,name,status,city,date,category,amount,currency\n")
    for code in range(100001, 102501):
        clients.write(f"{code},Клиент {code},Студент,20,Алматы,{code}.50\n")
        for row in range(100):
            payments.write(f"{code},Клиент {code},Студент,Алматы,2025-08-{1 + row % 28:02d} 10:{row % 60:02d}:00,Кафе и рестораны,{row + 1}.25,KZT\n")
PY
start_demo_server
ls -l "$work/bomb.zip" "$work/clients.csv" "$work/transactions.csv" | awk '{print $5, $9}'
rss() { awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$server_pid/status"; }
measure() {
  local name=$1; shift
  sleep 2
  local before peak=0 started status
  before=$(rss)
  started=$(date +%s.%N)
  curl -s -o "$work/answer.json" -w '%{http_code}' "$@" "http://127.0.0.1:$port/banking/api/import" >"$work/status" &
  local curl_pid=$!
  while kill -0 "$curl_pid" 2>/dev/null; do
    local now; now=$(rss); ((now > peak)) && peak=$now
    sleep 0.05
  done
  wait "$curl_pid" || true
  status=$(cat "$work/status")
  local seconds; seconds=$(echo "$(date +%s.%N) - $started" | bc)
  sleep 2
  echo "| $name | $status | $seconds | $before → $peak → $(rss) | $(head -c 160 "$work/answer.json") |"
}
uptime
echo "| upload | status | seconds | server RSS MiB (before → peak → after) | answer |"
echo "| --- | --- | ---: | --- | --- |"
measure "1 MB zip of 1 GB zeros" -F "files=@$work/bomb.zip;type=application/zip"
measure "20 MB plain CSV (250 000 rows)" -F "files=@$work/clients.csv;type=text/csv" -F "files=@$work/transactions.csv;type=text/csv"
uptime
