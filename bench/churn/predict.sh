#!/usr/bin/env bash
# Single prediction through HTTP: starts the server (Release, demo data, a fresh SQLite file on a free port), logs in as the
# demo admin, and times N sequential `POST /churn/api/predict/` calls on one keep-alive connection, next to the same number of
# `GET /health/live` calls on the same connection in the same run (the anchor: the pipeline's floor for any request).
# Usage: bench/churn/predict.sh [N=2000] [WARMUP=200] (warm-up calls before timing; the explainer fills its per-tree caches as customers come)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
count="${1:-2000}"
warmup="${2:-200}"
work="$(mktemp -d)"
source bench/lib/demo-server.sh
trap stop_demo_server EXIT
start_demo_server

PYTHONPATH=bench/lib python3 - "$port" "$count" "$warmup" <<'PY'
import json, sys
from http_timing import Timing, report
port, count, warmup = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
timing = Timing(port)
_, token = timing.call("POST", "/churn/api/auth/login/", json.dumps({"username": "admin@clientele.local", "password": "clientele-demo"}),
                       {"Content-Type": "application/json"})
auth = {"Authorization": "Bearer " + json.loads(token)["access"], "Content-Type": "application/json"}
def run(name, method, path, body=None, headers={}):
    for i in range(warmup):
        timing.call(method, path, body(i) if body else None, headers)
    report(name, [timing.call(method, path, body(i) if body else None, headers)[0] for i in range(count)])
run("anchor GET /health/live", "GET", "/health/live")
run("POST /churn/api/predict/ (score, 7-field Shapley factors, history row)", "POST", "/churn/api/predict/",
    lambda i: json.dumps({"customer_id": 1 + i % 1500}), auth)
PY
