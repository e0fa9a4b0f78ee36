# shellcheck shell=bash
# scripts/lib/bench-stack.sh - a benchmark's own Gateway and InferenceWorker processes beside a running scripts/up.sh
# stack: the same PostgreSQL and RabbitMQ broker, but a RabbitMQ virtual host of their own, so up.sh's InferenceWorker
# never takes the bench's messages (and the bench's workers never take up.sh's). Source after scripts/lib/infra.sh
# and scripts/lib/stack.sh, with ROOT set. Defines variables and functions only; changes no shell options.
#
#   bench_stack_require_up             fail unless up.sh's secrets exist and its Gateway is ready
#   bench_stack_publish                dotnet publish Gateway and InferenceWorker (Release) into .run/bench/publish/
#   bench_stack_vhost NAME             create vhost NAME, give up.sh's user all permissions on it (idempotent)
#   bench_stack_start NAME SERVICE PORT [VAR=VALUE ...]   start a published service (gateway | inference-worker)
#   bench_stack_wait_ready NAME PORT [TIMEOUT]            wait for its /health/ready
#   bench_stack_stop NAME              stop one process this library started
#   bench_stack_stop_all               stop every process this library started (for `trap bench_stack_stop_all EXIT`)
#
# The vhost is BENCH_VHOST (set by bench_stack_vhost, default "bench"): give each script its own, so two benches
# never take each other's messages. Where up.sh's state is: IAYOS_UP_DIR, by
# default $ROOT/.run/up (set it to /work/main/.run/up, say, to bench from another checkout against that stack).
# Nothing is published into bin/ or obj/ (up.sh's services run from src/*/bin): the build goes to .run/bench/artifacts.
#
#   source scripts/lib/infra.sh; source scripts/lib/stack.sh; source scripts/lib/bench-stack.sh
#   trap bench_stack_stop_all EXIT
#   bench_stack_require_up && bench_stack_publish && bench_stack_vhost bench
#   bench_stack_start worker-1 inference-worker 5091 Inference__IntraOpThreads=1
#   bench_stack_start gateway gateway 5090 RateLimits__PredictionsPerSecond=100000 RateLimits__PredictionBurst=100000
#   bench_stack_wait_ready worker-1 5091 && bench_stack_wait_ready gateway 5090

BENCH_DIR=$ROOT/.run/bench
BENCH_PUBLISH_DIR=$BENCH_DIR/publish
BENCH_LOG_DIR=$BENCH_DIR/logs
BENCH_PID_DIR=$BENCH_DIR/pids
BENCH_VHOST=${BENCH_VHOST:-bench}
# Ports: IAYOS_BENCH_GATEWAY_PORT (5090), IAYOS_BENCH_WORKER_PORTS ("5091 5092 5093").
BENCH_GATEWAY_PORT=${IAYOS_BENCH_GATEWAY_PORT:-5090}
read -r -a BENCH_WORKER_PORTS <<<"${IAYOS_BENCH_WORKER_PORTS:-5091 5092 5093}"
declare -A BENCH_PIDS=() # name -> pid, only what this shell started

# up.sh's state: secrets, the RabbitMQ node's directory. stack.sh derived them from $ROOT; follow IAYOS_UP_DIR.
if [[ -n "${IAYOS_UP_DIR:-}" ]]; then
    UP_DIR=$IAYOS_UP_DIR
    PG_DIR=$UP_DIR/postgres RMQ_DIR=$UP_DIR/rabbitmq REDIS_DIR=$UP_DIR/redis
    SECRETS_FILE=$UP_DIR/secrets.env
fi
# stack_env rewrites this file; the bench's copy goes to its own directory, so up.sh's is never touched.
SERVICES_ENV_FILE=$BENCH_DIR/services.env

_bench_err() { printf 'bench-stack: error: %s\n' "$*" >&2; }

# The assembly of a service: gateway | inference-worker.
_bench_assembly() {
    case $1 in
    gateway) echo "iAyos.Messaging.Gateway.dll" ;;
    inference-worker) echo "iAyos.Messaging.InferenceWorker.dll" ;;
    *) _bench_err "unknown service '$1' (gateway or inference-worker)"; return 1 ;;
    esac
}

_bench_project() {
    case $1 in
    gateway) echo "src/Gateway" ;;
    inference-worker) echo "src/InferenceWorker" ;;
    *) return 1 ;;
    esac
}

# Fails (saying why) unless up.sh's stack is there: its secrets (never generated here: stack_secrets would create
# new ones) and a ready Gateway. Loads the secrets and exports the services' environment.
bench_stack_require_up() {
    if [[ ! -s "$SECRETS_FILE" ]]; then
        _bench_err "$SECRETS_FILE not found: start the stack with scripts/up.sh (or set IAYOS_UP_DIR to its .run/up)"
        return 1
    fi
    if ! curl -fsS -o /dev/null --max-time 5 "$GATEWAY_URL/health/ready" 2>/dev/null; then
        _bench_err "up.sh's Gateway at $GATEWAY_URL is not ready: start the stack with scripts/up.sh"
        return 1
    fi
    mkdir -p -- "$BENCH_DIR" "$BENCH_LOG_DIR" "$BENCH_PID_DIR" || return 1
    stack_secrets || return 1
    # stack_env links data into $UP_DIR/data unless Training__DataDirectory is set; the bench trains nothing.
    Training__DataDirectory=${Training__DataDirectory:-$UP_DIR/data} stack_env || return 1
}

# dotnet publish both services, Release, into .run/bench/publish/<service>; intermediate files in
# .run/bench/artifacts (per project), so a running up.sh stack's bin/ is never overwritten.
bench_stack_publish() {
    local service project
    mkdir -p -- "$BENCH_LOG_DIR" || return 1
    for service in gateway inference-worker; do
        project=$(_bench_project "$service")
        echo "bench-stack: publishing $project into ${BENCH_PUBLISH_DIR#"$ROOT"/}/$service" >&2
        if ! (cd -- "$ROOT" && dotnet publish "$project" -c Release -nologo -v:quiet \
            --artifacts-path "$BENCH_DIR/artifacts" -o "$BENCH_PUBLISH_DIR/$service") \
            >"$BENCH_LOG_DIR/publish-$service.log" 2>&1; then
            grep -E ': (error|warning) ' "$BENCH_LOG_DIR/publish-$service.log" | sort -u | tail -n 20 >&2 ||
                tail -n 20 "$BENCH_LOG_DIR/publish-$service.log" >&2
            _bench_err "publishing $project failed (log: ${BENCH_LOG_DIR#"$ROOT"/}/publish-$service.log)"
            return 1
        fi
    done
    (cd -- "$ROOT" && dotnet build-server shutdown >/dev/null 2>&1) || true
}

# bench_stack_vhost NAME : the virtual host NAME, with all permissions for up.sh's RabbitMQ user; BENCH_VHOST=NAME.
bench_stack_vhost() {
    local vhost=$1 out
    [[ -n "$vhost" && "$vhost" != / ]] || { _bench_err "bench_stack_vhost needs a name other than /"; return 1; }
    out=$(infra_rabbitmqctl "$RMQ_DIR" "$RMQ_NODE" "$RMQ_EPMD_PORT" -q list_vhosts name 2>&1) || {
        _bench_err "rabbitmqctl list_vhosts failed: $out"
        return 1
    }
    if ! grep -qxF -- "$vhost" <<<"$out"; then
        out=$(infra_rabbitmqctl "$RMQ_DIR" "$RMQ_NODE" "$RMQ_EPMD_PORT" -q add_vhost "$vhost" 2>&1) ||
            { _bench_err "rabbitmqctl add_vhost $vhost failed: $out"; return 1; }
    fi
    out=$(infra_rabbitmqctl "$RMQ_DIR" "$RMQ_NODE" "$RMQ_EPMD_PORT" -q set_permissions -p "$vhost" "$RMQ_USER" '.*' '.*' '.*' 2>&1) ||
        { _bench_err "rabbitmqctl set_permissions on $vhost failed: $out"; return 1; }
    BENCH_VHOST=$vhost
}

# bench_stack_start NAME SERVICE PORT [VAR=VALUE ...] : run the published SERVICE on 127.0.0.1:PORT with up.sh's
# environment, the bench vhost and the extra variables; log .run/bench/logs/NAME.log, pid .run/bench/pids/NAME.pid.
bench_stack_start() {
    local name=$1 service=$2 port=$3 dll dir
    shift 3
    dll=$(_bench_assembly "$service") || return 1
    dir=$BENCH_PUBLISH_DIR/$service
    [[ -f "$dir/$dll" ]] || { _bench_err "$dir/$dll not found (bench_stack_publish first)"; return 1; }
    [[ -n "${ConnectionStrings__Postgres:-}" ]] || { _bench_err "no environment: bench_stack_require_up first"; return 1; }
    if _infra_port_in_use "$port"; then
        _bench_err "port 127.0.0.1:$port is in use; cannot start $name"
        return 1
    fi
    local assignment
    for assignment in "$@"; do
        [[ "$assignment" =~ ^[A-Za-z_][A-Za-z0-9_]*= ]] || { _bench_err "not VAR=VALUE: $assignment"; return 1; }
    done
    mkdir -p -- "$BENCH_LOG_DIR" "$BENCH_PID_DIR"
    printf '\n===== %s starting %s (%s, vhost %s) %s =====\n' "$(date '+%F %T')" "$name" "$service" "$BENCH_VHOST" "$*" \
        >>"$BENCH_LOG_DIR/$name.log"
    # Its own session (setsid), so stopping it never signals this shell; the content root is the publish folder.
    # The Gateway's socket continuations run inline, as scripts/lib/stack.sh and its image start it (a VAR=VALUE overrides).
    local inline=0
    [[ $service == gateway ]] && inline=1
    DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=$inline RabbitMq__VirtualHost=$BENCH_VHOST setsid nohup env "$@" dotnet "$dir/$dll" --urls "http://127.0.0.1:$port" \
        --contentRoot "$dir" >>"$BENCH_LOG_DIR/$name.log" 2>&1 </dev/null &
    BENCH_PIDS[$name]=$!
    echo "$!" >"$BENCH_PID_DIR/$name.pid"
    BENCH_STARTED_PID=$!
}

# bench_stack_wait_ready NAME PORT [TIMEOUT] : until http://127.0.0.1:PORT/health/ready answers 2xx; fails with the
# log's tail when the process exits or TIMEOUT seconds (HEALTH_TIMEOUT, 90) pass.
bench_stack_wait_ready() {
    local name=$1
    [[ -n "${BENCH_PIDS[$name]:-}" ]] || { _bench_err "$name was not started by bench_stack_start"; return 1; }
    # stack.sh's wait, pointed at the bench's pid and log files.
    PID_DIR=$BENCH_PID_DIR LOG_DIR=$BENCH_LOG_DIR stack_wait_ready "$@"
}

# bench_stack_stop NAME : SIGTERM (then SIGKILL after 15 s) to a process this shell started; forgets it.
bench_stack_stop() {
    local name=$1 pid
    pid=${BENCH_PIDS[$name]:-}
    [[ -n "$pid" ]] || return 0
    _infra_kill_wait 15 "$pid"
    unset 'BENCH_PIDS[$name]'
    rm -f -- "$BENCH_PID_DIR/$name.pid"
}

bench_stack_stop_all() {
    local name
    for name in "${!BENCH_PIDS[@]}"; do
        bench_stack_stop "$name"
    done
}
