#!/usr/bin/env bash
# scripts/bench-convfm.sh - ConvFM's epoch beside PyTorch's: scripts/bench-torch.sh convfm (see there for the options).
exec "$(dirname "${BASH_SOURCE[0]}")/bench-torch.sh" convfm "$@"
