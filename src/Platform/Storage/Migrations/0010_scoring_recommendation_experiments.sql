-- Experiments (seed 004's A/B next step): the experiment and arm a recommendation was shown under.
-- Both NULL for requests outside an experiment.
ALTER TABLE scoring.cleaner_recommendations
    ADD COLUMN IF NOT EXISTS experiment text,
    ADD COLUMN IF NOT EXISTS arm text;

-- The experiment report reads one experiment's rows, grouped by arm.
CREATE INDEX IF NOT EXISTS cleaner_recommendations_experiment_arm
    ON scoring.cleaner_recommendations (experiment, arm) WHERE experiment IS NOT NULL;
