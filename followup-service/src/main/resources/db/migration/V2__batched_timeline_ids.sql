-- Timeline entries and touches take their ids in blocks of 50 (Hibernate's pooled sequence), so that one
-- scheduler pass inserts them in JDBC batches instead of one round trip per row.
ALTER SEQUENCE task_event_id_seq INCREMENT BY 50;
ALTER SEQUENCE touch_id_seq INCREMENT BY 50;
