#!/usr/bin/env bash
# scripts/bench-job-recommendations.sh - p50/p99/max of GET /api/recommendations/users/{id}/jobs?k=10 at a fixed rate
# (default 50/s for 20 s, after a 5 s warm-up), rotating over users who have interactions (so the active
# job-recommender ranks them: mode convfm) and at least --min-candidates open candidate jobs (default 1,000: the
# issue's "p99 < 20 ms for 1,000 candidates at 50/s").
#   scripts/bench-job-recommendations.sh [--rate 50] [--duration 20] [--warmup 5] [--k 10] [--min-candidates 1000] [--users 200]
# Needs a stack started by scripts/up.sh with its demo job board published (and, for mode convfm, a job-recommender
# version active). Fails when no user has enough candidates. Prints one line of figures; the outcomes column counts
# each status and mode.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
rate=50 duration=20 warmup=5 k=10 min_candidates=1000 users=200
while (($#)); do
    case "$1" in
        --rate) rate=$2; shift 2 ;;
        --duration) duration=$2; shift 2 ;;
        --warmup) warmup=$2; shift 2 ;;
        --k) k=$2; shift 2 ;;
        --min-candidates) min_candidates=$2; shift 2 ;;
        --users) users=$2; shift 2 ;;
        *) echo "bench-job-recommendations.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
# shellcheck source=scripts/lib/infra.sh
source scripts/lib/infra.sh
# shellcheck source=scripts/lib/stack.sh
source scripts/lib/stack.sh
gw=$GATEWAY_URL
curl -fsS "$gw/health/ready" >/dev/null || { echo "bench-job-recommendations.sh: start the stack with scripts/up.sh first" >&2; exit 1; }
stack_secrets
work=$(mktemp -d)
trap 'rm -rf -- "$work"' EXIT
sql() { PGPASSWORD=$PG_PASSWORD psql -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" -v ON_ERROR_STOP=1 -qtA -c "$1"; }

# A user's candidates, as the ScoringWorker reads them: open jobs less the open ones they applied to or dismissed.
open_jobs=$(sql "SELECT count(*) FROM jobboard.jobs WHERE closed_at IS NULL AND title IS NOT NULL")
picked=$(sql "
    SELECT i.user_id
    FROM jobboard.interactions i
    LEFT JOIN jobboard.jobs j ON j.job_id = i.job_id AND j.closed_at IS NULL AND j.title IS NOT NULL
                             AND i.interaction IN ('applied', 'dismissed')
    GROUP BY i.user_id
    HAVING $open_jobs - count(DISTINCT j.job_id) >= $min_candidates
    ORDER BY i.user_id
    LIMIT $users")
user_count=$(wc -w <<<"$picked")
if ((user_count == 0)); then
    echo "bench-job-recommendations.sh: no user with interactions has >= $min_candidates candidate jobs ($open_jobs open jobs in jobboard.jobs);" \
        "publish a larger job board (up.sh's demo) or pass --min-candidates" >&2
    exit 1
fi
for user in $picked; do
    printf '%s/api/recommendations/users/%s/jobs?k=%s\n' "$gw" "$user" "$k"
done >"$work/urls"

# One request first: it warms the ScoringWorker's candidate cache and says how the users are ranked.
first=$(head -n1 "$work/urls")
probe=$(curl -fsS "$first") || { echo "bench-job-recommendations.sh: $first failed" >&2; exit 1; }
read -r mode candidates version < <(jq -r '"\(.mode) \(.candidates) \(.model_version // "none")"' <<<"$probe")
if ((candidates < min_candidates)); then
    echo "bench-job-recommendations.sh: the first user got $candidates candidates, fewer than $min_candidates" >&2
    exit 1
fi
[[ $mode == convfm ]] || echo "bench-job-recommendations.sh: warning: mode is $mode, not convfm (is a job-recommender version active?)" >&2
echo "bench-job-recommendations.sh: $user_count users with >= $min_candidates candidates ($open_jobs open jobs); first: $candidates candidates, mode $mode, model v$version"

out=$(scripts/load.sh --method GET --urls "$work/urls" --rate "$rate" --duration "$duration" --warmup "$warmup")
achieved=$(sed -n 's/^requests: .*(\(.*\)\/s)$/\1/p' <<<"$out")
read -r p50 p99 max < <(sed -n 's/^latency ms: p50 \([^ ]*\)  p90 [^ ]*  p99 \([^ ]*\)  p99.9 [^ ]*  max \(.*\)$/\1 \2 \3/p' <<<"$out")
outcomes=$(grep '^  ' <<<"$out" | sed 's/^  //' | paste -sd ';' -)
printf '%6s %10s %9s %9s %9s %s\n' rate achieved p50_ms p99_ms max_ms outcomes
printf '%6s %10s %9s %9s %9s %s\n' "$rate" "$achieved" "$p50" "$p99" "$max" "$outcomes"
