#!/usr/bin/env bash
# scripts/load.sh - fixed-rate load on POST /api/ml/predict-price (or --url) of a stack started by scripts/up.sh.
#   scripts/load.sh [--rate 200] [--duration 30] [--warmup 5] [--url URL] [--body JSON]
# Prints the achieved rate, p50/p90/p99/p99.9/max latency, and the count of each status and source.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
gw=http://127.0.0.1:${IAYOS_GATEWAY_PORT:-5080}
if ! curl -fsS "$gw/health/ready" >/dev/null 2>&1; then
    echo "load.sh: the gateway at $gw is not ready; start the stack with scripts/up.sh" >&2
    exit 1
fi
dotnet build bench/Load -c Release -nologo -v quiet >/dev/null
# predict-price unless the caller names another URL (e.g. --url "$gw/api/ml/evaluate-trust" --body '{...}').
url=(--url "$gw/api/ml/predict-price")
for arg in "$@"; do [[ $arg == --url ]] && url=(); done
exec dotnet bench/Load/bin/Release/net10.0/iAyos.Messaging.Load.dll "${url[@]}" "$@"
