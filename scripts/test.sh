#!/usr/bin/env bash
# scripts/test.sh - build the solution and run every test project against a
# private, throw-away PostgreSQL + RabbitMQ + Redis (state under .run/test/, wiped at
# start), then print "N passed, N failed[, N skipped]".
#
# The private servers get random credentials on every run (nothing fixed, nothing committed).
# External services instead of the private ones:
#   IAYOS_TEST_POSTGRES          full Npgsql connection string
#   IAYOS_TEST_RABBITMQ_HOST     [+ _PORT (5672), _USER (guest), _PASSWORD (guest), _VHOST (/)]
#   IAYOS_TEST_REDIS             StackExchange.Redis configuration ("host:port,password=...")
# Other knobs:
#   IAYOS_TEST_PG_PORT (55432), IAYOS_TEST_RMQ_PORT (56720; +1, +2 and +3 (management) also used),
#   IAYOS_TEST_REDIS_PORT (56379)
#   IAYOS_TEST_PARALLEL=1        let dotnet test run test projects in parallel
#                                (default: one project at a time, they share the DB)
#   IAYOS_TEST_FILTER=EXPR       passed to dotnet test --filter
set -euo pipefail

started_at=$SECONDS
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
# shellcheck source=scripts/lib/infra.sh
source "$ROOT/scripts/lib/infra.sh"

RUN_DIR=$ROOT/.run/test
PG_DIR=$RUN_DIR/postgres
RMQ_DIR=$RUN_DIR/rabbitmq
REDIS_DIR=$RUN_DIR/redis
RESULTS_DIR=$RUN_DIR/results

# Ports are overridable so two checkouts can run their suites side by side.
PG_PORT=${IAYOS_TEST_PG_PORT:-55432} PG_DB=iayos_test PG_USER=iayos
# Fresh random credentials per run for the private servers (RabbitMQ's guest user is deleted).
PG_PASSWORD=$(od -An -N18 -tx1 /dev/urandom | tr -d ' \n')
RMQ_USER=iayos-test RMQ_PASSWORD=$(od -An -N18 -tx1 /dev/urandom | tr -d ' \n')
RMQ_PORT=${IAYOS_TEST_RMQ_PORT:-56720}
RMQ_DIST_PORT=$((RMQ_PORT + 1)) RMQ_EPMD_PORT=$((RMQ_PORT + 2)) RMQ_NODE=iayos-test-$RMQ_PORT@localhost
REDIS_PORT=${IAYOS_TEST_REDIS_PORT:-56379} REDIS_PASSWORD=$(od -An -N18 -tx1 /dev/urandom | tr -d ' \n')

started_pg=0
started_rmq=0
started_redis=0
cleaned_up=0

# shellcheck disable=SC2317 # invoked from the EXIT trap
cleanup() {
    local rc=$?
    ((cleaned_up)) && return "$rc"
    cleaned_up=1
    trap - INT TERM
    set +e
    ((started_redis)) && infra_stop_redis "$REDIS_DIR"
    ((started_rmq)) && infra_stop_rabbitmq "$RMQ_DIR" "$RMQ_NODE" "$RMQ_EPMD_PORT"
    ((started_pg)) && infra_stop_postgres "$PG_DIR"
    if command -v dotnet >/dev/null 2>&1; then
        dotnet build-server shutdown >/dev/null 2>&1
    fi
    return "$rc"
}
trap cleanup EXIT
trap 'echo "test.sh: interrupted" >&2; exit 130' INT
trap 'echo "test.sh: terminated" >&2; exit 143' TERM

infra_require_dotnet
infra_install_packages
# The dashboard's browser tests drive Debian's chromium headless (Playwright's own browser download cannot reach its host).
command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# Clean slate: stop leftovers of an earlier (killed) run, then wipe its state.
infra_stop_redis "$REDIS_DIR"
infra_stop_rabbitmq "$RMQ_DIR" "$RMQ_NODE" "$RMQ_EPMD_PORT"
infra_stop_postgres "$PG_DIR"
rm -rf -- "$RUN_DIR"
mkdir -p -- "$RUN_DIR" "$RESULTS_DIR"

if [[ -n "${IAYOS_TEST_POSTGRES:-}" ]]; then
    echo "test.sh: using external PostgreSQL from IAYOS_TEST_POSTGRES"
    ConnectionStrings__Postgres=$IAYOS_TEST_POSTGRES
else
    started_pg=1
    infra_start_postgres "$PG_DIR" "$PG_PORT" "$PG_DB" "$PG_USER" "$PG_PASSWORD" off
    ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PG_PORT;Database=$PG_DB;Username=$PG_USER;Password=$PG_PASSWORD"
fi

if [[ -n "${IAYOS_TEST_RABBITMQ_HOST:-}" ]]; then
    echo "test.sh: using external RabbitMQ at $IAYOS_TEST_RABBITMQ_HOST"
    RabbitMq__Host=$IAYOS_TEST_RABBITMQ_HOST
    RabbitMq__Port=${IAYOS_TEST_RABBITMQ_PORT:-5672}
    RabbitMq__Username=${IAYOS_TEST_RABBITMQ_USER:-guest}
    RabbitMq__Password=${IAYOS_TEST_RABBITMQ_PASSWORD:-guest}
    RabbitMq__VirtualHost=${IAYOS_TEST_RABBITMQ_VHOST:-/}
else
    started_rmq=1
    infra_start_rabbitmq "$RMQ_DIR" "$RMQ_PORT" "$RMQ_DIST_PORT" "$RMQ_EPMD_PORT" "$RMQ_NODE" "$((RMQ_PORT + 3))" \
        "$RMQ_USER" "$RMQ_PASSWORD"
    RabbitMq__Host=127.0.0.1
    RabbitMq__Port=$RMQ_PORT
    RabbitMq__Username=$RMQ_USER
    RabbitMq__Password=$RMQ_PASSWORD
    RabbitMq__VirtualHost=/
    export RabbitMq__ManagementUrl=http://127.0.0.1:$((RMQ_PORT + 3)) # the dashboard's queue statistics
fi

if [[ -n "${IAYOS_TEST_REDIS:-}" ]]; then
    echo "test.sh: using external Redis from IAYOS_TEST_REDIS"
    Redis__Configuration=$IAYOS_TEST_REDIS
else
    started_redis=1
    infra_start_redis "$REDIS_DIR" "$REDIS_PORT" "$REDIS_PASSWORD"
    Redis__Configuration="127.0.0.1:$REDIS_PORT,password=$REDIS_PASSWORD"
fi
export ConnectionStrings__Postgres RabbitMq__Host RabbitMq__Port RabbitMq__Username \
    RabbitMq__Password RabbitMq__VirtualHost Redis__Configuration
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDDISABLENODEREUSE=1

solution=""
for candidate in iAyos.Messaging.sln iAyos.Messaging.slnx; do
    if [[ -f "$candidate" ]]; then
        solution=$candidate
        break
    fi
done
if [[ -z "$solution" ]]; then
    echo "test.sh: error: iAyos.Messaging.sln (or .slnx) not found in $ROOT" >&2
    exit 1
fi

echo "test.sh: building $solution (Release)"
dotnet build "$solution" -c Release -nologo

test_args=(-c Release --no-build
    --logger "console;verbosity=normal"
    --logger trx
    --results-directory "$RESULTS_DIR")
[[ "${IAYOS_TEST_PARALLEL:-0}" == 1 ]] || test_args+=(-m:1)
[[ -n "${IAYOS_TEST_FILTER:-}" ]] && test_args+=(--filter "$IAYOS_TEST_FILTER")

echo "test.sh: running tests"
set +e
dotnet test "$solution" "${test_args[@]}"
test_rc=$?
set -e

# Totals from the TRX files (one per test project): count the outcome of each
# <UnitTestResult> (the <Counters> element does not count skipped tests).
passed=0 failed=0 skipped=0 trx_count=0
shopt -s nullglob
for trx in "$RESULTS_DIR"/*.trx "$RESULTS_DIR"/*/*.trx; do
    trx_count=$((trx_count + 1))
    while read -r count outcome; do
        case $outcome in
            Passed | PassedButRunAborted) passed=$((passed + count)) ;;
            NotExecuted | Inconclusive | NotRunnable | Pending) skipped=$((skipped + count)) ;;
            *) failed=$((failed + count)) ;;
        esac
    done < <(grep -o '<UnitTestResult [^>]*>' "$trx" |
        sed -n 's/.*[[:space:]]outcome="\([A-Za-z]*\)".*/\1/p' | sort | uniq -c)
done
shopt -u nullglob

summary="$passed passed, $failed failed"
((skipped > 0)) && summary+=", $skipped skipped"

status=0
if ((test_rc != 0)); then
    echo "test.sh: dotnet test exited with code $test_rc" >&2
    status=1
fi
((failed > 0)) && status=1
if ((passed + failed == 0)); then
    echo "test.sh: error: no test ran" >&2
    status=1
fi
echo "test.sh: $trx_count result file(s) in ${RESULTS_DIR#"$ROOT"/}; elapsed $((SECONDS - started_at))s"
echo
echo "$summary"
exit "$status"
