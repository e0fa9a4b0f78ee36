#!/usr/bin/env bash
# scripts/bench-torch.sh KIND - seconds per training epoch of a seed's network, PyTorch beside our engine, in one run on
# this machine. KIND is
#   trust   seed 003's trust LSTM: 4,200 random rows of (2, 384), LSTM 256 -> 128 -> 64, dropout 0.4, batch 32,
#           Adam 1e-3 with weight decay 1e-5, gradient clipping 1.0, BCE (2 epochs timed by default);
#   convfm  seed 002's ConvFM: 100,000 random rows, batch 32, Adam 1e-3, BCE (1 epoch by default).
# Torch runs ../shared/anchors/torch_timing.py KIND at its fastest settings here (OpenBLAS pthread, one BLAS thread,
# torch threads 1 and 2); ours runs bench/Training's KIND command: the same network, shapes and optimizer, on 1 and 2
# cores (DOTNET_PROCESSOR_COUNT; one core skips every Parallel.For). Prints each JSON line, then one summary line with
# the ratio and the load average before and after.
#   scripts/bench-torch.sh KIND [--epochs N] [--rounds R] [--torch-threads "1 2"] [--ours-cores "1 2"]
# R rounds alternate torch and ours; the best of each counts (on a shared machine the best is the run least slowed by
# others). On a loaded machine torch with 2 threads can take ten times longer than with 1 (its threads wait for each
# other): --torch-threads 1 skips it. The same holds for our parallel loops: both get each setting, and the best counts.
# Needs Debian's python3-torch (apt-get install python3-torch libopenblas0-pthread).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
KIND=${1:-}
case $KIND in
  trust) EPOCHS=2 ;;
  convfm) EPOCHS=1 ;;
  *) echo "usage: scripts/bench-torch.sh trust|convfm [--epochs N] [--rounds R] [--torch-threads \"1 2\"]" >&2; exit 2 ;;
esac
shift
ROUNDS=1
TORCH_THREADS="1 2"
OURS_CORES="1 2"
while (($#)); do
  case $1 in
    --epochs) EPOCHS=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --torch-threads) TORCH_THREADS=$2; shift 2 ;;
    --ours-cores) OURS_CORES=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
ANCHOR=${IAYOS_TORCH_ANCHOR:-$(cd .. && pwd)/shared/anchors/torch_timing.py}
# Debian's torch is installed for the system interpreter, which a pyenv shim on PATH may hide.
PYTHON=${IAYOS_TORCH_PYTHON:-}
if [[ -z $PYTHON ]]; then
  for candidate in /usr/bin/python3 python3; do
    if "$candidate" -c 'import torch' 2>/dev/null; then PYTHON=$candidate; break; fi
  done
fi
[[ -n $PYTHON ]] || { echo "no python3 with torch found (apt-get install python3-torch libopenblas0-pthread)" >&2; exit 1; }
OPENBLAS=/usr/lib/x86_64-linux-gnu/openblas-pthread

dotnet build -c Release bench/Training -v quiet -nologo >/dev/null
OURS_DLL=bench/Training/bin/Release/net10.0/iAyos.Messaging.Training.Bench.dll
LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg)

torch_epoch() { # threads -> JSON line
  LD_LIBRARY_PATH=$OPENBLAS${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH} OPENBLAS_NUM_THREADS=1 \
    "$PYTHON" "$ANCHOR" "$KIND" --threads "$1" --epochs "$EPOCHS" | tail -1
}
field() { "$PYTHON" -c 'import json, sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$1" "$2"; }
less_than() { "$PYTHON" -c "import sys; sys.exit(0 if $1 < $2 else 1)"; }

BEST_TORCH= BEST_TORCH_THREADS= BEST_OURS= BEST_OURS_CORES=
for ((round = 1; round <= ROUNDS; round++)); do
  for threads in $TORCH_THREADS; do
    line=$(torch_epoch "$threads")
    echo "torch: $line"
    seconds=$(field "$line" seconds_per_epoch_median)
    if [[ -z $BEST_TORCH ]] || less_than "$seconds" "$BEST_TORCH"; then BEST_TORCH=$seconds BEST_TORCH_THREADS=$threads; fi
  done
  for cores in $OURS_CORES; do
    line=$(DOTNET_PROCESSOR_COUNT=$cores dotnet "$OURS_DLL" "$KIND" --epochs "$EPOCHS" | tail -1)
    echo "ours:  $line"
    seconds=$(field "$line" seconds_per_epoch_median)
    if [[ -z $BEST_OURS ]] || less_than "$seconds" "$BEST_OURS"; then BEST_OURS=$seconds BEST_OURS_CORES=$cores; fi
  done
done
LOAD_AFTER=$(cut -d' ' -f1 /proc/loadavg)
"$PYTHON" -c "
torch, ours = $BEST_TORCH, $BEST_OURS
print(f'$KIND seconds per epoch: torch {torch:.2f} (threads $BEST_TORCH_THREADS), ours {ours:.2f} (cores $BEST_OURS_CORES); '
      f'ours is {torch / ours:.2f}x torch\'s speed; load average {\"$LOAD_BEFORE\"} before, {\"$LOAD_AFTER\"} after; $(nproc) cores')"
