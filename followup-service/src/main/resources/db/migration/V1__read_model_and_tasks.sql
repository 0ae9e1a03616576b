-- What followup-service knows of each household, kept from customer events so it decides without calling back.
CREATE TABLE customer_profile (
    customer_id        UUID PRIMARY KEY,
    name               TEXT   NOT NULL,
    email              TEXT,
    phone              TEXT,
    postal_address     TEXT,
    timezone           TEXT   NOT NULL,
    locale             TEXT   NOT NULL,
    preferred_channels TEXT   NOT NULL DEFAULT '',
    -- The latest consent per channel, as JSON {"EMAIL": {"granted": true, "changedAt": "..."}}.
    consents           TEXT   NOT NULL DEFAULT '{}',
    tags               TEXT   NOT NULL DEFAULT '',
    -- While a pet's death is recent the household gets no feedback requests, birthday cards or relationship calls.
    bereaved_until     TIMESTAMPTZ,
    version            BIGINT NOT NULL
);

CREATE TABLE pet (
    pet_id      UUID PRIMARY KEY,
    customer_id UUID   NOT NULL,
    name        TEXT   NOT NULL,
    species     TEXT,
    breed       TEXT,
    birth_date  DATE,
    status      TEXT   NOT NULL,
    died_on     DATE,
    photo_url   TEXT,
    version     BIGINT NOT NULL
);
CREATE INDEX pet_customer_idx ON pet (customer_id);
CREATE INDEX pet_birthday_idx ON pet (EXTRACT(MONTH FROM birth_date), EXTRACT(DAY FROM birth_date)) WHERE status = 'active';

CREATE TABLE visit (
    visit_id     UUID PRIMARY KEY,
    customer_id  UUID        NOT NULL,
    pet_id       UUID,
    visit_type   TEXT,
    reason       TEXT,
    staff_member TEXT,
    visited_at   TIMESTAMPTZ NOT NULL,
    recheck_date DATE,
    outcome      TEXT,
    notes        TEXT,
    cancelled    BOOLEAN     NOT NULL DEFAULT FALSE,
    version      BIGINT      NOT NULL
);
CREATE INDEX visit_customer_idx ON visit (customer_id, visited_at DESC);

-- Each save of a playbook is a new version; the highest version of a key is the one that plans.
CREATE TABLE playbook (
    id         UUID PRIMARY KEY,
    key        TEXT        NOT NULL,
    version    INT         NOT NULL,
    definition TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (key, version)
);

-- A planned touch: fired when due by whichever instance claims it first.
CREATE TABLE followup_task (
    id               UUID PRIMARY KEY,
    customer_id      UUID        NOT NULL,
    pet_id           UUID,
    -- Every pet a merged postcard speaks of, comma-joined, the first being pet_id.
    pet_ids          TEXT,
    visit_id         UUID,
    rule             TEXT        NOT NULL,
    playbook_key     TEXT,
    playbook_version INT,
    channel          TEXT        NOT NULL,
    -- The channels the step may use, in order of preference; fallback walks this list.
    channels         TEXT        NOT NULL,
    failed_channels  TEXT        NOT NULL DEFAULT '',
    template_key     TEXT        NOT NULL,
    priority         TEXT        NOT NULL,
    priority_rank    INT         NOT NULL,
    window_kind      TEXT        NOT NULL,
    service_message  BOOLEAN     NOT NULL DEFAULT FALSE,
    quiet_in_bereavement BOOLEAN NOT NULL DEFAULT FALSE,
    cancel_on        TEXT        NOT NULL DEFAULT '',
    status           TEXT        NOT NULL,
    due_at           TIMESTAMPTZ NOT NULL,
    expires_at       TIMESTAMPTZ,
    fired_at         TIMESTAMPTZ,
    attempt          INT         NOT NULL DEFAULT 0,
    notification_id  UUID,
    status_reason    TEXT,
    delivery_status  TEXT,
    assignee         TEXT,
    team             TEXT,
    outcome          TEXT,
    outcome_note     TEXT,
    completed_at     TIMESTAMPTZ,
    completed_by     TEXT,
    repeat_every     TEXT,
    -- Idempotency key of periodic plans (a pet's birthday in a year, a cadence period): planned once.
    plan_key         TEXT UNIQUE,
    correlation_id   TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    version          BIGINT      NOT NULL
);

-- The claim query reads only pending tasks in due order: a partial index keeps it a range scan
-- however many fired tasks accumulate.
CREATE INDEX followup_task_due_idx ON followup_task (due_at) WHERE status = 'PENDING';
CREATE INDEX followup_task_customer_idx ON followup_task (customer_id, created_at);
CREATE INDEX followup_task_pet_idx ON followup_task (pet_id) WHERE pet_id IS NOT NULL;
CREATE INDEX followup_task_visit_idx ON followup_task (visit_id) WHERE visit_id IS NOT NULL;
CREATE INDEX followup_task_worklist_idx ON followup_task (due_at) WHERE status = 'OPEN';

-- The "why / why not" of every task: each thing that happened to it, with the reason.
CREATE TABLE task_event (
    id          BIGSERIAL PRIMARY KEY,
    task_id     UUID        NOT NULL,
    customer_id UUID        NOT NULL,
    at          TIMESTAMPTZ NOT NULL,
    kind        TEXT        NOT NULL,
    channel     TEXT,
    detail      TEXT
);
CREATE INDEX task_event_customer_idx ON task_event (customer_id, at, id);
CREATE INDEX task_event_task_idx ON task_event (task_id);

-- The touch ledger: every real contact with a household (a visit, a call, a card, a message).
CREATE TABLE touch (
    id          BIGSERIAL PRIMARY KEY,
    customer_id UUID        NOT NULL,
    at          TIMESTAMPTZ NOT NULL,
    kind        TEXT        NOT NULL,
    task_id     UUID
);
CREATE INDEX touch_customer_idx ON touch (customer_id, at DESC);

CREATE TABLE feedback (
    id          UUID PRIMARY KEY,
    customer_id UUID        NOT NULL,
    task_id     UUID,
    rating      INT         NOT NULL,
    comment     TEXT,
    negative    BOOLEAN     NOT NULL,
    received_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX feedback_customer_idx ON feedback (customer_id, received_at);
