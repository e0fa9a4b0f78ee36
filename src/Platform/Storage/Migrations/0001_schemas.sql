-- Schemas by concern: iAyos marketplace data the models learn from, the ML registry and training runs,
-- and messaging bookkeeping (processed message ids for idempotent consumers).
CREATE SCHEMA IF NOT EXISTS iayos;
CREATE SCHEMA IF NOT EXISTS ml;
CREATE SCHEMA IF NOT EXISTS messaging;

CREATE TABLE messaging.processed_messages (
    consumer     text        NOT NULL,
    message_id   uuid        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, message_id)
);
