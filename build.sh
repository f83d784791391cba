#!/usr/bin/env bash
# The two commands of the README:
#   ./build.sh run   build, start a local PostgreSQL (or use $BIN_POSTGRES), seed demo data, serve :5080
#   ./build.sh test  install what the tests need, start a throwaway PostgreSQL, run every test, tear down
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '\033[1;34m[build]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[build]\033[0m %s\n' "$*" >&2; exit 1; }

is_root() { [ "$(id -u)" = 0 ]; }

apt_install() {
  is_root || die "Missing $*; install it (apt-get install $*) or run as root so this script can."
  if [ -z "${APT_UPDATED:-}" ]; then apt-get update -qq >/dev/null; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

require_tools() {
  command -v dotnet >/dev/null || die "The .NET 10 SDK is needed (dotnet on PATH)."
  command -v npm >/dev/null || apt_install nodejs npm
}

# PostgreSQL server binaries: on PATH, in Debian's versioned folder, or from apt.
find_pg_bin() {
  if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then dirname "$(readlink -f "$(command -v initdb)")"; return; fi
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV); do
    [ -x "$d/initdb" ] && { echo "$d"; return; }
  done
  apt_install postgresql >&2
  ls -d /usr/lib/postgresql/*/bin | sort -rV | head -n1
}

# The server refuses to run as root: as root it runs as the unprivileged 'postgres' user.
as_pg() {
  if is_root; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/false postgres
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null || echo 55432; }

# start_cluster DIR PORT [extra server options]
start_cluster() {
  local dir="$1" port="$2"; shift 2
  local pgbin; pgbin="$(find_pg_bin)"
  mkdir -p "$dir/data" "$dir/run"
  is_root && chown -R postgres "$dir"
  chmod 700 "$dir/data"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    log "Creating a PostgreSQL cluster in $dir/data"
    as_pg "$pgbin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  fi
  as_pg "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/run/postgres.log" -w -t 60 start \
    -o "-p $port -k $dir/run -c listen_addresses=127.0.0.1 $*" >/dev/null \
    || { tail -n 30 "$dir/run/postgres.log" >&2; die "PostgreSQL did not start (port $port busy?)"; }
  PG_BIN="$pgbin"
}

psql_bin() { if [ -x "$PG_BIN/psql" ]; then echo "$PG_BIN/psql"; else command -v psql || die "psql is missing"; fi; }

stop_cluster() {
  local dir="$1"
  [ -f "$dir/data/postmaster.pid" ] && as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
}

cmd_run() {
  require_tools
  local conn="${BIN_POSTGRES:-}"
  if [ -z "$conn" ]; then
    local dir="$ROOT/.data/postgres" port="${BIN_PG_PORT:-55433}"
    start_cluster "$dir" "$port"
    trap 'log "Stopping PostgreSQL"; stop_cluster "'"$dir"'"' EXIT
    as_pg "$(psql_bin)" -h 127.0.0.1 -p "$port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='bin'" | grep -q 1 \
      || as_pg "$(psql_bin)" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE bin" >/dev/null
    conn="Host=127.0.0.1;Port=$port;Database=bin;Username=postgres"
    log "PostgreSQL on 127.0.0.1:$port (data in .data/postgres)"
  fi
  log "Building"
  dotnet build src/Bin.Dashboard -c Release -v q -nologo
  log "Dashboard on http://localhost:5080 — sign in as dispatcher / bin-demo (Ctrl-C stops it and its database)"
  ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}" ConnectionStrings__Bin="$conn" \
    dotnet run --project src/Bin.Dashboard -c Release --no-build --no-launch-profile --urls http://localhost:5080 || true
}

cmd_test() {
  require_tools
  if [ ! -x /usr/lib/chromium/chromium ] && ! command -v chromium >/dev/null; then
    log "Installing Chromium for the browser tests"
    apt_install chromium
  fi
  local dir; dir="$(mktemp -d /tmp/bin-test-pg.XXXXXX)"
  local port; port="$(free_port)"
  # A throwaway cluster: durability settings off, it is deleted after the run.
  start_cluster "$dir" "$port" -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=1000
  trap 'stop_cluster "'"$dir"'"; rm -rf "'"$dir"'"' EXIT
  export BIN_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Database=postgres;Username=postgres"
  log "Throwaway PostgreSQL on 127.0.0.1:$port"

  log "Building"
  dotnet build Bin.sln -c Release -v q -nologo
  log "Testing"
  local out="$dir/test-output.txt" status=0
  dotnet test Bin.sln -c Release --no-build -nologo 2>&1 | tee "$out" || status=$?
  # One plain summary line over all test assemblies.
  local passed failed
  passed=$(grep -oE 'Passed: +[0-9]+' "$out" | awk '{s+=$2} END {print s+0}')
  failed=$(grep -oE 'Failed: +[0-9]+' "$out" | awk '{s+=$2} END {print s+0}')
  echo "Tests: $passed passed, $failed failed"
  [ "$status" = 0 ] && [ "$failed" = 0 ] && [ "$passed" -gt 0 ] || exit 1
}

case "${1:-}" in
  run) cmd_run ;;
  test) cmd_test ;;
  *) echo "usage: ./build.sh run | test" >&2; exit 2 ;;
esac
