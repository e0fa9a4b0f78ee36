#!/usr/bin/env bash
# scripts/bench-training.sh - BenchmarkDotNet time of one training epoch of the engine's bench networks
# (bench/Training/BenchNetworks.cs) on price-model-sized data: 350 rows x 60 features, batch 32, Adam.
#   scripts/bench-training.sh [BenchmarkDotNet arguments, e.g. --job short]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec dotnet run -c Release --project bench/Training -- --filter '*' "$@"
