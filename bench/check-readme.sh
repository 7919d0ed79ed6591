#!/usr/bin/env bash
# Runs the examples of README.md against a running dualdb and checks that every request answers the status the
# README says it does.
#
#   ./mvnw spring-boot:run          # in another terminal, or any running instance
#   bench/check-readme.sh           # DUALDB_URL=http://host:port to aim elsewhere (default http://localhost:8080)
#
# What it runs: every ```bash block between an <!-- examples:start --> line and the next <!-- examples:end -->
# line, in order, as one script under `bash -e` (so variables set by one block are seen by the next). Each curl
# in those blocks must be preceded by a comment line `# expect: NNN ...` naming the status it answers; a curl with
# no expectation, or with another status, is a failure. Blocks of any other language (```json, ```text) and
# blocks outside the markers are not run. The last line printed is "check-readme: PASS ..." or
# "check-readme: FAIL ...", and the exit status is 0 only on PASS.
set -uo pipefail

cd "$(dirname "$0")/.."
readme=${README:-README.md}
base=${DUALDB_URL:-http://localhost:8080}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() {
    echo "check-readme: FAIL - $*"
    exit 1
}

[ -f "$readme" ] || fail "no $readme"
command -v curl > /dev/null || fail "curl is not installed"
health=$(command curl -s --max-time 5 "$base/actuator/health" || true)
case $health in
    *'"status":"UP"'*) ;;
    *) fail "no healthy dualdb at $base (GET /actuator/health said: ${health:-nothing})" ;;
esac

# 1. The examples, as a script: `# expect:` lines become calls that arm the next curl.
awk -v readme="$readme" '
    /^<!-- examples:start -->[[:space:]]*$/ { inside = 1; next }
    /^<!-- examples:end -->[[:space:]]*$/   { inside = 0; next }
    inside && !block && /^```bash[[:space:]]*$/ { block = 1; blocks++; printf "\n# --- %s:%d\n", readme, NR; next }
    block && /^```[[:space:]]*$/ { block = 0; next }
    block && /^[[:space:]]*# expect: [0-9][0-9][0-9]/ {
        match($0, /[0-9][0-9][0-9]/)
        printf "__expect %s %d\n", substr($0, RSTART, 3), NR
        next
    }
    block { print }
    END { if (blocks == 0) exit 3 }
' "$readme" > "$work/examples.sh" || fail "no \`\`\`bash blocks between <!-- examples:start --> and <!-- examples:end --> in $readme"
if [ "$base" != "http://localhost:8080" ]; then
    sed -i.orig "s#http://localhost:8080#$base#g" "$work/examples.sh"
fi

# 2. A curl that records the status of every request it makes, without changing what the example prints.
cat > "$work/run.sh" <<PRELUDE
__state='$work'
__readme='$readme'
PRELUDE
cat >> "$work/run.sh" <<'PRELUDE'
__expect() { printf '%s %s\n' "$1" "$2" > "$__state/next"; }
curl() {
    local expected="" line="?" method="GET" url="" previous="" arg
    if [ -f "$__state/next" ]; then
        read -r expected line < "$__state/next"
        rm -f "$__state/next"
    fi
    for arg in "$@"; do
        case $previous in -X|--request) method=$arg ;; esac
        case $arg in
            -I|--head) method=HEAD ;;
            http://*|https://*) url=$arg ;;
        esac
        case $arg in -d|--data|--data-raw|--data-binary|-F|--form) [ "$method" = GET ] && method=POST ;; esac
        previous=$arg
    done
    local err="$__state/stderr.$BASHPID"
    command curl "$@" --write-out '\n%{stderr}__status__=%{http_code}\n' 2> "$err"
    local rc=$?
    local status
    status=$(sed -n 's/^__status__=//p' "$err" | tail -1)
    grep -v '^__status__=' "$err" | grep -v '^$' >&2 || true
    rm -f "$err"
    local where="$__readme:$line $method /${url#*://*/}"
    where="${where%% }"
    if [ -z "$expected" ]; then
        echo "FAIL $where: answered ${status:-nothing}, but the README names no '# expect:' status" >> "$__state/results"
    elif [ "$status" = "$expected" ]; then
        echo "ok   $where: $status" >> "$__state/results"
    else
        echo "FAIL $where: answered ${status:-nothing} (curl exit $rc), README says $expected" >> "$__state/results"
    fi
    tail -1 "$__state/results" | sed 's/^/  [check] /' >&2
    return $rc
}
PRELUDE
cat "$work/examples.sh" >> "$work/run.sh"

# 3. Run it in a scratch directory, so files an example writes do not land in the project.
mkdir -p "$work/cwd/docs"
# The upload examples read their files from docs/samples, relative to the project root.
cp -r docs/samples "$work/cwd/docs/"
(cd "$work/cwd" && bash -e "$work/run.sh")
rc=$?

requests=$( [ -f "$work/results" ] && wc -l < "$work/results" | tr -d ' ' || echo 0)
failures=$( [ -f "$work/results" ] && grep -c '^FAIL' "$work/results" || true)
if [ "$rc" -ne 0 ]; then
    fail "the examples stopped with exit status $rc after $requests requests (see the output above)"
fi
if [ "${failures:-0}" -ne 0 ]; then
    grep '^FAIL' "$work/results"
    fail "$failures of $requests requests failed the check"
fi
[ "$requests" -gt 0 ] || fail "the examples made no request"
echo "check-readme: PASS - $requests requests, each answered the status the README says"
