-- The W3C trace context an event was published in, so the relay continues the request's trace (issue #15).
ALTER TABLE outbox_message ADD COLUMN traceparent TEXT, ADD COLUMN tracestate TEXT;
