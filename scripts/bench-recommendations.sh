#!/usr/bin/env bash
# scripts/bench-recommendations.sh - p50/p99 of GET /api/recommendations/jobs/{id}/cleaners?mode=ensemble at a
# fixed rate (default 100/s for 20 s, after a 5 s warm-up), twice:
#   cold    every request a cache miss: the cache is flushed, and requests rotate over the marketplace's posted
#           jobs and, per pass over them, a slightly different radius (20.0000, 20.0001, ... km), so no (job, variant)
#           repeats within the run; the cache still takes its round trips (lookup, store), as a real miss does;
#   cached  one job, asked once before, every request answered from the cache.
#   scripts/bench-recommendations.sh [--rate 100] [--duration 20] [--warmup 5] [--limit 10]
# Needs a stack started by scripts/up.sh (its demo marketplace, its Redis). Prints a table; the outcomes column
# counts each status and, once the answer carries it, from_cache.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
rate=100 duration=20 warmup=5 limit=10
while (($#)); do
    case "$1" in
        --rate) rate=$2; shift 2 ;;
        --duration) duration=$2; shift 2 ;;
        --warmup) warmup=$2; shift 2 ;;
        --limit) limit=$2; shift 2 ;;
        *) echo "bench-recommendations.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
# shellcheck source=scripts/lib/infra.sh
source scripts/lib/infra.sh
# shellcheck source=scripts/lib/stack.sh
source scripts/lib/stack.sh
gw=$GATEWAY_URL
curl -fsS "$gw/health/ready" >/dev/null || { echo "bench-recommendations.sh: start the stack with scripts/up.sh first" >&2; exit 1; }
stack_secrets
work=$(mktemp -d)
trap 'rm -rf -- "$work"' EXIT

jobs=$(PGPASSWORD=$PG_PASSWORD psql -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" -v ON_ERROR_STOP=1 -qtA \
    -c "SELECT id FROM marketplace.jobs j WHERE posted_at IS NOT NULL AND EXISTS (SELECT 1 FROM marketplace.properties p WHERE p.id = j.property_id) ORDER BY id")
job_count=$(wc -w <<<"$jobs")
((job_count > 0)) || { echo "bench-recommendations.sh: no posted jobs in the read model (did up.sh publish its marketplace?)" >&2; exit 1; }
total=$(((warmup + duration) * rate + rate))
passes=$(((total + job_count - 1) / job_count))
url() { printf '%s/api/recommendations/jobs/%s/cleaners?mode=ensemble&limit=%s&max_distance_km=%s\n' "$gw" "$1" "$limit" "$2"; }
written=0
for ((pass = 0; pass < passes; pass++)); do
    radius=$(printf '20.%04d' "$pass") # distinct up to 10,000 passes
    for job in $jobs; do
        ((written++ < total)) || break
        url "$job" "$radius"
    done
done >"$work/cold.urls"
first_job=${jobs%%$'\n'*}
url "$first_job" 20 >"$work/cached.urls"

measure() { # measure NAME URLS_FILE
    local out p50 p99 max achieved outcomes
    out=$(scripts/load.sh --method GET --urls "$2" --rate "$rate" --duration "$duration" --warmup "$warmup")
    achieved=$(sed -n 's/^requests: .*(\(.*\)\/s)$/\1/p' <<<"$out")
    read -r p50 p99 max < <(sed -n 's/^latency ms: p50 \([^ ]*\)  p90 [^ ]*  p99 \([^ ]*\)  p99.9 [^ ]*  max \(.*\)$/\1 \2 \3/p' <<<"$out")
    outcomes=$(grep '^  ' <<<"$out" | sed 's/^  //' | paste -sd ';' -)
    printf '%-7s %6s %10s %9s %9s %9s %s\n' "$1" "$rate" "$achieved" "$p50" "$p99" "$max" "$outcomes"
}

echo "bench-recommendations.sh: $job_count jobs; cold rotates over $(wc -l <"$work/cold.urls") distinct (job, radius) URLs; cached asks job $first_job"
# Cold: an empty cache (the stack's own Redis; a cache only, nothing else lives there).
_infra_redis_cli "$REDIS_DIR" "$REDIS_PORT" FLUSHDB >/dev/null
printf '%-7s %6s %10s %9s %9s %9s %s\n' run rate achieved p50_ms p99_ms max_ms outcomes
measure cold "$work/cold.urls"
# Cached: warm the one list, then ask for it again and again.
curl -fsS "$(cat "$work/cached.urls")" >/dev/null
measure cached "$work/cached.urls"
