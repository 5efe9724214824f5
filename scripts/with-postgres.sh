#!/usr/bin/env bash
# Runs a command with a throw-away PostgreSQL server on loopback, then stops it.
#   scripts/with-postgres.sh npm test
# Exports TEST_DATABASE_URL for the store tests. Installs Debian's postgresql package if the
# server binaries are missing. PostgreSQL refuses to run as root, so as root it runs as the
# `postgres` system user the package creates.
set -euo pipefail

find_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
  done
  return 1
}

if ! PGBIN=$(find_bin); then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "with-postgres: installing PostgreSQL from Debian packages…" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq postgresql >/dev/null
    PGBIN=$(find_bin)
  elif [ -n "${CI:-}" ]; then
    echo "with-postgres: PostgreSQL is not installed and cannot be installed here (needs root and apt-get)." >&2
    exit 1
  else
    # A developer laptop without root: the store suite then runs on SQLite only, and says so.
    echo "with-postgres: PostgreSQL not found and not installable without root; running without it." >&2
    exec "$@"
  fi
fi

RUN_AS=()
if [ "$(id -u)" = "0" ]; then RUN_AS=(runuser -u postgres --); fi

PGDATA=$(mktemp -d /tmp/sf-api-assistant-pg.XXXXXX)
chmod 755 "$PGDATA"
if [ "$(id -u)" = "0" ]; then chown postgres:postgres "$PGDATA"; fi
PORT=${PGPORT_FOR_TESTS:-$(( 20000 + RANDOM % 20000 ))}

# The server's tools run from its own directory: as the postgres user they cannot enter a clone
# under a private temporary directory, and would print "could not change directory" each time.
as_postgres() { (cd "$PGDATA" && "${RUN_AS[@]}" "$@"); }

cleanup() {
  as_postgres "$PGBIN/pg_ctl" -D "$PGDATA/db" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$PGDATA"
}
trap cleanup EXIT

as_postgres "$PGBIN/initdb" -D "$PGDATA/db" -U postgres --auth=trust -E UTF8 >/dev/null
as_postgres "$PGBIN/pg_ctl" -D "$PGDATA/db" -l "$PGDATA/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$PGDATA -c fsync=off" start >/dev/null
as_postgres "$PGBIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres sf_api_assistant_test

export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/sf_api_assistant_test"
echo "with-postgres: PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT" >&2
"$@"
