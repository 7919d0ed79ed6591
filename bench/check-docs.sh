#!/usr/bin/env bash
# Runs the examples of README.md and of docs/*.md against a running dualdb and checks that every request answers
# the status the documentation says it does.
#
#   ./mvnw spring-boot:run          # in another terminal, or any running instance
#   bench/check-docs.sh             # DUALDB_URL=http://host:port to aim elsewhere (default http://localhost:8080)
#   bench/check-docs.sh docs/api.md # only the files named
#
# What it runs: in each file, every ```bash block between an <!-- examples:start --> line and the next
# <!-- examples:end --> line, in order, as one script under `bash -e` (so variables set by one block are seen by
# the next). Each file is a script of its own, run in a fresh shell and a scratch directory holding a copy of
# docs/samples: a file's examples need nothing from another file, as a reader trying one file would find.
# Without arguments the files are README.md, then docs/api.md, then the other docs/*.md in name order; files
# without example markers are skipped. Each curl in those blocks must be preceded by a comment line
# `# expect: NNN ...` naming the status it answers; a curl with no expectation, or with another status, is a
# failure. Blocks of any other language (```json, ```text, ```sh) and blocks outside the markers are not run.
# The last line printed is "check-docs: PASS ..." or "check-docs: FAIL ...", and the exit status is 0 only on
# PASS. `DocsExamplesTests` runs this script in `./mvnw verify`.
set -uo pipefail

cd "$(dirname "$0")/.."
base=${DUALDB_URL:-http://localhost:8080}
base=${base%/}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() {
    echo "check-docs: FAIL - $*"
    exit 1
}

has_examples() {
    grep -q '^<!-- examples:start -->[[:space:]]*$' "$1"
}

if [ "$#" -gt 0 ]; then
    files=("$@")
    for file in "${files[@]}"; do
        [ -f "$file" ] || fail "no $file"
        has_examples "$file" || fail "no <!-- examples:start --> marker in $file"
    done
else
    files=()
    for file in README.md docs/api.md docs/*.md; do
        case " ${files[*]-} " in *" $file "*) continue ;; esac
        [ -f "$file" ] && has_examples "$file" && files+=("$file")
    done
    [ "${#files[@]}" -gt 0 ] || fail "no file with examples in README.md or docs/"
fi

command -v curl > /dev/null || fail "curl is not installed"
health=$(command curl -s --max-time 5 "$base/actuator/health" || true)
case $health in
    *'"status":"UP"'*) ;;
    *) fail "no healthy dualdb at $base (GET /actuator/health said: ${health:-nothing})" ;;
esac

# The prelude of every file's script: a curl that records the status of every request it makes, without changing
# what the example prints. `# expect:` lines become calls to __expect, which arm the next curl.
cat > "$work/prelude.sh" <<'PRELUDE'
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
    local where="$__file:$line $method /${url#*://*/}"
    where="${where%% }"
    if [ -z "$expected" ]; then
        echo "FAIL $where: answered ${status:-nothing}, but the file names no '# expect:' status" >> "$__state/results"
    elif [ "$status" = "$expected" ]; then
        echo "ok   $where: $status" >> "$__state/results"
    else
        echo "FAIL $where: answered ${status:-nothing} (curl exit $rc), the file says $expected" >> "$__state/results"
    fi
    tail -1 "$__state/results" | sed 's/^/  [check] /' >&2
    return $rc
}
PRELUDE

total=0
failed=0
summary=()
for file in "${files[@]}"; do
    name=$(echo "$file" | tr '/' '_')
    state="$work/$name.state"
    mkdir -p "$state" "$work/$name.cwd/docs"
    : > "$state/results"

    # 1. The file's examples, as a script.
    awk -v file="$file" '
        /^<!-- examples:start -->[[:space:]]*$/ { inside = 1; next }
        /^<!-- examples:end -->[[:space:]]*$/   { inside = 0; next }
        inside && !block && /^```bash[[:space:]]*$/ { block = 1; blocks++; printf "\n# --- %s:%d\n", file, NR; next }
        block && /^```[[:space:]]*$/ { block = 0; next }
        block && /^[[:space:]]*# expect: [0-9][0-9][0-9]/ {
            match($0, /[0-9][0-9][0-9]/)
            printf "__expect %s %d\n", substr($0, RSTART, 3), NR
            next
        }
        block { print }
        END { if (blocks == 0) exit 3 }
    ' "$file" > "$work/$name.examples" \
        || fail "no \`\`\`bash blocks between <!-- examples:start --> and <!-- examples:end --> in $file"
    if [ "$base" != "http://localhost:8080" ]; then
        sed -i.orig "s#http://localhost:8080#$base#g" "$work/$name.examples"
    fi
    {
        printf "__state='%s'\n__file='%s'\n" "$state" "$file"
        cat "$work/prelude.sh" "$work/$name.examples"
    } > "$work/$name.sh"

    # 2. Run it in a scratch directory, so files an example writes do not land in the project; the upload examples
    # read their files from docs/samples, relative to the project root.
    cp -r docs/samples "$work/$name.cwd/docs/"
    echo "== $file"
    (cd "$work/$name.cwd" && bash -e "$work/$name.sh")
    rc=$?

    requests=$(wc -l < "$state/results" | tr -d ' ')
    failures=$(grep -c '^FAIL' "$state/results" || true)
    total=$((total + requests))
    if [ "$rc" -ne 0 ]; then
        failed=$((failed + 1))
        summary+=("$file: the examples stopped with exit status $rc after $requests requests (see the output above)")
    elif [ "${failures:-0}" -ne 0 ]; then
        failed=$((failed + 1))
        summary+=("$file: $failures of $requests requests failed the check")
        grep '^FAIL' "$state/results" >> "$work/failures"
    elif [ "$requests" -eq 0 ]; then
        failed=$((failed + 1))
        summary+=("$file: the examples made no request")
    else
        summary+=("$file: $requests requests, ok")
    fi
done

echo "== summary"
printf '  %s\n' "${summary[@]}"
[ -f "$work/failures" ] && cat "$work/failures"
if [ "$failed" -ne 0 ]; then
    fail "$failed of ${#files[@]} file(s) failed"
fi
echo "check-docs: PASS - $total requests in ${#files[@]} file(s), each answered the status the documentation says"
