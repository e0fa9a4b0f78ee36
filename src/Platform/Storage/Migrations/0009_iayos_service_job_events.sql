-- iAyos jobs and workers as upstream events report them (folded by the ScoringWorker). A job's posting and
-- its lifecycle facts live apart, each fact in its own column written by the one event that reports it, so
-- events may arrive twice or in any order and leave the same rows. iayos.jobs becomes a view with the
-- columns it had (status derived from the facts), so every reader of it keeps working.
ALTER TABLE iayos.jobs RENAME TO job_postings;
ALTER INDEX iayos.jobs_pkey RENAME TO job_postings_pkey;
ALTER TABLE iayos.job_postings
    ADD COLUMN client_id bigint,
    ADD COLUMN materials text[] NOT NULL DEFAULT '{}';

CREATE TABLE iayos.job_progress (
    job_id        bigint PRIMARY KEY,
    worker_id     bigint,
    assigned_at   timestamptz,
    started_at    timestamptz,
    completed_at  timestamptz,
    cancelled_at  timestamptz,
    cancel_reason text,
    rating        smallint CHECK (rating BETWEEN 1 AND 5),
    satisfaction  double precision CHECK (satisfaction BETWEEN 0 AND 100),
    reviewed_at   timestamptz
);
CREATE INDEX job_progress_by_worker ON iayos.job_progress (worker_id);

-- Facts rows written directly before events existed move to job_progress.
INSERT INTO iayos.job_progress (job_id, worker_id, started_at, completed_at, cancelled_at)
SELECT id, worker_id, started_at, completed_at, CASE WHEN status = 'CANCELLED' THEN created_at END
FROM iayos.job_postings
WHERE worker_id IS NOT NULL OR started_at IS NOT NULL OR completed_at IS NOT NULL OR status = 'CANCELLED';

ALTER TABLE iayos.job_postings
    DROP COLUMN status,
    DROP COLUMN worker_id,
    DROP COLUMN started_at,
    DROP COLUMN completed_at;

CREATE VIEW iayos.jobs AS
SELECT p.id, p.category_id, p.title, p.description, p.budget, p.urgency, p.skill_level, p.materials_count,
       p.job_type,
       CASE WHEN f.cancelled_at IS NOT NULL THEN 'CANCELLED'
            WHEN f.completed_at IS NOT NULL THEN 'COMPLETED'
            WHEN f.started_at IS NOT NULL THEN 'IN_PROGRESS'
            ELSE 'ACTIVE' END AS status,
       f.worker_id, p.created_at, f.started_at, f.completed_at,
       p.client_id, p.materials, f.assigned_at, f.cancelled_at, f.rating, f.satisfaction, f.reviewed_at
FROM iayos.job_postings p
LEFT JOIN iayos.job_progress f ON f.job_id = p.id;

-- Every version of a worker's profile, keyed by when it took effect: a model reads the profile as it was.
CREATE TABLE iayos.worker_profiles (
    worker_id               bigint           NOT NULL,
    valid_from              timestamptz      NOT NULL,
    display_name            text             NOT NULL,
    bio                     text             NOT NULL DEFAULT '',
    profile_completion      double precision NOT NULL CHECK (profile_completion BETWEEN 0 AND 100),
    hourly_rate             numeric(12,2)    CHECK (hourly_rate >= 0),
    years_experience        double precision NOT NULL CHECK (years_experience >= 0),
    specializations         text[]           NOT NULL DEFAULT '{}',
    certifications          text[]           NOT NULL DEFAULT '{}',
    verified_certifications text[]           NOT NULL DEFAULT '{}',
    is_active               boolean          NOT NULL,
    PRIMARY KEY (worker_id, valid_from)
);

CREATE VIEW iayos.workers AS
SELECT DISTINCT ON (worker_id) *
FROM iayos.worker_profiles
ORDER BY worker_id, valid_from DESC;
