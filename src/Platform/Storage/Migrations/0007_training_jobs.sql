-- Training runs are jobs: a TrainingWorker claims one (worker_instance, attempts), keeps heartbeat_at fresh
-- while it trains, and a live worker takes over a run whose heartbeat went stale.
ALTER TABLE ml.training_runs
    ADD COLUMN attempts           integer NOT NULL DEFAULT 0,
    ADD COLUMN registered_version integer,
    ADD COLUMN activated          boolean;

CREATE INDEX training_runs_claimable ON ml.training_runs (requested_at) WHERE status IN ('queued', 'running');

-- Per-epoch progress as the Gateway receives it from TrainingEpochCompleted events. An epoch repeated after a
-- resume overwrites its row (same values: training is deterministic from the checkpoint).
CREATE TABLE ml.training_run_epochs (
    run_id        uuid             NOT NULL REFERENCES ml.training_runs (id),
    epoch         integer          NOT NULL CHECK (epoch > 0),
    loss          double precision NOT NULL,
    val_loss      double precision NOT NULL,
    learning_rate double precision NOT NULL,
    epoch_seconds double precision NOT NULL,
    recorded_at   timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (run_id, epoch)
);
