#!/usr/bin/env bash
# scripts/up.sh - bring up a persistent local stack: PostgreSQL + RabbitMQ
# (state under .run/up/, kept between runs), build the solution, start the
# gateway and the three workers in the background, seed demo data.
# Idempotent: what is already running is left alone. Stop with scripts/down.sh.
#
# Overridable ports (environment):
#   IAYOS_PG_PORT (5433)  IAYOS_RABBITMQ_PORT (5673)  IAYOS_RABBITMQ_DIST_PORT (25673)
#   IAYOS_EPMD_PORT (4370)  IAYOS_RABBITMQ_MGMT_PORT (15673)
#   IAYOS_GATEWAY_PORT (5080)  IAYOS_INFERENCE_PORT (5081)
#   IAYOS_TRAINING_PORT (5082)  IAYOS_SCORING_PORT (5083)
# Other knobs: IAYOS_SKIP_BUILD=1, IAYOS_SKIP_SEED=1, IAYOS_HEALTH_TIMEOUT (90)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
# shellcheck source=scripts/lib/infra.sh
source "$ROOT/scripts/lib/infra.sh"

UP_DIR=$ROOT/.run/up
PG_DIR=$UP_DIR/postgres
RMQ_DIR=$UP_DIR/rabbitmq
LOG_DIR=$UP_DIR/logs
PID_DIR=$UP_DIR/pids

PG_PORT=${IAYOS_PG_PORT:-5433}
PG_DB=iayos PG_USER=iayos PG_PASSWORD=iayos
RMQ_PORT=${IAYOS_RABBITMQ_PORT:-5673}
RMQ_DIST_PORT=${IAYOS_RABBITMQ_DIST_PORT:-25673}
RMQ_EPMD_PORT=${IAYOS_EPMD_PORT:-4370}
RMQ_MGMT_PORT=${IAYOS_RABBITMQ_MGMT_PORT:-15673}
RMQ_NODE=iayos@localhost
HEALTH_TIMEOUT=${IAYOS_HEALTH_TIMEOUT:-90}

# name|assembly|port
SERVICES=(
    "gateway|Gateway/bin/Release/net10.0/iAyos.Messaging.Gateway.dll|${IAYOS_GATEWAY_PORT:-5080}"
    "inference-worker|InferenceWorker/bin/Release/net10.0/iAyos.Messaging.InferenceWorker.dll|${IAYOS_INFERENCE_PORT:-5081}"
    "training-worker|TrainingWorker/bin/Release/net10.0/iAyos.Messaging.TrainingWorker.dll|${IAYOS_TRAINING_PORT:-5082}"
    "scoring-worker|ScoringWorker/bin/Release/net10.0/iAyos.Messaging.ScoringWorker.dll|${IAYOS_SCORING_PORT:-5083}"
)

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

echo "up.sh: PostgreSQL on 127.0.0.1:$PG_PORT"
infra_start_postgres "$PG_DIR" "$PG_PORT" "$PG_DB" "$PG_USER" "$PG_PASSWORD"
echo "up.sh: RabbitMQ on 127.0.0.1:$RMQ_PORT (management http://127.0.0.1:$RMQ_MGMT_PORT)"
infra_start_rabbitmq "$RMQ_DIR" "$RMQ_PORT" "$RMQ_DIST_PORT" "$RMQ_EPMD_PORT" "$RMQ_NODE" "$RMQ_MGMT_PORT"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDDISABLENODEREUSE=1
export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PG_PORT;Database=$PG_DB;Username=$PG_USER;Password=$PG_PASSWORD"
export RabbitMq__Host=127.0.0.1 RabbitMq__Port=$RMQ_PORT RabbitMq__Username=guest \
    RabbitMq__Password=guest RabbitMq__VirtualHost=/
export ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production
# CSV files a training command may name: ../shared/data beside the checkout when it is there.
if [[ -z "${Training__DataDirectory:-}" && -d "$ROOT/../shared/data" ]]; then
    Training__DataDirectory=$(cd "$ROOT/../shared/data" && pwd)
    export Training__DataDirectory
fi

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
    [[ -f "src/$dll" ]] || die "src/$dll not found (build first)"
    if _infra_port_in_use "$port"; then
        die "port 127.0.0.1:$port is in use by another process; cannot start $name"
    fi
    printf '\n===== %s starting %s =====\n' "$(date '+%F %T')" "$name" >>"$LOG_DIR/$name.log"
    # The content root is the build output, where appsettings.json is (not the repo root we run from).
    setsid -w nohup dotnet "src/$dll" --urls "http://127.0.0.1:$port" --contentRoot "$ROOT/src/$(dirname "$dll")" \
        >>"$LOG_DIR/$name.log" 2>&1 </dev/null &
    echo "$!" >"$PID_DIR/$name.pid"
    echo "up.sh: started $name (pid $!) on http://127.0.0.1:$port"
done

# Wait until every service reports ready.
for entry in "${SERVICES[@]}"; do
    IFS='|' read -r name _ port <<<"$entry"
    pid=$(_infra_read_pid "$PID_DIR/$name.pid")
    deadline=$((SECONDS + HEALTH_TIMEOUT))
    until curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$port/health/ready" 2>/dev/null; do
        if ! _infra_pid_alive "$pid"; then
            _infra_log_tail "$LOG_DIR/$name.log"
            die "$name (pid $pid) exited; see ${LOG_DIR#"$ROOT"/}/$name.log"
        fi
        if ((SECONDS >= deadline)); then
            _infra_log_tail "$LOG_DIR/$name.log"
            die "$name did not become ready on http://127.0.0.1:$port/health/ready within ${HEALTH_TIMEOUT}s (still running; scripts/down.sh stops it)"
        fi
        sleep 1
    done
    echo "up.sh: $name ready"
done

# Demo data (idempotent), written by the iayos command-line tool.
IAYOS_CLI=src/Cli/bin/Release/net10.0/iayos.dll
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
    echo "up.sh: publishing a synthetic cleaning marketplace (1000 jobs, 100 cleaners, 200 clients)"
    if ! dotnet "$IAYOS_CLI" generate-marketplace --jobs 1000 --cleaners 100 --clients 200 --seed 42 \
        >>"$LOG_DIR/generate-marketplace.log" 2>&1 </dev/null; then
        _infra_log_tail "$LOG_DIR/generate-marketplace.log"
        die "generate-marketplace failed; see ${LOG_DIR#"$ROOT"/}/generate-marketplace.log"
    fi
fi

gw=http://127.0.0.1:${IAYOS_GATEWAY_PORT:-5080}
# A first price model, trained on the demo jobs, unless one is already active (a run takes seconds).
if [[ "${IAYOS_SKIP_SEED:-0}" != 1 ]] && ! curl -fsS "$gw/api/models/price-budget" | grep -q '"status":"active"'; then
    echo "up.sh: training a price model on the demo jobs (see $gw/api/ml/training-runs)"
    curl -fsS -X POST "$gw/api/ml/train-price-model" -H 'Content-Type: application/json' -d '{}' >/dev/null \
        || echo "up.sh: warning: could not request a training run" >&2
fi
# Workers re-read category statistics every minute; ask them now so the demo data shows at once.
curl -fsS -X POST "$gw/api/ml/reload-model" >/dev/null || echo "up.sh: warning: reload-model failed" >&2
cat <<EOF

iAyos.Messaging is up.
  Gateway:              $gw
  RabbitMQ management:  http://127.0.0.1:$RMQ_MGMT_PORT  (guest/guest)
  PostgreSQL:           postgresql://$PG_USER:$PG_PASSWORD@127.0.0.1:$PG_PORT/$PG_DB
  Logs:                 ${LOG_DIR#"$ROOT"/}/   Stop: scripts/down.sh

Try:
  curl -s -X POST $gw/api/ml/predict-price -H 'Content-Type: application/json' -d '{"title":"Fix leaking kitchen faucet","description":"Kitchen faucet drips constantly, need replacement of cartridge","category":"Plumbing","urgency":"HIGH","skill_level":"INTERMEDIATE","tags":["plumbing","repair"]}'
  curl -s -X POST $gw/api/ml/predict-completion-time -H 'Content-Type: application/json' -d '{"category":"Electrical","budget":3500,"urgency":"MEDIUM","materials":["wire","breaker"],"job_type":"LISTING"}'
  curl -s "$gw/api/recommendations/jobs/1000/cleaners?limit=5&max_distance_km=20"
  curl -s $gw/api/ml/training-runs?limit=3
  curl -s $gw/api/models/price-budget
  curl -s -X POST $gw/api/ml/predict-worker-rating -H 'Content-Type: application/json' -d '{"profile_completion":80,"bio_length":150,"hourly_rate":350,"years_experience":6,"specializations_count":2,"certifications_count":1,"verified_certifications_count":1,"completed_jobs":25,"average_rating":4.6,"total_earnings":85000,"client_satisfaction":92,"is_active":true}'
EOF
