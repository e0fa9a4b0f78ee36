#!/usr/bin/env bash
# bench/scaling.sh - throughput and latency of POST /api/ml/evaluate-trust (the heaviest served kind: the MiniLM
# encoder, then the LSTM) with 1, 2 and 3 InferenceWorker processes behind one Gateway, on this machine.
#
#   bench/scaling.sh [--workers "1 2 3"] [--connections 8] [--duration 25] [--warmup 8] [--prime 10] [--open-share 0.8]
#                    [--intra-op 1] [--body JSON] [--skip-publish]
#
# Needs a running scripts/up.sh stack with an active freelancer-trust model, and leaves it untouched: the bench runs
# its own Gateway (:5090) and InferenceWorkers (:5091-5093), published into .run/bench, on up.sh's PostgreSQL and
# RabbitMQ but in the RabbitMQ virtual host "bench" (scripts/lib/bench-stack.sh), so up.sh's worker takes none of
# its messages (vhost IAYOS_BENCH_VHOST, "bench-scaling"; ports IAYOS_BENCH_GATEWAY_PORT and IAYOS_BENCH_WORKER_PORTS).
# IAYOS_UP_DIR names up.sh's .run/up when the stack runs from another checkout.
#
# For each N: the workers primed with a trickle (--prime seconds, 2 connections) and the Gateway's breaker on the
# path closed; a closed loop over --connections connections (bench/Load), after a warm-up; then, unless
# --open-share 0, a fixed rate of that share of the first N's closed-loop throughput (p99 below saturation).
# Only answers with "source":"model" count as throughput; any other answer (the Gateway's fallback after its
# inference timeout, a worker's rules) is reported in its own column. CPU: the machine's busy share over the
# measured seconds (/proc/stat, all cores) and the cores the bench's own processes used (workers, gateway, load).
# Writes .run/bench/scaling-<time>.{json,md} (and scaling.{json,md}, the latest).
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
    echo "scaling.sh: error: $*" >&2
    exit 1
}
say() { echo "scaling.sh: $*" >&2; }

workers="1 2 3"
connections=8
duration=25
warmup=8
prime=10
open_share=0.8
intra_op=1
skip_publish=0
# The README's example profile: a bio and three projects (about 110 word pieces once composed).
body='{"bio":"Plumber in Cebu: I fixed 120 leaks and installed 30 water heaters for condo owners since 2021.","skills":["plumbing","water heaters","leak detection"],"projects":[{"title":"Condo repiping","description":"Repiped 12 units in Lahug.","technologies":["plumbing"],"start_date":"2021-03-01","end_date":"2021-09-01","link":"https://example.com/repiping"},{"title":"Heater installs","description":"Installed 30 water heaters.","technologies":["water heaters"],"start_date":"2022-01-10","end_date":"2023-01-10"},{"title":"Leak repairs","description":"120 leaks found and fixed.","technologies":["leak detection"],"start_date":"2023-02-01","end_date":null}]}'

while (($#)); do
    case $1 in
    --workers) workers=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --prime) prime=$2; shift 2 ;;
    --open-share) open_share=$2; shift 2 ;;
    --intra-op) intra_op=$2; shift 2 ;;
    --body) body=$2; shift 2 ;;
    --skip-publish) skip_publish=1; shift ;;
    -h | --help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | grep '^#' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
    esac
done
for n in $workers; do
    [[ "$n" =~ ^[1-9]$ ]] && ((n <= ${#BENCH_WORKER_PORTS[@]})) ||
        die "--workers takes counts from 1 to ${#BENCH_WORKER_PORTS[@]} (ports ${BENCH_WORKER_PORTS[*]}), got '$n'"
done
[[ "$connections" =~ ^[1-9][0-9]*$ ]] || die "--connections must be a positive integer"
[[ "$duration" =~ ^[1-9][0-9]*$ && "$warmup" =~ ^[0-9]+$ && "$prime" =~ ^[0-9]+$ ]] && ((duration >= 2)) ||
    die "--duration (at least 2), --warmup and --prime are whole seconds"
[[ "$open_share" =~ ^[0-9]*\.?[0-9]+$ ]] || die "--open-share is a number (0 skips the fixed-rate runs)"
[[ "$intra_op" =~ ^[0-9]+$ ]] || die "--intra-op must be a whole number (0: ONNX Runtime's choice)"
command -v jq >/dev/null || die "jq is needed (apt-get install jq)"

# --- up.sh's stack, and its trust model --------------------------------------------------------------------------
bench_stack_require_up || die "up.sh's stack is not up"
trust=$(curl -fsS --max-time 10 "$GATEWAY_URL/api/models/freelancer-trust") || die "cannot read $GATEWAY_URL/api/models/freelancer-trust"
jq -e '.versions | any(.status == "active")' >/dev/null <<<"$trust" ||
    die "freelancer-trust has no active version yet (up.sh trains it last; see $GATEWAY_URL/api/ml/trust-model-status)"
trust_version=$(jq -r '[.versions[] | select(.status == "active") | .version][0]' <<<"$trust")

# Another bench (or anything else) on the bench's ports: fail now, before publishing over what it runs.
for port in "$BENCH_GATEWAY_PORT" "${BENCH_WORKER_PORTS[@]}"; do
    ! _infra_port_in_use "$port" || die "127.0.0.1:$port is in use (another bench running?); set IAYOS_BENCH_GATEWAY_PORT and IAYOS_BENCH_WORKER_PORTS"
done

trap bench_stack_stop_all EXIT
mkdir -p -- "$BENCH_DIR"

# --- build: the services and the load generator, all into .run/bench -----------------------------------------------
if ((skip_publish)) && [[ -f "$BENCH_PUBLISH_DIR/gateway/iAyos.Messaging.Gateway.dll" ]]; then
    say "using the services already published in ${BENCH_PUBLISH_DIR#"$ROOT"/} (--skip-publish)"
else
    bench_stack_publish || die "publish failed"
fi
load_dll=$BENCH_DIR/load/iAyos.Messaging.Load.dll
if ! ((skip_publish)) || [[ ! -f "$load_dll" ]]; then
    say "building bench/Load into ${BENCH_DIR#"$ROOT"/}/load"
    dotnet build bench/Load -c Release -nologo -v:quiet --artifacts-path "$BENCH_DIR/artifacts" -o "$BENCH_DIR/load" \
        >"$BENCH_LOG_DIR/build-load.log" 2>&1 || { tail -n 20 "$BENCH_LOG_DIR/build-load.log" >&2; die "building bench/Load failed"; }
    dotnet build-server shutdown >/dev/null 2>&1 || true
fi

bench_stack_vhost "${IAYOS_BENCH_VHOST:-bench-scaling}" || die "could not prepare the RabbitMQ vhost"

# --- the bench's processes -------------------------------------------------------------------------------------------
# The per-client limiter must not cap a load test; the rest is the Gateway's configuration as up.sh runs it.
bench_stack_start gateway gateway "$BENCH_GATEWAY_PORT" RateLimits__PredictionsPerSecond=100000 \
    RateLimits__PredictionBurst=100000 || die "could not start the bench gateway"
bench_stack_wait_ready gateway "$BENCH_GATEWAY_PORT" 180 || die "the bench gateway is not ready"
bench_gw=http://127.0.0.1:$BENCH_GATEWAY_PORT

# Consumers on the trust queue of the bench vhost (each worker is one).
trust_consumers() {
    infra_rabbitmqctl "$RMQ_DIR" "$RMQ_NODE" "$RMQ_EPMD_PORT" -q list_queues -p "$BENCH_VHOST" name consumers 2>/dev/null |
        awk '$1 == "inference-freelancer-trust" { print $2 }'
}

# ensure_workers N : exactly workers 1..N running, ready and consuming (started ones are kept between counts).
ensure_workers() {
    local want=$1 i name deadline
    for ((i = 1; i <= ${#BENCH_WORKER_PORTS[@]}; i++)); do
        name=worker-$i
        if ((i <= want)) && [[ -z "${BENCH_PIDS[$name]:-}" ]]; then
            bench_stack_start "$name" inference-worker "${BENCH_WORKER_PORTS[i - 1]}" \
                Inference__IntraOpThreads="$intra_op" || return 1
        elif ((i > want)) && [[ -n "${BENCH_PIDS[$name]:-}" ]]; then
            bench_stack_stop "$name"
        fi
    done
    for ((i = 1; i <= want; i++)); do
        bench_stack_wait_ready "worker-$i" "${BENCH_WORKER_PORTS[i - 1]}" 240 || return 1
    done
    deadline=$((SECONDS + 60))
    until [[ "$(trust_consumers)" == "$want" ]]; do
        ((SECONDS < deadline)) || { _bench_err "the trust queue has $(trust_consumers) consumers, not $want"; return 1; }
        sleep 1
    done
    # Each worker loads the active version at start; the answer comes from one of them.
    curl -fsS --max-time 10 "$bench_gw/api/ml/trust-model-status" | jq -e '.model_loaded == true' >/dev/null ||
        { _bench_err "the bench workers have no trust model loaded"; return 1; }
    prime_workers "$want"
}

# The state of the bench Gateway's breaker on the trust path (its gauge: 0 closed), or nothing if /metrics cannot say.
trust_breaker() {
    curl -fsS --max-time 5 "$bench_gw/metrics" 2>/dev/null |
        awk '/^iayos_circuit_state\{/ && /path="inference-freelancer-trust"/ { print $NF; exit }'
}

# prime_workers N : a trickle (2 connections, --prime seconds, not measured) so every worker has compiled its request
# path and run its encoder before the full load comes: a cold worker under 16 connections answers late, three
# requests past the Gateway's 2 s timeout open the path's breaker, and the closed loop then measures the breaker's
# instant fallbacks. Then wait until that breaker is closed.
prime_workers() {
    local n=$1 deadline state
    if ((prime > 0)); then
        say "N=$n: priming the workers for ${prime}s (2 connections, not measured)"
        dotnet "$load_dll" --url "$bench_gw/api/ml/evaluate-trust" --body "$body" --duration "$prime" --warmup 0 \
            --connections 2 >"$BENCH_LOG_DIR/prime-$stamp-n$n.log" 2>&1 || { tail -n 20 "$BENCH_LOG_DIR/prime-$stamp-n$n.log" >&2; return 1; }
    fi
    deadline=$((SECONDS + 60))
    while state=$(trust_breaker) && [[ -n "$state" && "$state" != 0 ]]; do
        ((SECONDS < deadline)) || { _bench_err "the bench Gateway's trust breaker is still not closed (state $state)"; return 1; }
        sleep 0.5
    done
}

# sleep_until START OFFSET : sleep until START (an $EPOCHREALTIME) + OFFSET seconds (an awk expression).
sleep_until() { sleep "$(awk -v start="$1" -v now="$EPOCHREALTIME" "BEGIN { d = start + ($2) - now; print (d > 0 ? d : 0) }")"; }
# CPU ticks of a process (user + system); "-" once it is gone (not counted).
proc_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo -; }
# The machine's ticks: "busy total" over all cores.
machine_ticks() { awk '/^cpu / { idle = $5 + $6; total = 0; for (i = 2; i <= NF; i++) total += $i; print total - idle, total; exit }' /proc/stat; }
bench_pids() {
    local name
    for name in "${!BENCH_PIDS[@]}"; do echo "${BENCH_PIDS[$name]}"; done
}

# run_load LABEL N (--connections C | --rate R) : one bench/Load run; prints its row as JSON.
run_load() {
    local label=$1 n=$2 json pid pids=() before=() after=() m0 m1 t0 t1 load_before load_after i
    shift 2
    json=$BENCH_DIR/scaling-$stamp-$label-n$n.json
    say "N=$n $label: $* for ${duration}s after ${warmup}s warm-up"
    load_before=$(cut -d' ' -f1 /proc/loadavg)
    dotnet "$load_dll" --url "$bench_gw/api/ml/evaluate-trust" --body "$body" --duration "$duration" \
        --warmup "$warmup" --json "$json" "$@" >"$BENCH_LOG_DIR/load-$stamp-$label-n$n.log" 2>&1 &
    pid=$!
    # bench/Load prints its first line as the warm-up begins: the CPU window is the measured part, less its last
    # half second (the load process must still be there to be read).
    local log=$BENCH_LOG_DIR/load-$stamp-$label-n$n.log
    until [[ -s "$log" ]] || ! _infra_pid_alive "$pid"; do sleep 0.05; done
    local begun=$EPOCHREALTIME
    sleep_until "$begun" "$warmup"
    mapfile -t pids < <(bench_pids)
    pids+=("$pid")
    for i in "${pids[@]}"; do before+=("$(proc_ticks "$i")"); done
    read -r m0 t0 < <(machine_ticks)
    local started=$EPOCHREALTIME
    sleep_until "$begun" "$warmup + $duration - 0.5"
    read -r m1 t1 < <(machine_ticks)
    local ended=$EPOCHREALTIME
    for i in "${pids[@]}"; do after+=("$(proc_ticks "$i")"); done
    load_after=$(cut -d' ' -f1 /proc/loadavg)
    wait "$pid" || { tail -n 20 "$BENCH_LOG_DIR/load-$stamp-$label-n$n.log" >&2; return 1; }
    local bench_ticks=0 load_ticks=null
    for i in "${!pids[@]}"; do
        [[ "${before[i]}" != - && "${after[i]}" != - ]] || continue
        bench_ticks=$((bench_ticks + after[i] - before[i]))
        ((i < ${#pids[@]} - 1)) || load_ticks=$((after[i] - before[i]))
    done
    jq -c --arg run_mode "$label" --argjson n "$n" --arg args "$*" \
        --argjson busy "$(((m1 - m0) * 1000 / (t1 - t0 > 0 ? t1 - t0 : 1)))" \
        --argjson bench_ticks "$bench_ticks" --argjson load_ticks "$load_ticks" \
        --argjson seconds "$(awk -v a="$started" -v b="$ended" 'BEGIN { print b - a }')" \
        --argjson hz "$(getconf CLK_TCK)" --arg la0 "$load_before" --arg la1 "$load_after" '
        (.outcomes["200 source=model"] // 0) as $model
        | {
            mode: $run_mode, workers: $n, load: $args, requests, elapsed_seconds,
            model_answers: $model,
            model_per_second: (($model / .elapsed_seconds) * 10 | round / 10),
            p50_ms: (.latency_ms.p50 // null | if . == null then null else (. * 10 | round / 10) end),
            p99_ms: (.latency_ms.p99 // null | if . == null then null else (. * 10 | round / 10) end),
            not_model: (.requests - $model),
            outcomes,
            cpu_busy_percent: ($busy / 10),
            bench_cores: (($bench_ticks / $hz / $seconds) * 100 | round / 100),
            load_generator_cores: (if $load_ticks == null then null else (($load_ticks / $hz / $seconds) * 100 | round / 100) end),
            load_average: {before: ($la0 | tonumber), after: ($la1 | tonumber)}
          }' "$json"
}

stamp=$(date -u +%Y%m%dT%H%M%SZ)
rows=()
open_rate=""
cores=$(nproc)
cpu_model=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
for n in $workers; do
    ensure_workers "$n" || die "could not run $n workers"
    row=$(run_load closed "$n" --connections "$connections") || die "the closed-loop run with N=$n failed"
    rows+=("$row")
    echo "$row" | jq -r '"  \(.model_per_second)/s from the model, p50 \(.p50_ms) ms, p99 \(.p99_ms) ms, not from the model \(.not_model), CPU \(.cpu_busy_percent)% busy"' >&2
    if [[ -z "$open_rate" ]] && awk -v share="$open_share" 'BEGIN { exit !(share > 0) }'; then
        open_rate=$(jq -r --argjson share "$open_share" '[(.model_per_second * $share | floor), 1] | max' <<<"$row")
    fi
    if [[ -n "$open_rate" ]]; then
        row=$(run_load open "$n" --rate "$open_rate") || die "the open-loop run with N=$n failed"
        rows+=("$row")
        echo "$row" | jq -r '"  at \(.load): p50 \(.p50_ms) ms, p99 \(.p99_ms) ms, not from the model \(.not_model)"' >&2
    fi
done
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

# --- the table -------------------------------------------------------------------------------------------------------
report=$BENCH_DIR/scaling-$stamp.json
printf '%s\n' "${rows[@]}" | jq -s --arg stamp "$stamp" --argjson nproc "$cores" --arg cpu "${cpu_model:-unknown}" --arg la0 "$load_start" --arg la1 "$load_end" \
    --argjson c "$connections" --argjson d "$duration" --argjson w "$warmup" --argjson intra "$intra_op" \
    --argjson version "$trust_version" --arg body "$body" --arg open_rate "$open_rate" --argjson share "$open_share" '{
        started_utc: $stamp, nproc: $nproc, cpu: $cpu, load_average_at_start: $la0, load_average_at_end: $la1,
        endpoint: "POST /api/ml/evaluate-trust", freelancer_trust_version: $version, connections: $c,
        duration_seconds: $d, warmup_seconds: $w, intra_op_threads: $intra,
        open_loop_rate: (if $open_rate == "" then null else ($open_rate | tonumber) end), open_loop_share: $share, body: $body, runs: .
    }' >"$report"
cp -- "$report" "$BENCH_DIR/scaling.json"

markdown() {
    jq -r '
        "bench/scaling.sh, \(.started_utc): \(.endpoint), freelancer-trust v\(.freelancer_trust_version), nproc \(.nproc) (\(.cpu)), load average \(.load_average_at_start) at start, \(.load_average_at_end) at end; \(.duration_seconds) s per run after \(.warmup_seconds) s warm-up; Inference__IntraOpThreads=\(.intra_op_threads).",
        "",
        "Closed loop, \(.connections) connections:",
        "",
        "| N workers | throughput/s (model) | vs the first | p50 ms | p99 ms | not from the model | CPU busy (machine) | cores used by the bench (load generator) | load average after |",
        "|---|---|---|---|---|---|---|---|---|",
        ([.runs[] | select(.mode == "closed")] as $closed | $closed[] |
            "| \(.workers) | \(.model_per_second) | \(if $closed[0].model_per_second > 0 then "\(.model_per_second / $closed[0].model_per_second * 100 | round / 100)x" else "-" end) | \(.p50_ms) | \(.p99_ms) | \(.not_model) | \(.cpu_busy_percent)% | \(.bench_cores) (\(.load_generator_cores)) | \(.load_average.after) |"),
        (if .open_loop_rate == null then empty else
            "",
            "Open loop at \(.open_loop_rate)/s (\(.open_loop_share * 100 | round)% of the first count'"'"'s closed-loop throughput):",
            "",
            "| N workers | achieved/s (model) | p50 ms | p99 ms | not from the model | CPU busy (machine) | cores used by the bench (load generator) | load average after |",
            "|---|---|---|---|---|---|---|---|",
            (.runs[] | select(.mode == "open") | "| \(.workers) | \(.model_per_second) | \(.p50_ms) | \(.p99_ms) | \(.not_model) | \(.cpu_busy_percent)% | \(.bench_cores) (\(.load_generator_cores)) | \(.load_average.after) |")
        end),
        "",
        (.runs[] | select(.not_model > 0) | "N=\(.workers) \(.mode): answers not from the model: \(.outcomes | to_entries | map(select(.key != "200 source=model") | "\(.key) x\(.value)") | join(", "))")
    ' "$report"
}
markdown >"$BENCH_DIR/scaling-$stamp.md"
cp -- "$BENCH_DIR/scaling-$stamp.md" "$BENCH_DIR/scaling.md"
echo
cat "$BENCH_DIR/scaling.md"
echo
say "written ${report#"$ROOT"/} and ${BENCH_DIR#"$ROOT"/}/scaling-$stamp.md (per-request samples: ${BENCH_DIR#"$ROOT"/}/scaling-$stamp-*.json)"
