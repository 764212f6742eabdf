-- Messages the sandbox "sent": what the dashboard and GET /api/outbox show instead of real SMS/email.
CREATE TABLE outbox_message (
    id          UUID                     NOT NULL PRIMARY KEY,
    business_id UUID                     NOT NULL,
    channel     VARCHAR(16)              NOT NULL,
    recipient   VARCHAR(320)             NOT NULL,
    subject     VARCHAR(500),
    body        VARCHAR                  NOT NULL,
    purpose     VARCHAR(32)              NOT NULL,
    attachments VARCHAR,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX outbox_message_business_idx ON outbox_message (business_id, created_at);

-- Customers who asked a business to stop texting them (STOP and friends).
CREATE TABLE sms_opt_out (
    business_id  UUID                     NOT NULL,
    phone_number VARCHAR(20)              NOT NULL,
    opted_out_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (business_id, phone_number)
);
