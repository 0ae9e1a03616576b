CREATE TABLE customer (
    id          UUID PRIMARY KEY,
    name        TEXT        NOT NULL,
    email       TEXT,
    phone       TEXT,
    timezone    TEXT        NOT NULL,
    locale      TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    version     BIGINT      NOT NULL
);

CREATE INDEX customer_name_idx ON customer (lower(name));
CREATE INDEX customer_email_idx ON customer (lower(email));

CREATE TABLE visit (
    id           UUID PRIMARY KEY,
    customer_id  UUID        NOT NULL REFERENCES customer (id),
    pet_id       UUID,
    visit_type   TEXT        NOT NULL,
    reason       TEXT,
    staff_member TEXT,
    visited_at   TIMESTAMPTZ NOT NULL,
    recheck_date DATE,
    notes        TEXT,
    outcome      TEXT,
    created_at   TIMESTAMPTZ NOT NULL,
    version      BIGINT      NOT NULL
);

CREATE INDEX visit_customer_idx ON visit (customer_id, visited_at DESC);
