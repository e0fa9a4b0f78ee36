#!/usr/bin/env bash
# scripts/bench-onnx.sh - BenchmarkDotNet latency of seed 001's price network (60 -> LSTM 64 -> LSTM 32 ->
# Dense 16 -> Dense 3) through ONNX Runtime (the Microsoft.ML.OnnxRuntime package), one row and 1,000 rows a run.
#   scripts/bench-onnx.sh [BenchmarkDotNet arguments, e.g. --job short]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec dotnet run -c Release --project bench/Onnx -- --filter '*' "$@"
