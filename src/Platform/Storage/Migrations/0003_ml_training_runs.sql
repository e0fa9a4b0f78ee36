-- One row per training command; the run id comes from the command, so a redelivery inserts nothing.
CREATE TABLE ml.training_runs (
    id              uuid        PRIMARY KEY,
    kind            text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed')),
    parameters      jsonb       NOT NULL,
    requested_by    text        NOT NULL,
    requested_at    timestamptz NOT NULL,
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    worker_instance text,
    started_at      timestamptz,
    heartbeat_at    timestamptz,
    finished_at     timestamptz,
    epochs_run      integer,
    metrics         jsonb,
    error           text
);

CREATE INDEX training_runs_by_kind ON ml.training_runs (kind, requested_at DESC);
