# Sourced by the HTTP benchmarks: builds the Release server and starts it with demo data on a fresh SQLite file in $work and a
# free port (Development, rate limits and the churn sweep off), setting $port and $server_pid; the caller's EXIT trap calls
# stop_demo_server. Extra server settings come from the caller's environment.
start_demo_server() {
  port=$((20000 + RANDOM % 20000))
  dotnet build src/Clientele.Server -c Release -v q -nologo >/dev/null
  ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Clientele="Data Source=$work/bench.db" Clientele__Churn__SweepMinutes=0 \
    Clientele__RateLimits__Enabled=false Logging__LogLevel__Default=Warning \
    dotnet src/Clientele.Server/bin/Release/net10.0/Clientele.Server.dll --urls "http://127.0.0.1:$port" >"${BENCH_SERVER_LOG:-$work/server.log}" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 240); do
    curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && return
    sleep 0.5
  done
  echo "the server did not get ready; its log:" >&2
  cat "$work/server.log" >&2
  return 1
}

stop_demo_server() { [[ -n ${server_pid:-} ]] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
