#!/bin/bash
# Entrypoint of the locally built PostgreSQL image (see build-postgres-image.sh).
#
# It does what Testcontainers' PostgreSQL module relies on in the official 'postgres' image:
# - POSTGRES_USER (default 'postgres'), POSTGRES_PASSWORD and POSTGRES_DB (default: the user)
#   create the superuser, its password and the database on the first start;
# - initialisation runs on a temporary server that listens on the Unix socket only, then the
#   real server starts; both log "database system is ready to accept connections", which the
#   module waits for twice;
# - the real server listens on every address and accepts password logins from any host, so
#   the mapped port works from the Docker host;
# - 'postgres -c fsync=off' (the module's command) runs the server with those options.
set -euo pipefail

PG_BIN=/usr/lib/postgresql/15/bin
export PGDATA="${PGDATA:-/var/lib/postgresql/data}"

if [ $# -eq 0 ]; then
	set -- postgres
fi
if [ "$1" = 'postgres' ]; then
	shift
	set -- "$PG_BIN/postgres" "$@"
elif [ "${1:0:1}" = '-' ]; then
	set -- "$PG_BIN/postgres" "$@"
fi

if [ "$1" != "$PG_BIN/postgres" ]; then
	exec "$@"
fi

as_postgres() {
	setpriv --reuid=postgres --regid=postgres --init-groups "$@"
}

mkdir -p "$PGDATA" /var/run/postgresql
chown postgres:postgres "$PGDATA" /var/run/postgresql
chmod 700 "$PGDATA"

if [ ! -s "$PGDATA/PG_VERSION" ]; then
	if [ -z "${POSTGRES_PASSWORD:-}" ]; then
		echo 'Error: POSTGRES_PASSWORD is not set; this image accepts password logins only' >&2
		exit 1
	fi
	user="${POSTGRES_USER:-postgres}"
	db="${POSTGRES_DB:-$user}"
	pwfile="$(mktemp)"
	printf '%s\n' "$POSTGRES_PASSWORD" > "$pwfile"
	chown postgres "$pwfile"
	# No fsync while initialising: the container serves development and tests and is
	# thrown away; syncing every new file takes seconds on a busy machine.
	as_postgres "$PG_BIN/initdb" --username="$user" --pwfile="$pwfile" --auth-local=trust \
		--auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 --no-sync >/dev/null
	rm -f "$pwfile"
	{
		echo
		echo "listen_addresses = '*'"
	} >> "$PGDATA/postgresql.conf"
	{
		echo
		echo 'host all all all scram-sha-256'
	} >> "$PGDATA/pg_hba.conf"

	# Temporary server, reachable only through the Unix socket while the database is created
	as_postgres "$PG_BIN/pg_ctl" -D "$PGDATA" -o "-c listen_addresses='' -c fsync=off" -w start
	if [ "$db" != 'postgres' ]; then
		as_postgres "$PG_BIN/psql" -v ON_ERROR_STOP=1 --username="$user" --dbname=postgres -q \
			-c "CREATE DATABASE \"$db\""
	fi
	for script in /docker-entrypoint-initdb.d/*; do
		case "$script" in
			*.sql) as_postgres "$PG_BIN/psql" -v ON_ERROR_STOP=1 --username="$user" --dbname="$db" -q -f "$script" ;;
			*.sh) . "$script" ;;
			*) ;;
		esac
	done
	as_postgres "$PG_BIN/pg_ctl" -D "$PGDATA" -m fast -w stop
	echo 'PostgreSQL init process complete; ready for start up.'
fi

exec setpriv --reuid=postgres --regid=postgres --init-groups "$@"
