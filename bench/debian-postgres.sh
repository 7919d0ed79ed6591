# Shared by bench/multi-instance and bench/external-postgres (sourced, not run): a PostgreSQL cluster of Debian's
# package (PG_BIN, default /usr/lib/postgresql/15/bin) of its own, in a directory of the caller, on 127.0.0.1 only,
# trust authentication for the user postgres. initdb refuses to run as root, so the cluster belongs to the user
# postgres when the script runs as root. Needs log, die and alive from bench/service.sh.

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
# More server settings for pg_ctl -o, such as "-c log_connections=on".
PG_EXTRA_OPTIONS=${PG_EXTRA_OPTIONS:-}
PG_DIR=
PG_PORT=

as_postgres() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# debian_postgres_init DIR PORT: initdb into DIR/data (DIR's parents must be readable by the user postgres).
debian_postgres_init() {
    PG_DIR=$1
    PG_PORT=$2
    [ -x "$PG_BIN/initdb" ] || die "no PostgreSQL in $PG_BIN (apt-get install postgresql-15)"
    mkdir -p "$PG_DIR"
    [ "$(id -u)" = 0 ] && chown postgres "$PG_DIR"
    as_postgres "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 > "$PG_DIR/initdb.log" 2>&1 \
        || die "initdb failed: $(tail -5 "$PG_DIR/initdb.log")"
}

debian_postgres_options() {
    echo "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$PG_DIR -c max_connections=100 ${PG_EXTRA_OPTIONS:-}"
}

debian_postgres_start() {
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -w -t 120 \
        -o "$(debian_postgres_options)" start > /dev/null || die "PostgreSQL did not start: $(tail -5 "$PG_DIR/postgres.log")"
}

debian_postgres_restart() {
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w -t 120 -o "$(debian_postgres_options)" restart > /dev/null
}

debian_postgres_stop() {
    [ -n "$PG_DIR" ] && [ -f "$PG_DIR/data/postmaster.pid" ] || return 0
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop > /dev/null 2>&1 || true
}

# Every process of the cluster: the postmaster and its children (for kill -STOP / -CONT).
debian_postgres_pids() {
    local postmaster
    postmaster=$(head -1 "$PG_DIR/data/postmaster.pid" 2> /dev/null) || return 0
    echo "$postmaster" $(ps -o pid= --ppid "$postmaster")
}

# psql_at DATABASE SQL: one statement, unaligned output without headers.
psql_at() {
    psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$1" -AtX -v ON_ERROR_STOP=1 -c "$2"
}
