-- One row per requested message; the id is followup-service's notification id, so a request is held once.
CREATE TABLE notification (
    id                  UUID PRIMARY KEY,
    task_id             UUID,
    customer_id         UUID        NOT NULL,
    channel             TEXT        NOT NULL,
    template_key        TEXT        NOT NULL,
    recipient           TEXT,
    subject             TEXT,
    body_text           TEXT,
    body_html           TEXT,
    status              TEXT        NOT NULL,
    attempts            INT         NOT NULL DEFAULT 0,
    next_attempt_at     TIMESTAMPTZ,
    status_reason       TEXT,
    provider_message_id TEXT,
    correlation_id      TEXT,
    created_at          TIMESTAMPTZ NOT NULL,
    sent_at             TIMESTAMPTZ,
    version             BIGINT      NOT NULL
);

CREATE INDEX notification_customer_idx ON notification (customer_id, created_at DESC);

-- The dispatcher's claim query: pending messages in the order they are due.
CREATE INDEX notification_due_idx ON notification (next_attempt_at) WHERE status = 'PENDING';
