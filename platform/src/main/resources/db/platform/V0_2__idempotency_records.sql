-- Creates retried with the same Idempotency-Key replay the first response instead of creating again.
CREATE TABLE idempotency_record (
    operation         TEXT        NOT NULL,
    idempotency_key   TEXT        NOT NULL,
    request_hash      TEXT        NOT NULL,
    response_status   INT,
    response_location TEXT,
    response_body     TEXT,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (operation, idempotency_key)
);
