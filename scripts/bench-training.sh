#!/usr/bin/env bash
# scripts/bench-training.sh - BenchmarkDotNet time of one training epoch: the price model's seed and served
# networks on ../shared/data's fixed split (PriceModelEpoch), and a Dense stand-in on random data (TrainingEpoch).
#   scripts/bench-training.sh [BenchmarkDotNet arguments, e.g. --filter '*PriceModelEpoch*' --job short]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
IAYOS_SHARED_DATA=${IAYOS_SHARED_DATA:-$(cd .. && pwd)/shared/data}
export IAYOS_SHARED_DATA
if (($# == 0)); then set -- --filter '*'; fi
exec dotnet run -c Release --project bench/Training -- "$@"
