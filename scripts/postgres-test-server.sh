#!/usr/bin/env bash
# A private PostgreSQL server on loopback for the pack's tests of `--database postgres` (CI runs it;
# developers may too). It never touches a server the machine already runs: its own data folder,
# its own port, trust authentication on 127.0.0.1 only, and it is removed again by `stop`.
#
# usage: scripts/postgres-test-server.sh start [PORT]   prints the connection string on stdout
#        scripts/postgres-test-server.sh stop  [PORT]
#
# The PostgreSQL server comes from Debian's packages; `start` installs them (apt-get, as root)
# when no server binaries are on the machine.
set -euo pipefail

action=${1:-}
port=${2:-55432}
data="${TMPDIR:-/tmp}/att-postgres-$port"
say() { echo "[postgres] $*" >&2; }

bin_dir() {
  local initdb
  initdb=$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$initdb" ] && dirname "$initdb"
}

# Run as the postgres account when root: the server refuses to run as root.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$action" in
  start)
    if [ -z "$(bin_dir)" ]; then
      [ "$(id -u)" -eq 0 ] || { say "no PostgreSQL server installed; install Debian's 'postgresql' package"; exit 1; }
      say "installing Debian's postgresql package"
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
    fi
    bin=$(bin_dir)
    if [ -f "$data/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
      say "already running on port $port"
    else
      rm -rf "$data"
      mkdir -p "$data"
      [ "$(id -u)" -eq 0 ] && chown postgres: "$data"
      say "initialising a cluster in $data"
      as_owner "$bin/initdb" -D "$data" -U postgres -A trust --no-sync -E UTF8 >/dev/null
      say "starting it on 127.0.0.1:$port"
      as_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
        -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
    fi
    echo "Host=127.0.0.1;Port=$port;Username=postgres"
    ;;
  stop)
    bin=$(bin_dir)
    if [ -n "$bin" ] && [ -d "$data" ]; then
      as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$data"
    ;;
  *)
    sed -n '2,10p' "$0" >&2
    exit 2
    ;;
esac
