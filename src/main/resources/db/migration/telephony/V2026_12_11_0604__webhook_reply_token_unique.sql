-- I-Twilio-Idempotency-Token identifies one webhook request whatever URL it reached (a retry, a fallback), so
-- it is unique: a delivery's claim takes its key and its token, and a second delivery carrying the same token
-- under another key waits for the first one's answer instead of acting beside it. Tokens that two racing
-- deliveries already stored twice are kept on the first row only (the later rows still answer by their key).
UPDATE twilio_webhook_reply SET idempotency_token = NULL
WHERE idempotency_token IS NOT NULL
  AND EXISTS (
    SELECT 1 FROM twilio_webhook_reply earlier
    WHERE earlier.idempotency_token = twilio_webhook_reply.idempotency_token
      AND (earlier.created_at < twilio_webhook_reply.created_at
        OR (earlier.created_at = twilio_webhook_reply.created_at
          AND earlier.request_key < twilio_webhook_reply.request_key)));
DROP INDEX twilio_webhook_reply_token_idx;
CREATE UNIQUE INDEX twilio_webhook_reply_token_uk ON twilio_webhook_reply (idempotency_token);
