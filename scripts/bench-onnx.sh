#!/usr/bin/env bash
# scripts/bench-onnx.sh - BenchmarkDotNet latency of seed 001's price network (60 -> LSTM 64 -> LSTM 32 ->
# Dense 16 -> Dense 3) through our ONNX Runtime binding, one row and 1,000 rows a run.
#   scripts/bench-onnx.sh [BenchmarkDotNet arguments, e.g. --job short]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib/onnxruntime.sh
source scripts/lib/onnxruntime.sh
OnnxRuntime__LibraryPath=$(ort_library_path)
export OnnxRuntime__LibraryPath
exec dotnet run -c Release --project bench/Onnx -- --filter '*' "$@"
