#!/usr/bin/env bash
# scripts/bench-batching.sh - end-to-end POST /api/ml/predict-price with a price model active, one
# InferenceWorker per batching mode (Off, Micro, Bus), over a ladder of fixed rates.
#   scripts/bench-batching.sh [--rates "400 800 1200 1600"] [--modes "Off Micro Bus"] [--duration 20]
# Needs a stack started by scripts/up.sh. Registers seed 001's price network (random weights: latency does not
# depend on them) as a new price-budget version, activates it for the measurement and, at the end, activates
# again the version that was active before. Leaves the InferenceWorker running in the last mode measured.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rates="400 800 1200 1600"
modes="Off Micro Bus"
duration=20
while (($#)); do
    case "$1" in
        --rates) rates=$2; shift 2 ;;
        --modes) modes=$2; shift 2 ;;
        --duration) duration=$2; shift 2 ;;
        *) echo "bench-batching.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
gw=http://127.0.0.1:${IAYOS_GATEWAY_PORT:-5080}
inference=http://127.0.0.1:${IAYOS_INFERENCE_PORT:-5081}
pid_file=.run/up/pids/inference-worker.pid
psql_iayos() { psql -h 127.0.0.1 -p "${IAYOS_POSTGRES_PORT:-5433}" -U iayos -d iayos -v ON_ERROR_STOP=1 -qtA "$@"; }
curl -fsS "$gw/health/ready" >/dev/null || { echo "bench-batching.sh: start the stack with scripts/up.sh first" >&2; exit 1; }
# The stack's generated credentials (.run/up/secrets.env) and an admin token signed with its key.
ROOT=$PWD
# shellcheck source=scripts/lib/infra.sh
source scripts/lib/infra.sh
# shellcheck source=scripts/lib/stack.sh
source scripts/lib/stack.sh
stack_secrets
export PGPASSWORD=$PG_PASSWORD
auth=()
if token=$(stack_admin_token); then
    auth=(-H "Authorization: Bearer $token")
fi

artifacts=${Models__ArtifactsDirectory:-$HOME/.local/share/iayos/models}
mkdir -p "$artifacts"
dotnet run -c Release --project bench/Onnx -- write-model "$artifacts/bench-price-lstm.onnx" >/dev/null
sha=$(sha256sum "$artifacts/bench-price-lstm.onnx" | cut -d' ' -f1)
previous=$(psql_iayos -c "SELECT version FROM ml.model_versions WHERE kind = 'price-budget' AND status = 'active'")
version=$(psql_iayos -c "INSERT INTO ml.model_versions (kind, version, artifact_path, sha256, feature_extractor, training_data)
    SELECT 'price-budget', coalesce(max(version), 0) + 1, 'bench-price-lstm.onnx', '$sha',
           '{\"categories\": [\"Plumbing\", \"Electrical\"], \"tags\": [\"repair\"], \"confidence\": 0.5}', 'bench-batching.sh: random weights'
    FROM ml.model_versions WHERE kind = 'price-budget' RETURNING version")
curl -fsS -X POST "$gw/api/models/price-budget/$version/activate" "${auth[@]}" >/dev/null
echo "bench-batching.sh: price-budget v$version (seed 001's LSTM network) active"
roll_back() {
    if [[ -n "$previous" ]]; then
        curl -fsS -X POST "$gw/api/models/price-budget/$previous/activate" "${auth[@]}" >/dev/null && echo "bench-batching.sh: price-budget v$previous active again"
    else
        echo "bench-batching.sh: no price model was active before; v$version (random weights) stays active until another is activated" >&2
    fi
}
trap roll_back EXIT

restart_inference() { # restart_inference MODE
    if [[ -f "$pid_file" ]]; then
        kill "$(cat "$pid_file")" 2>/dev/null || true
        while kill -0 "$(cat "$pid_file")" 2>/dev/null; do sleep 0.2; done
        rm -f "$pid_file"
    fi
    Inference__Batching__Mode=$1 scripts/up.sh >/dev/null
    curl -fsS "$inference/health/ready" >/dev/null
}

printf '%-6s %6s %10s %9s %9s %9s %s\n' mode rate achieved p50_ms p99_ms max_ms outcomes
for mode in $modes; do
    restart_inference "$mode"
    for rate in $rates; do
        out=$(scripts/load.sh --rate "$rate" --duration "$duration" --warmup 5)
        achieved=$(sed -n 's/^requests: .*(\(.*\)\/s)$/\1/p' <<<"$out")
        read -r p50 p99 max < <(sed -n 's/^latency ms: p50 \([^ ]*\)  p90 [^ ]*  p99 \([^ ]*\)  p99.9 [^ ]*  max \(.*\)$/\1 \2 \3/p' <<<"$out")
        outcomes=$(grep '^  ' <<<"$out" | sed 's/^  //' | paste -sd ';' -)
        printf '%-6s %6s %10s %9s %9s %9s %s\n' "$mode" "$rate" "$achieved" "$p50" "$p99" "$max" "$outcomes"
    done
done
