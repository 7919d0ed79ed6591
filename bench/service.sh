# Shared by the scripts of bench/ (sourced, not run): builds the jar when the sources are newer, creates the bench's
# admin in a data directory before the first start, starts the service as its own process on 127.0.0.1 with a
# throw-away data directory, waits for it, logs in (TOKEN), stops it. Every process is tracked by its PID; nothing is
# stopped by name.

DUALDB_JAR=${DUALDB_JAR:-target/dualdb-0.1.0-SNAPSHOT.jar}
SERVICE_HEAP=${SERVICE_HEAP:--Xmx256m}
SERVICE_PID=
SERVICE_PORT=
# Every write route needs a token: the benches log in as this admin (made by create_admin) and send
# "Authorization: Bearer $TOKEN". The password is new for every run (the data directories are throw-away).
BENCH_ADMIN_EMAIL=${BENCH_ADMIN_EMAIL:-bench-admin@example.com}
BENCH_ADMIN_PASSWORD=${BENCH_ADMIN_PASSWORD:-bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')}
# Access tokens last this long in bench runs (the default, 10m, is shorter than a long run; nothing refreshes them).
BENCH_TOKEN_LIFETIME=${BENCH_TOKEN_LIFETIME:-2h}
TOKEN=

log() {
    printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2
}

die() {
    log "FAILED: $*"
    exit 1
}

# Whether PID runs (a zombie, dead but not yet waited for, does not count).
alive() {
    local state
    state=$(sed 's/.*) //' "/proc/$1/stat" 2> /dev/null | cut -d' ' -f1)
    [ -n "$state" ] && [ "$state" != Z ] && [ "$state" != X ]
}

# Builds the jar unless it is newer than every source file.
ensure_jar() {
    if [ ! -f "$DUALDB_JAR" ] || [ -n "$(find src pom.xml -newer "$DUALDB_JAR" -type f 2> /dev/null | head -1)" ]; then
        log "building $DUALDB_JAR"
        ./mvnw -B -q -DskipTests package || die "the build failed"
    fi
}

# A TCP port on 127.0.0.1 that nothing listens on right now.
free_port() {
    local port
    for _ in $(seq 1 100); do
        port=$((20000 + RANDOM % 40000))
        if ! (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
            echo "$port"
            return 0
        fi
    done
    die "no free port found"
}

# start_service DATA_DIR LOG_FILE PORT [--setting=value ...]: starts the jar in the background; sets SERVICE_PID.
start_service() {
    local data=$1 logfile=$2 port=$3
    shift 3
    mkdir -p "$data"
    # shellcheck disable=SC2086
    java $SERVICE_HEAP -jar "$DUALDB_JAR" \
        --server.port="$port" --server.address=127.0.0.1 \
        --dualdb.embedded.data-directory="$data" \
        --dualdb.storage.local.directory="$data/blobs" \
        --dualdb.reconciler.scheduled=false \
        --dualdb.security.access-token-lifetime="$BENCH_TOKEN_LIFETIME" \
        --dualdb.security.key-directory="$data/keys" \
        "$@" >> "$logfile" 2>&1 &
    SERVICE_PID=$!
    SERVICE_PORT=$port
}

# create_admin DATA_DIR [--setting=value ...]: creates the admin BENCH_ADMIN_EMAIL (password BENCH_ADMIN_PASSWORD)
# in that data directory with `java -jar … create-admin`. Run it BEFORE the service starts on DATA_DIR (the embedded
# MongoDB file is locked by a running service), with the same settings as the service gets; once per data directory.
# (The signing keys are put in DATA_DIR/keys explicitly, here and in start_service: the setting's default,
# "${dualdb.embedded.data-directory:data}/keys", is not resolved on this branch and lands in the working directory.)
create_admin() {
    local data=$1 out
    shift
    mkdir -p "$data"
    # shellcheck disable=SC2086
    out=$(DUALDB_ADMIN_PASSWORD=$BENCH_ADMIN_PASSWORD "${JAVA:-java}" $SERVICE_HEAP -jar "$DUALDB_JAR" create-admin \
        --email "$BENCH_ADMIN_EMAIL" --name "Bench Admin" \
        --dualdb.embedded.data-directory="$data" \
        --dualdb.storage.local.directory="$data/blobs" \
        --dualdb.reconciler.scheduled=false \
        --dualdb.security.key-directory="$data/keys" \
        "$@" 2>&1 < /dev/null) || die "create-admin failed: $(echo "$out" | tail -5)"
    log "$(echo "$out" | grep 'Created admin' || echo "$out" | tail -1)"
}

# login [BASE_URL]: POST /api/auth/login as the bench's admin (default: the service started last); sets TOKEN, the
# access token, exported as DUALDB_TOKEN for the Java clients (bench/*.java read it).
login() {
    local base=${1:-http://127.0.0.1:$SERVICE_PORT} answer
    answer=$(curl -s -X POST "$base/api/auth/login" -H 'Content-Type: application/json' \
        -d '{"email":"'"$BENCH_ADMIN_EMAIL"'","password":"'"$BENCH_ADMIN_PASSWORD"'"}') || die "login: no answer from $base"
    TOKEN=$(echo "$answer" | grep -o '"accessToken":"[^"]*"' | cut -d'"' -f4)
    [ -n "$TOKEN" ] || die "login as $BENCH_ADMIN_EMAIL failed: $(echo "$answer" | head -c 300)"
    export DUALDB_TOKEN=$TOKEN
}

# wait_healthy [TIMEOUT_SECONDS]: until /actuator/health answers 200, or the process died, or the time is up.
# STARTUP_TIMEOUT (seconds), when set, replaces every script's timeout (a start takes minutes on a loaded machine).
wait_healthy() {
    local timeout=${STARTUP_TIMEOUT:-${1:-120}} started=$SECONDS status
    while [ $((SECONDS - started)) -lt "$timeout" ]; do
        alive "$SERVICE_PID" || return 1
        status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$SERVICE_PORT/actuator/health" || true)
        [ "$status" = 200 ] && return 0
        sleep 0.2
    done
    return 1
}

# Stops the service started last (SIGTERM: graceful shutdown, embedded servers closed), SIGKILL after 60 s.
stop_service() {
    [ -n "$SERVICE_PID" ] || return 0
    if alive "$SERVICE_PID"; then
        kill -TERM "$SERVICE_PID" 2> /dev/null || true
        for _ in $(seq 1 600); do
            alive "$SERVICE_PID" || break
            sleep 0.1
        done
        if alive "$SERVICE_PID"; then
            log "service $SERVICE_PID did not stop in 60 s; killing it"
            kill -KILL "$SERVICE_PID" 2> /dev/null || true
        fi
    fi
    wait "$SERVICE_PID" 2> /dev/null || true
    SERVICE_PID=
}

# After a kill -9 of the service, the embedded PostgreSQL it started keeps running. The next start stops it; at the
# very end nothing starts again, so stop it here: the PID comes from DATA/postgres/postmaster.pid, and it is
# stopped only if that process is a postgres.
stop_orphaned_postgres() {
    local pidfile=$1/postgres/postmaster.pid pid
    [ -f "$pidfile" ] || return 0
    pid=$(head -1 "$pidfile")
    case $pid in '' | *[!0-9]*) return 0 ;; esac
    if alive "$pid" && grep -q postgres "/proc/$pid/cmdline" 2> /dev/null; then
        log "stopping the PostgreSQL left running in $1 (pid $pid)"
        kill -TERM "$pid" 2> /dev/null || true
        for _ in $(seq 1 300); do
            alive "$pid" || return 0
            sleep 0.1
        done
        kill -KILL "$pid" 2> /dev/null || true
    fi
}

# The port of the embedded PostgreSQL, from the last start recorded in LOG_FILE.
postgres_port() {
    grep -o 'Embedded PostgreSQL listening on 127.0.0.1:[0-9]*' "$1" | tail -1 | sed 's/.*://'
}

# Installs a Debian package when COMMAND is missing.
need() {
    local command=$1 package=$2
    command -v "$command" > /dev/null && return 0
    log "installing $package (for $command)"
    (apt-get update -qq && apt-get install -y -qq "$package" > /dev/null) || die "cannot install $package"
}
