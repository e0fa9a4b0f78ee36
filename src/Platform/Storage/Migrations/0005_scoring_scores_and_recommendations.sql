-- CleanerScore (seed 004): the overall 0-100 score, its five weighted parts and the inputs behind them.
CREATE SCHEMA IF NOT EXISTS scoring;

CREATE TABLE scoring.cleaner_scores (
    cleaner_id            bigint           PRIMARY KEY,
    overall_score         double precision NOT NULL,
    quality_score         double precision NOT NULL,
    reliability_score     double precision NOT NULL,
    experience_score      double precision NOT NULL,
    bidding_score         double precision NOT NULL,
    activity_score        double precision NOT NULL,
    avg_overall_rating    double precision,
    quality_rating        double precision,
    communication_rating  double precision,
    professionalism_rating double precision,
    timeliness_rating     double precision,
    review_count          integer          NOT NULL,
    completion_rate       double precision,
    on_time_rate          double precision,
    cancellation_rate     double precision,
    photo_rate            double precision,
    win_rate              double precision,
    average_bid           numeric(10,2),
    total_jobs            integer          NOT NULL,
    total_earnings        numeric(12,2)    NOT NULL,
    jobs_last_30_days     integer          NOT NULL,
    jobs_last_90_days     integer          NOT NULL,
    primary_property_type text,
    eco_share             double precision NOT NULL,
    jobs_in_progress      integer          NOT NULL,
    is_active             boolean          NOT NULL,
    as_of                 timestamptz      NOT NULL,
    computed_at           timestamptz      NOT NULL DEFAULT now()
);

-- Every recommendation shown, with what came of it.
CREATE TABLE scoring.job_recommendations (
    id              uuid             PRIMARY KEY,
    job_id          bigint           NOT NULL,
    cleaner_id      bigint           NOT NULL,
    rank            integer          NOT NULL,
    score           double precision NOT NULL,
    breakdown       jsonb            NOT NULL,
    reasoning       jsonb            NOT NULL,
    mode            text             NOT NULL,
    shown_at        timestamptz      NOT NULL DEFAULT now(),
    viewed_at       timestamptz,
    bid_placed_at   timestamptz,
    bid_accepted_at timestamptz
);
CREATE INDEX job_recommendations_by_pair ON scoring.job_recommendations (job_id, cleaner_id);

CREATE TABLE scoring.cleaner_recommendations (
    id           uuid             PRIMARY KEY,
    job_id       bigint           NOT NULL,
    cleaner_id   bigint           NOT NULL,
    client_id    bigint,
    rank         integer          NOT NULL,
    score        double precision NOT NULL,
    breakdown    jsonb            NOT NULL,
    reasoning    jsonb            NOT NULL,
    mode         text             NOT NULL,
    shown_at     timestamptz      NOT NULL DEFAULT now(),
    viewed_at    timestamptz,
    contacted_at timestamptz,
    hired_at     timestamptz
);
CREATE INDEX cleaner_recommendations_by_pair ON scoring.cleaner_recommendations (job_id, cleaner_id);

CREATE TABLE scoring.bid_suggestions (
    id           uuid          PRIMARY KEY,
    job_id       bigint        NOT NULL,
    cleaner_id   bigint        NOT NULL,
    min_bid      numeric(10,2) NOT NULL,
    optimal_bid  numeric(10,2) NOT NULL,
    max_bid      numeric(10,2) NOT NULL,
    inputs       jsonb         NOT NULL,
    mode         text          NOT NULL,
    suggested_at timestamptz   NOT NULL DEFAULT now(),
    actual_bid   numeric(10,2),
    was_used     boolean,
    did_win      boolean,
    outcome_at   timestamptz,
    CONSTRAINT bid_suggestions_ordered CHECK (min_bid <= optimal_bid AND optimal_bid <= max_bid)
);
CREATE INDEX bid_suggestions_by_pair ON scoring.bid_suggestions (job_id, cleaner_id);

CREATE TABLE scoring.recommendation_feedback (
    id                bigserial   PRIMARY KEY,
    recommendation_id uuid        NOT NULL,
    kind              text        NOT NULL CHECK (kind IN ('job', 'cleaner', 'bid_suggestion')),
    feedback_type     text        NOT NULL CHECK (feedback_type IN ('helpful', 'not_relevant', 'too_expensive', 'too_far', 'wrong_specialty', 'other')),
    comment           text,
    submitted_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX recommendation_feedback_by_recommendation ON scoring.recommendation_feedback (recommendation_id);

-- Market-wide bid level, refreshed by the full recompute; per-event recomputes read it rather than
-- re-aggregating every bid on every event.
CREATE TABLE scoring.market_stats (
    id           smallint         PRIMARY KEY CHECK (id = 1),
    bid_per_hour double precision,
    computed_at  timestamptz      NOT NULL
);

-- Cleaners whose facts changed since their score was last computed. Event consumers mark them in the
-- same transaction as the fact; the score refresher takes them in sets and rescores each set at once.
CREATE TABLE scoring.dirty_cleaners (
    cleaner_id bigint      PRIMARY KEY,
    marked_at  timestamptz NOT NULL DEFAULT now()
);
