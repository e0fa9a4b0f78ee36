#!/usr/bin/env bash
# scripts/up.sh - bring up a persistent local stack: PostgreSQL + RabbitMQ
# (state under .run/up/, kept between runs) + Redis (the recommendation cache, not persisted), build the solution, start the
# gateway and the three workers in the background, seed demo data.
# Idempotent: what is already running is left alone. Stop with scripts/down.sh.
#
# Overridable ports (environment):
#   IAYOS_PG_PORT (5433)  IAYOS_RABBITMQ_PORT (5673)  IAYOS_RABBITMQ_DIST_PORT (25673)
#   IAYOS_EPMD_PORT (4370)  IAYOS_RABBITMQ_MGMT_PORT (15673)
#   IAYOS_GATEWAY_PORT (5080)  IAYOS_INFERENCE_PORT (5081)
#   IAYOS_TRAINING_PORT (5082)  IAYOS_SCORING_PORT (5083)  IAYOS_REDIS_PORT (6380)
# Other knobs: IAYOS_SKIP_BUILD=1, IAYOS_SKIP_SEED=1, IAYOS_HEALTH_TIMEOUT (90)
#
# Credentials: the first run writes .run/up/secrets.env (mode 600, never committed) with a random
# PostgreSQL password, a RabbitMQ user `iayos` with a random password (guest is deleted), a Redis password and a random
# signing key for admin tokens (Auth__SigningKey); later runs reuse it. The services get them from the
# environment (also written to .run/up/services.env). At the end it prints an admin token.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
# shellcheck source=scripts/lib/infra.sh
source "$ROOT/scripts/lib/infra.sh"

# shellcheck source=scripts/lib/stack.sh
source "$ROOT/scripts/lib/stack.sh"

die() {
    echo "up.sh: error: $*" >&2
    exit 1
}

service_running() { # service_running NAME -> true if its pid file names a live process
    local pid
    pid=$(_infra_read_pid "$PID_DIR/$1.pid")
    _infra_pid_alive "$pid"
}

mkdir -p -- "$LOG_DIR" "$PID_DIR"

infra_require_dotnet
infra_install_packages

# Remember what down.sh has to stop (ports may be overridden).
cat >"$UP_DIR/ports.env" <<EOF
RMQ_NODE=$RMQ_NODE
RMQ_EPMD_PORT=$RMQ_EPMD_PORT
EOF

stack_secrets
echo "up.sh: PostgreSQL on 127.0.0.1:$PG_PORT"
infra_start_postgres "$PG_DIR" "$PG_PORT" "$PG_DB" "$PG_USER" "$PG_PASSWORD"
echo "up.sh: RabbitMQ on 127.0.0.1:$RMQ_PORT (management http://127.0.0.1:$RMQ_MGMT_PORT)"
infra_start_rabbitmq "$RMQ_DIR" "$RMQ_PORT" "$RMQ_DIST_PORT" "$RMQ_EPMD_PORT" "$RMQ_NODE" "$RMQ_MGMT_PORT" \
    "$RMQ_USER" "$RMQ_PASSWORD"
echo "up.sh: Redis on 127.0.0.1:$REDIS_PORT (recommendation cache)"
infra_start_redis "$REDIS_DIR" "$REDIS_PORT" "$REDIS_PASSWORD"
stack_env

# Build, unless every service is already running (rebuilding under running
# processes would overwrite their assemblies; use down.sh first).
all_running=1
for entry in "${SERVICES[@]}"; do
    IFS='|' read -r name _ _ <<<"$entry"
    service_running "$name" || all_running=0
done
if [[ "${IAYOS_SKIP_BUILD:-0}" == 1 ]]; then
    echo "up.sh: skipping build (IAYOS_SKIP_BUILD=1)"
elif ((all_running)); then
    echo "up.sh: all services already running; skipping build (run scripts/down.sh first to rebuild)"
else
    solution=""
    for candidate in iAyos.Messaging.sln iAyos.Messaging.slnx; do
        [[ -f "$candidate" ]] && { solution=$candidate; break; }
    done
    [[ -n "$solution" ]] || die "iAyos.Messaging.sln (or .slnx) not found in $ROOT"
    echo "up.sh: building $solution (Release)"
    build_rc=0
    dotnet build "$solution" -c Release -nologo -v:quiet >"$LOG_DIR/build.log" 2>&1 || build_rc=$?
    dotnet build-server shutdown >/dev/null 2>&1 || true
    if ((build_rc != 0)); then
        grep -E ': (error|warning) ' "$LOG_DIR/build.log" | sort -u | tail -n 40 >&2 || tail -n 40 "$LOG_DIR/build.log" >&2
        die "build failed (full log: ${LOG_DIR#"$ROOT"/}/build.log)"
    fi
fi

# Start the services.
for entry in "${SERVICES[@]}"; do
    IFS='|' read -r name dll port <<<"$entry"
    if service_running "$name"; then
        echo "up.sh: $name already running (pid $(_infra_read_pid "$PID_DIR/$name.pid"))"
        continue
    fi
    stack_start_service "$name" "$dll" "$port" || die "could not start $name"
    echo "up.sh: started $name (pid $STACK_STARTED_PID) on http://127.0.0.1:$port"
done

# Wait until every service reports ready.
for entry in "${SERVICES[@]}"; do
    IFS='|' read -r name _ port <<<"$entry"
    stack_wait_ready "$name" "$port" || die "$name is not ready (scripts/down.sh stops what is still running)"
    echo "up.sh: $name ready"
done

# Demo data (idempotent), written by the iayos command-line tool.
if [[ "${IAYOS_SKIP_SEED:-0}" != 1 && ! -f "$IAYOS_CLI" ]]; then
    die "$IAYOS_CLI not found (build first)"
fi
if [[ "${IAYOS_SKIP_SEED:-0}" != 1 ]]; then
    echo "up.sh: seeding demo data"
    # The iayos tool reads the appsettings.json beside it, then the environment exported above.
    if ! dotnet "$IAYOS_CLI" seed-demo --jobs 2000 --seed 42 >>"$LOG_DIR/seed-demo.log" 2>&1 </dev/null; then
        _infra_log_tail "$LOG_DIR/seed-demo.log"
        die "seed-demo failed; see ${LOG_DIR#"$ROOT"/}/seed-demo.log"
    fi
fi

# Cleaning-marketplace demo data: a synthetic marketplace published as upstream events through the bus.
if [[ "${IAYOS_SKIP_SEED:-0}" != 1 ]]; then
    # The seed's size: the cleaning networks train on it below.
    echo "up.sh: publishing a synthetic cleaning marketplace (5000 jobs, 200 cleaners, 500 clients)"
    marketplace_started=$SECONDS
    if ! dotnet "$IAYOS_CLI" generate-marketplace --jobs 5000 --cleaners 200 --clients 500 --seed 42 \
        >>"$LOG_DIR/generate-marketplace.log" 2>&1 </dev/null; then
        _infra_log_tail "$LOG_DIR/generate-marketplace.log"
        die "generate-marketplace failed; see ${LOG_DIR#"$ROOT"/}/generate-marketplace.log"
    fi
    # Seed 002's job board: users, listings and interactions, published as upstream events; the job recommender
    # trains on it below.
    echo "up.sh: publishing a synthetic job board (${IAYOS_JOB_BOARD_USERS:-1000} users, ${IAYOS_JOB_BOARD_JOBS:-5000} jobs)"
    job_board_started=$SECONDS
    if ! dotnet "$IAYOS_CLI" seed-job-board --users "${IAYOS_JOB_BOARD_USERS:-1000}" --jobs "${IAYOS_JOB_BOARD_JOBS:-5000}" --seed 42 \
        >>"$LOG_DIR/seed-job-board.log" 2>&1 </dev/null; then
        _infra_log_tail "$LOG_DIR/seed-job-board.log"
        die "seed-job-board failed; see ${LOG_DIR#"$ROOT"/}/seed-job-board.log"
    fi
    # Seed 003's freelancer profiles, labelled, as a file in the training data directory: the trust model trains on it below.
    if [[ ! -f "$Training__DataDirectory/trust-profiles.jsonl" ]]; then
        echo "up.sh: generating ${IAYOS_TRUST_PROFILES:-6000} labelled freelancer profiles"
        if ! dotnet "$IAYOS_CLI" generate-trust-profiles --count "${IAYOS_TRUST_PROFILES:-6000}" --seed 42 \
            --out "$Training__DataDirectory/trust-profiles.jsonl" >>"$LOG_DIR/generate-trust-profiles.log" 2>&1 </dev/null; then
            _infra_log_tail "$LOG_DIR/generate-trust-profiles.log"
            die "generate-trust-profiles failed; see ${LOG_DIR#"$ROOT"/}/generate-trust-profiles.log"
        fi
    fi
fi

gw=$GATEWAY_URL
# An admin token for the calls below and for the user; `iayos token` signs it with the stack's key.
admin_token=""
if admin_token=$(stack_admin_token); then
    auth=(-H "Authorization: Bearer $admin_token")
else
    admin_token=""
    auth=()
    echo "up.sh: warning: could not mint an admin token (does this build of the iayos tool have 'token'?)" >&2
fi
# First models, trained on the demo data, for each kind that has no active version yet (each run takes seconds;
# the training worker takes them one after another).
train_unless_active() { # train_unless_active KIND ROUTE BODY
    [[ "${IAYOS_SKIP_SEED:-0}" != 1 ]] || return 0
    if curl -fsS "$gw/api/models/$1" | grep -q '"status":"active"'; then
        return 0
    fi
    echo "up.sh: training a $1 model on the demo data (see $gw/api/ml/training-runs)"
    curl -fsS -X POST "$gw$2" "${auth[@]}" -H 'Content-Type: application/json' -d "$3" >/dev/null \
        || echo "up.sh: warning: could not request a $1 training run" >&2
}
train_unless_active price-budget /api/ml/train-price-model '{}'
train_unless_active completion-time /api/ml/train '{"kind":"completion-time"}'
train_unless_active worker-rating /api/ml/train-worker-rating-model '{}'

# The cleaning networks and the job recommender train on read models the ScoringWorker folds from its queues: wait
# until a queue is drained, queue a run for each network without an active version, and wait for those runs, so the
# system comes up serving them (IAYOS_TRAIN_TIMEOUT seconds, 900 by default; the rule-based engine and the content
# and popularity rankings answer meanwhile).
queue_depth() { # queue_depth QUEUE: the events still queued or unacknowledged, or nothing if RabbitMQ cannot say
    infra_rabbitmqctl "$RMQ_DIR" "$RMQ_NODE" "$RMQ_EPMD_PORT" -q list_queues name messages 2>/dev/null |
        awk -v queue="$1" '$1 == queue { print $2 }'
}
wait_folded() { # wait_folded QUEUE
    local deadline=$((SECONDS + ${IAYOS_FOLD_TIMEOUT:-600})) drained=0 depth
    while ((SECONDS < deadline)); do
        depth=$(queue_depth "$1")
        # Twice empty in a row: a publish confirmed just before the first look has been delivered by the second.
        if [[ "$depth" == 0 ]]; then
            drained=$((drained + 1))
            ((drained >= 2)) && return 0
        else
            drained=0
        fi
        sleep 2
    done
    return 1
}
read_model_runs=()
train_read_model_unless_active() { # train_read_model_unless_active KIND: queues a run on the kind's default data and remembers its id
    local answer run
    if curl -fsS "$gw/api/models/$1" | grep -q '"status":"active"'; then
        echo "up.sh: $1 already has an active version"
        return 0
    fi
    if answer=$(curl -fsS -X POST "$gw/api/ml/train" "${auth[@]}" -H 'Content-Type: application/json' -d "{\"kind\":\"$1\"}") &&
        run=$(sed -n 's/.*"run_id":"\([0-9a-f-]*\)".*/\1/p' <<<"$answer") && [[ -n "$run" ]]; then
        echo "up.sh: training $1 on its demo data (run $run)"
        read_model_runs+=("$1|$run")
    else
        echo "up.sh: warning: could not request a $1 training run" >&2
    fi
}
wait_run() { # wait_run KIND RUN_ID
    local deadline=$((SECONDS + ${IAYOS_TRAIN_TIMEOUT:-900})) run status
    while ((SECONDS < deadline)); do
        run=$(curl -fsS "$gw/api/ml/training-runs/$2" 2>/dev/null) || run=""
        status=$(sed -n 's/.*"status":"\([a-z]*\)".*/\1/p' <<<"$run" | head -n 1)
        case "$status" in
        completed)
            echo "up.sh: $1 trained: version $(sed -n 's/.*"registered_version":\([0-9]*\).*/\1/p' <<<"$run"), activated $(sed -n 's/.*"activated":\([a-z]*\).*/\1/p' <<<"$run")"
            return 0
            ;;
        failed)
            echo "up.sh: warning: the $1 run failed: $(sed -n 's/.*"error":"\([^"]*\)".*/\1/p' <<<"$run")" >&2
            return 1
            ;;
        esac
        sleep 3
    done
    echo "up.sh: warning: the $1 run $2 is still going; see $gw/api/ml/training-runs/$2" >&2
    return 1
}
if [[ "${IAYOS_SKIP_SEED:-0}" != 1 ]]; then
    if wait_folded scoring-marketplace-events; then
        echo "up.sh: the ScoringWorker has folded the marketplace ($((SECONDS - marketplace_started)) s since publishing began)"
        train_read_model_unless_active cleaner-match
        train_read_model_unless_active cleaning-bid
    else
        echo "up.sh: warning: the marketplace events are still being folded; the cleaning networks were not trained (the rule-based engine answers)" >&2
    fi
    if wait_folded scoring-job-board-events; then
        echo "up.sh: the ScoringWorker has folded the job board ($((SECONDS - job_board_started)) s since publishing began)"
        train_read_model_unless_active job-recommender
    else
        echo "up.sh: warning: the job board's events are still being folded; the job recommender was not trained (content and popularity rankings answer)" >&2
    fi
    # The trust model reads the generated profiles file (its trainer's default), embedding each profile once.
    train_read_model_unless_active freelancer-trust
    training_started=$SECONDS
    for entry in "${read_model_runs[@]}"; do
        IFS='|' read -r kind run <<<"$entry"
        wait_run "$kind" "$run" || true
    done
    ((${#read_model_runs[@]} == 0)) || echo "up.sh: read-model and trust networks trained in $((SECONDS - training_started)) s (queued behind the other kinds' runs)"
fi
# Workers re-read category statistics every minute; ask them now so the demo data shows at once.
curl -fsS -X POST "$gw/api/ml/reload-model" "${auth[@]}" >/dev/null || echo "up.sh: warning: reload-model failed" >&2
cat <<EOF

iAyos.Messaging is up.
  Gateway:              $gw
  RabbitMQ management:  http://127.0.0.1:$RMQ_MGMT_PORT  (user $RMQ_USER)
  PostgreSQL:           postgresql://$PG_USER@127.0.0.1:$PG_PORT/$PG_DB
  Redis:                127.0.0.1:$REDIS_PORT (recommendation cache)
  Passwords, signing key: ${SECRETS_FILE#"$ROOT"/} (mode 600; the services' environment: ${SERVICES_ENV_FILE#"$ROOT"/})
  Logs:                 ${LOG_DIR#"$ROOT"/}/   Stop: scripts/down.sh
EOF
if [[ -n "$admin_token" ]]; then
    echo
    echo "Admin token: $admin_token"
    echo "  More: set -a; . ${SERVICES_ENV_FILE#"$ROOT"/}; set +a; dotnet $IAYOS_CLI token --role admin"
    echo "  Send it as -H \"Authorization: Bearer <token>\" (training, activation, rollback, reload, recompute)."
fi
cat <<EOF

Try:
  curl -s -X POST $gw/api/ml/predict-price -H 'Content-Type: application/json' -d '{"title":"Fix leaking kitchen faucet","description":"Kitchen faucet drips constantly, need replacement of cartridge","category":"Plumbing","urgency":"HIGH","skill_level":"INTERMEDIATE","tags":["plumbing","repair"]}'
  curl -s -X POST $gw/api/ml/predict-completion-time -H 'Content-Type: application/json' -d '{"category":"Electrical","budget":3500,"urgency":"MEDIUM","materials":["wire","breaker"],"job_type":"LISTING"}'
  curl -s "$gw/api/recommendations/jobs/1000/cleaners?limit=5&max_distance_km=20"
  curl -s "$gw/api/recommendations/users/1/jobs?k=10"
  curl -s -X POST $gw/api/ml/predict-for-job/42
  curl -s $gw/api/ml/worker-rating-for-profile/7
  curl -s $gw/api/ml/dataset-stats
  curl -s $gw/api/ml/training-runs?limit=3
  curl -s $gw/api/models/price-budget
  curl -s -X POST $gw/api/ml/reload-model -H "Authorization: Bearer <the admin token above>"
  curl -s -X POST $gw/api/ml/predict-worker-rating -H 'Content-Type: application/json' -d '{"profile_completion":80,"bio_length":150,"hourly_rate":350,"years_experience":6,"specializations_count":2,"certifications_count":1,"verified_certifications_count":1,"completed_jobs":25,"average_rating":4.6,"total_earnings":85000,"client_satisfaction":92,"is_active":true}'
EOF
