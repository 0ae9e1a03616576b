-- A household. Lists (emails, phones, preferred channels, tags) are JSON arrays: they are read and written
-- whole, and jsonb lets the list endpoint filter on them.
CREATE TABLE customer (
    id                  UUID PRIMARY KEY,
    name                TEXT        NOT NULL,
    emails              JSONB       NOT NULL DEFAULT '[]',
    phones              JSONB       NOT NULL DEFAULT '[]',
    address_line1       TEXT,
    address_line2       TEXT,
    address_city        TEXT,
    address_region      TEXT,
    address_postal_code TEXT,
    address_country     TEXT,
    timezone            TEXT        NOT NULL,
    locale              TEXT        NOT NULL,
    preferred_channels  JSONB       NOT NULL DEFAULT '[]',
    tags                JSONB       NOT NULL DEFAULT '[]',
    notes               TEXT,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    version             BIGINT      NOT NULL
);

CREATE INDEX customer_name_idx ON customer (lower(name));
CREATE INDEX customer_tags_idx ON customer USING gin (tags);

-- The latest consent per channel; its history travels as ConsentChanged events.
CREATE TABLE customer_consent (
    id          UUID PRIMARY KEY,
    customer_id UUID        NOT NULL REFERENCES customer (id),
    channel     TEXT        NOT NULL,
    granted     BOOLEAN     NOT NULL,
    source      TEXT        NOT NULL,
    changed_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (customer_id, channel)
);

CREATE TABLE pet (
    id          UUID PRIMARY KEY,
    customer_id UUID        NOT NULL REFERENCES customer (id),
    name        TEXT        NOT NULL,
    species     TEXT        NOT NULL,
    breed       TEXT,
    birth_date  DATE,
    status      TEXT        NOT NULL,
    died_on     DATE,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    version     BIGINT      NOT NULL
);

CREATE INDEX pet_customer_idx ON pet (customer_id);

-- Kept apart from pet so that reading a pet never loads its image.
CREATE TABLE pet_photo (
    pet_id       UUID PRIMARY KEY REFERENCES pet (id),
    content_type TEXT        NOT NULL,
    data         BYTEA       NOT NULL,
    uploaded_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE visit (
    id            UUID PRIMARY KEY,
    customer_id   UUID        NOT NULL REFERENCES customer (id),
    pet_id        UUID REFERENCES pet (id),
    visit_type    TEXT        NOT NULL,
    reason        TEXT,
    staff_member  TEXT,
    visited_at    TIMESTAMPTZ NOT NULL,
    recheck_date  DATE,
    notes         TEXT,
    outcome       TEXT,
    status        TEXT        NOT NULL,
    cancel_reason TEXT,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    version       BIGINT      NOT NULL
);

CREATE INDEX visit_customer_idx ON visit (customer_id, visited_at DESC);
CREATE INDEX visit_pet_idx ON visit (pet_id, visited_at DESC);
