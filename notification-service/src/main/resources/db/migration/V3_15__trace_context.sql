-- The W3C trace context an event was published in, so the relay continues the consumer's trace (issue #15).
ALTER TABLE outbox_message ADD COLUMN traceparent TEXT, ADD COLUMN tracestate TEXT;
-- The trace a notification was requested in (the visit's), continued when it is sent or printed.
ALTER TABLE notification ADD COLUMN traceparent TEXT, ADD COLUMN tracestate TEXT;
