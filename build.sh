#!/usr/bin/env bash
# The two commands of the README:
#   ./build.sh run   build, start a local PostgreSQL (or use $BIN_POSTGRES), seed demo data, serve :5080
#   ./build.sh test  install what the tests need, start a throwaway PostgreSQL, run every test, tear down
# And for operators (docs/operations.md):
#   ./build.sh backup FILE    pg_dump (custom format) of the database of `run` (or $BIN_POSTGRES) into FILE
#   ./build.sh restore FILE   restore FILE into that database, replacing what is there (stop the dashboard first)
# And for the README:
#   ./build.sh screenshots    the browser test of the main screens, saving them (nl, 1440x900) into docs/screenshots/
#   ./build.sh browser-under-load [RUNS]   the browser suite RUNS (5) times in a row beside a CPU-bound process
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

# True when DIR's cluster is running: its postmaster.pid names a live postgres process serving DIR. A PID from the
# file that now belongs to another process (the machine rebooted, the PID was reused) is a stale lock, not a server.
cluster_running() {
  local dir="$1" pid
  [ -f "$dir/data/postmaster.pid" ] || return 1
  pid="$(head -n1 "$dir/data/postmaster.pid" 2>/dev/null)"
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q "postgres.*-D $dir/data"
}

# The port DIR's running cluster listens on (the 4th line of postmaster.pid).
cluster_port() { sed -n 4p "$1/data/postmaster.pid" 2>/dev/null; }

# start_cluster DIR PORT [extra server options]
start_cluster() {
  local dir="$1" port="$2"; shift 2
  local pgbin; pgbin="$(find_pg_bin)"
  PG_BIN="$pgbin"
  mkdir -p "$dir/data" "$dir/run"
  is_root && chown -R postgres "$dir"
  chmod 700 "$dir/data"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    log "Creating a PostgreSQL cluster in $dir/data"
    as_pg "$pgbin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  fi
  # A run that was killed (closed terminal, kill -9, crash) leaves its server running: reuse it on the same port,
  # restart it cleanly on another. A lock file whose server is gone is removed, or the server would refuse to start.
  if cluster_running "$dir"; then
    if [ "$(cluster_port "$dir")" = "$port" ]; then
      log "Reusing PostgreSQL left running by an earlier run (port $port)"
      return
    fi
    log "Stopping PostgreSQL left running by an earlier run on port $(cluster_port "$dir")"
    as_pg "$pgbin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null
  elif [ -f "$dir/data/postmaster.pid" ]; then
    log "Removing the stale lock file of a PostgreSQL that is no longer running"
    rm -f "$dir/data/postmaster.pid" "$dir/run/.s.PGSQL.$port.lock"
  fi
  # 9>&- : the server must not inherit the run lock (it would keep it after this script is gone).
  as_pg "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/run/postgres.log" -w -t 60 start \
    -o "-p $port -k $dir/run -c listen_addresses=127.0.0.1 $*" >/dev/null 9>&- \
    || { tail -n 30 "$dir/run/postgres.log" >&2; die "PostgreSQL did not start (port $port busy?)"; }
}

psql_bin() { if [ -x "$PG_BIN/psql" ]; then echo "$PG_BIN/psql"; else command -v psql || die "psql is missing"; fi; }

stop_cluster() {
  local dir="$1"
  cluster_running "$dir" && as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1 || true
}

DASHBOARD_PID=""

# Ctrl-C or SIGTERM (a service manager, `timeout`, `docker stop`): the dashboard is told first and waited for, and
# only then does the EXIT trap stop PostgreSQL — never the database under a dashboard that is still finishing.
forward_stop() {
  [ -n "$DASHBOARD_PID" ] || exit 130
  log "Stopping the dashboard"
  kill -TERM "$DASHBOARD_PID" 2>/dev/null || true
}

# Waits for the dashboard; a signal interrupts `wait`, so wait again until it has really exited (at most 15 s after
# it was told to stop: its own shutdown is bounded by Shutdown__Timeout).
wait_dashboard() {
  local status=0 deadline=""
  while kill -0 "$DASHBOARD_PID" 2>/dev/null; do
    wait "$DASHBOARD_PID" && status=0 || status=$?
    if kill -0 "$DASHBOARD_PID" 2>/dev/null; then
      [ -n "$deadline" ] || deadline=$(( $(date +%s) + 15 ))
      if [ "$(date +%s)" -ge "$deadline" ]; then log "The dashboard did not stop in 15 s; killing it"; kill -KILL "$DASHBOARD_PID" 2>/dev/null || true; fi
      sleep 0.2
    fi
  done
  log "Dashboard stopped"
  return "$status"
}

# One `run` per data folder: a lock held by this shell only (flock is released when the process dies, so a killed
# run never leaves a lock behind).
take_run_lock() {
  mkdir -p "$1"
  exec 9>"$1/run.lock"
  command -v flock >/dev/null || return 0
  flock -n 9 || die "Another ./build.sh run is using $1 (stop it first)."
}

cmd_run() {
  require_tools
  local conn="${BIN_POSTGRES:-}" data http_port="${BIN_HTTP_PORT:-5080}"
  data="$(realpath -m "${BIN_DATA_DIR:-$ROOT/.data}")"
  take_run_lock "$data"
  trap forward_stop INT TERM
  if [ -z "$conn" ]; then
    local dir="$data/postgres" port="${BIN_PG_PORT:-55433}"
    start_cluster "$dir" "$port"
    trap 'log "Stopping PostgreSQL"; stop_cluster "'"$dir"'"' EXIT
    as_pg "$(psql_bin)" -h 127.0.0.1 -p "$port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='bin'" | grep -q 1 \
      || as_pg "$(psql_bin)" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE bin" >/dev/null
    conn="Host=127.0.0.1;Port=$port;Database=bin;Username=postgres"
    log "PostgreSQL on 127.0.0.1:$port (data in $dir)"
  fi
  if [ -z "${BIN_NO_BUILD:-}" ]; then
    log "Building"
    # Bin.DemoData builds the dashboard too (it references it).
    dotnet build src/Bin.DemoData -c Release -v q -nologo 9>&-
  fi
  local environment="${ASPNETCORE_ENVIRONMENT:-Development}"
  if [ "$environment" = Development ]; then
    # Demo networks, members and Seed__HistoryDays (90) days of history, once per database; the dashboard carries none of it.
    log "Seeding demo data (the first time writes the history, which takes a while)"
    ASPNETCORE_ENVIRONMENT="$environment" ConnectionStrings__Bin="$conn" \
      dotnet src/Bin.DemoData/bin/Release/net10.0/Bin.DemoData.dll seed 9>&- || die "Seeding demo data failed"
  fi
  log "Dashboard on http://localhost:$http_port — sign in as dispatcher / bin-demo (Ctrl-C stops it and its database)"
  # Started in the background so this shell can forward a stop to it and wait; run from the project folder, like
  # `dotnet run`, so it finds its appsettings files.
  (cd src/Bin.Dashboard && ASPNETCORE_ENVIRONMENT="$environment" ConnectionStrings__Bin="$conn" \
    exec dotnet bin/Release/net10.0/Bin.Dashboard.dll --urls "http://localhost:$http_port" 9>&-) &
  DASHBOARD_PID=$!
  wait_dashboard || true
}

# The database of `run` (its local cluster, started if need be) or $BIN_POSTGRES, as libpq arguments.
pg_target() {
  PG_BIN="$(find_pg_bin)"
  if [ -n "${BIN_POSTGRES:-}" ]; then
    # Npgsql's "Host=…;Port=…;Database=…;Username=…;Password=…" as libpq's environment.
    local kv key value
    IFS=';' read -ra kv <<<"$BIN_POSTGRES"
    for pair in "${kv[@]}"; do
      key="$(echo "${pair%%=*}" | tr '[:upper:]' '[:lower:]' | tr -d ' ')"; value="${pair#*=}"
      case "$key" in
        host|server) export PGHOST="$value" ;;
        port) export PGPORT="$value" ;;
        database|db) export PGDATABASE="$value" ;;
        username|user|userid|"user id") export PGUSER="$value" ;;
        password) export PGPASSWORD="$value" ;;
      esac
    done
    PG_AS=""
  else
    local data; data="$(realpath -m "${BIN_DATA_DIR:-$ROOT/.data}")"
    cluster_running "$data/postgres" || die "The local PostgreSQL of ./build.sh run is not running (start ./build.sh run first, or set BIN_POSTGRES)."
    export PGHOST=127.0.0.1 PGPORT="$(cluster_port "$data/postgres")" PGDATABASE=bin PGUSER=postgres
    PG_AS=1
  fi
}

pg_tool() { if [ -n "$PG_AS" ]; then as_pg env PGHOST="$PGHOST" PGPORT="$PGPORT" PGDATABASE="$PGDATABASE" PGUSER="$PGUSER" "$PG_BIN/$1" "${@:2}"; else "$PG_BIN/$1" "${@:2}"; fi; }

cmd_backup() {
  local file="${1:-}"
  [ -n "$file" ] || die "usage: ./build.sh backup FILE"
  pg_target
  file="$(realpath -m "$file")"
  mkdir -p "$(dirname "$file")"
  # Custom format: compressed, restorable table by table, and consistent (one snapshot) while the dashboard runs.
  # Written through stdout so the file belongs to the caller, not to the postgres user.
  pg_tool pg_dump --format=custom --no-owner >"$file.partial" || { rm -f "$file.partial"; die "pg_dump failed"; }
  mv "$file.partial" "$file"
  log "Backup of database $PGDATABASE written to $file ($(du -h "$file" | cut -f1))"
}

cmd_restore() {
  local file="${1:-}"
  [ -n "$file" ] || die "usage: ./build.sh restore FILE"
  [ -f "$file" ] || die "No backup at $file"
  pg_target
  # Everything in the database is replaced by the backup, in one transaction: a failed restore changes nothing.
  pg_tool pg_restore --clean --if-exists --no-owner --single-transaction --exit-on-error -d "$PGDATABASE" <"$file" \
    || die "pg_restore failed; the database is unchanged"
  log "Database $PGDATABASE restored from $file"
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

# The main screens as PNGs, made by their browser test (tests/Bin.Browser.Tests/Screenshots) on its own throwaway database.
cmd_screenshots() {
  require_tools
  if [ ! -x /usr/lib/chromium/chromium ] && ! command -v chromium >/dev/null; then
    log "Installing Chromium for the browser tests"
    apt_install chromium
  fi
  mkdir -p "$ROOT/docs/screenshots"
  log "Building"
  dotnet build tests/Bin.Browser.Tests -c Release -v q -nologo
  log "Taking screenshots into docs/screenshots/"
  BIN_SCREENSHOTS="$ROOT/docs/screenshots" dotnet test tests/Bin.Browser.Tests -c Release --no-build -nologo \
    --filter "FullyQualifiedName~Bin.Browser.Tests.Screenshots"
  ls -1 "$ROOT/docs/screenshots"
}

# The browser suite RUNS times in a row (default 5) while a CPU-bound process spins, as a busy CI machine would be;
# stops at the first failing run. Each run starts its own throwaway PostgreSQL (tests/Bin.Testing).
cmd_browser_under_load() {
  local runs="${1:-5}"
  [[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "usage: ./build.sh browser-under-load [RUNS]"
  require_tools
  if [ ! -x /usr/lib/chromium/chromium ] && ! command -v chromium >/dev/null; then
    log "Installing Chromium for the browser tests"
    apt_install chromium
  fi
  log "Building"
  dotnet build tests/Bin.Browser.Tests -c Release -v q -nologo
  sh -c 'while :; do :; done' &
  local spinner=$!
  trap 'kill '"$spinner"' 2>/dev/null' EXIT
  local i start
  for i in $(seq 1 "$runs"); do
    start=$(date +%s)
    dotnet test tests/Bin.Browser.Tests -c Release --no-build -nologo || die "Run $i of $runs failed"
    log "Run $i of $runs passed in $(( $(date +%s) - start )) s, load average $(cut -d' ' -f1 /proc/loadavg)"
  done
}

case "${1:-}" in
  run) cmd_run ;;
  test) cmd_test ;;
  backup) cmd_backup "${2:-}" ;;
  restore) cmd_restore "${2:-}" ;;
  screenshots) cmd_screenshots ;;
  browser-under-load) cmd_browser_under_load "${2:-}" ;;
  *) echo "usage: ./build.sh run | test | backup FILE | restore FILE | screenshots | browser-under-load [RUNS]" >&2; exit 2 ;;
esac
