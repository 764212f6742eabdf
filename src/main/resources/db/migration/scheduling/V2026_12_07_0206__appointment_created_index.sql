-- The operator's usage figures count every business's bookings of the last 30 days in one grouped query
-- (WHERE created_at >= ? AND created_at < ? GROUP BY business_id), over all businesses: the range is read
-- through this index instead of scanning every appointment ever booked.
CREATE INDEX appointment_created_idx ON appointment (created_at, business_id);
