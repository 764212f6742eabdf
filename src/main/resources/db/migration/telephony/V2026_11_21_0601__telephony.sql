-- Calls answered by the assistant, one row per Twilio CallSid.
CREATE TABLE call_record (
    id               UUID                     NOT NULL PRIMARY KEY,
    business_id      UUID                     NOT NULL,
    call_sid         VARCHAR(64)              NOT NULL,
    from_number      VARCHAR(32),
    to_number        VARCHAR(32)              NOT NULL,
    direction        VARCHAR(32),
    started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at         TIMESTAMP WITH TIME ZONE,
    duration_seconds INT,
    status           VARCHAR(20)              NOT NULL,
    recording_url    VARCHAR(1000),
    language         VARCHAR(8),
    CONSTRAINT call_record_call_sid_uk UNIQUE (call_sid)
);
CREATE INDEX call_record_business_started_idx ON call_record (business_id, started_at);

-- The TwiML answered to each Twilio webhook, so a redelivered request gets the same answer and has no
-- second effect. request_key is (CallSid, turn) for voice and the MessageSid for SMS; twiml is NULL
-- while the first delivery is still being answered.
CREATE TABLE twilio_webhook_reply (
    request_key       VARCHAR(200)             NOT NULL PRIMARY KEY,
    idempotency_token VARCHAR(200),
    twiml             VARCHAR(16000),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX twilio_webhook_reply_token_idx ON twilio_webhook_reply (idempotency_token);
