-- How many SMS each business sent per UTC day, for the daily cap (settings.messaging.smsDailyCap);
-- a send reserves a slot atomically (UPDATE ... WHERE sent < cap) and a failed send gives it back.
CREATE TABLE sms_daily_count (
    business_id UUID NOT NULL,
    sent_on     DATE NOT NULL,
    sent        INT  NOT NULL,
    PRIMARY KEY (business_id, sent_on)
);

-- One row per SMS handed to a provider: what happened, without the recipient or the text (no PII).
CREATE TABLE sms_delivery (
    id           UUID                     NOT NULL PRIMARY KEY,
    business_id  UUID                     NOT NULL,
    provider     VARCHAR(16)              NOT NULL,
    purpose      VARCHAR(32)              NOT NULL,
    status       VARCHAR(16)              NOT NULL,
    provider_id  VARCHAR(64),
    attempts     INT                      NOT NULL,
    error        VARCHAR(500),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sms_delivery_business_idx ON sms_delivery (business_id, created_at);
