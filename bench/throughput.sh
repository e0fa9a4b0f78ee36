#!/usr/bin/env bash
# bench/throughput.sh - the whole HTTP -> Gateway -> RabbitMQ -> ONNX Runtime -> HTTP path against bare MassTransit
# request/response on the same broker, side by side in one run, on this machine.
#
#   bench/throughput.sh [--connections 64] [--duration 20] [--warmup 20] [--rounds 2] [--rate 500] [--rate-warmup 40]
#                       [--uncoalesced 1] [--skip-publish] [--gateway-env VAR=VALUE]... [--worker-env VAR=VALUE]...
#
# Needs a running scripts/up.sh stack with an active price-budget model, and leaves it untouched: the bench runs its
# own Gateway (:5090) and one InferenceWorker (:5091), published into .run/bench, on up.sh's PostgreSQL and RabbitMQ
# but in the RabbitMQ virtual host "bench-throughput" (scripts/lib/bench-stack.sh).
#
# Each round measures, one after the other:
#   rate         a fixed --rate of predict-price (open loop, coalescing on): latency below saturation
#   anchor rate  bench/Anchor at the same fixed rate, side by side: bare, then with the path's settings (below)
#   anchor       bench/Anchor: a trivial MassTransit consumer answering PredictPrice, --connections concurrent
#                request/response clients, closed loop (MassTransit's and .NET's defaults: the bare anchor)
#   anchor tuned the same with the path's settings: the thread pool its processes run with (no spinning workers) and
#                transient requests, so that no one has to wonder how much of the ratio is those settings
#   path         POST /api/ml/predict-price over --connections HTTP connections, closed loop (bench/Load), the
#                Gateway coalescing concurrent predictions into batch messages (its default)
#   uncoalesced  the same with Gateway__Coalescing__Enabled=false (one bus message per prediction), unless --uncoalesced 0
# Open loops are paced by a thread of their own (bench/Shared), and the generator's own lateness is reported beside
# the latency it is part of.
# Every run starts with --warmup seconds of the same load, unmeasured: .NET's tiered JIT needs about 20 s under load
# to reach steady state (measured with perf: 21% of the Gateway's CPU was the JIT 10 s after start, 0.1% after 40 s).
# At 500/s it takes longer (fewer calls a second): after a 20 s warm-up, a third of a run's requests over 10 ms came in
# its first second, so open loops warm up for --rate-warmup seconds.
# Only answers with "source":"model" count; anything else is reported. Writes .run/bench/throughput-<time>.{json,md}
# (and throughput.{json,md}, the latest).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
# shellcheck source=scripts/lib/infra.sh
source "$ROOT/scripts/lib/infra.sh"
# shellcheck source=scripts/lib/stack.sh
source "$ROOT/scripts/lib/stack.sh"
# shellcheck source=scripts/lib/bench-stack.sh
source "$ROOT/scripts/lib/bench-stack.sh"

die() {
    echo "throughput.sh: error: $*" >&2
    exit 1
}
say() { echo "throughput.sh: $*" >&2; }

connections=64
duration=20
warmup=20
rounds=2
rate=500
rate_warmup=40
uncoalesced=1
skip_publish=0
gateway_env=()
worker_env=()
while (($#)); do
    case $1 in
    --connections) connections=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --rate) rate=$2; shift 2 ;;
    --rate-warmup) rate_warmup=$2; shift 2 ;;
    --uncoalesced) uncoalesced=$2; shift 2 ;;
    --skip-publish) skip_publish=1; shift ;;
    --gateway-env) gateway_env+=("$2"); shift 2 ;;
    --worker-env) worker_env+=("$2"); shift 2 ;;
    -h | --help) sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
    esac
done

trap bench_stack_stop_all EXIT
bench_stack_require_up || exit 1
if ((skip_publish == 0)); then
    bench_stack_publish || die "publish failed"
fi
for tool in Anchor Load; do
    dotnet build "bench/$tool" -c Release -nologo -v:quiet >"$BENCH_LOG_DIR/build-$tool.log" 2>&1 ||
        { tail -n 20 "$BENCH_LOG_DIR/build-$tool.log" >&2; die "building bench/$tool failed"; }
done
bench_stack_vhost bench-throughput || die "no vhost"

gateway_port=$BENCH_GATEWAY_PORT worker_port=${BENCH_WORKER_PORTS[0]}
url=http://127.0.0.1:$gateway_port/api/ml/predict-price
# One client, many requests: lift the per-client limiter so it measures the path, not the limit.
limits=(RateLimits__PredictionsPerSecond=1000000 RateLimits__PredictionBurst=1000000)

start_gateway() { # start_gateway COALESCING
    bench_stack_stop gateway
    bench_stack_start gateway gateway "$gateway_port" "${limits[@]}" "Gateway__Coalescing__Enabled=$1" "${gateway_env[@]}" || die "gateway did not start"
    bench_stack_wait_ready gateway "$gateway_port" || die "gateway not ready"
}

bench_stack_start worker-1 inference-worker "$worker_port" "${worker_env[@]}" || die "worker did not start"
bench_stack_wait_ready worker-1 "$worker_port" || die "worker not ready"
start_gateway true
status=$(curl -fsS "http://127.0.0.1:$gateway_port/api/ml/price-model-status" 2>/dev/null || true)
grep -q '"model_loaded":true' <<<"$status" || say "warning: the price model does not look loaded: $status"

stamp=$(date -u +%Y%m%dT%H%M%SZ)
results=$BENCH_DIR/throughput-$stamp
mkdir -p -- "$results"

anchor() { # anchor NAME [ARGS...] (later --warmup wins)
    local name=$1
    shift
    dotnet bench/Anchor/bin/Release/net10.0/iAyos.Messaging.Anchor.dll --concurrency "$connections" --duration "$duration" \
        --warmup "$warmup" --json "$results/anchor-$name.json" "$@" >"$results/anchor-$name.txt" 2>&1 ||
        { cat "$results/anchor-$name.txt" >&2; die "the anchor failed"; }
    tail -n 2 "$results/anchor-$name.txt" >&2
}

anchor_tuned() { # anchor_tuned NAME [ARGS...]: the anchor with the path's thread pool and transient requests
    DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0 anchor "$@" --transient
}

load() { # load NAME ARGS...
    local name=$1
    shift
    dotnet bench/Load/bin/Release/net10.0/iAyos.Messaging.Load.dll --url "$url" --duration "$duration" --warmup "$warmup" \
        --json "$results/$name.json" "$@" >"$results/$name.txt" 2>&1 || { cat "$results/$name.txt" >&2; die "load $name failed"; }
    tail -n +2 "$results/$name.txt" >&2
}

for ((round = 1; round <= rounds; round++)); do
    say "round $round: open loop, $rate/s, coalescing"
    load "rate-$round" --rate "$rate" --warmup "$rate_warmup"
    say "round $round: open loop, $rate/s, bare MassTransit"
    anchor "rate-$round" --rate "$rate" --warmup "$rate_warmup"
    say "round $round: open loop, $rate/s, MassTransit with the path's settings"
    anchor_tuned "rate-tuned-$round" --rate "$rate" --warmup "$rate_warmup"
    say "round $round: anchor (bare MassTransit, $connections concurrent)"
    anchor "$round"
    say "round $round: anchor with the path's settings"
    anchor_tuned "tuned-$round"
    say "round $round: path, coalescing ($connections connections)"
    load "path-$round" --connections "$connections"
    if ((uncoalesced)); then
        start_gateway false
        say "round $round: path, one message per prediction ($connections connections)"
        load "uncoalesced-$round" --connections "$connections"
        start_gateway true
    fi
done

python3 - "$results" "$rounds" "$uncoalesced" "$rate" "$connections" "$(nproc)" <<'EOF'
import json, os, sys
results, rounds, uncoalesced, rate, connections, cores = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1", sys.argv[4], sys.argv[5], sys.argv[6]
def load(name):
    with open(os.path.join(results, name + ".json")) as f:
        return json.load(f)
def model_rate(run):
    # Only the model's answers count; the rest are listed.
    answered = sum(n for outcome, n in run["outcomes"].items() if outcome == "200 source=model")
    return answered / run["elapsed_seconds"], {k: v for k, v in run["outcomes"].items() if k != "200 source=model"}
summary = {"connections": int(connections), "cores": int(cores), "rate": int(rate), "rounds": []}
for r in range(1, rounds + 1):
    anchor = load(f"anchor-{r}")
    tuned = load(f"anchor-tuned-{r}")
    path = load(f"path-{r}")
    path_rate, path_other = model_rate(path)
    fixed = load(f"rate-{r}")
    fixed_rate, fixed_other = model_rate(fixed)
    anchor_fixed = load(f"anchor-rate-{r}")
    tuned_fixed = load(f"anchor-rate-tuned-{r}")
    entry = {"round": r, "anchor_per_s": anchor["rate"], "anchor_p99_ms": anchor["latency_ms"]["p99"],
             "path_per_s": path_rate, "path_p99_ms": path["latency_ms"]["p99"], "path_other": path_other,
             "ratio": path_rate / anchor["rate"], "anchor_tuned_per_s": tuned["rate"], "ratio_to_tuned": path_rate / tuned["rate"],
             "open_loop": {"achieved_per_s": fixed_rate, "p50_ms": fixed["latency_ms"]["p50"], "p99_ms": fixed["latency_ms"]["p99"],
                           "send_lag_p99_ms": fixed["send_lag_ms"]["p99"], "other": fixed_other,
                           "anchor_p50_ms": anchor_fixed["latency_ms"]["p50"], "anchor_p99_ms": anchor_fixed["latency_ms"]["p99"],
                           "anchor_tuned_p50_ms": tuned_fixed["latency_ms"]["p50"], "anchor_tuned_p99_ms": tuned_fixed["latency_ms"]["p99"]}}
    if uncoalesced:
        plain = load(f"uncoalesced-{r}")
        plain_rate, plain_other = model_rate(plain)
        entry.update({"uncoalesced_per_s": plain_rate, "uncoalesced_p99_ms": plain["latency_ms"]["p99"],
                      "uncoalesced_other": plain_other, "uncoalesced_ratio": plain_rate / anchor["rate"]})
    summary["rounds"].append(entry)
lines = [f"closed loop, {connections} concurrent, {cores} cores", "",
         "| round | bare MassTransit /s (p99 ms) | path, coalescing /s (p99 ms) | ratio | MassTransit with the path's settings /s | ratio |"
         + (" path, one message each /s (p99 ms) | ratio |" if uncoalesced else ""),
         "|---|---|---|---|---|---|" + ("---|---|" if uncoalesced else "")]
for e in summary["rounds"]:
    line = (f"| {e['round']} | {e['anchor_per_s']:.0f} ({e['anchor_p99_ms']:.1f}) | {e['path_per_s']:.0f} ({e['path_p99_ms']:.1f}) | {e['ratio']:.2f}x"
            f" | {e['anchor_tuned_per_s']:.0f} | {e['ratio_to_tuned']:.2f}x |")
    if uncoalesced:
        line += f" {e['uncoalesced_per_s']:.0f} ({e['uncoalesced_p99_ms']:.1f}) | {e['uncoalesced_ratio']:.2f}x |"
    lines.append(line)
lines += ["", f"open loop at {rate}/s", "",
          "| round | path, coalescing: p50 / p99 ms | its generator's lateness, p99 ms | bare MassTransit: p50 / p99 ms | MassTransit with the path's settings: p50 / p99 ms |",
          "|---|---|---|---|---|"]
for e in summary["rounds"]:
    o = e["open_loop"]
    lines.append(f"| {e['round']} | {o['p50_ms']:.2f} / {o['p99_ms']:.2f} | {o['send_lag_p99_ms']:.2f} | {o['anchor_p50_ms']:.2f} / {o['anchor_p99_ms']:.2f} | {o['anchor_tuned_p50_ms']:.2f} / {o['anchor_tuned_p99_ms']:.2f} |")
for e in summary["rounds"]:
    for what, other in (("closed loop", e["path_other"]), ("open loop", e["open_loop"]["other"])):
        if other:
            lines.append(f"not from the model (round {e['round']}, {what}): {other}")
with open(results + ".json", "w") as f:
    json.dump(summary, f, indent=2)
with open(results + ".md", "w") as f:
    f.write("\n".join(lines) + "\n")
print("\n".join(lines))
EOF
cp -- "$results.json" "$BENCH_DIR/throughput.json"
cp -- "$results.md" "$BENCH_DIR/throughput.md"
say "wrote ${results#"$ROOT"/}.{json,md}"
