-- The retention job deletes stored answers by age (WebhookReplyRetention): an index on created_at keeps
-- it from reading the whole table every hour.
CREATE INDEX twilio_webhook_reply_created_idx ON twilio_webhook_reply (created_at);
