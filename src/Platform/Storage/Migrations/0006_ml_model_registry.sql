-- Model registry: versions count up per kind; at most one active version per kind. Artifacts live in the
-- configured artifacts directory and are referenced by a path relative to it, with their sha256.
CREATE TABLE ml.model_versions (
    kind              text        NOT NULL,
    version           integer     NOT NULL CHECK (version > 0),
    artifact_path     text        NOT NULL,
    sha256            text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    feature_extractor jsonb       NOT NULL DEFAULT '{}',
    metrics           jsonb       NOT NULL DEFAULT '{}',
    training_data     text        NOT NULL DEFAULT '',
    created_at        timestamptz NOT NULL DEFAULT now(),
    status            text        NOT NULL DEFAULT 'registered' CHECK (status IN ('registered', 'active', 'retired')),
    activated_by      text,
    activated_at      timestamptz,
    PRIMARY KEY (kind, version)
);

CREATE UNIQUE INDEX model_versions_one_active ON ml.model_versions (kind) WHERE status = 'active';
