-- What customers write to us: texted and emailed replies, ratings from feedback links, and the auto-replies and
-- bounces that come back to the reply mailbox. Bodies are the customer's new words only (quotes stripped).
CREATE TABLE inbound_message (
    id                          UUID PRIMARY KEY,
    channel                     TEXT        NOT NULL,
    -- The provider's id (Twilio MessageSid, the email's Message-ID, "rating:<notification id>"): a retry of the
    -- same message stores nothing new.
    provider_message_id         TEXT        NOT NULL,
    -- MATCHED (published to its households), UNMATCHED (staff link it), AUTO_REPLY and BOUNCE (recorded, never
    -- published), ERASED (its household asked to be forgotten).
    status                      TEXT        NOT NULL,
    kind                        TEXT        NOT NULL,
    from_address                TEXT,
    to_address                  TEXT,
    subject                     TEXT,
    body                        TEXT,
    rating                      INT,
    in_reply_to_notification_id UUID,
    -- Why it is not published, for AUTO_REPLY and BOUNCE.
    status_reason               TEXT,
    received_at                 TIMESTAMPTZ NOT NULL,
    linked_by                   TEXT,
    version                     BIGINT      NOT NULL,
    UNIQUE (channel, provider_message_id)
);

CREATE INDEX inbound_message_status_idx ON inbound_message (status, received_at DESC);
CREATE INDEX inbound_message_received_idx ON inbound_message (received_at);
CREATE INDEX inbound_message_from_idx ON inbound_message (channel, from_address, received_at DESC);

-- The households a message was published to: one, several (a shared number), or none yet (UNMATCHED).
CREATE TABLE inbound_message_customer (
    message_id  UUID NOT NULL REFERENCES inbound_message (id) ON DELETE CASCADE,
    customer_id UUID NOT NULL,
    PRIMARY KEY (message_id, customer_id)
);

CREATE INDEX inbound_message_customer_idx ON inbound_message_customer (customer_id);

-- Files that came with a message. MMS pictures stay at the provider (source_url); email attachments are kept here
-- (content), served at /inbound-attachments/{id}: the random id is the credential, like pet photo links.
CREATE TABLE inbound_attachment (
    id           UUID PRIMARY KEY,
    message_id   UUID   NOT NULL REFERENCES inbound_message (id) ON DELETE CASCADE,
    file_name    TEXT,
    content_type TEXT   NOT NULL,
    size_bytes   BIGINT NOT NULL,
    content      BYTEA,
    source_url   TEXT
);

CREATE INDEX inbound_attachment_message_idx ON inbound_attachment (message_id);

-- Emails on record for each household, from customer-service's snapshots: a reply from a known address that lost
-- its Reply-To token still finds its household.
CREATE TABLE recipient_email (
    customer_id UUID NOT NULL,
    email       TEXT NOT NULL,
    PRIMARY KEY (customer_id, email)
);

CREATE INDEX recipient_email_idx ON recipient_email (email);

-- A staff answer to a customer's own message: which inbound message it answers (the email-unsubscribe exception).
ALTER TABLE notification ADD COLUMN in_reply_to_message_id UUID;
