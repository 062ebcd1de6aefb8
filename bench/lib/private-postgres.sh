# Sourced by benchmarks that need PostgreSQL: start_private_postgres starts a throwaway PostgreSQL 15 cluster (default
# settings, trust auth) in $work/pg on a free loopback port and sets $pg_port and $pg_connection; stop_private_postgres stops
# it (call it from the caller's EXIT trap). As root, the cluster runs as Debian's postgres user (initdb refuses root), so
# $work must be readable by it.
pg_bin=/usr/lib/postgresql/15/bin
pg_started=false
as_pg() { if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

start_private_postgres() {
  chmod 777 "$work"
  pg_port=$((20000 + RANDOM % 20000))
  as_pg "$pg_bin/initdb" -D "$work/pg" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1
  pg_started=true
  as_pg "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w -t 60 -o "-p $pg_port -k $work -c listen_addresses=127.0.0.1" start >/dev/null
  pg_connection="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
}

stop_private_postgres() {
  $pg_started && as_pg "$pg_bin/pg_ctl" -D "$work/pg" -m fast -w stop >/dev/null 2>&1
  pg_started=false
}
