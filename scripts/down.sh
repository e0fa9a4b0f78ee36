#!/usr/bin/env bash
# scripts/down.sh - stop what scripts/up.sh started: the four services
# (SIGTERM, up to 15 s, then SIGKILL), then Redis, RabbitMQ and PostgreSQL of
# .run/up/. State (database, queues, logs) is kept. Idempotent.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
# shellcheck source=scripts/lib/infra.sh
source "$ROOT/scripts/lib/infra.sh"

UP_DIR=$ROOT/.run/up
PID_DIR=$UP_DIR/pids
RMQ_NODE=iayos@localhost
RMQ_EPMD_PORT=${IAYOS_EPMD_PORT:-4370}
if [[ -r "$UP_DIR/ports.env" ]]; then
    # shellcheck source=/dev/null
    source "$UP_DIR/ports.env"
fi

[[ -d "$UP_DIR" ]] || { echo "down.sh: nothing to stop (${UP_DIR#"$ROOT"/} does not exist)"; exit 0; }

# Services: signal all of them first, then wait for all (in parallel).
pids=() names=()
for name in gateway inference-worker training-worker scoring-worker; do
    pid_file=$PID_DIR/$name.pid
    pid=$(_infra_read_pid "$pid_file")
    if [[ -n "$pid" ]] && _infra_pid_alive "$pid" &&
        tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'iAyos\.Messaging\.'; then
        kill -TERM "$pid" 2>/dev/null || true
        pids+=("$pid")
        names+=("$name")
    fi
    rm -f -- "$pid_file"
done
if ((${#pids[@]})); then
    echo "down.sh: stopping ${names[*]}"
    for ((i = 0; i < 150; i++)); do
        alive=0
        for pid in "${pids[@]}"; do
            _infra_pid_alive "$pid" && alive=1
        done
        ((alive)) || break
        sleep 0.1
    done
    for pid in "${pids[@]}"; do
        if _infra_pid_alive "$pid"; then
            echo "down.sh: pid $pid did not exit within 15s; killing it" >&2
            kill -KILL "$pid" 2>/dev/null || true
        fi
    done
fi

if [[ -d "$UP_DIR/redis" ]]; then
    echo "down.sh: stopping Redis"
    infra_stop_redis "$UP_DIR/redis"
fi
if [[ -d "$UP_DIR/rabbitmq" ]]; then
    echo "down.sh: stopping RabbitMQ ($RMQ_NODE)"
    infra_stop_rabbitmq "$UP_DIR/rabbitmq" "$RMQ_NODE" "$RMQ_EPMD_PORT"
fi
if [[ -d "$UP_DIR/postgres" ]]; then
    echo "down.sh: stopping PostgreSQL"
    infra_stop_postgres "$UP_DIR/postgres"
fi
echo "down.sh: done"
