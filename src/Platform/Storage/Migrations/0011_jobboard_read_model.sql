-- Seed 002's job board as the ScoringWorker has heard of it (JobListed/JobUpdated/JobClosed, UserProfileUpdated,
-- UserInteracted). Rows converge whatever the arrival order: a listing keeps the content of the latest
-- listing/update by listing_at, listed_at is the earliest listing heard of, closed_at the earliest close; a close
-- that arrives before its listing leaves a row without content (title NULL), which is never a candidate.
CREATE SCHEMA IF NOT EXISTS jobboard;

CREATE TABLE jobboard.jobs (
    job_id           bigint        PRIMARY KEY,
    title            text,
    description      text,
    company          text,
    location         text,
    required_skills  text[]        NOT NULL DEFAULT '{}',
    salary_min       numeric(14,2),
    salary_max       numeric(14,2),
    job_type         text,
    experience_level text,
    listed_at        timestamptz,
    listing_at       timestamptz,
    closed_at        timestamptz,
    CHECK (salary_min IS NULL OR salary_max IS NULL OR salary_min <= salary_max)
);

-- Serving reads the open jobs (every candidate of a user) on each request.
CREATE INDEX jobs_open ON jobboard.jobs (job_id) WHERE closed_at IS NULL AND title IS NOT NULL;

CREATE TABLE jobboard.users (
    user_id          bigint        PRIMARY KEY,
    skills           text[]        NOT NULL DEFAULT '{}',
    location         text,
    experience_level text,
    desired_salary   numeric(14,2),
    profile_at       timestamptz   NOT NULL
);

-- One row per UserInteracted event: the event id makes a redelivery a no-op.
CREATE TABLE jobboard.interactions (
    event_id    uuid        PRIMARY KEY,
    user_id     bigint      NOT NULL,
    job_id      bigint      NOT NULL,
    interaction text        NOT NULL CHECK (interaction IN ('viewed', 'saved', 'applied', 'dismissed')),
    occurred_at timestamptz NOT NULL
);

CREATE INDEX interactions_user ON jobboard.interactions (user_id, job_id);
CREATE INDEX interactions_applied ON jobboard.interactions (job_id, occurred_at) WHERE interaction = 'applied';
CREATE INDEX interactions_time ON jobboard.interactions (occurred_at);
