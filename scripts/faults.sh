#!/usr/bin/env bash
# scripts/faults.sh - the fault suite: breaks the local stack of scripts/up.sh on purpose and measures,
# from the client side, what users and upstream systems see. Local only; every case has a hard deadline.
#
#   scripts/faults.sh            all cases        scripts/faults.sh 1 3     only cases 1 and 3
#
#   1 InferenceWorker SIGKILL under 300 predict-price/s for 20 s, restarted 2 s later (up.sh's command line):
#     0 non-2xx, p99 < 100 ms over the whole run, breaker closed <= 5 s after the worker is ready again.
#   2 RabbitMQ SIGKILL (beam), restarted after 15 s, while the marketplace is republished with publisher
#     confirms and predictions run at 100/s: p99 < 100 ms, 0 events lost, every service ready again by itself.
#   3 PostgreSQL SIGKILL (postmaster and backends), restarted after 30 s, while the marketplace is republished
#     and one training run is running and another is requested during the outage: 0 new messages in any
#     _error queue, every event applied, both runs complete.
#   4 TrainingWorker SIGKILL mid-run (epoch >= 3) with a second instance up: the run completes, resumed from
#     its checkpoint (resumed_from_epoch > 0) by the other instance.
#   5 Poison messages, one unparseable and one with invalid values, to every durable queue a service
#     consumes: each lands in its _error queue with a reason (MT-Fault-Message), consumers and readiness stay.
#
# Cases 2 and 3 empty the marketplace read model (marketplace.*) and republish up.sh's marketplace (same
# seed), so the row counts before are what every event applied gives; the rows are all back when they pass.
# Case 5 leaves its poison messages in the _error queues (marked with the header x-iayos-fault-probe).
# Prints one table row per case, then the table; exits 1 if any case failed. Work files: .run/faults/.
# Knobs: IAYOS_FAULTS_TRAINING2_PORT (5084), IAYOS_FAULTS_STALE_AFTER_SECONDS (20: the second
# TrainingWorker's Training__StaleAfterSeconds, so a takeover does not wait the default 60 s).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
# shellcheck source=scripts/lib/infra.sh
source "$ROOT/scripts/lib/infra.sh"
# shellcheck source=scripts/lib/stack.sh
source "$ROOT/scripts/lib/stack.sh"

LOAD_DLL=bench/Load/bin/Release/net10.0/iAyos.Messaging.Load.dll
TRAINING2_PORT=${IAYOS_FAULTS_TRAINING2_PORT:-5084}
STALE_AFTER=${IAYOS_FAULTS_STALE_AFTER_SECONDS:-20}
MARKET_ARGS=(--jobs 1000 --cleaners 100 --clients 200 --seed 42) # what up.sh publishes
MARKET_TABLES=(clients cleaners properties jobs bids reviews payments)
PRICE_BODY='{"title":"Fix leaking kitchen faucet","description":"Kitchen faucet drips constantly","category":"Plumbing","urgency":"HIGH","skill_level":"INTERMEDIATE","tags":["plumbing","repair"]}'
declare -A CASE_NAME=([1]="InferenceWorker SIGKILL" [2]="RabbitMQ SIGKILL" [3]="PostgreSQL SIGKILL"
    [4]="TrainingWorker SIGKILL mid-run" [5]="Poison messages")
declare -A CASE_DEADLINE=([1]=90 [2]=150 [3]=180 [4]=150 [5]=60)

say() { printf '[faults %s] %s\n' "$(date +%T)" "$*" >&2; }
now_ms() { date +%s%3N; }
die() {
    say "error: $*"
    exit 2
}

# ----------------------------------------------------------------------------------------------------
# Helpers on the running stack
# ----------------------------------------------------------------------------------------------------

mgmt() { # mgmt PATH [curl args...] : the RabbitMQ management API with the stack's user
    local path=$1
    shift
    curl -fsS --max-time 10 -u "$RMQ_USER:$RMQ_PASSWORD" "http://127.0.0.1:$RMQ_MGMT_PORT/api/$path" "$@"
}

sql() { # sql QUERY : one query as the superuser over the socket, unaligned, no headers
    infra_psql "$PG_DIR" "$PG_PORT" -d "$PG_DB" -qtAX -v ON_ERROR_STOP=1 -c "$1"
}

service_entry() { # service_entry NAME : print "dll port"
    local entry name dll port
    for entry in "${SERVICES[@]}"; do
        IFS='|' read -r name dll port <<<"$entry"
        [[ "$name" == "$1" ]] && { echo "$dll $port"; return 0; }
    done
    return 1
}

service_pid() { _infra_read_pid "$PID_DIR/$1.pid"; }

ready() { curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$1/health/ready" 2>/dev/null; }

all_ready() {
    local entry port
    for entry in "${SERVICES[@]}"; do
        IFS='|' read -r _ _ port <<<"$entry"
        ready "$port" || return 1
    done
}

# restart_service NAME : start it again exactly as up.sh does (same environment, command line, pid file).
restart_service() {
    local dll port
    read -r dll port < <(service_entry "$1")
    stack_start_service "$1" "$dll" "$port"
}

AUTH_HEADER=()
auth_args() { # sets AUTH_HEADER to the admin header, when the iayos tool can mint a token (cached per process)
    if [[ -z "${ADMIN_TOKEN+x}" ]]; then
        ADMIN_TOKEN=$(stack_admin_token) || ADMIN_TOKEN=""
    fi
    AUTH_HEADER=()
    [[ -n "$ADMIN_TOKEN" ]] && AUTH_HEADER=(-H "Authorization: Bearer $ADMIN_TOKEN")
    return 0
}

# start_load RATE SECONDS OUT : bench/Load in the background, JSON in OUT.json, text in OUT.txt. The warm-up
# runs at the same rate, unmeasured, and then waits for its requests: a stack that has not seen this rate
# since it started grows its thread pools under it (p99 ~280 ms over the first two seconds on 2 cores, with
# no fault at all), and that is not what a case measures.
LOAD_WARMUP=${IAYOS_FAULTS_LOAD_WARMUP:-5}
start_load() {
    dotnet "$LOAD_DLL" --url "$GATEWAY_URL/api/ml/predict-price" --body "$PRICE_BODY" --rate "$1" \
        --duration "$2" --warmup "$LOAD_WARMUP" --json "$3.json" >"$3.txt" 2>&1 &
    LOAD_PID=$!
}

# load_figures OUT.json : "requests non_2xx p99_ms gateway_fallbacks"
load_figures() {
    jq -r '[.requests, .non_success, (.latency_ms.p99 // 0 | . * 10 | round / 10),
        ([.samples[] | select(.[3] == "gateway_fallback")] | length)] | @tsv' "$1" | tr '\t' ' '
}

market_counts() { # "n n n ..." rows of each marketplace table
    local t q=""
    for t in "${MARKET_TABLES[@]}"; do q+="${q:+ || ' ' || }(SELECT count(*) FROM marketplace.$t)"; done
    sql "SELECT $q"
}

market_reference() { # the row counts every event of up.sh's marketplace gives; publishes it first if absent
    local counts
    counts=$(market_counts)
    if [[ "${counts%% *}" == 0 ]]; then
        say "the read model is empty (up.sh with IAYOS_SKIP_SEED?): publishing the marketplace once as the reference"
        dotnet "$IAYOS_CLI" generate-marketplace "${MARKET_ARGS[@]}" >"$CASE_DIR/reference-publish.log" 2>&1 </dev/null
        wait_market_settled 120 >/dev/null
        counts=$(market_counts)
    fi
    echo "$counts"
}

market_truncate() {
    local IFS=,
    sql "TRUNCATE ${MARKET_TABLES[*]/#/marketplace.}" >/dev/null
}

queue_depth() { mgmt "queues/%2f/$1" | jq -r '.messages // 0'; }

# wait_market_settled SECONDS : until the events queue is empty and the counts hold still for 3 s
wait_market_settled() {
    local deadline=$((SECONDS + $1)) last="" counts depth
    while ((SECONDS < deadline)); do
        depth=$(queue_depth scoring-marketplace-events 2>/dev/null || echo "?")
        counts=$(market_counts 2>/dev/null || echo "?")
        if [[ "$depth" == 0 && "$counts" != "?" && "$counts" == "$last" ]]; then
            echo "$counts"
            return 0
        fi
        last=$counts
        sleep 3
    done
    echo "${counts:-?}"
    return 1
}

rows_missing() { # rows_missing "REF COUNTS" "NOW COUNTS" : total rows short of the reference
    awk -v a="$1" -v b="$2" 'BEGIN { n = split(a, x, " "); split(b, y, " "); m = 0
        for (i = 1; i <= n; i++) if (x[i] > y[i]) m += x[i] - y[i]; print m }'
}

error_queue_counts() { # "name count" per *_error queue
    mgmt "queues?columns=name,messages" | jq -r '.[] | select(.name | endswith("_error")) | "\(.name) \(.messages // 0)"'
}

# publish_market LOG : republish up.sh's marketplace in the background
publish_market() {
    dotnet "$IAYOS_CLI" generate-marketplace "${MARKET_ARGS[@]}" >"$1" 2>&1 </dev/null &
    PUBLISH_PID=$!
}

published_summary() { # from generate-marketplace's log: "confirmed/generated (retries retried)"
    local generated confirmed retries
    generated=$(sed -n 's/^Generated \([0-9]*\) events.*/\1/p' "$1" | tail -n 1)
    confirmed=$(sed -n 's/^Published \([0-9]*\) events.*/\1/p' "$1" | tail -n 1)
    retries=$(sed -n 's/.* \([0-9]*\) publishes retried.*/\1/p' "$1" | tail -n 1)
    echo "${confirmed:-0}/${generated:-?} confirmed${retries:+ ($retries retried)}"
}

train() { # train BODY : POST train-price-model; prints "status run_id retry_after"
    local out headers body code run retry
    out=$(mktemp)
    headers=$(mktemp)
    auth_args
    code=$(curl -sS --max-time 15 -o "$out" -D "$headers" -w '%{http_code}' -X POST "$GATEWAY_URL/api/ml/train-price-model" \
        "${AUTH_HEADER[@]}" -H 'Content-Type: application/json' -d "$1" 2>/dev/null) || code=${code:-000}
    body=$(cat "$out")
    run=$(jq -r '.run_id // empty' <<<"$body" 2>/dev/null || true)
    retry=$(sed -n 's/^[Rr]etry-[Aa]fter: *\([0-9]*\).*/\1/p' "$headers" | tail -n 1)
    rm -f -- "$out" "$headers"
    echo "$code ${run:--} ${retry:--}"
}

run_json() { curl -fsS --max-time 5 "$GATEWAY_URL/api/ml/training-runs/$1" 2>/dev/null; }

# wait_run RUN_ID SECONDS : until completed or failed, or unknown to the Gateway (404) for 10 s in a row;
# prints "status attempts resumed_from_epoch worker" (status "lost" for a run the Gateway does not know)
wait_run() {
    local deadline=$((SECONDS + $2)) json="" status="?" code missing=0
    [[ "$1" == - || -z "$1" ]] && { echo "none - - -"; return; }
    while ((SECONDS < deadline)); do
        code=$(curl -sS --max-time 5 -o "$CASE_DIR/run.json" -w '%{http_code}' "$GATEWAY_URL/api/ml/training-runs/$1" 2>/dev/null) || code=000
        if [[ "$code" == 200 ]]; then
            missing=0
            json=$(cat "$CASE_DIR/run.json")
            status=$(jq -r .status <<<"$json")
            [[ "$status" == completed || "$status" == failed ]] && break
        elif [[ "$code" == 404 ]]; then
            ((++missing >= 10)) && { status=lost; json=""; break; }
        fi
        sleep 1
    done
    if [[ -n "$json" ]]; then
        jq -r '"\(.status) \(.attempts) \(.resumed_from_epoch // 0) \(.worker_instance // "-")"' <<<"$json"
    else
        echo "$status - - -"
    fi
}

row() { # row TEXT... : this case's row (tab-separated: done, measured, target, PASS|FAIL)
    local IFS=$'\t'
    printf '%s\n' "$*" >"$CASE_DIR/row"
}

secs() { awk -v m="$1" 'BEGIN { printf "%.1f", m / 1000 }'; } # secs MS : seconds, one decimal
ge() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a + 0 >= b + 0) }'; }
lt() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a + 0 < b + 0) }'; }

# ----------------------------------------------------------------------------------------------------
# The cases (each runs in its own process under a deadline; it writes $CASE_DIR/row)
# ----------------------------------------------------------------------------------------------------

case_1() {
    local pid dll port t_kill t_ready close_ms="" figures req non2xx p99 fb verdict=PASS t_probe
    read -r dll port < <(service_entry inference-worker)
    pid=$(service_pid inference-worker)
    _infra_pid_alive "$pid" || die "inference-worker is not running"
    start_load 300 20 "$CASE_DIR/load"
    sleep $((LOAD_WARMUP + 3)) # the warm-up, then 3 s measured
    kill -KILL "$pid"
    t_kill=$(now_ms)
    say "SIGKILLed inference-worker (pid $pid); restarting it in 2 s"
    sleep 2
    stack_start_service inference-worker "$dll" "$port"
    until ready "$port"; do
        (($(now_ms) - t_kill < 60000)) || break
        sleep 0.1
    done
    t_ready=$(now_ms)
    say "inference-worker ready $(((t_ready - t_kill) / 1000)) s after the kill"
    wait "$LOAD_PID" || true
    [[ -s "$CASE_DIR/load.json" ]] || { row "300/s for 20 s" "no load figures" "-" FAIL; return; }
    read -r req non2xx p99 fb < <(load_figures "$CASE_DIR/load.json")
    # The breaker has closed once no request due after the worker was ready is answered gateway_fallback:
    # the time from ready to the last such request. If the run ended before that, probe on for up to 10 s.
    close_ms=$(jq -r --argjson ready "$t_ready" '.started_at_unix_ms as $s
        | [.samples[] | select($s + .[0] >= $ready)] as $after
        | if ($after | length) == 0 then "open"
          elif ($after[-1][3] == "gateway_fallback") then "open"
          else ([$after[] | select(.[3] == "gateway_fallback") | $s + .[0] - $ready] | max // 0 | round) end' "$CASE_DIR/load.json")
    if [[ "$close_ms" == open ]]; then
        t_probe=$(now_ms)
        while (($(now_ms) - t_probe < 10000)); do
            if ! curl -fsS --max-time 3 -X POST "$GATEWAY_URL/api/ml/predict-price" -H 'Content-Type: application/json' \
                -d "$PRICE_BODY" | grep -q '"source":"gateway_fallback"'; then
                close_ms=$(($(now_ms) - t_ready))
                break
            fi
            sleep 0.2
        done
    fi
    ((non2xx == 0)) || verdict=FAIL
    lt "$p99" 100 || verdict=FAIL
    [[ "$close_ms" != open ]] && lt "$close_ms" 5001 || verdict=FAIL
    row "300/s for 20 s; worker SIGKILLed at 3 s, restarted 2 s later, ready $(secs $((t_ready - t_kill))) s after the kill" \
        "$req requests: $non2xx non-2xx, p99 $p99 ms, $fb gateway_fallback; breaker closed $([[ "$close_ms" == open ]] && echo "not within 10 s" || echo "$(secs "$close_ms") s") after ready" \
        "0 non-2xx, p99 < 100 ms, closed <= 5 s" "$verdict"
}

case_2() {
    local ref counts missing bpid t_kill t_up resumed="" req non2xx p99 fb verdict=PASS published i answered
    ref=$(market_reference)
    market_truncate
    start_load 100 70 "$CASE_DIR/load" # long enough to see workers answer again: MassTransit reconnects 15-25 s after the broker returns
    sleep "$LOAD_WARMUP" # the broker dies inside the measured run, not its warm-up
    publish_market "$CASE_DIR/publish.log"
    # Kill while events are in flight: once the publisher has reported its first tenth.
    for ((i = 0; i < 100; i++)); do
        grep -q '%.*events' "$CASE_DIR/publish.log" 2>/dev/null && break
        sleep 0.1
    done
    bpid=$(_infra_read_pid "$RMQ_DIR/rabbit.pid")
    _infra_pid_alive "$bpid" || die "RabbitMQ's beam process is not running"
    kill -KILL "$bpid"
    t_kill=$(now_ms)
    say "SIGKILLed RabbitMQ (beam pid $bpid); restarting it in 15 s"
    sleep 15
    infra_start_rabbitmq "$RMQ_DIR" "$RMQ_PORT" "$RMQ_DIST_PORT" "$RMQ_EPMD_PORT" "$RMQ_NODE" "$RMQ_MGMT_PORT" \
        "$RMQ_USER" "$RMQ_PASSWORD" || die "RabbitMQ did not restart"
    t_up=$(now_ms)
    say "RabbitMQ up again $(((t_up - t_kill) / 1000)) s after the kill"
    # Services resume by themselves: every /health/ready answers again, and every worker queue has a consumer.
    while (($(now_ms) - t_up < 60000)); do
        if all_ready && [[ $(mgmt "queues?columns=name,consumers,durable" | jq '[.[] | select(.durable and (.name | endswith("_error") | not) and (.name | endswith("_skipped") | not) and .consumers == 0)] | length') == 0 ]]; then
            resumed=$(($(now_ms) - t_up))
            break
        fi
        sleep 0.5
    done
    wait "$PUBLISH_PID" || say "generate-marketplace exited non-zero (see $CASE_DIR/publish.log)"
    published=$(published_summary "$CASE_DIR/publish.log")
    counts=$(wait_market_settled 60) || say "the marketplace queue did not settle within 60 s"
    missing=$(rows_missing "$ref" "$counts")
    wait "$LOAD_PID" || true
    read -r req non2xx p99 fb < <(load_figures "$CASE_DIR/load.json" 2>/dev/null || echo "0 0 0 0")
    # Predictions answered by a worker again: from the broker's return to the last gateway_fallback.
    answered=$(jq -r --argjson up "$t_up" '.started_at_unix_ms as $s | [.samples[] | select($s + .[0] >= $up)] as $after
        | if ($after | length) == 0 or $after[-1][3] == "gateway_fallback" then "no"
          else ([$after[] | select(.[3] == "gateway_fallback") | $s + .[0] - $up] | max // 0 | round) end' "$CASE_DIR/load.json" 2>/dev/null || echo no)
    [[ "$answered" != no ]] || verdict=FAIL
    lt "$p99" 100 || verdict=FAIL
    [[ "$missing" == 0 ]] || verdict=FAIL
    # The publisher gave up on none: what the broker confirmed is every event generated.
    [[ "$(sed -n 's/^Published \([0-9]*\) events.*/\1/p' "$CASE_DIR/publish.log")" == \
        "$(sed -n 's/^Generated \([0-9]*\) events.*/\1/p' "$CASE_DIR/publish.log")" ]] || verdict=FAIL
    [[ -n "$resumed" ]] || verdict=FAIL
    row "marketplace republished ($published) + 100 predictions/s for 70 s; beam SIGKILLed, restarted after 15 s" \
        "predictions: $req, $non2xx non-2xx, p99 $p99 ms, $fb gateway_fallback; rows missing $missing of $(awk -v a="$ref" 'BEGIN { n = split(a, x, " "); s = 0; for (i = 1; i <= n; i++) s += x[i]; print s }'); services ready and consuming $([[ -n "$resumed" ]] && echo "$(secs "$resumed") s" || echo "not within 60 s") and predictions answered by a worker $([[ "$answered" != no ]] && echo "$(secs "$answered") s" || echo "not by the end of the run") after the broker was back" \
        "p99 < 100 ms, 0 events lost, resume by themselves" "$verdict"
}

case_3() {
    local ref counts missing errors_before errors_after new_errors pm t_kill t_up a b a_result b_result code run retry
    local b_first verdict=PASS i grew
    ref=$(market_reference)
    errors_before=$(error_queue_counts)
    market_truncate
    publish_market "$CASE_DIR/publish.log"
    read -r code a _ < <(train '{}')
    a=${a:--}
    [[ "$code" == 202 ]] || say "the training request before the outage answered $code"
    # Kill once run A trains (an epoch stored), so its progress events meet the outage.
    for ((i = 0; i < 150; i++)); do
        [[ "$(run_json "$a" | jq -r '.status' 2>/dev/null)" == running ]] && break
        sleep 0.2
    done
    pm=$(_infra_read_pid "$PG_DIR/data/postmaster.pid")
    _infra_pid_alive "$pm" || die "PostgreSQL is not running"
    # The postmaster and every backend, as a crash or the OOM killer would (a lone postmaster SIGKILL leaves
    # backends holding the shared memory, and no new postmaster could start).
    kill -KILL "$pm" $(pgrep -P "$pm") 2>/dev/null || true
    t_kill=$(now_ms)
    say "SIGKILLed PostgreSQL (postmaster $pm and its backends); restarting it in 30 s"
    sleep 3
    read -r code run retry < <(train '{}')
    b_first="$code"
    b=$run
    say "training request during the outage answered $code (run ${run}, Retry-After ${retry})"
    sleep "$(secs $((30000 - ($(now_ms) - t_kill) > 0 ? 30000 - ($(now_ms) - t_kill) : 0)))"
    infra_start_postgres "$PG_DIR" "$PG_PORT" "$PG_DB" "$PG_USER" "$PG_PASSWORD" || die "PostgreSQL did not restart"
    t_up=$(now_ms)
    say "PostgreSQL up again $(((t_up - t_kill) / 1000)) s after the kill"
    # Not accepted during the outage: a client retries until it is (honouring Retry-After).
    while [[ "$code" != 202 ]] && (($(now_ms) - t_up < 60000)); do
        sleep "${retry/-/2}"
        read -r code run retry < <(train '{}')
        b=$run
    done
    wait "$PUBLISH_PID" || say "generate-marketplace exited non-zero (see $CASE_DIR/publish.log)"
    counts=$(wait_market_settled 45) || say "the marketplace queue did not settle within 45 s"
    missing=$(rows_missing "$ref" "$counts")
    say "rows missing: $missing; waiting for the training runs"
    a_result=$(wait_run "$a" 50)
    b_result=$(wait_run "$b" 40)
    sleep 2
    errors_after=$(error_queue_counts)
    new_errors=0 grew=""
    while read -r name n; do
        local before
        before=$(awk -v q="$name" '$1 == q { print $2 }' <<<"$errors_before")
        if ((n > ${before:-0})); then
            new_errors=$((new_errors + n - ${before:-0}))
            grew+="${grew:+, }$name +$((n - ${before:-0}))"
        fi
    done <<<"$errors_after"
    [[ "$new_errors" == 0 ]] || verdict=FAIL
    [[ "$missing" == 0 ]] || verdict=FAIL
    [[ "${a_result%% *}" == completed && "${b_result%% *}" == completed ]] || verdict=FAIL
    row "marketplace republished ($(published_summary "$CASE_DIR/publish.log")); run A training, run B requested 3 s into the outage (answered $b_first); postmaster + backends SIGKILLed, restarted after 30 s" \
        "new _error messages $new_errors${grew:+ ($grew)}; rows missing $missing; run A ${a_result%% *}, run B ${b_result%% *}" \
        "0 in _error, every event applied, runs complete" "$verdict"
}

case_4() {
    local dll port pid2 code run i epochs instance victim victim_name t_kill result status attempts resumed worker verdict=PASS
    read -r dll _ < <(service_entry training-worker)
    (export Training__StaleAfterSeconds=$STALE_AFTER && stack_start_service training-worker-2 "$dll" "$TRAINING2_PORT")
    pid2=$(service_pid training-worker-2)
    stack_wait_ready training-worker-2 "$TRAINING2_PORT" 60 || die "the second TrainingWorker did not start"
    read -r code run _ < <(train '{}')
    [[ "$code" == 202 ]] || { row "second TrainingWorker on :$TRAINING2_PORT; training requested" "answered $code" "-" FAIL; return; }
    # Mid-run: once three epochs are stored.
    for ((i = 0; i < 300; i++)); do
        epochs=$(run_json "$run" | jq -r '(.epochs // []) | length' 2>/dev/null || echo 0)
        ((epochs >= 3)) && break
        sleep 0.2
    done
    instance=$(run_json "$run" | jq -r '.worker_instance // empty')
    victim=$(sed -n 's/.*-\([0-9][0-9]*\)-[0-9a-f]*$/\1/p' <<<"$instance")
    if [[ "$victim" == "$(service_pid training-worker)" ]]; then
        victim_name=training-worker
    elif [[ "$victim" == "$pid2" ]]; then
        victim_name=training-worker-2
    else
        row "second TrainingWorker on :$TRAINING2_PORT" "run $run held by '$instance' after $epochs epochs: not one of ours" "-" FAIL
        return
    fi
    kill -KILL "$victim"
    t_kill=$(now_ms)
    say "SIGKILLed $victim_name (pid $victim, $instance) after epoch $epochs of run $run"
    result=$(wait_run "$run" 120)
    read -r status attempts resumed worker <<<"$result"
    [[ "$status" == completed ]] || verdict=FAIL
    ge "$resumed" 1 || verdict=FAIL
    [[ "$worker" != "$instance" ]] || verdict=FAIL
    row "second TrainingWorker (stale after ${STALE_AFTER} s) on :$TRAINING2_PORT; $victim_name SIGKILLed after epoch $epochs" \
        "run $status after $(((($(now_ms) - t_kill)) / 1000)) s; attempts $attempts, resumed_from_epoch $resumed, by ${worker:--}" \
        "completes from its checkpoint" "$verdict"
}

# The message types a queue is bound to, as MassTransit URNs (exchange Ns:Type, generics Ns:Base--Arg--).
queue_message_types() {
    mgmt "exchanges/%2f/$1/bindings/destination" | jq -r '.[].source' | while read -r exchange; do
        if [[ "$exchange" =~ ^([^:]+):([^-]+)--(.+)--$ ]]; then
            echo "urn:message:${BASH_REMATCH[1]}:${BASH_REMATCH[2]}[[${BASH_REMATCH[1]}:${BASH_REMATCH[3]}]]"
        elif [[ -n "$exchange" ]]; then
            echo "urn:message:$exchange"
        fi
    done
}

case_5() {
    local queues q type probe_id consumers_before consumers_after sent=0 landed=0 reasons="" missing="" verdict=PASS
    local ready_ok=yes i envelope depth
    probe_id="faults-$(date +%s)"
    queues=$(mgmt "queues?columns=name,durable,auto_delete,exclusive,consumers" | jq -r '.[] | select(.durable and (.auto_delete | not)
        and (.exclusive | not) and .consumers > 0 and (.name | test("_(error|skipped)$") | not)) | .name')
    [[ -n "$queues" ]] || die "no queue with consumers found"
    consumers_before=$(mgmt "queues?columns=name,consumers" | jq -c 'map({(.name): .consumers}) | add')
    for q in $queues; do
        type=$(queue_message_types "$q" | head -n 1 || true)
        # Unparseable: not JSON at all, under MassTransit's content type.
        mgmt "exchanges/%2f/amq.default/publish" -X POST -H 'Content-Type: application/json' -d "$(jq -nc \
            --arg q "$q" --arg p "$probe_id:$q:unparseable" '{routing_key: $q, payload: "{\"this is\": not json",
            payload_encoding: "string", properties: {content_type: "application/vnd.masstransit+json",
            delivery_mode: 2, headers: {"x-iayos-fault-probe": $p}}}')" | jq -e .routed >/dev/null && sent=$((sent + 1))
        # Invalid values: a well-formed envelope of the queue's own message type whose fields have the wrong types.
        envelope=$(jq -nc --arg t "${type:-urn:message:Unknown:Type}" --arg id "$(cat /proc/sys/kernel/random/uuid)" '{
            messageId: $id, messageType: [$t], headers: {},
            message: {eventId: "not-a-guid", runId: "not-a-guid", requestId: "not-a-guid", jobId: "x", cleanerId: "x",
                clientId: "x", recommendationId: "x", kind: 7, title: 7, category: 7, rows: 7, amount: "x",
                occurredAt: "not-a-date", requestedAt: "not-a-date", profileCompletion: "x"}}')
        mgmt "exchanges/%2f/amq.default/publish" -X POST -H 'Content-Type: application/json' -d "$(jq -nc \
            --arg q "$q" --arg p "$probe_id:$q:invalid" --arg body "$envelope" '{routing_key: $q, payload: $body,
            payload_encoding: "string", properties: {content_type: "application/vnd.masstransit+json",
            delivery_mode: 2, headers: {"x-iayos-fault-probe": $p}}}')" | jq -e .routed >/dev/null && sent=$((sent + 1))
    done
    # Where did each land? Peek the _error queues (requeued, so they stay) for our probes.
    local found
    for ((i = 0; i < 20; i++)); do
        sleep 1
        found=""
        for q in $queues; do
            # The probes are at the tail of what is there: peek the whole queue (payloads truncated).
            depth=$(queue_depth "${q}_error" 2>/dev/null || echo 0)
            found+=$(mgmt "queues/%2f/${q}_error/get" -X POST -H 'Content-Type: application/json' \
                -d "{\"count\": $((depth + 5 < 20000 ? depth + 5 : 20000)), \"ackmode\": \"ack_requeue_true\", \"encoding\": \"auto\", \"truncate\": 100}" 2>/dev/null |
                jq -r --arg p "$probe_id:" '.[] | select((.properties.headers["x-iayos-fault-probe"] // "") | startswith($p))
                | "\(.properties.headers["x-iayos-fault-probe"])\t\(.properties.headers["MT-Fault-Message"] // "(no MT-Fault-Message)" | gsub("[\t\n]"; " ") | .[0:90])"' 2>/dev/null || true)
            found+=$'\n'
        done
        landed=$(grep -c . <<<"$found" || true)
        ((landed >= sent)) && break
    done
    printf '%s\n' "$found" | grep . >"$CASE_DIR/landed.tsv" || true
    for q in $queues; do
        for kind in unparseable invalid; do
            grep -q "^$probe_id:$q:$kind	" "$CASE_DIR/landed.tsv" || missing+="${missing:+, }$q/$kind"
        done
    done
    # One reason of each kind, to show in the row.
    reasons=$(cut -f2 "$CASE_DIR/landed.tsv" | sed 's/^\(.\{60\}\).*/\1.../' | sort | uniq -c | sort -rn | head -n 3 |
        awk '{ $1 = $1 "x"; print }' | paste -sd ';' -)
    sleep 2
    consumers_after=$(mgmt "queues?columns=name,consumers" | jq -c 'map({(.name): .consumers}) | add')
    local changed
    changed=$(jq -rn --argjson a "$consumers_before" --argjson b "$consumers_after" --arg qs "$queues" \
        '[$qs | split("\n")[] | select(length > 0) | select($a[.] != $b[.]) | "\(.) \($a[.])->\($b[.] // 0)"] | join(", ")')
    all_ready || ready_ok=no
    local no_reason
    no_reason=$(grep -c 'no MT-Fault-Message' "$CASE_DIR/landed.tsv" || true)
    [[ -z "$missing" ]] || verdict=FAIL
    [[ "$no_reason" == 0 ]] || verdict=FAIL
    [[ -z "$changed" ]] || verdict=FAIL
    [[ "$ready_ok" == yes ]] || verdict=FAIL
    row "2 poison messages (unparseable, invalid values) to each of $(wc -w <<<"$queues") queues ($(paste -sd, - <<<"$queues" | sed 's/,/, /g'))" \
        "$((sent - $(tr ',' '\n' <<<"$missing" | grep -c . || true)))/$sent in their _error queue, $no_reason without a reason${missing:+; not in _error: $missing}; reasons: ${reasons:-none}; consumers ${changed:-unchanged}; all ready: $ready_ok" \
        "each in _error with a reason, consumers stay up" "$verdict"
}

# ----------------------------------------------------------------------------------------------------
# After each case: put the stack back as up.sh left it (whatever the case managed to do).
# ----------------------------------------------------------------------------------------------------
restore_stack() {
    local entry name dll port pid
    infra_start_postgres "$PG_DIR" "$PG_PORT" "$PG_DB" "$PG_USER" "$PG_PASSWORD" || say "warning: PostgreSQL did not start"
    infra_start_rabbitmq "$RMQ_DIR" "$RMQ_PORT" "$RMQ_DIST_PORT" "$RMQ_EPMD_PORT" "$RMQ_NODE" "$RMQ_MGMT_PORT" \
        "$RMQ_USER" "$RMQ_PASSWORD" || say "warning: RabbitMQ did not start"
    # The case's second TrainingWorker, if any.
    pid=$(_infra_read_pid "$PID_DIR/training-worker-2.pid")
    if [[ -n "$pid" ]] && _infra_cmdline_has "$pid" iAyos.Messaging.TrainingWorker; then
        _infra_kill_wait 15 "$pid"
    fi
    rm -f -- "$PID_DIR/training-worker-2.pid"
    for entry in "${SERVICES[@]}"; do
        IFS='|' read -r name dll port <<<"$entry"
        pid=$(service_pid "$name")
        if ! _infra_pid_alive "$pid"; then
            say "restarting $name"
            stack_start_service "$name" "$dll" "$port" || continue
        fi
        stack_wait_ready "$name" "$port" 90 >/dev/null 2>&1 || say "warning: $name is not ready"
    done
}

# ----------------------------------------------------------------------------------------------------
# Main
# ----------------------------------------------------------------------------------------------------
[[ -s "$SECRETS_FILE" ]] || die "${SECRETS_FILE#"$ROOT"/} not found: start the stack with scripts/up.sh first"
stack_secrets
stack_env

if [[ "${1:-}" == --run-case ]]; then # internal: one case, in its own process, under the parent's deadline
    CASE_DIR=$3
    mkdir -p -- "$CASE_DIR"
    "case_$2"
    exit 0
fi

cases=("$@")
((${#cases[@]})) || cases=(1 2 3 4 5)
for c in "${cases[@]}"; do
    [[ -n "${CASE_NAME[$c]:-}" ]] || die "no case '$c' (cases: 1 2 3 4 5)"
done
curl -fsS -o /dev/null --max-time 5 "$GATEWAY_URL/health/ready" || die "the gateway at $GATEWAY_URL is not ready: start the stack with scripts/up.sh"
all_ready || die "not every service is ready: run scripts/up.sh"
[[ -f "$IAYOS_CLI" ]] || die "$IAYOS_CLI not found: run scripts/up.sh (it builds)"
say "building bench/Load"
dotnet build bench/Load -c Release -nologo -v quiet >/dev/null || die "bench/Load did not build"
auth_args
[[ -n "$ADMIN_TOKEN" ]] || say "warning: no admin token (the iayos tool has no 'token' command yet); admin calls go without one"

RUN_DIR=$ROOT/.run/faults/$(date +%Y%m%d-%H%M%S)
mkdir -p -- "$RUN_DIR"
started=$SECONDS
failed=0
rows=()
# wait_quiet : until no training run is queued or running (at most 180 s), so a case is not measured against
# the CPU of a run that up.sh or an earlier case left going (2 cores: a run halves what the Gateway gets).
wait_quiet() {
    local deadline=$((SECONDS + 180)) busy
    while ((SECONDS < deadline)); do
        busy=$(sql "SELECT count(*) FROM ml.training_runs WHERE status IN ('queued', 'running')" 2>/dev/null || echo 1)
        [[ "$busy" == 0 ]] && return 0
        say "waiting for $busy training run(s) to finish before the next case"
        sleep 5
    done
}

for c in "${cases[@]}"; do
    case_dir=$RUN_DIR/case-$c
    mkdir -p -- "$case_dir"
    wait_quiet
    say "case $c: ${CASE_NAME[$c]} (deadline ${CASE_DEADLINE[$c]} s)"
    case_started=$SECONDS
    rc=0
    # Its log is shown as it grows (not through a pipe: services the case restarts would inherit it).
    : >"$case_dir/log"
    timeout --kill-after=5 "${CASE_DEADLINE[$c]}" "$0" --run-case "$c" "$case_dir" 2>"$case_dir/log" &
    case_pid=$!
    tail -n +1 -f --pid="$case_pid" "$case_dir/log" >&2 &
    tail_pid=$!
    wait "$case_pid" || rc=$?
    wait "$tail_pid" || true
    if [[ -s "$case_dir/row" ]]; then
        IFS=$'\t' read -r done_text measured target verdict <"$case_dir/row"
    elif ((rc == 124 || rc == 137)); then
        done_text="-" measured="deadline of ${CASE_DEADLINE[$c]} s passed" target="-" verdict=FAIL
    else
        done_text="-" measured="the case stopped (exit $rc), see ${case_dir#"$ROOT"/}/log" target="-" verdict=FAIL
    fi
    [[ "$verdict" == PASS ]] || failed=1
    rows+=("| $c | ${CASE_NAME[$c]} | $done_text | $measured ($((SECONDS - case_started)) s) | $target | **$verdict** |")
    printf '%s\n' "${rows[-1]}"
    say "restoring the stack"
    restore_stack
done

echo
echo "Fault suite, $(date '+%F %T'), $((SECONDS - started)) s (work files: ${RUN_DIR#"$ROOT"/})"
echo
echo "| # | case | what was done | measured | target | result |"
echo "|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
exit "$failed"
