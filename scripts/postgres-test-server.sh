#!/usr/bin/env bash
# Starts (or stops) a throwaway PostgreSQL server for tests and benchmarks, on loopback only.
#   scripts/postgres-test-server.sh start [DIR] [PORT]   prints the connection URL on stdout
#   scripts/postgres-test-server.sh stop  [DIR]
# Needs Debian's postgresql package (apt-get install -y postgresql). Runs the server as the `postgres` user
# when invoked as root, since PostgreSQL refuses to run as root.
set -euo pipefail
action=${1:?start|stop}
dir=${2:-/tmp/sanctions-screening-pg}
port=${3:-55432}
bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }

case "$action" in
  start)
    if [ ! -s "$dir/PG_VERSION" ]; then
      mkdir -p "$dir"
      [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
      as_pg "$bindir/initdb -D '$dir' --auth=trust --username=postgres --encoding=UTF8 --locale=C.UTF-8" >/dev/null
    fi
    as_pg "$bindir/pg_ctl -D '$dir' -l '$dir/server.log' -w -t 60 \
      -o \"-p $port -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off -c synchronous_commit=off\" start" >/dev/null
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    as_pg "$bindir/pg_ctl -D '$dir' -m fast -w stop" >/dev/null || true
    ;;
  *)
    echo "usage: $0 start|stop [DIR] [PORT]" >&2
    exit 2
    ;;
esac
