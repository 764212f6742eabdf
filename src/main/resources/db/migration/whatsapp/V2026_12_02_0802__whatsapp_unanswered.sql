-- A text message is kept until it is answered: one whose process died before answering (Meta had its
-- 200 already and will not redeliver) is answered by the recovery job once its claim has expired.
-- The body is cleared as soon as the message is answered.
ALTER TABLE whatsapp_seen_message ADD COLUMN display_number VARCHAR(40);
ALTER TABLE whatsapp_seen_message ADD COLUMN phone_number_id VARCHAR(64);
ALTER TABLE whatsapp_seen_message ADD COLUMN sender VARCHAR(40);
ALTER TABLE whatsapp_seen_message ADD COLUMN body VARCHAR(4096);
ALTER TABLE whatsapp_seen_message ADD COLUMN claimed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE whatsapp_seen_message ADD COLUMN answered_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX whatsapp_seen_message_unanswered_idx ON whatsapp_seen_message (answered_at, claimed_at);
