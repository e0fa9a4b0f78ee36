-- The cleaning marketplace as the ScoringWorker has heard of it. Every upstream fact is its own column
-- (posted_at, accepted_at, completed_at, ...), written by the one event that reports it, so events may
-- arrive twice or in any order and still leave the same rows. Profiles keep the latest occurred_at.
CREATE SCHEMA IF NOT EXISTS marketplace;

CREATE TABLE marketplace.clients (
    id           bigint      PRIMARY KEY,
    display_name text        NOT NULL,
    updated_at   timestamptz NOT NULL
);

CREATE TABLE marketplace.cleaners (
    id           bigint        PRIMARY KEY,
    display_name text          NOT NULL,
    hourly_rate  numeric(10,2) NOT NULL CHECK (hourly_rate >= 0),
    latitude     double precision NOT NULL,
    longitude    double precision NOT NULL,
    offers_eco   boolean       NOT NULL,
    updated_at   timestamptz   NOT NULL
);

CREATE TABLE marketplace.properties (
    id             bigint      PRIMARY KEY,
    client_id      bigint      NOT NULL,
    property_type  text        NOT NULL,
    size_m2        double precision NOT NULL CHECK (size_m2 > 0),
    latitude       double precision NOT NULL,
    longitude      double precision NOT NULL,
    eco_preference boolean     NOT NULL,
    updated_at     timestamptz NOT NULL
);

-- A job row may be created by any of its events; JobPosted fills the posting columns whenever it comes.
CREATE TABLE marketplace.jobs (
    id                   bigint        PRIMARY KEY,
    client_id            bigint,
    property_id          bigint,
    estimated_hours      double precision,
    client_budget        numeric(10,2),
    posted_at            timestamptz,
    accepted_bid_id      bigint,
    accepted_cleaner_id  bigint,
    accepted_at          timestamptz,
    confirmed_at         timestamptz,
    scheduled_start      timestamptz,
    started_at           timestamptz,
    completed_at         timestamptz,
    cancelled_at         timestamptz,
    cancelled_cleaner_id bigint,
    cancel_reason        text,
    photo_count          integer,
    photos_at            timestamptz
);
CREATE INDEX jobs_by_cleaner ON marketplace.jobs (accepted_cleaner_id);
CREATE INDEX jobs_open ON marketplace.jobs (posted_at) WHERE accepted_at IS NULL AND cancelled_at IS NULL;

CREATE TABLE marketplace.bids (
    id         bigint        PRIMARY KEY,
    job_id     bigint        NOT NULL,
    cleaner_id bigint        NOT NULL,
    amount     numeric(10,2) NOT NULL CHECK (amount > 0),
    placed_at  timestamptz   NOT NULL
);
CREATE INDEX bids_by_cleaner ON marketplace.bids (cleaner_id);
CREATE INDEX bids_by_job ON marketplace.bids (job_id);

CREATE TABLE marketplace.reviews (
    id              bigint      PRIMARY KEY,
    job_id          bigint      NOT NULL,
    cleaner_id      bigint      NOT NULL,
    client_id       bigint      NOT NULL,
    overall         smallint    NOT NULL CHECK (overall BETWEEN 1 AND 10),
    quality         smallint    NOT NULL CHECK (quality BETWEEN 1 AND 10),
    communication   smallint    NOT NULL CHECK (communication BETWEEN 1 AND 10),
    professionalism smallint    NOT NULL CHECK (professionalism BETWEEN 1 AND 10),
    timeliness      smallint    NOT NULL CHECK (timeliness BETWEEN 1 AND 10),
    comment         text,
    submitted_at    timestamptz NOT NULL
);
CREATE INDEX reviews_by_cleaner ON marketplace.reviews (cleaner_id);

CREATE TABLE marketplace.payments (
    id           bigint        PRIMARY KEY,
    job_id       bigint        NOT NULL,
    cleaner_id   bigint        NOT NULL,
    amount       numeric(10,2) NOT NULL CHECK (amount >= 0),
    platform_fee numeric(10,2) NOT NULL CHECK (platform_fee >= 0),
    currency     text          NOT NULL,
    paid_at      timestamptz   NOT NULL
);
CREATE INDEX payments_by_cleaner ON marketplace.payments (cleaner_id);
