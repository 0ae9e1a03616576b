-- What customers wrote to the clinic (tend.customer.messages): each reply or rating, once per household it was
-- published to, with what of ours it answers and the worklist item it joined.
CREATE TABLE customer_message (
    id                          UUID PRIMARY KEY,
    message_id                  UUID        NOT NULL,
    customer_id                 UUID        NOT NULL,
    channel                     TEXT        NOT NULL,
    kind                        TEXT        NOT NULL,
    sender                      TEXT        NOT NULL,
    -- The customer's own words: deleted with the household, never logged.
    body                        TEXT        NOT NULL,
    received_at                 TIMESTAMPTZ NOT NULL,
    -- Other households the sender's number or address belongs to: staff choose.
    shared_with                 UUID[]      NOT NULL DEFAULT '{}',
    in_reply_to_notification_id UUID,
    in_reply_to_task_id         UUID,
    in_reply_to_template_key    TEXT,
    in_reply_to_channel         TEXT,
    in_reply_to_sent_at         TIMESTAMPTZ,
    rating                      INT,
    -- [{fileName, contentType, sizeBytes, url}]: links to what notification-service keeps.
    attachments                 JSONB       NOT NULL DEFAULT '[]',
    urgent_words                TEXT[]      NOT NULL DEFAULT '{}',
    reply_task_id               UUID,
    feedback_id                 UUID,
    -- A message is handled once per household, whatever event carries it again.
    UNIQUE (message_id, customer_id)
);
CREATE INDEX customer_message_customer_idx ON customer_message (customer_id, received_at);
CREATE INDEX customer_message_reply_task_idx ON customer_message (reply_task_id) WHERE reply_task_id IS NOT NULL;

-- A worklist item is a follow-up (planned by a playbook or a workflow) or a customer's reply for a person to answer.
ALTER TABLE followup_task ADD COLUMN kind TEXT NOT NULL DEFAULT 'FOLLOWUP';
-- A reply that mentions an emergency: first on the worklist.
ALTER TABLE followup_task ADD COLUMN urgent BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX followup_task_open_reply_idx ON followup_task (customer_id) WHERE status = 'OPEN' AND kind = 'REPLY';

-- A message received that neither joins a reply item nor answers a task of ours is still on the household's timeline.
ALTER TABLE task_event ALTER COLUMN task_id DROP NOT NULL;
