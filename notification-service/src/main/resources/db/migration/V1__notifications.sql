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
    status              TEXT        NOT NULL,
    status_reason       TEXT,
    provider_message_id TEXT,
    correlation_id      TEXT,
    created_at          TIMESTAMPTZ NOT NULL,
    sent_at             TIMESTAMPTZ,
    version             BIGINT      NOT NULL
);

CREATE INDEX notification_customer_idx ON notification (customer_id, created_at DESC);
