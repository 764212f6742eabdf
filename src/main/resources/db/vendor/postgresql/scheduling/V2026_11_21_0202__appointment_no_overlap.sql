-- PostgreSQL only: a second guard against double booking, under the calendar lock. Two live
-- appointments of the same business and staff member can never overlap in time.
CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public;

ALTER TABLE appointment ADD CONSTRAINT appointment_no_overlap EXCLUDE USING gist (
    business_id public.gist_uuid_ops WITH =,
    (COALESCE(staff_id, '')) public.gist_text_ops WITH =,
    tstzrange(start_at, end_at) WITH &&
) WHERE (status IN ('SCHEDULED', 'CONFIRMED'));
