#!/usr/bin/env bash
# The project's one test command: starts a private PostgreSQL 15 and Redis on
# free loopback ports (the deployment test starts its own nginx from the
# installed package), builds the solution, runs its test projects (the API
# tests next to the others, see below), and prints the
# totals ("N passed, M failed[, K skipped]") as the last line of output.
# Extra arguments are passed to `dotnet test`, e.g. ./test.sh --filter Foo
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
target="${CLIENTELE_TEST_TARGET:-Clientele.slnx}"
pg_bin=/usr/lib/postgresql/15/bin
chromium=/usr/bin/chromium
is_root=false; [[ $EUID -eq 0 ]] && is_root=true

# --- prerequisites ----------------------------------------------------------
missing=()
[[ -x $pg_bin/initdb ]] || missing+=(postgresql-15)
command -v redis-server >/dev/null || missing+=(redis-server)
[[ -x $chromium ]] || missing+=(chromium)
[[ -x /usr/sbin/nginx ]] || missing+=(nginx)
if ((${#missing[@]})); then
    if ! $is_root; then
        echo "test.sh: missing packages: ${missing[*]}" >&2
        echo "Install them first: sudo apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
    echo "Installing ${missing[*]} ..."
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        postgresql-15 redis-server chromium nginx
fi

# --- services ---------------------------------------------------------------
port_in_use() { (echo >"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
    local p
    for _ in {1..200}; do
        p=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
        [[ $p != "${1:-}" ]] && ! port_in_use "$p" && { echo "$p"; return; }
    done
    echo "test.sh: no free port found" >&2; return 1
}
# Commands touching the cluster must run as postgres when we are root:
# initdb and postgres refuse to run as root.
as_pg() { if $is_root; then runuser -u postgres -- "$@"; else "$@"; fi; }

tmp="$(mktemp -d "${TMPDIR:-/tmp}/clientele-test.XXXXXX")"
redis_pid=""
pg_started=false
cleanup() {
    local rc=$?
    set +e
    # Silent on purpose: the totals line must stay the last line of output.
    $pg_started && as_pg "$pg_bin/pg_ctl" -D "$tmp/data" -m fast -w stop >/dev/null 2>&1
    if [[ -n $redis_pid ]]; then
        kill "$redis_pid" 2>/dev/null
        wait "$redis_pid" 2>/dev/null
    fi
    rm -rf "$tmp"
    exit "$rc"
}
trap cleanup EXIT
# Without these, a TERM would kill bash without running the EXIT trap.
trap 'exit 130' INT
trap 'exit 143' TERM

$is_root && chown postgres:postgres "$tmp"
PGPORT="$(free_port)"
REDISPORT="$(free_port "$PGPORT")"

as_pg "$pg_bin/initdb" -D "$tmp/data" -U postgres --auth=trust -E UTF8 \
    --locale=C.UTF-8 >"$tmp/initdb.log" 2>&1 \
    || { cat "$tmp/initdb.log" >&2; echo "test.sh: initdb failed" >&2; exit 1; }
pg_started=true
as_pg "$pg_bin/pg_ctl" -D "$tmp/data" -l "$tmp/pg.log" -w -t 60 \
    -o "-p $PGPORT -k $tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null \
    || { cat "$tmp/pg.log" >&2; echo "test.sh: PostgreSQL failed to start" >&2; exit 1; }

redis-server --port "$REDISPORT" --bind 127.0.0.1 --save '' --appendonly no \
    --daemonize no --dir "$tmp" >"$tmp/redis.log" 2>&1 &
redis_pid=$!
for _ in {1..100}; do
    port_in_use "$REDISPORT" && break
    kill -0 "$redis_pid" 2>/dev/null || break
    sleep 0.1
done
port_in_use "$REDISPORT" \
    || { cat "$tmp/redis.log" >&2; echo "test.sh: Redis failed to start" >&2; exit 1; }

export CLIENTELE_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres"
export CLIENTELE_TEST_REDIS="127.0.0.1:$REDISPORT"
export CLIENTELE_TEST_CHROMIUM="$chromium"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "PostgreSQL on 127.0.0.1:$PGPORT, Redis on 127.0.0.1:$REDISPORT"

# --- tests ------------------------------------------------------------------
results="$PWD/.test-run/results"
rm -rf "$results"
mkdir -p "$results"
test_rc=0
# One TRX per project, named after it (two lanes could otherwise write two files of the same second's name).
run_tests() { dotnet test "$1" -c Release --no-build --logger "trx;LogFileName=$(basename "$1" .csproj).trx" --results-directory "$results" "${@:2}"; }
if [[ $target == Clientele.slnx ]]; then
    # dotnet test on the solution ran the projects one after another, the API tests (most of the time) last. Built once, the
    # API tests run in one lane and every other test project, one after another, in a second lane next to it.
    if dotnet build Clientele.slnx -c Release; then
        api=tests/Clientele.Api.Tests/Clientele.Api.Tests.csproj
        run_tests "$api" "$@" &
        api_pid=$!
        for project in tests/*/*.Tests.csproj; do
            [[ $project == "$api" ]] || run_tests "$project" "$@" || test_rc=$?
        done
        wait "$api_pid" || test_rc=$?
    else
        test_rc=1
    fi
else
    dotnet test "$target" -c Release --logger trx --results-directory "$results" "$@" || test_rc=$?
fi

# --- totals -----------------------------------------------------------------
# Each TRX (one per test project) has a <Counters .../> element. xunit's
# skipped tests are not counted in notExecuted (it stays 0): they are the
# tests that were not executed, i.e. total - executed.
mapfile -t trx < <(find "$results" -name '*.trx' -type f)
if ((${#trx[@]} == 0)); then
    echo "test.sh: no test results (build failed?), dotnet test exited with $test_rc"
    echo "0 passed, 1 failed"
    exit 1
fi
read -r passed failed skipped < <(
    cat "${trx[@]}" | grep -o '<Counters [^>]*>' | awk '
        function attr(name,  m) {
            return match($0, " " name "=\"[0-9]+\"") ? substr($0, RSTART + length(name) + 3, RLENGTH - length(name) - 4) + 0 : 0
        }
        { p += attr("passed"); f += attr("failed") + attr("error") + attr("timeout") + attr("aborted")
          s += attr("total") - attr("executed") }
        END { print p + 0, f + 0, s + 0 }')
if ((test_rc != 0 && failed == 0)); then
    # e.g. one project failed to build or its test host crashed
    echo "test.sh: dotnet test exited with $test_rc without failing tests; counting 1 failure"
    failed=1
fi
totals="$passed passed, $failed failed"
((skipped > 0)) && totals+=", $skipped skipped"
echo "$totals"
((test_rc == 0 && failed == 0))
