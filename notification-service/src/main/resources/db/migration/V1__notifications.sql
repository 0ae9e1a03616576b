-- One row per requested message; the id is followup-service's notification id, so a request is held once.
CREATE TABLE notification (
    id                  UUID PRIMARY KEY,
    task_id             UUID,
    customer_id         UUID        NOT NULL,
    channel             TEXT        NOT NULL,
    template_key        TEXT        NOT NULL,
    locale              TEXT,
    recipient           TEXT,
    recipient_name      TEXT,
    postal_address      TEXT,
    photo_url           TEXT,
    subject             TEXT,
    body_text           TEXT,
    body_html           TEXT,
    segments            INT,
    -- PENDING -> SENDING (an attempt is under way or its outcome is unknown) -> SENT -> DELIVERED;
    -- FAILED and SUPPRESSED are final. Postcards: PENDING -> PRINTING (in a print job) -> SENT on release.
    status              TEXT        NOT NULL,
    attempts            INT         NOT NULL DEFAULT 0,
    next_attempt_at     TIMESTAMPTZ,
    attempt_started_at  TIMESTAMPTZ,
    status_reason       TEXT,
    provider_message_id TEXT,
    print_job_id        UUID,
    signature           TEXT,
    card_pdf            BYTEA,
    correlation_id      TEXT,
    created_at          TIMESTAMPTZ NOT NULL,
    sent_at             TIMESTAMPTZ,
    version             BIGINT      NOT NULL
);

CREATE INDEX notification_customer_idx ON notification (customer_id, created_at DESC);
CREATE INDEX notification_status_idx ON notification (status, created_at DESC);
CREATE INDEX notification_print_job_idx ON notification (print_job_id) WHERE print_job_id IS NOT NULL;
CREATE UNIQUE INDEX notification_provider_message_idx ON notification (provider_message_id) WHERE provider_message_id IS NOT NULL;

-- The dispatcher's claim query: messages due for an attempt (or for reconciling one), in the order they are due.
CREATE INDEX notification_due_idx ON notification (next_attempt_at) WHERE status IN ('PENDING', 'SENDING');

-- What customer-service last told us about each household: latest consent per channel, phones and emails.
CREATE TABLE recipient (
    customer_id UUID PRIMARY KEY,
    name        TEXT,
    version     BIGINT      NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE recipient_consent (
    customer_id UUID        NOT NULL,
    channel     TEXT        NOT NULL,
    granted     BOOLEAN     NOT NULL,
    source      TEXT,
    changed_at  TIMESTAMPTZ,
    PRIMARY KEY (customer_id, channel)
);

-- Inbound SMS name a phone number, not a customer.
CREATE TABLE recipient_phone (
    customer_id UUID NOT NULL,
    phone       TEXT NOT NULL,
    PRIMARY KEY (customer_id, phone)
);

CREATE INDEX recipient_phone_idx ON recipient_phone (phone);

-- Addresses that must not be contacted on a channel whatever the consent says: STOP, unsubscribe, hard bounce.
CREATE TABLE suppression (
    channel    TEXT        NOT NULL,
    address    TEXT        NOT NULL,
    reason     TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (channel, address)
);

-- Templates edited over REST; the ones shipped under templates/ apply where none is stored.
CREATE TABLE message_template (
    id           UUID PRIMARY KEY,
    channel      TEXT        NOT NULL,
    template_key TEXT        NOT NULL,
    locale       TEXT        NOT NULL,
    subject      TEXT,
    body_text    TEXT        NOT NULL,
    body_html    TEXT,
    updated_at   TIMESTAMPTZ NOT NULL,
    version      BIGINT      NOT NULL,
    UNIQUE (channel, template_key, locale)
);

-- Postcards gathered at one cut-off: one merged PDF and a manifest, released to the print hot folder.
CREATE TABLE print_job (
    id          UUID PRIMARY KEY,
    status      TEXT        NOT NULL,
    piece_count INT         NOT NULL,
    pdf         BYTEA,
    manifest    TEXT,
    folder      TEXT,
    created_at  TIMESTAMPTZ NOT NULL,
    approved_at TIMESTAMPTZ,
    released_at TIMESTAMPTZ,
    version     BIGINT      NOT NULL
);

CREATE INDEX print_job_created_idx ON print_job (created_at DESC);
