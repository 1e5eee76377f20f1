#!/usr/bin/env bash
# Starts (or stops) a throwaway PostgreSQL server for tests and benchmarks, on loopback only.
#   scripts/postgres-test-server.sh start [DIR] [PORT]   prints the connection URL on stdout
#   scripts/postgres-test-server.sh stop  [DIR] [MODE]   MODE: fast (default) or immediate (a crash: no shutdown
#                                                        checkpoint, every connection dropped at once)
#   scripts/postgres-test-server.sh restart [DIR] [MODE]  stop in MODE, then start again with the same settings
# Needs Debian's postgresql package (apt-get install -y postgresql). Runs the server as the `postgres` user
# when invoked as root, since PostgreSQL refuses to run as root.
set -euo pipefail
if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
  echo "PostgreSQL is not installed: run \`apt-get install -y postgresql\` (Debian's package) first" >&2
  exit 3
fi
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
    mode=${3:-fast}
    as_pg "$bindir/pg_ctl -D '$dir' -m $mode -w stop" >/dev/null || true
    ;;
  restart)
    # pg_ctl restart reuses the options the server was started with (postmaster.opts).
    mode=${3:-fast}
    as_pg "$bindir/pg_ctl -D '$dir' -l '$dir/server.log' -m $mode -w -t 60 restart" >/dev/null
    ;;
  *)
    echo "usage: $0 start|stop|restart [DIR] [PORT|MODE]" >&2
    exit 2
    ;;
esac
