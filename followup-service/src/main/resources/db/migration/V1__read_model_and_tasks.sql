-- What followup-service knows of each household, kept from customer events so it decides without calling back.
CREATE TABLE customer_profile (
    customer_id UUID PRIMARY KEY,
    name        TEXT NOT NULL,
    email       TEXT,
    phone       TEXT,
    timezone    TEXT NOT NULL,
    locale      TEXT NOT NULL,
    version     BIGINT NOT NULL
);

-- A planned touch: fired when due by whichever instance claims it first.
CREATE TABLE followup_task (
    id              UUID PRIMARY KEY,
    customer_id     UUID        NOT NULL,
    pet_id          UUID,
    visit_id        UUID,
    rule            TEXT        NOT NULL,
    channel         TEXT        NOT NULL,
    template_key    TEXT        NOT NULL,
    status          TEXT        NOT NULL,
    due_at          TIMESTAMPTZ NOT NULL,
    fired_at        TIMESTAMPTZ,
    status_reason   TEXT,
    delivery_status TEXT,
    personalisation TEXT        NOT NULL,
    correlation_id  TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    version         BIGINT      NOT NULL
);

-- The claim query reads only pending tasks in due order: a partial index keeps it a range scan
-- however many fired tasks accumulate.
CREATE INDEX followup_task_due_idx ON followup_task (due_at) WHERE status = 'PENDING';
CREATE INDEX followup_task_customer_idx ON followup_task (customer_id, created_at);
