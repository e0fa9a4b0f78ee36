-- What TrainingStarted reports, stored by the Gateway: the split sizes a run trains and measures on, and the
-- checkpoint epoch a taken-over run resumed from (0 for a fresh start).
ALTER TABLE ml.training_runs
    ADD COLUMN train_samples      integer,
    ADD COLUMN validation_samples integer,
    ADD COLUMN test_samples       integer,
    ADD COLUMN resumed_from_epoch integer;
