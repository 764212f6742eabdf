-- When the SMS reminder of an appointment went out; a reminder is never sent twice.
ALTER TABLE appointment ADD COLUMN reminder_sent_at TIMESTAMP WITH TIME ZONE;
