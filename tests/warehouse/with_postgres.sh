#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL cluster: Debian's postgresql (initdb, pg_ctl),
# created in a temporary folder, listening on 127.0.0.1 at a free port with its socket inside that
# folder, stopped and removed on exit, whatever happens.
#
# Usage: with_postgres.sh COMMAND [ARGS...]
# The command sees (exported):
#   SHARECAST_PG_PORT, SHARECAST_PG_SOCKET   where the server listens
#   SHARECAST_PG_URL   postgresql://sharecast@127.0.0.1:PORT/warehouse (a password-protected role)
#   SHARECAST_PG_PASSWORD   that role's password (host connections use scram-sha-256)
#   SHARECAST_PG_PSQL  psql as the superuser over the socket, e.g. "$SHARECAST_PG_PSQL -c 'SELECT 1'"
#   SHARECAST_PG_TMP   a scratch folder removed on exit
# Without PostgreSQL it exits 77 (ctest's SKIP_RETURN_CODE), unless SHARECAST_REQUIRE_POSTGRES=1
# (bootstrap.sh test sets it, as CI does): then it fails.
set -euo pipefail

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ] || [ ! -x "$bin/pg_ctl" ] || ! command -v psql >/dev/null; then
  if [ "${SHARECAST_REQUIRE_POSTGRES:-}" = 1 ]; then
    echo "PostgreSQL is required (SHARECAST_REQUIRE_POSTGRES=1) but its initdb, pg_ctl or psql is missing:" \
         "install the postgresql package (packaging/bootstrap.sh does)" >&2
    exit 1
  fi
  echo "SKIP: PostgreSQL is not installed (/usr/lib/postgresql/*/bin/initdb, pg_ctl, psql)" >&2
  exit 77
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sharecast-pg.XXXXXX")
chmod 755 "$tmp"
# initdb refuses to run as root: then the server runs as the postgres system user.
as_server=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$tmp"
  as_server=(runuser -u postgres --)
fi
data=$tmp/data
cleanup() {
  if [ -f "$data/postmaster.pid" ]; then
    "${as_server[@]}" "$bin/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

password="pw-$RANDOM$RANDOM"
printf '%s\n' "$password" > "$tmp/superpw"
chmod 644 "$tmp/superpw"
"${as_server[@]}" "$bin/initdb" -D "$data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
  --pwfile="$tmp/superpw" -E UTF8 --locale=C >"$tmp/initdb.log" 2>&1 || { cat "$tmp/initdb.log" >&2; exit 1; }
rm -f "$tmp/superpw"
# A free port: a random one, another when the server finds it taken.
started=
for _ in 1 2 3 4 5 6 7 8; do
  port=$((20000 + RANDOM % 40000))
  if "${as_server[@]}" "$bin/pg_ctl" -D "$data" -l "$tmp/server.log" -w -t 60 \
       -o "-p $port -k $tmp -c listen_addresses=127.0.0.1" start >/dev/null 2>&1; then
    started=1
    break
  fi
done
[ -n "$started" ] || { echo "cannot start PostgreSQL:" >&2; cat "$tmp/server.log" >&2; exit 1; }

psql_cmd="psql -X -q -v ON_ERROR_STOP=1 -h $tmp -p $port -U postgres"
$psql_cmd -d postgres -c "CREATE ROLE sharecast LOGIN PASSWORD '$password'" \
  -c "CREATE DATABASE warehouse OWNER sharecast" >/dev/null

mkdir "$tmp/scratch"
export SHARECAST_PG_PORT=$port SHARECAST_PG_SOCKET=$tmp SHARECAST_PG_PASSWORD=$password
export SHARECAST_PG_URL="postgresql://sharecast@127.0.0.1:$port/warehouse"
export SHARECAST_PG_PSQL="$psql_cmd -d warehouse"
export SHARECAST_PG_TMP=$tmp/scratch
# Nothing of the caller's own PostgreSQL set-up leaks in.
unset PGPASSWORD PGPASSFILE PGHOST PGPORT PGUSER PGDATABASE PGSERVICE
set +e
"$@"
status=$?
set -e
exit $status
