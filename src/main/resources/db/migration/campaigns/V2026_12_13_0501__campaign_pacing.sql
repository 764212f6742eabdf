-- A campaign's pacing: at most this many new calls a minute (null: only max_concurrent_calls limits them).
ALTER TABLE campaign ADD COLUMN calls_per_minute INT;
