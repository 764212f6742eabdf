-- The operator's usage figures count every business's conversations and calls started in the last 30 days in
-- one grouped query (WHERE started_at >= ? AND started_at < ? GROUP BY business_id), over all businesses:
-- the range is read through this index (business_id and channel in it, so PostgreSQL need not visit the
-- table for them) instead of scanning every conversation ever held.
CREATE INDEX conversation_started_idx ON conversation (started_at, business_id, channel);
