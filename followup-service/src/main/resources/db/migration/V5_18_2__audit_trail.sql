-- The audit trail (issue #18): who did what, on which household, when. Append-only: the database itself refuses to
-- change or remove an entry, whatever the application does. A household's entries outlive its erasure; they hold
-- its id (a random UUID that names no one once the household's data is gone) and never personal data.
CREATE TABLE audit_entry (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at    TIMESTAMPTZ NOT NULL,
    actor          TEXT        NOT NULL,
    action         TEXT        NOT NULL,
    customer_id    UUID,
    details        JSONB       NOT NULL DEFAULT '{}',
    correlation_id TEXT,
    -- Filled once requests are traced (OpenTelemetry).
    trace_id       TEXT
);

CREATE INDEX audit_entry_by_customer ON audit_entry (customer_id, occurred_at DESC);
CREATE INDEX audit_entry_by_actor ON audit_entry (actor, occurred_at DESC);
CREATE INDEX audit_entry_by_time ON audit_entry (occurred_at DESC);

CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_entry_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_is_append_only();
